package org.relief.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relief.screening.CandidacyRules.Bearing;
import org.relief.screening.CandidacyRules.Facts;
import org.relief.screening.CandidacyRules.Outcome;
import org.relief.screening.CandidacyRules.Reason;

/** The candidacy screen's rules (rules reference section 1), each a small named rule giving one reason. */
class CandidacyRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private final CandidacyRules rules = new CandidacyRules(3);

    @Test
    void chronicPainWithFailedTreatmentAndImagingIsACandidate() {
        var d = rules.decide(facts(TODAY.minusMonths(8), List.of("Physical therapy (none)"), 1, List.of()));
        assertThat(d.outcome()).isEqualTo(Outcome.CANDIDATE);
        assertThat(d.reasons()).allSatisfy(r -> assertThat(r.source()).isNotBlank());
        assertThat(d.policyValues()).containsEntry("chronic pain (months)", "3");
    }

    @Test
    void exactlyThreeMonthsIsChronicOneDayLessIsNot() {
        assertThat(rules.decide(facts(TODAY.minusMonths(3), List.of("NSAIDs (none)"), 1, List.of()))
                        .outcome())
                .isEqualTo(Outcome.CANDIDATE);
        var d = rules.decide(facts(TODAY.minusMonths(3).plusDays(1), List.of("NSAIDs (none)"), 1, List.of()));
        assertThat(d.outcome()).isEqualTo(Outcome.NOT_YET);
        assertThat(d.reasons())
                .anyMatch(r -> r.bearing() == Bearing.NOT_MET && r.text().contains("not yet 3 months"));
    }

    @Test
    void missingImagingOrOnsetIsNotYetWithWhatIsMissing() {
        var noImaging = rules.decide(facts(TODAY.minusYears(1), List.of("PT (none)"), 0, List.of()));
        assertThat(noImaging.outcome()).isEqualTo(Outcome.NOT_YET);
        assertThat(noImaging.reasons())
                .anyMatch(r -> r.bearing() == Bearing.MISSING && r.text().contains("x-ray"));
        var noOnset = rules.decide(facts(null, List.of("PT (none)"), 1, List.of()));
        assertThat(noOnset.outcome()).isEqualTo(Outcome.NOT_YET);
    }

    @Test
    void safetyConcernDefersWhateverElseIsMet() {
        var d = rules.decide(facts(TODAY.minusYears(2), List.of("PT (none)"), 2, List.of("Open safety alert")));
        assertThat(d.outcome()).isEqualTo(Outcome.DEFER_MENTAL_HEALTH);
        assertThat(d.reasons().get(0).bearing()).isEqualTo(Bearing.SAFETY);
    }

    @Test
    void unknownCauseAloneOpensTheProgramme() {
        var d = rules.decide(new Facts(TODAY, TODAY.minusYears(1), false, List.of(), List.of(), 1, List.of()));
        assertThat(d.outcome()).isEqualTo(Outcome.CANDIDATE);
        assertThat(d.reasons()).anyMatch(r -> r.text().contains("cause is still unknown"));
    }

    @Test
    void medicationAloneNotEnoughCountsOnlyForChronicPain() {
        var d = rules.decide(
                new Facts(TODAY, TODAY.minusYears(1), true, List.of(), List.of("Oxycodone"), 1, List.of()));
        assertThat(d.outcome()).isEqualTo(Outcome.CANDIDATE);
        var none = rules.decide(new Facts(TODAY, TODAY.minusYears(1), true, List.of(), List.of(), 1, List.of()));
        assertThat(none.outcome()).isEqualTo(Outcome.NOT_YET);
    }

    @Test
    void everyRuleGivesOneReasonWithItsNameBearingTextAndSourceInTheOrderShown() {
        var d = rules.decide(new Facts(
                TODAY,
                TODAY.minusWeeks(20),
                false,
                List.of("Physical therapy (none)"),
                List.of("Naproxen"),
                2,
                List.of("Open safety alert: suicidal ideation")));
        assertThat(d.reasons())
                .extracting(Reason::rule, Reason::bearing, Reason::text, Reason::source)
                .containsExactly(
                        tuple(
                                "Safety",
                                Bearing.SAFETY,
                                "Open safety alert: suicidal ideation: mental health care first; the "
                                        + "deferral is revisited, not final.",
                                CandidacyRules.SOURCE),
                        tuple(
                                "Chronic pain",
                                Bearing.MET,
                                "Pain since 2026-07-07 (20 weeks): chronic.",
                                CandidacyRules.CHRONIC_SOURCE),
                        tuple(
                                "Entry: treatment tried",
                                Bearing.MET,
                                "Traditional treatment tried without enough improvement: " + "Physical therapy (none).",
                                CandidacyRules.SOURCE),
                        tuple(
                                "Entry: medication not enough",
                                Bearing.MET,
                                "Pain persists on medication: Naproxen.",
                                CandidacyRules.SOURCE),
                        tuple(
                                "Entry: cause unknown",
                                Bearing.MET,
                                "No specific cause on the problem list: the cause is still " + "unknown.",
                                CandidacyRules.SOURCE),
                        tuple(
                                "Entry work-up: imaging",
                                Bearing.MET,
                                "2 imaging studies on file.",
                                CandidacyRules.SOURCE));
        assertThat(d.outcome()).isEqualTo(Outcome.DEFER_MENTAL_HEALTH);
    }

    /** Chronic = 3 months or more (section 1); no onset recorded is missing, not "not met". */
    @Test
    void theChronicPainRuleCountsThreeMonthsFromTheOnset() {
        assertThat(CandidacyRules.CHRONIC_PAIN
                        .check(facts(TODAY.minusMonths(3), List.of(), 1, List.of()), 3)
                        .bearing())
                .isEqualTo(Bearing.MET);
        var shorter =
                CandidacyRules.CHRONIC_PAIN.check(facts(TODAY.minusMonths(3).plusDays(1), List.of(), 1, List.of()), 3);
        assertThat(shorter.bearing()).isEqualTo(Bearing.NOT_MET);
        assertThat(shorter.text()).contains("not yet 3 months");
        var unknown = CandidacyRules.CHRONIC_PAIN.check(facts(null, List.of(), 1, List.of()), 3);
        assertThat(unknown.bearing()).isEqualTo(Bearing.MISSING);
        assertThat(unknown.text()).contains("unknown");
    }

    /** Any one entry opens the programme; when none is recorded the entry rule says what is missing. */
    @Test
    void theEntryRulesNameWhatWasTriedAndTheMissingEntryWhenThereIsNone() {
        var none = new Facts(TODAY, TODAY.minusYears(1), true, List.of(), List.of(), 1, List.of());
        assertThat(CandidacyRules.TREATMENT_TRIED.check(none, 3)).isNull();
        assertThat(CandidacyRules.MEDICATION_NOT_ENOUGH.check(none, 3)).isNull();
        assertThat(CandidacyRules.CAUSE_UNKNOWN.check(none, 3)).isNull();
        assertThat(CandidacyRules.NO_ENTRY_YET.check(none, 3).bearing()).isEqualTo(Bearing.MISSING);
        var medsButRecent = new Facts(TODAY, TODAY.minusMonths(2), true, List.of(), List.of("Oxycodone"), 1, List.of());
        assertThat(CandidacyRules.MEDICATION_NOT_ENOUGH.check(medsButRecent, 3)).isNull();
        assertThat(CandidacyRules.NO_ENTRY_YET.check(medsButRecent, 3)).isNotNull();
        var tried =
                new Facts(TODAY, TODAY.minusYears(1), true, List.of("TENS unit (partial)"), List.of(), 1, List.of());
        assertThat(CandidacyRules.TREATMENT_TRIED.check(tried, 3).text()).contains("TENS unit (partial)");
        assertThat(CandidacyRules.NO_ENTRY_YET.check(tried, 3)).isNull();
    }

    /** The entry work-up the clinic expects: an x-ray or MRI with the referral. */
    @Test
    void theImagingRuleCountsTheStudiesOnFile() {
        assertThat(CandidacyRules.IMAGING
                        .check(facts(TODAY.minusYears(1), List.of(), 1, List.of()), 3)
                        .text())
                .isEqualTo("1 imaging study on file.");
        assertThat(CandidacyRules.IMAGING
                        .check(facts(TODAY.minusYears(1), List.of(), 0, List.of()), 3)
                        .bearing())
                .isEqualTo(Bearing.MISSING);
    }

    private static Facts facts(LocalDate onset, List<String> failed, int imaging, List<String> safety) {
        return new Facts(TODAY, onset, true, failed, List.of(), imaging, safety);
    }
}
