package org.relief.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relief.screening.CandidacyRules.Bearing;
import org.relief.screening.CandidacyRules.Facts;
import org.relief.screening.CandidacyRules.Outcome;

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
        assertThat(rules.decide(facts(TODAY.minusMonths(3), List.of("NSAIDs (none)"), 1, List.of())).outcome())
                .isEqualTo(Outcome.CANDIDATE);
        var d = rules.decide(facts(TODAY.minusMonths(3).plusDays(1), List.of("NSAIDs (none)"), 1, List.of()));
        assertThat(d.outcome()).isEqualTo(Outcome.NOT_YET);
        assertThat(d.reasons()).anyMatch(r -> r.bearing() == Bearing.NOT_MET && r.text().contains("not yet 3 months"));
    }

    @Test
    void missingImagingOrOnsetIsNotYetWithWhatIsMissing() {
        var noImaging = rules.decide(facts(TODAY.minusYears(1), List.of("PT (none)"), 0, List.of()));
        assertThat(noImaging.outcome()).isEqualTo(Outcome.NOT_YET);
        assertThat(noImaging.reasons()).anyMatch(r -> r.bearing() == Bearing.MISSING && r.text().contains("x-ray"));
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
        var d = rules.decide(new Facts(TODAY, TODAY.minusYears(1), true, List.of(), List.of("Oxycodone"), 1,
                List.of()));
        assertThat(d.outcome()).isEqualTo(Outcome.CANDIDATE);
        var none = rules.decide(new Facts(TODAY, TODAY.minusYears(1), true, List.of(), List.of(), 1, List.of()));
        assertThat(none.outcome()).isEqualTo(Outcome.NOT_YET);
    }

    private static Facts facts(LocalDate onset, List<String> failed, int imaging, List<String> safety) {
        return new Facts(TODAY, onset, true, failed, List.of(), imaging, safety);
    }
}
