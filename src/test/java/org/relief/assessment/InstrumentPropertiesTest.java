package org.relief.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties that must hold for any answers, checked on generated answers: the edge cases first (nothing
 * answered, every lowest and every highest option), then {@value #CASES} random ones per property from a fixed seed,
 * so a failure names its answers and comes back on every run.
 */
class InstrumentPropertiesTest {

    private static final long SEED = 20_260_301L;
    private static final int CASES = 500;

    @ParameterizedTest(name = "{0}")
    @MethodSource("odiAnswers")
    void odiIsAlwaysBetweenZeroAndHundredWhateverIsSkipped(Map<String, Integer> answers) {
        Score s = Instruments.score(Instruments.ODI, answers);
        if (answers.isEmpty()) {
            assertThat(s.total()).isNull();
        } else {
            assertThat(s.total()).isBetween(0.0, 100.0);
            assertThat(s.band()).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phq9Answers")
    void phq9TotalIsTheSumOfItsItems(Map<String, Integer> answers) {
        Score s = Instruments.score(Instruments.PHQ9, answers);
        assertThat(s.total()).isEqualTo((double)
                answers.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(s.safetyFlags().isEmpty()).isEqualTo(answers.get("q9") == 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("anyInstrumentAnswers")
    void everyScoreStaysWithinItsInstrumentsRange(Answers a) {
        Score s = Instruments.score(a.instrument(), a.values());
        if (s.total() != null) {
            assertThat(s.total())
                    .isBetween(a.instrument().scoreMin(), a.instrument().scoreMax());
        }
    }

    record Answers(Instrument instrument, Map<String, Integer> values) {

        @Override
        public String toString() {
            return instrument.code() + " " + values;
        }
    }

    /** ODI sections s1..s10 answered 0-5, each left out about one time in seven. */
    static Stream<Map<String, Integer>> odiAnswers() {
        Random random = new Random(SEED);
        Stream<Map<String, Integer>> edges = Stream.of(
                Map.of(), numbered("s", 10, i -> 0), numbered("s", 10, i -> 5), Map.of("s1", 5), Map.of("s10", 0));
        return Stream.concat(edges, IntStream.range(0, CASES).mapToObj(n -> {
            Map<String, Integer> m = new HashMap<>();
            for (int i = 1; i <= 10; i++) {
                int value = random.nextInt(-1, 6);
                if (value >= 0) {
                    m.put("s" + i, value);
                }
            }
            return m;
        }));
    }

    /** PHQ-9 items q1..q9, all answered 0-3. */
    static Stream<Map<String, Integer>> phq9Answers() {
        Random random = new Random(SEED + 1);
        Stream<Map<String, Integer>> edges =
                Stream.of(numbered("q", 9, i -> 0), numbered("q", 9, i -> 3), numbered("q", 9, i -> i == 9 ? 1 : 0));
        return Stream.concat(
                edges, IntStream.range(0, CASES).mapToObj(n -> numbered("q", 9, i -> random.nextInt(0, 4))));
    }

    /** Any instrument, each item given one of its own options or (about one in five) left unanswered. */
    static Stream<Answers> anyInstrumentAnswers() {
        Random random = new Random(SEED + 2);
        Stream<Answers> edges = Instruments.ALL.stream()
                .flatMap(instrument -> Stream.of(
                        new Answers(instrument, Map.of()),
                        new Answers(
                                instrument,
                                each(instrument, options -> options.get(0).value())),
                        new Answers(
                                instrument,
                                each(
                                        instrument,
                                        options ->
                                                options.get(options.size() - 1).value()))));
        return Stream.concat(edges, IntStream.range(0, CASES).mapToObj(n -> {
            Instrument instrument = Instruments.ALL.get(random.nextInt(Instruments.ALL.size()));
            Map<String, Integer> m = new HashMap<>();
            for (Instrument.Item item : instrument.items()) {
                if (random.nextInt(5) != 0) {
                    m.put(
                            item.id(),
                            item.options()
                                    .get(random.nextInt(item.options().size()))
                                    .value());
                }
            }
            return new Answers(instrument, m);
        }));
    }

    private static Map<String, Integer> numbered(String prefix, int count, Function<Integer, Integer> value) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 1; i <= count; i++) {
            m.put(prefix + i, value.apply(i));
        }
        return m;
    }

    private static Map<String, Integer> each(Instrument instrument, Function<List<Instrument.Option>, Integer> pick) {
        Map<String, Integer> m = new HashMap<>();
        instrument.items().forEach(item -> m.put(item.id(), pick.apply(item.options())));
        return m;
    }
}
