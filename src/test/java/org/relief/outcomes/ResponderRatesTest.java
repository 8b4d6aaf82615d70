package org.relief.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponderRatesTest {

    private final ResponderRates rates = new ResponderRates(OutcomesPolicy.defaults());

    @Test
    void wilsonMatchesNewcombesPublishedScoreIntervals() {
        // Newcombe, Stat Med 1998;17:857-872, Table I, method 3 (Wilson score, no continuity correction).
        check(81, 263, 0.2553, 0.3662);
        check(15, 148, 0.0624, 0.1605);
        check(0, 20, 0.0, 0.1611);
        check(1, 29, 0.0061, 0.1718);
    }

    private static void check(int x, int n, double lo, double hi) {
        ResponderRates.Interval i = ResponderRates.wilson(x, n, 0.95);
        assertThat(i.lower()).as(x + "/" + n + " lower").isCloseTo(lo, within(5e-5));
        assertThat(i.upper()).as(x + "/" + n + " upper").isCloseTo(hi, within(5e-5));
        assertThat(i.estimate()).isCloseTo(x / (double) n, within(1e-12));
    }

    @Test
    void wilsonRefusesNonsense() {
        assertThatThrownBy(() -> ResponderRates.wilson(3, 2, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResponderRates.wilson(0, 0, 0.95)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsThirtyAndFiftyPercentRespondersAtTheirThresholds() {
        // 20 patients with NRS baseline 10: follow-ups 10, 9, ..., improvements 0 %, 10 %, ... ; exactly 30 % and
        // exactly 50 % count (>=, CLINICAL_RULES §11).
        List<ResponderRates.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pairs.add(new ResponderRates.Pair(10, 10 - (i % 11)));
        }
        // improvements by i % 11: 0..10 points for i = 0..10, then 0..8 for i = 11..19.
        // >= 3 points: i%11 in 3..10 -> 8 (i 3-10) + 6 (i 14-19) = 14; >= 5 points: 6 + 4 = 10.
        ResponderRates.Result r = rates.of(Measure.NRS, pairs);
        assertThat(r.tooFew()).isFalse();
        assertThat(r.n()).isEqualTo(20);
        assertThat(r.moderate().responders()).isEqualTo(14);
        assertThat(r.substantial().responders()).isEqualTo(10);
        assertThat(r.moderate().percent()).isCloseTo(70.0, within(1e-9));
        ResponderRates.Interval w = ResponderRates.wilson(14, 20, 0.95);
        assertThat(r.moderate().lowerPercent()).isCloseTo(w.lower() * 100, within(1e-9));
        assertThat(r.moderate().source()).contains("Farrar 2001");
        // NRS important change: 2 points or 30 % (Farrar 2001): with baseline 10 the figure is 2 points.
        assertThat(r.meaningful().responders()).isEqualTo(8 + 1 + 6 + 1);
        assertThat(r.message()).startsWith("Of 20 similar patients, 70 % (95 % interval");
    }

    @Test
    void tooFewSimilarPatientsBelowThePolicyMinimum() {
        List<ResponderRates.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            pairs.add(new ResponderRates.Pair(8, 3));
        }
        pairs.add(new ResponderRates.Pair(0, 0)); // baseline 0: no improvement can be measured, not counted
        ResponderRates.Result r = rates.of(Measure.NRS, pairs);
        assertThat(r.tooFew()).isTrue();
        assertThat(r.n()).isEqualTo(19);
        assertThat(r.excluded()).isEqualTo(1);
        assertThat(r.moderate()).isNull();
        assertThat(r.message())
                .startsWith("Too few similar patients: 19 found, 20 needed")
                .contains("UNVERIFIED");
        pairs.add(new ResponderRates.Pair(8, 3));
        assertThat(rates.of(Measure.NRS, pairs).tooFew()).isFalse();
    }

    @Test
    void odiImportantChangeIsTenPointsOrThirtyPercent() {
        List<ResponderRates.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pairs.add(new ResponderRates.Pair(50, 41)); // 9 points, 18 %: not enough
        }
        pairs.set(0, new ResponderRates.Pair(50, 40)); // 10 points: enough (Ostelo 2008)
        pairs.set(1, new ResponderRates.Pair(20, 14)); // 6 points but 30 %: enough
        ResponderRates.Result r = rates.of(Measure.ODI, pairs);
        assertThat(r.meaningful().responders()).isEqualTo(2);
        assertThat(r.meaningful().source()).contains("Ostelo 2008");
    }

    @Test
    void phq9HasNoImportantChangeRate() {
        List<ResponderRates.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            pairs.add(new ResponderRates.Pair(15, 7));
        }
        ResponderRates.Result r = rates.of(Measure.PHQ9, pairs);
        assertThat(r.meaningful()).isNull();
        assertThat(r.substantial().responders()).isEqualTo(25);
    }
}
