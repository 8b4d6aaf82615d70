package org.relief.procedure.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.procedure.rules.RuleTestData.PLANNED;
import static org.relief.procedure.rules.RuleTestData.TODAY;
import static org.relief.procedure.rules.RuleTestData.history;
import static org.relief.procedure.rules.RuleTestData.order;
import static org.relief.procedure.rules.RuleTestData.outcome;

import org.junit.jupiter.api.Test;

/**
 * Sacroiliac joint rules with the numbers of the rules reference, section 5 (SIJ LCDs L39402 / L39455 / L39475, 2023;
 * fusion LCD L39797).
 */
class SacroiliacRulesTest {

    /** "At least 3 of 6 positive provocation tests" for an injection and for fusion. */
    @Test
    void threeOfSixProvocationTestsArePositive() {
        var h = history();
        assertThat(outcome(order(ProcedureType.SIJ_DIAGNOSTIC), h, "SIJ: provocation tests")
                        .decision())
                .isEqualTo(Decision.NOT_ENOUGH_DATA);
        h.siTests = 2;
        assertThat(outcome(order(ProcedureType.SIJ_DIAGNOSTIC), h, "SIJ: provocation tests")
                        .decision())
                .isEqualTo(Decision.BLOCK);
        h.siTests = 3;
        assertThat(outcome(order(ProcedureType.SIJ_DIAGNOSTIC), h, "SIJ: provocation tests")
                        .decision())
                .isEqualTo(Decision.ALLOW);
        h.siTests = 2;
        assertThat(outcome(order(ProcedureType.SIJ_FUSION), h, "SIJ: provocation tests")
                        .reason())
                .contains("Only 2 of 6")
                .contains("3 tests");
    }

    /** "At least 4 weeks conservative care" before a sacroiliac joint injection. */
    @Test
    void aSacroiliacInjectionNeedsFourWeeksOfFailedConservativeCare() {
        var h = history();
        h.conservativeWeeks = 3;
        h.conservativeCare = "TENS unit (partial improvement, 3 weeks)";
        var o = outcome(order(ProcedureType.SIJ_DIAGNOSTIC), h, "SIJ: conservative care");
        assertThat(o.decision()).isEqualTo(Decision.BLOCK);
        assertThat(o.reason()).contains("Only 3 weeks").contains("TENS unit").contains("4 weeks");
        h.conservativeWeeks = 4;
        assertThat(outcome(order(ProcedureType.SIJ_DIAGNOSTIC), h, "SIJ: conservative care")
                        .decision())
                .isEqualTo(Decision.ALLOW);
    }

    /** "Diagnostic SIJ block positive: at least 75% relief" before a therapeutic injection or fusion. */
    @Test
    void aDiagnosticBlockWithSeventyFivePercentReliefComesFirst() {
        var h = history();
        h.siTests = 3;
        h.blocks.add(new Facts.Block("Right sacroiliac joint", TODAY.minusDays(10), 74));
        assertThat(outcome(order(ProcedureType.SIJ_FUSION), h, "SIJ: diagnostic block")
                        .decision())
                .isEqualTo(Decision.BLOCK);
        h.blocks.add(new Facts.Block("Right sacroiliac joint", TODAY.minusDays(5), 75));
        assertThat(outcome(order(ProcedureType.SIJ_FUSION), h, "SIJ: diagnostic block")
                        .decision())
                .isEqualTo(Decision.ALLOW);
        var injection = history().done(ProcedureType.SIJ_DIAGNOSTIC, PLANNED.minusMonths(1), 75, 0);
        assertThat(outcome(order(ProcedureType.SIJ_THERAPEUTIC), injection, "SIJ: diagnostic block")
                        .decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(outcome(order(ProcedureType.SIJ_THERAPEUTIC), history(), "SIJ: diagnostic block")
                        .decision())
                .isEqualTo(Decision.NOT_ENOUGH_DATA);
    }

    /**
     * "Diagnostic at most 2, therapeutic at most 4 per rolling 12 months; a therapeutic repeat needs 50% relief for 3
     * months".
     */
    @Test
    void atMostTwoDiagnosticAndFourTherapeuticInjectionsIn12MonthsAndARepeatAfterFiftyPercentForThreeMonths() {
        var one = history().done(ProcedureType.SIJ_DIAGNOSTIC, PLANNED.minusMonths(3), 80, 1);
        assertThat(outcome(order(ProcedureType.SIJ_DIAGNOSTIC), one, "SIJ: sessions per 12 months")
                        .reason())
                .contains("number 2")
                .contains("2 sessions");
        var two = history()
                .done(ProcedureType.SIJ_DIAGNOSTIC, PLANNED.minusMonths(3), 80, 1)
                .done(ProcedureType.SIJ_DIAGNOSTIC, PLANNED.minusMonths(2), 80, 1);
        assertThat(outcome(order(ProcedureType.SIJ_DIAGNOSTIC), two, "SIJ: sessions per 12 months")
                        .decision())
                .isEqualTo(Decision.BLOCK);
        var four = history();
        for (int i = 1; i <= 4; i++) {
            four.done(ProcedureType.SIJ_THERAPEUTIC, PLANNED.minusMonths(2L * i), 60, 14);
        }
        var fifth = outcome(order(ProcedureType.SIJ_THERAPEUTIC), four, "SIJ: sessions per 12 months");
        assertThat(fifth.decision()).isEqualTo(Decision.BLOCK);
        assertThat(fifth.reason()).contains("Already 4").contains("4 sessions");
        var lasted = history().done(ProcedureType.SIJ_THERAPEUTIC, PLANNED.minusMonths(4), 50, 14);
        assertThat(outcome(order(ProcedureType.SIJ_THERAPEUTIC), lasted, "SIJ: sessions per 12 months")
                        .decision())
                .isEqualTo(Decision.ALLOW);
        var tooLittle = history().done(ProcedureType.SIJ_THERAPEUTIC, PLANNED.minusMonths(4), 49, 14);
        assertThat(outcome(order(ProcedureType.SIJ_THERAPEUTIC), tooLittle, "SIJ: sessions per 12 months")
                        .decision())
                .isEqualTo(Decision.BLOCK);
        var tooShort = history().done(ProcedureType.SIJ_THERAPEUTIC, PLANNED.minusMonths(4), 70, 8);
        assertThat(outcome(order(ProcedureType.SIJ_THERAPEUTIC), tooShort, "SIJ: sessions per 12 months")
                        .reason())
                .contains("50% relief for 3 months")
                .contains("70% for 8 weeks");
    }
}
