package org.relief.procedure.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.procedure.rules.RuleTestData.PLANNED;
import static org.relief.procedure.rules.RuleTestData.history;
import static org.relief.procedure.rules.RuleTestData.order;
import static org.relief.procedure.rules.RuleTestData.outcome;
import static org.relief.procedure.rules.RuleTestData.ran;

import org.junit.jupiter.api.Test;

/** Trigger point injections with the numbers of the rules reference, section 7 (LCD L36859, A59553). */
class TriggerPointRulesTest {

    private static final ProcedureType TPI = ProcedureType.TRIGGER_POINT_INJECTION;

    /** "Initial: at least 2 findings"; "at most 3 sessions per rolling 12 months"; "repeat: 50% lasting 6 weeks". */
    @Test
    void triggerPointsNeedTwoFindingsAndAtMostThreeSessionsAYear() {
        var h = history();
        h.triggerPoints = 1;
        assertThat(outcome(order(TPI), h, "Trigger points").decision()).isEqualTo(Decision.BLOCK);
        h.triggerPoints = 2;
        assertThat(outcome(order(TPI), h, "Trigger points").decision()).isEqualTo(Decision.ALLOW);
        var three = history()
                .done(TPI, PLANNED.minusMonths(2), 60, 8)
                .done(TPI, PLANNED.minusMonths(5), 60, 8)
                .done(TPI, PLANNED.minusMonths(8), 60, 8);
        assertThat(outcome(order(TPI), three, "Trigger points").decision()).isEqualTo(Decision.BLOCK);
        var repeat = history().done(TPI, PLANNED.minusMonths(2), 50, 5);
        assertThat(outcome(order(TPI), repeat, "Trigger points").reason()).contains("6 weeks");
        var lasted = history().done(TPI, PLANNED.minusMonths(2), 50, 6);
        assertThat(outcome(order(TPI), lasted, "Trigger points").decision()).isEqualTo(Decision.ALLOW);
    }

    /** "Not with image guidance, not combined with other blocks the same session" (L36859). */
    @Test
    void triggerPointsWithImageGuidanceAreABlock() {
        var h = history();
        h.triggerPoints = 3;
        var o = outcome(order(TPI), h, "Trigger points: no image guidance");
        assertThat(o.decision()).isEqualTo(Decision.BLOCK);
        assertThat(o.source()).isEqualTo("LCD L36859");
        var withoutGuidance = new Facts.Order(
                TPI,
                Facts.Region.LUMBAR,
                Facts.Side.LEFT,
                1,
                PLANNED,
                Facts.Indication.OTHER,
                null,
                false,
                false,
                null,
                false,
                null);
        assertThat(ran(withoutGuidance, h, "Trigger points: no image guidance", SeedPolicy.load()))
                .isFalse();
    }
}
