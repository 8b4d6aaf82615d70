package org.relief.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relief.assessment.SafetyFlag.Risk;

/** Each instrument against its published rule: worked examples, every band edge, missing-item rules. */
class InstrumentScoringTest {

    @Test
    void nrsIsTheRatingAndTwoPointsOrThirtyPercentIsMeaningful() {
        assertThat(Instruments.score(Instruments.NRS, Map.of("pain", 7)).total())
                .isEqualTo(7);
        var mc = Instruments.NRS.meaningfulChange();
        assertThat(mc.isMeaningful(7, 5)).isTrue(); // 2 points (Farrar 2001)
        assertThat(mc.isMeaningful(3, 2)).isTrue(); // 1 point is 33% of 3
        assertThat(mc.isMeaningful(8, 7)).isFalse(); // 1 point, 12.5%
        assertThat(mc.isMeaningful(10, 7)).isTrue(); // 30% exactly
    }

    @Test
    void pegIsTheMeanOfItsThreeItems() {
        Score s = Instruments.score(Instruments.PEG, Map.of("p", 7, "e", 6, "g", 8));
        assertThat(s.total()).isEqualTo(7.0);
        assertThat(Instruments.score(Instruments.PEG, Map.of("p", 7, "e", 6, "g", 6))
                        .total())
                .isEqualTo(6.33);
        assertThat(Instruments.score(Instruments.PEG, Map.of("p", 7, "e", 6)).total())
                .isNull();
        assertThat(Instruments.PEG.meaningfulChange().isMeaningful(7.0, 6.0)).isTrue();
        assertThat(Instruments.PEG.meaningfulChange().isMeaningful(7.0, 6.33)).isFalse();
    }

    @Test
    void odiWithAllSectionsIsSumOverFiftyTimesHundred() {
        Map<String, Integer> a = new HashMap<>();
        int[] values = {3, 2, 4, 2, 3, 3, 2, 1, 2, 2}; // sum 24
        for (int i = 0; i < 10; i++) {
            a.put("s" + (i + 1), values[i]);
        }
        Score s = Instruments.score(Instruments.ODI, a);
        assertThat(s.total()).isEqualTo(48.0);
        assertThat(s.band()).startsWith("Severe");
    }

    @Test
    void odiWithASkippedSectionDividesByTheSectionsAnswered() {
        Map<String, Integer> a = new HashMap<>();
        for (int i = 1; i <= 9; i++) {
            a.put("s" + i, 2); // sum 18 over 9 sections: 18 / 45 x 100 = 40
        }
        Score s = Instruments.score(Instruments.ODI, a);
        assertThat(s.total()).isEqualTo(40.0);
        assertThat(s.band()).startsWith("Moderate");
        assertThat(s.missing()).containsExactly("s10");
        assertThat(s.notes()).singleElement().asString().contains("5 x 9 answered");
    }

    @ParameterizedTest
    @CsvSource({
        "20,Minimal",
        "20.5,Moderate",
        "21,Moderate",
        "40,Moderate",
        "41,Severe",
        "60,Severe",
        "61,Crippled",
        "80,Crippled",
        "81,Bed-bound",
        "100,Bed-bound",
        "0,Minimal"
    })
    void odiBandEdges(double index, String band) {
        assertThat(Instruments.ODI.band(index))
                .get()
                .extracting(Instrument.Band::label)
                .asString()
                .startsWith(band);
    }

    @ParameterizedTest
    @CsvSource({
        "0,None-minimal",
        "4,None-minimal",
        "5,Mild",
        "9,Mild",
        "10,Moderate",
        "14,Moderate",
        "15,Moderately severe",
        "19,Moderately severe",
        "20,Severe",
        "27,Severe"
    })
    void phq9BandEdgesAreKroenkes(int total, String band) {
        assertThat(Instruments.score(Instruments.PHQ9, answersSumming(9, 3, total))
                        .band())
                .startsWith(band);
    }

    @Test
    void phq9ItemNineFlagsWhateverTheTotalAndEvenWhenIncomplete() {
        Map<String, Integer> low = new HashMap<>(answersSumming(9, 3, 0));
        low.put("q9", 1);
        Score s = Instruments.score(Instruments.PHQ9, low);
        assertThat(s.total()).isEqualTo(1);
        assertThat(s.band()).startsWith("None-minimal");
        assertThat(s.safetyFlags()).singleElement().satisfies(f -> {
            assertThat(f.concern()).isEqualTo(SafetyFlag.Concern.SUICIDAL_IDEATION);
            assertThat(f.reason()).contains("Several days");
            assertThat(f.source()).contains("Kroenke 2001");
        });
        Score incomplete = Instruments.score(Instruments.PHQ9, Map.of("q9", 2));
        assertThat(incomplete.total()).isNull();
        assertThat(incomplete.safetyFlags()).hasSize(1);
        assertThat(Instruments.score(Instruments.PHQ9, answersSumming(9, 3, 27)).safetyFlags())
                .hasSize(1);
        Map<String, Integer> highWithoutItem9 = new HashMap<>(answersSumming(8, 3, 24));
        highWithoutItem9.put("q9", 0);
        assertThat(Instruments.score(Instruments.PHQ9, highWithoutItem9).safetyFlags())
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"4,Minimal", "5,Mild", "9,Mild", "10,Moderate", "14,Moderate", "15,Severe", "21,Severe"})
    void gad7BandEdgesAreSpitzers(int total, String band) {
        assertThat(Instruments.score(Instruments.GAD7, answersSumming(7, 3, total))
                        .band())
                .startsWith(band);
    }

    @Test
    void pcsTotalsAndSubscalesUseThePublishedItems() {
        Map<String, Integer> a = new HashMap<>();
        for (int i = 1; i <= 13; i++) {
            a.put("q" + i, i <= 5 || i == 12 ? 4 : i >= 8 && i <= 11 ? 2 : 1);
        }
        Score s = Instruments.score(Instruments.PCS, a);
        assertThat(s.subscales())
                .containsEntry("Helplessness", 24.0)
                .containsEntry("Rumination", 8.0)
                .containsEntry("Magnification", 3.0);
        assertThat(s.total()).isEqualTo(35.0);
        assertThat(s.band()).startsWith("Clinically relevant");
        a.put("q1", 0);
        a.put("q2", 0); // 31
        a.put("q3", 2); // 29
        assertThat(Instruments.score(Instruments.PCS, a).band()).startsWith("Below");
    }

    @Test
    void bpiSeverityIsTheMeanOfFourAndInterferenceNeedsFourOfSeven() {
        Map<String, Integer> a = new HashMap<>(Map.of("worst", 8, "least", 3, "average", 5, "now", 6));
        a.putAll(Map.of("i_1", 6, "i_2", 4, "i_3", 7));
        Score s = Instruments.score(Instruments.BPI, a);
        assertThat(s.subscales()).containsEntry("Severity", 5.5).doesNotContainKey("Interference");
        assertThat(s.total()).isNull();
        a.put("i_4", 3);
        s = Instruments.score(Instruments.BPI, a);
        assertThat(s.total()).isEqualTo(5.0);
        assertThat(Instruments.BPI.meaningfulChange().isMeaningful(5.0, 4.0)).isTrue();
        assertThat(Instruments.BPI.meaningfulChange().isMeaningful(5.0, 4.25)).isFalse();
    }

    @Test
    void cssrsMapsRiskAsTheRulesSay() {
        assertThat(cssrs(Map.of("q1", 0, "q2", 0, "q6", 0))).satisfies(s -> {
            assertThat(s.safetyFlags()).isEmpty();
            assertThat(s.total()).isEqualTo(0);
        });
        assertThat(risk(Map.of("q1", 1, "q2", 0, "q6", 0))).isEqualTo(Risk.LOW);
        assertThat(risk(Map.of("q1", 0, "q2", 1, "q3", 0, "q4", 0, "q5", 0, "q6", 0)))
                .isEqualTo(Risk.LOW);
        assertThat(risk(Map.of("q1", 1, "q2", 1, "q3", 1, "q4", 0, "q5", 0, "q6", 0)))
                .isEqualTo(Risk.MODERATE);
        assertThat(risk(Map.of("q1", 1, "q2", 1, "q3", 1, "q4", 1, "q5", 0, "q6", 0)))
                .isEqualTo(Risk.HIGH);
        assertThat(risk(Map.of("q1", 1, "q2", 1, "q3", 0, "q4", 0, "q5", 1, "q6", 0)))
                .isEqualTo(Risk.HIGH);
        assertThat(risk(Map.of("q1", 0, "q2", 0, "q6", 1, "q6_recent", 1))).isEqualTo(Risk.HIGH);
        assertThat(risk(Map.of("q1", 0, "q2", 0, "q6", 1, "q6_recent", 0))).isEqualTo(Risk.UNRATED);
    }

    @Test
    void cssrsAsksFollowUpsOnlyAfterAYes() {
        Score s = cssrs(Map.of("q1", 0, "q2", 1, "q6", 0));
        assertThat(s.missing()).containsExactly("q3", "q4", "q5");
        assertThat(s.total()).isNull();
        assertThat(s.safetyFlags()).hasSize(1); // the "yes" already counts
    }

    @Test
    void rolandMorrisCountsYesAnswersAndFivePointsIsMeaningful() {
        Map<String, Integer> a = new HashMap<>();
        IntStream.rangeClosed(1, 24).forEach(i -> a.put("q" + i, i <= 18 ? 1 : 0));
        assertThat(Instruments.score(Instruments.RMDQ, a).total()).isEqualTo(18);
        assertThat(Instruments.RMDQ.meaningfulChange().isMeaningful(18, 13)).isTrue();
        assertThat(Instruments.RMDQ.meaningfulChange().isMeaningful(18, 14)).isFalse();
    }

    @Test
    void unknownItemsAndOutOfRangeAnswersAreRefusedNamingTheItem() {
        assertThatThrownBy(() -> Instruments.score(Instruments.PHQ9, Map.of("q10", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("q10:");
        assertThatThrownBy(() -> Instruments.score(Instruments.PHQ9, Map.of("q1", 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("q1:");
    }

    @Test
    void sumInstrumentsNeedEveryItem() {
        Score s = Instruments.score(Instruments.GAD7, Map.of("q1", 3));
        assertThat(s.total()).isNull();
        assertThat(s.missing()).hasSize(6);
    }

    private static Score cssrs(Map<String, Integer> a) {
        return Instruments.score(Instruments.CSSRS, a);
    }

    private static Risk risk(Map<String, Integer> a) {
        return cssrs(a).safetyFlags().get(0).risk();
    }

    /** n items valued 0..max whose sum is {@code total}, filled greedily from item 1. */
    static Map<String, Integer> answersSumming(int n, int max, int total) {
        Map<String, Integer> a = new HashMap<>();
        int left = total;
        for (int i = 1; i <= n; i++) {
            int v = Math.min(max, left);
            a.put("q" + i, v);
            left -= v;
        }
        return a;
    }
}
