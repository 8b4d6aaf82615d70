package org.relief.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Realistic expectations and the cohort table on hand-built cohorts. The rates' intervals are Wilson's, checked here
 * with Newcombe's numbers (Stat Med 1998, Table I: 15 of 148 gives 0.0624 to 0.1605; 81 of 263 gives 0.2553 to
 * 0.3662); the 30 % and 50 % responder thresholds are CLINICAL_RULES §11's.
 */
class CohortTest {

    private static final List<String> PT_CBT = List.of("Cognitive behavioural therapy", "Physical therapy");
    private static final LocalDate START = LocalDate.of(2025, 3, 3);
    private final Cohort cohort = new Cohort(OutcomesPolicy.defaults());

    /** A member with baseline NRS 8 and the given scores at 3 and 6 months. */
    private static Cohort.Member member(int age, String dx, int prior, Double peg, List<String> combo, Double at3) {
        return new Cohort.Member(UUID.randomUUID(), age, dx, prior, combo, START, 8.0, peg, at3, null);
    }

    /** n similar members (age 52, M54, 1 failed prior treatment, PEG 6.5): r30 improved 30-49 %, r50 50 % or more. */
    private static List<Cohort.Member> similar(int n, int r30, int r50) {
        List<Cohort.Member> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double at3 = i < r50 ? 4.0 : i < r50 + r30 ? 5.6 : 7.5; // 50 %, exactly 30 %, 6.25 %
            ms.add(member(52, "M54", 1, 6.5, PT_CBT, at3));
        }
        return ms;
    }

    private static final Cohort.Target TARGET = new Cohort.Target(55, "M54", 1, 7.0, PT_CBT);

    @Test
    void expectationsAreTheSimilarPatientsResponderRatesWithWilsonIntervals() {
        // 148 similar patients, 15 of them reaching 50 % (so 30 % too): Newcombe's 15/148 for both rates
        List<Cohort.Member> ms = new ArrayList<>(similar(148, 0, 15));
        Cohort.Expectation e = cohort.expect(TARGET, ms);
        assertThat(e.similar()).isEqualTo(148);
        ResponderRates.Result at3 = e.at().get(0).rates();
        assertThat(at3.tooFew()).isFalse();
        assertThat(at3.n()).isEqualTo(148);
        assertThat(at3.moderate().lowerPercent()).isCloseTo(6.24, within(0.01));
        assertThat(at3.moderate().upperPercent()).isCloseTo(16.05, within(0.01));
        assertThat(at3.substantial().responders()).isEqualTo(15);
        assertThat(e.text())
                .startsWith("At 3 months, of 148 patients like this one treated with a similar combination, 10 % "
                        + "(95 % interval 6-16 %) reached a 30 % improvement and 10 % (95 % interval 6-16 %) a 50 % "
                        + "improvement.");
        // no one has a 6-month score: too few, with N shown
        assertThat(e.at().get(1).rates().tooFew()).isTrue();
        assertThat(e.text()).contains("At 6 months: too few similar patients (0 with a pain score then; 20 needed)");
        assertThat(e.plainText())
                .startsWith("About 10 in 100 people like you had at least 30 % less pain after 3 months, and about "
                        + "10 in 100 at least 50 % less (from 148 people treated here).")
                .endsWith("these are past results, not a promise.");
        assertThat(e.method())
                .contains("Wilson")
                .contains("Farrar 2001")
                .contains("UNVERIFIED")
                .doesNotContain("CLINICAL_RULES");
    }

    @Test
    void exactlyThirtyPercentCountsAndNewcombesSecondExampleHolds() {
        // 263 similar patients, 81 improved exactly 30 % (5.6 from 8): they count at 30 %, not at 50 %
        Cohort.Expectation e = cohort.expect(TARGET, similar(263, 81, 0));
        ResponderRates.Result at3 = e.at().get(0).rates();
        assertThat(at3.moderate().responders()).isEqualTo(81);
        assertThat(at3.moderate().lowerPercent()).isCloseTo(25.53, within(0.01));
        assertThat(at3.moderate().upperPercent()).isCloseTo(36.62, within(0.01));
        assertThat(at3.substantial().responders()).isZero();
    }

    @Test
    void onlyPatientsLikeThisOneCountAndBelowTheMinimumItSaysTooFew() {
        List<Cohort.Member> ms = new ArrayList<>(similar(19, 10, 0));
        ms.add(member(52, "M47", 1, 6.5, PT_CBT, 4.0)); // another diagnosis group
        ms.add(member(63, "M54", 1, 6.5, PT_CBT, 4.0)); // another age band (60-69; the target is 55: 50-59)
        ms.add(member(52, "M54", 0, 6.5, PT_CBT, 4.0)); // no failed prior treatment
        ms.add(member(52, "M54", 1, 8.5, PT_CBT, 4.0)); // baseline PEG 1.5 from the target's 7.0 (MCID 1.0)
        ms.add(member(52, "M54", 1, 6.5, List.of("Physical therapy"), 4.0)); // another combination
        ms.add(member(52, "M54", 1, null, PT_CBT, 4.0)); // no PEG before the plan
        Cohort.Expectation e = cohort.expect(TARGET, ms);
        assertThat(e.similar()).isEqualTo(19);
        assertThat(e.at().get(0).rates().tooFew()).isTrue();
        assertThat(e.text()).startsWith("At 3 months: too few similar patients (19 with a pain score then; 20 needed)");
        assertThat(e.plainText()).startsWith("We have not yet treated enough people like you");
        assertThat(e.criteria())
                .contains("the same diagnosis group (ICD-10 M54)")
                .anyMatch(c -> c.startsWith("the same age band (50-59 years"))
                .anyMatch(c -> c.startsWith("a baseline PEG within 1 point of this patient's 7.0"));
        // one more similar patient reaches the minimum of 20
        ms.add(member(58, "M54", 1, 7.9, PT_CBT, 4.0));
        assertThat(cohort.expect(TARGET, ms).at().get(0).rates().tooFew()).isFalse();
    }

    @Test
    void theCohortTableHasRowsPerTherapyAndPerCombinationStratifiedByBaseline() {
        List<Cohort.Member> ms = new ArrayList<>(similar(30, 10, 5));
        for (int i = 0; i < 25; i++) {
            ms.add(new Cohort.Member(
                    UUID.randomUUID(),
                    40,
                    "M54",
                    0,
                    List.of("Physical therapy"),
                    START,
                    4.0 + i % 5,
                    null,
                    i < 5 ? 1.0 : 4.0 + i % 5,
                    null));
        }
        Cohort.Table t = cohort.table(ms, 3);
        assertThat(t.patients()).isEqualTo(55);
        assertThat(t.rows())
                .extracting(Cohort.Row::kind, Cohort.Row::label, Cohort.Row::n)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "Therapy (in any combination)", "Cognitive behavioural therapy", 30),
                        org.assertj.core.groups.Tuple.tuple("Therapy (in any combination)", "Physical therapy", 55),
                        org.assertj.core.groups.Tuple.tuple(
                                "Combination", "Cognitive behavioural therapy + Physical therapy", 30),
                        org.assertj.core.groups.Tuple.tuple("Combination", "Physical therapy", 25));
        Cohort.Row combo = t.rows().get(2);
        assertThat(combo.overall().moderate().responders()).isEqualTo(15);
        assertThat(combo.overall().substantial().responders()).isEqualTo(5);
        // baselines, sorted: five each of 4, 5, 6, 7, then 35 of 8: thirds cut at the 19th (7.0) and 37th (8.0)
        assertThat(t.strata())
                .containsExactly(
                        "baseline NRS below 7.0", "baseline NRS 7.0 to below 8.0", "baseline NRS 8.0 and above");
        assertThat(combo.strata().get(2).n()).isEqualTo(30);
        assertThat(combo.strata().get(0).n()).isZero();
        // one baseline for everyone: one stratum
        assertThat(cohort.table(similar(30, 10, 5), 3).strata()).containsExactly("every baseline NRS");
        // 6 months: nobody has a score then
        assertThat(cohort.table(ms, 6).rows()).isEmpty();
        assertThat(t.method()).contains("stratification").contains("Wilson");
    }

    @Test
    void odiRespondersReachTheImportantChangeOfTenPointsOrThirtyPercentOstelo2008() {
        // CLINICAL_RULES §11 (Ostelo 2008): a change of 10 points or 30 %, whichever is smaller. Baseline 40: the
        // figure is 10 points (30 % would be 12). 9 of 20 improve by exactly 10 (responders), 11 by 9 (not).
        List<Cohort.Member> ms = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ms.add(new Cohort.Member(
                    UUID.randomUUID(), 50, "M54", 0, PT_CBT, START, 40.0, null, i < 9 ? 30.0 : 31.0, null));
        }
        Cohort.Table t = cohort.table(ms, 3, Measure.ODI);
        assertThat(t.percentRates()).isFalse();
        Cohort.Row combination = t.rows().stream()
                .filter(r -> r.kind().equals("Combination"))
                .findFirst()
                .orElseThrow();
        assertThat(combination.overall().meaningful().responders()).isEqualTo(9);
        assertThat(combination.overall().meaningful().n()).isEqualTo(20);
        assertThat(t.strata()).containsExactly("every baseline ODI");
        assertThat(t.method())
                .contains("Oswestry Disability Index")
                .contains("10 points or 30 % of baseline")
                .contains("Ostelo 2008")
                .contains("mean ODI")
                .doesNotContain("less pain")
                .doesNotContain("CLINICAL_RULES");
        // the NRS table of the same members keeps its 30 % and 50 % rates
        assertThat(cohort.table(ms, 3).percentRates()).isTrue();
    }

    @Test
    void pegRespondersImproveByOnePointReed2023() {
        // CLINICAL_RULES §11 (Reed, J Pain 2023): meaningful change 1.0-1.75 points; the policy uses 1.0
        List<Cohort.Member> ms = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ms.add(new Cohort.Member(
                    UUID.randomUUID(), 50, "M54", 0, PT_CBT, START, 6.0, 6.0, i < 10 ? 5.0 : 5.5, null));
        }
        Cohort.Row row = cohort.table(ms, 3, Measure.PEG).rows().get(0);
        assertThat(row.overall().meaningful().responders()).isEqualTo(10);
    }
}
