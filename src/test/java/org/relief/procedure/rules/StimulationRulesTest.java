package org.relief.procedure.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.procedure.rules.RuleTestData.TODAY;
import static org.relief.procedure.rules.RuleTestData.history;
import static org.relief.procedure.rules.RuleTestData.order;
import static org.relief.procedure.rules.RuleTestData.outcome;

import org.junit.jupiter.api.Test;

/** Stimulation rules with the numbers of the rules reference, section 4 (NCD 160.7, LCD L37632, Aetna CPB 0194). */
class StimulationRulesTest {

    private static final String CLEARANCE = "Stimulation: psychological clearance";
    private static final String TRIAL = "Stimulation: trial";

    /** "Psychological evaluation with clearance: required before trial" (L37632; Aetna CPB 0194). */
    @Test
    void aTrialNeedsAPsychologicalEvaluationThatClearsThePatient() {
        var h = history();
        assertThat(outcome(order(ProcedureType.SCS_TRIAL), h, CLEARANCE).decision())
                .isEqualTo(Decision.BLOCK);
        h.psychCleared = true;
        assertThat(outcome(order(ProcedureType.SCS_TRIAL), h, CLEARANCE).decision())
                .isEqualTo(Decision.ALLOW);
        h.psychCleared = false;
        var notCleared = outcome(order(ProcedureType.SCS_TRIAL), h, CLEARANCE);
        assertThat(notCleared.decision()).isEqualTo(Decision.BLOCK);
        assertThat(notCleared.reason()).contains("did not clear");
        assertThat(notCleared.source()).isEqualTo("LCD L37632; Aetna CPB 0194");
        assertThat(outcome(order(ProcedureType.PNS_TRIAL), history(), CLEARANCE).decision())
                .isEqualTo(Decision.BLOCK);
    }

    /** "Trial before permanent implant: success = >= 50% pain reduction"; "generator replacement: no new trial". */
    @Test
    void anImplantNeedsATrialWithAtLeastFiftyPercentPainReductionAndAGeneratorReplacementNone() {
        assertThat(outcome(
                                order(ProcedureType.SCS_IMPLANT),
                                history().done(ProcedureType.SCS_TRIAL, TODAY.minusDays(20), 50, 1),
                                TRIAL)
                        .decision())
                .isEqualTo(Decision.ALLOW);
        var short49 = outcome(
                order(ProcedureType.SCS_IMPLANT),
                history().done(ProcedureType.SCS_TRIAL, TODAY.minusDays(20), 49, 1),
                TRIAL);
        assertThat(short49.decision()).isEqualTo(Decision.BLOCK);
        assertThat(short49.reason()).contains("49%").contains("50 %");
        assertThat(outcome(order(ProcedureType.SCS_IMPLANT), history(), TRIAL).decision())
                .isEqualTo(Decision.BLOCK);
        assertThat(outcome(
                                order(ProcedureType.PNS_IMPLANT),
                                history().done(ProcedureType.PNS_TRIAL, TODAY.minusDays(20), 50, 1),
                                TRIAL)
                        .decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(outcome(
                                order(ProcedureType.PNS_IMPLANT),
                                history().done(ProcedureType.SCS_TRIAL, TODAY.minusDays(20), 80, 1),
                                TRIAL)
                        .decision())
                .as("an SCS trial is not a PNS trial")
                .isEqualTo(Decision.BLOCK);
        assertThat(outcome(order(ProcedureType.SCS_GENERATOR_REPLACEMENT), history(), TRIAL)
                        .decision())
                .isEqualTo(Decision.ALLOW);
    }
}
