package org.relief.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties that must hold for any answers. */
class InstrumentPropertiesTest {

    @Property
    void odiIsAlwaysBetweenZeroAndHundredWhateverIsSkipped(@ForAll("odiAnswers") Map<String, Integer> answers) {
        Score s = Instruments.score(Instruments.ODI, answers);
        if (answers.isEmpty()) {
            assertThat(s.total()).isNull();
        } else {
            assertThat(s.total()).isBetween(0.0, 100.0);
            assertThat(s.band()).isNotNull();
        }
    }

    @Property
    void phq9TotalIsTheSumOfItsItems(@ForAll("phq9Answers") Map<String, Integer> answers) {
        Score s = Instruments.score(Instruments.PHQ9, answers);
        assertThat(s.total()).isEqualTo((double) answers.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(s.safetyFlags().isEmpty()).isEqualTo(answers.get("q9") == 0);
    }

    @Property
    void everyScoreStaysWithinItsInstrumentsRange(@ForAll("anyInstrumentAnswers") Answers a) {
        Score s = Instruments.score(a.instrument(), a.values());
        if (s.total() != null) {
            assertThat(s.total()).isBetween(a.instrument().scoreMin(), a.instrument().scoreMax());
        }
    }

    record Answers(Instrument instrument, Map<String, Integer> values) {
    }

    @Provide
    Arbitrary<Map<String, Integer>> odiAnswers() {
        return Arbitraries.integers().between(-1, 5).list().ofSize(10).map(values -> {
            Map<String, Integer> m = new HashMap<>();
            for (int i = 0; i < 10; i++) {
                if (values.get(i) >= 0) {
                    m.put("s" + (i + 1), values.get(i));
                }
            }
            return m;
        });
    }

    @Provide
    Arbitrary<Map<String, Integer>> phq9Answers() {
        return Arbitraries.integers().between(0, 3).list().ofSize(9).map(values -> {
            Map<String, Integer> m = new HashMap<>();
            for (int i = 0; i < 9; i++) {
                m.put("q" + (i + 1), values.get(i));
            }
            return m;
        });
    }

    @Provide
    Arbitrary<Answers> anyInstrumentAnswers() {
        return Arbitraries.of(Instruments.ALL).flatMap(instrument -> {
            List<Instrument.Item> items = instrument.items();
            return Arbitraries.integers().between(0, 1000).list().ofSize(items.size()).map(picks -> {
                Map<String, Integer> m = new HashMap<>();
                for (int i = 0; i < items.size(); i++) {
                    int pick = picks.get(i);
                    List<Instrument.Option> options = items.get(i).options();
                    if (pick % 5 != 0) { // about one in five left unanswered
                        m.put(items.get(i).id(), options.get(pick % options.size()).value());
                    }
                }
                return new Answers(instrument, m);
            });
        });
    }
}
