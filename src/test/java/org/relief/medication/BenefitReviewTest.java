package org.relief.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relief.medication.BenefitReview.Verdict;
import org.relief.medication.ScoreReading.Kind;

/**
 * The benefit judgement of the periodic review against the MIDs of shared/CLINICAL_RULES.md §11 (NRS 2 points or
 * 30 %, Farrar 2001; PEG 1.0 point, Reed 2023) and the deprescribing candidates. The candidate period (12 weeks
 * here) is the test's own choice: Relief ships no default for it.
 */
class BenefitReviewTest {

    private static final LocalDate START = LocalDate.of(2026, 6, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private final BenefitReview review = new BenefitReview(ReviewPolicy.of(12, "test: clinic's choice"));

    private static ScoreReading nrs(LocalDate on, double score) {
        return new ScoreReading(Kind.NRS, on, score);
    }

    private static ScoreReading peg(LocalDate on, double score) {
        return new ScoreReading(Kind.PEG, on, score);
    }

    @ParameterizedTest(name = "NRS {0} -> {1}: {2}")
    @CsvSource({
        "7, 5, MEASURED_BENEFIT",
        "7, 5.5, NO_MEASURED_BENEFIT",
        "5, 3.5, MEASURED_BENEFIT",
        "5, 3.6, NO_MEASURED_BENEFIT",
        "3, 2, MEASURED_BENEFIT",
        "4, 3, NO_MEASURED_BENEFIT",
        "10, 7, MEASURED_BENEFIT",
        "6, 8, NO_MEASURED_BENEFIT",
        "0, 0, NO_MEASURED_BENEFIT"
    })
    void nrsReachesTheMidAtTwoPointsOrThirtyPercent(double before, double after, Verdict expected) {
        BenefitReview.Judgement j = review.judge(
                START, null, List.of(nrs(START.minusDays(10), before), nrs(START.plusWeeks(6), after)), TODAY);
        assertThat(j.verdict()).isEqualTo(expected);
        assertThat(j.source()).contains("Farrar");
    }

    @ParameterizedTest(name = "PEG {0} -> {1}: {2}")
    @CsvSource({"6, 5, MEASURED_BENEFIT", "6, 5.1, NO_MEASURED_BENEFIT", "3, 2.1, NO_MEASURED_BENEFIT"})
    void pegReachesTheMidAtOnePoint(double before, double after, Verdict expected) {
        BenefitReview.Judgement j =
                review.judge(START, null, List.of(peg(START, before), peg(START.plusWeeks(6), after)), TODAY);
        assertThat(j.verdict()).isEqualTo(expected);
        assertThat(j.source()).contains("Reed");
    }

    @Test
    void measuresFromTheLastScoreBeforeTheStartToTheLatestSince() {
        List<ScoreReading> scores = List.of(
                nrs(START.minusMonths(3), 4),
                nrs(START.minusDays(2), 8),
                nrs(START.plusWeeks(2), 5),
                nrs(START.plusWeeks(10), 6),
                nrs(TODAY.plusDays(1), 1));
        BenefitReview.Judgement j = review.judge(START, null, scores, TODAY);
        assertThat(j.baseline().score()).isEqualTo(8);
        assertThat(j.latest().score()).isEqualTo(6);
        assertThat(j.improvementPoints()).isEqualTo(2.0);
        assertThat(j.verdict()).isEqualTo(Verdict.MEASURED_BENEFIT);
        assertThat(j.text()).contains("NRS pain 8 on 2026-05-30, 6 on 2026-08-10 (down 2 points, 25 %)");
    }

    @Test
    void noMeasuredBenefitIsWordedHonestly() {
        BenefitReview.Judgement j = review.judge(START, null, List.of(nrs(START, 6), nrs(TODAY, 5)), TODAY);
        assertThat(j.verdict()).isEqualTo(Verdict.NO_MEASURED_BENEFIT);
        assertThat(j.verdict().label()).isEqualTo("No measured benefit");
        assertThat(j.text())
                .startsWith("No measured benefit: ")
                .contains("ask the patient")
                .doesNotContain("no benefit");
    }

    @Test
    void withoutAScoreBeforeOrSinceTheStartTheBenefitIsNotMeasured() {
        assertThat(review.judge(START, null, List.of(nrs(START.plusDays(1), 7), nrs(TODAY, 2)), TODAY)
                        .text())
                .isEqualTo("Benefit not measured: NRS pain: no score on or before the start (2026-06-01).");
        assertThat(review.judge(START, null, List.of(nrs(START, 7)), TODAY).verdict())
                .isEqualTo(Verdict.NOT_MEASURED);
        assertThat(review.judge(START, null, List.of(), TODAY).text())
                .isEqualTo("Benefit not measured: no NRS or PEG score on file.");
        assertThat(review.judge(null, null, List.of(nrs(START, 7), nrs(TODAY, 2)), TODAY)
                        .verdict())
                .isEqualTo(Verdict.NOT_MEASURED);
    }

    @Test
    void eitherInstrumentReachingItsMidCounts() {
        List<ScoreReading> scores = List.of(nrs(START, 6), nrs(TODAY, 5), peg(START, 6), peg(TODAY, 4.5));
        assertThat(review.judge(START, null, scores, TODAY).verdict()).isEqualTo(Verdict.MEASURED_BENEFIT);
    }

    @Test
    void aStoppedMedicationIsJudgedUpToItsStop() {
        LocalDate stop = START.plusWeeks(8);
        List<ScoreReading> scores = List.of(nrs(START, 7), nrs(START.plusWeeks(4), 6.5), nrs(TODAY, 3));
        assertThat(review.judge(START, stop, scores, TODAY).verdict()).isEqualTo(Verdict.NO_MEASURED_BENEFIT);
    }

    @Test
    void deprescribingCandidatesAreTakenForTheWeeksWithNoMeasuredBenefit() {
        LocalDate today = START.plusWeeks(12);
        Medication twelveWeeks = Meds.started(Meds.tablet("tramadol", "50", "1 tab bid"), START, null);
        Medication elevenWeeks = Meds.started(Meds.tablet("naproxen", "500", "1 tab bid"), START.plusWeeks(1), null);
        Medication stopped = Meds.started(Meds.tablet("oxycodone", "5", "1 tab bid"), START, today);
        List<ScoreReading> scores = List.of(nrs(START.minusDays(1), 6), nrs(START.plusWeeks(1), 6), nrs(today, 5));
        List<BenefitReview.Candidate> candidates =
                review.candidates(List.of(twelveWeeks, elevenWeeks, stopped), scores, today);
        assertThat(candidates).extracting(c -> c.medication().name()).containsExactly("tramadol 50 mg tablet");
        assertThat(candidates.get(0).weeksTaken()).isEqualTo(12);
        assertThat(candidates.get(0).text())
                .startsWith("Taken for 12 weeks (review after 12 weeks) with no " + "measured benefit");

        List<ScoreReading> improved = List.of(nrs(START.minusDays(1), 6), nrs(today, 4));
        assertThat(review.candidates(List.of(twelveWeeks), improved, today)).isEmpty();
        assertThat(review.candidates(List.of(twelveWeeks), List.of(), today)).isEmpty();
    }
}
