package org.relief.procedure.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.procedure.rules.RuleTestData.PLANNED;
import static org.relief.procedure.rules.RuleTestData.history;
import static org.relief.procedure.rules.RuleTestData.order;

import org.junit.jupiter.api.Test;
import org.relief.procedure.rules.Facts.Region;
import org.relief.procedure.rules.Facts.Reported;
import org.relief.procedure.rules.Facts.Side;

/**
 * Every look-back rule reads outside procedures (prior treatments) like those documented here, names where each
 * fact came from, and never ALLOWs silently when an outside fact lacks what it needs.
 */
class OutsideHistoryRulesTest {

    private static final String OUTSIDE = "outside: referral prior treatment";
    private static final ProcedureType TF = ProcedureType.ESI_TRANSFORAMINAL;

    private final Policy policy = SeedPolicy.load();
    private final RuleEngine engine = new RuleEngine();

    @Test
    void anOutsideEsiTwentyDaysAgoBlocksTheIntervalOfTwentyOneDaysAndIsNamedAsOutside() {
        var h = history().outside(TF, PLANNED.minusDays(20), Region.LUMBAR, Side.LEFT, 80.0, 70, 8, Reported.GOOD);
        var o = rule(order(TF), h, "ESI: interval");
        assertThat(o.decision()).isEqualTo(Decision.BLOCK);
        assertThat(o.reason())
                .contains("Only 20 days")
                .contains(PLANNED.minusDays(20) + ", " + OUTSIDE)
                .contains("21 days");
    }

    @Test
    void fourOutsideLumbarEsisIn12MonthsBlockTheFifth() {
        var h = history();
        for (int i = 1; i <= 4; i++) {
            h.outside(TF, PLANNED.minusMonths(2L * i), Region.LUMBAR, Side.LEFT, 40.0, 60, 8, Reported.GOOD);
        }
        var o = rule(order(TF), h, "ESI: sessions per region per 12 months");
        assertThat(o.decision()).isEqualTo(Decision.BLOCK);
        assertThat(o.reason()).contains("Already 4").contains(OUTSIDE);
    }

    @Test
    void anOutsideEsiWithoutRegionCountsAsPossiblyThisRegionAndIsNamedWhenItDecides() {
        var h = history();
        for (int i = 1; i <= 3; i++) {
            h.done(TF, PLANNED.minusMonths(2L * i), 60, 8);
        }
        h.outside(TF, PLANNED.minusMonths(7), null, null, 40.0, 60, 8, Reported.GOOD);
        var o = rule(order(TF), h, "ESI: sessions per region per 12 months");
        assertThat(o.decision()).isEqualTo(Decision.NOT_ENOUGH_DATA);
        assertThat(o.reason())
                .contains("region is not recorded")
                .contains("Complete the prior treatment")
                .contains("(region)");
        var fewer = history().outside(TF, PLANNED.minusMonths(7), null, null, 40.0, 60, 8, Reported.GOOD);
        var allowed = rule(order(TF), fewer, "ESI: sessions per region per 12 months");
        assertThat(allowed.decision()).isEqualTo(Decision.ALLOW);
        assertThat(allowed.reason()).contains("whose region is not recorded").contains("at most number 2");
    }

    @Test
    void theLastEsiOutsideWithoutReliefPercentIsNotEnoughDataNamingTheEntryToComplete() {
        var h = history()
                .outside(TF, PLANNED.minusMonths(3), Region.LUMBAR, Side.LEFT, 80.0, null, null, Reported.PARTIAL);
        var o = rule(order(TF), h, "ESI: response to the last one");
        assertThat(o.decision()).isEqualTo(Decision.NOT_ENOUGH_DATA);
        assertThat(o.reason())
                .contains("no relief percentage")
                .contains("reported as partial")
                .contains("complete the prior treatment")
                .contains("relief %")
                .contains(OUTSIDE);
    }

    @Test
    void anOutsideEsiReportedAsNoImprovementBlocksTheRepeatAndFiftyPercentAllowsIt() {
        var none = history()
                .outside(
                        TF,
                        PLANNED.minusMonths(3),
                        Region.LUMBAR,
                        Side.LEFT,
                        80.0,
                        null,
                        null,
                        Reported.NO_IMPROVEMENT);
        var blocked = rule(order(TF), none, "ESI: response to the last one");
        assertThat(blocked.decision()).isEqualTo(Decision.BLOCK);
        assertThat(blocked.reason()).contains("no improvement").contains("50 %");
        var fifty =
                history().outside(TF, PLANNED.minusMonths(3), Region.LUMBAR, Side.LEFT, 80.0, 50, 12, Reported.GOOD);
        assertThat(rule(order(TF), fifty, "ESI: response to the last one").decision())
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void anOutsideEsiWithoutASteroidDoseMakesTheCumulativeTotalAWarningNamingTheMissingDose() {
        var h = history().outside(TF, PLANNED.minusMonths(3), Region.LUMBAR, Side.LEFT, null, 60, 12, Reported.GOOD);
        var o = rule(order(TF), h, "Cumulative steroid");
        assertThat(o.decision()).isEqualTo(Decision.WARN);
        assertThat(o.reason())
                .contains("at least 80 mg")
                .contains("steroid dose")
                .contains("not known")
                .contains("Complete the prior treatment");
        var known =
                history().outside(TF, PLANNED.minusMonths(3), Region.LUMBAR, Side.LEFT, 80.0, 60, 12, Reported.GOOD);
        assertThat(rule(order(TF), known, "Cumulative steroid").decision()).isEqualTo(Decision.ALLOW);
        var over =
                history().outside(TF, PLANNED.minusMonths(3), Region.LUMBAR, Side.LEFT, 130.0, 60, 12, Reported.GOOD);
        assertThat(rule(order(TF), over, "Cumulative steroid").reason())
                .contains("210 mg")
                .contains("200 mg");
    }

    @Test
    void outsideMedialBranchBlocksCountOnlyWithTheirReliefAndPlace() {
        var rfa = order(ProcedureType.RADIOFREQUENCY_ABLATION);
        var good = history()
                .outside(
                        ProcedureType.MEDIAL_BRANCH_BLOCK,
                        PLANNED.minusMonths(2),
                        Region.LUMBAR,
                        Side.LEFT,
                        null,
                        85,
                        1,
                        Reported.GOOD)
                .outside(
                        ProcedureType.MEDIAL_BRANCH_BLOCK,
                        PLANNED.minusMonths(1),
                        Region.LUMBAR,
                        Side.LEFT,
                        null,
                        90,
                        1,
                        Reported.GOOD);
        assertThat(rule(rfa, good, "RFA: diagnostic blocks first").decision()).isEqualTo(Decision.ALLOW);
        var noRelief = history()
                .outside(
                        ProcedureType.MEDIAL_BRANCH_BLOCK,
                        PLANNED.minusMonths(2),
                        Region.LUMBAR,
                        Side.LEFT,
                        null,
                        null,
                        null,
                        Reported.GOOD)
                .outside(
                        ProcedureType.MEDIAL_BRANCH_BLOCK,
                        PLANNED.minusMonths(1),
                        Region.LUMBAR,
                        null,
                        null,
                        90,
                        1,
                        Reported.GOOD);
        var o = rule(rfa, noRelief, "RFA: diagnostic blocks first");
        assertThat(o.decision()).isEqualTo(Decision.NOT_ENOUGH_DATA);
        assertThat(o.reason()).contains("region or side not recorded").contains("complete the prior treatment");
        var failed = history()
                .outside(
                        ProcedureType.MEDIAL_BRANCH_BLOCK,
                        PLANNED.minusMonths(2),
                        Region.LUMBAR,
                        Side.LEFT,
                        null,
                        null,
                        null,
                        Reported.NO_IMPROVEMENT);
        assertThat(rule(rfa, failed, "RFA: diagnostic blocks first").decision()).isEqualTo(Decision.BLOCK);
    }

    @Test
    void anOutsideRfaDecidesTheRepeatIntervalAndItsMissingSideOrReliefIsNamed() {
        var rfa = order(ProcedureType.RADIOFREQUENCY_ABLATION);
        var recent = history()
                .outside(
                        ProcedureType.RADIOFREQUENCY_ABLATION,
                        PLANNED.minusMonths(3),
                        Region.LUMBAR,
                        Side.LEFT,
                        null,
                        80,
                        30,
                        Reported.GOOD);
        assertThat(rule(rfa, recent, "RFA: repeat").decision()).isEqualTo(Decision.BLOCK);
        var sideUnknown = history()
                .outside(
                        ProcedureType.RADIOFREQUENCY_ABLATION,
                        PLANNED.minusMonths(3),
                        Region.LUMBAR,
                        null,
                        null,
                        80,
                        30,
                        Reported.GOOD);
        var o = rule(rfa, sideUnknown, "RFA: repeat");
        assertThat(o.decision()).isEqualTo(Decision.NOT_ENOUGH_DATA);
        assertThat(o.reason()).contains("region and side");
        var noRelief = history()
                .outside(
                        ProcedureType.RADIOFREQUENCY_ABLATION,
                        PLANNED.minusMonths(8),
                        Region.LUMBAR,
                        Side.LEFT,
                        null,
                        null,
                        null,
                        Reported.GOOD);
        assertThat(rule(rfa, noRelief, "RFA: repeat").decision()).isEqualTo(Decision.NOT_ENOUGH_DATA);
        var twoOutside = history()
                .outside(
                        ProcedureType.RADIOFREQUENCY_ABLATION,
                        PLANNED.minusMonths(11),
                        Region.LUMBAR,
                        Side.RIGHT,
                        null,
                        80,
                        30,
                        Reported.GOOD)
                .outside(
                        ProcedureType.RADIOFREQUENCY_ABLATION,
                        PLANNED.minusMonths(7),
                        Region.LUMBAR,
                        Side.RIGHT,
                        null,
                        80,
                        30,
                        Reported.GOOD);
        assertThat(rule(rfa, twoOutside, "RFA: sessions per region per 12 months")
                        .decision())
                .isEqualTo(Decision.BLOCK);
    }

    @Test
    void anOutsideScsTrialWithoutAFigureIsNotEnoughDataAndNoImprovementBlocksTheImplant() {
        var implant = order(ProcedureType.SCS_IMPLANT);
        var unknown = history()
                .outside(ProcedureType.SCS_TRIAL, PLANNED.minusMonths(1), null, null, null, null, null, Reported.GOOD);
        var o = rule(implant, unknown, "Stimulation: trial");
        assertThat(o.decision()).isEqualTo(Decision.NOT_ENOUGH_DATA);
        assertThat(o.reason()).contains("reported as good").contains("relief %");
        var failed = history()
                .outside(
                        ProcedureType.SCS_TRIAL,
                        PLANNED.minusMonths(1),
                        null,
                        null,
                        null,
                        null,
                        null,
                        Reported.NO_IMPROVEMENT);
        assertThat(rule(implant, failed, "Stimulation: trial").decision()).isEqualTo(Decision.BLOCK);
    }

    @Test
    void outsideSacroiliacBlocksCountAndLackingReliefIsNamed() {
        var h = history()
                .outside(
                        ProcedureType.SIJ_DIAGNOSTIC,
                        PLANNED.minusMonths(2),
                        null,
                        Side.LEFT,
                        null,
                        null,
                        null,
                        Reported.PARTIAL);
        var o = rule(order(ProcedureType.SIJ_THERAPEUTIC), h, "SIJ: diagnostic block");
        assertThat(o.decision()).isEqualTo(Decision.NOT_ENOUGH_DATA);
        assertThat(o.reason()).contains(OUTSIDE).contains("relief %");
        var two = history()
                .outside(
                        ProcedureType.SIJ_DIAGNOSTIC,
                        PLANNED.minusMonths(4),
                        null,
                        Side.LEFT,
                        null,
                        80,
                        1,
                        Reported.GOOD)
                .outside(
                        ProcedureType.SIJ_DIAGNOSTIC,
                        PLANNED.minusMonths(2),
                        null,
                        Side.LEFT,
                        null,
                        80,
                        1,
                        Reported.GOOD);
        var sij = history();
        sij.siTests = 4;
        sij.procedures.addAll(two.procedures);
        assertThat(rule(order(ProcedureType.SIJ_DIAGNOSTIC), sij, "SIJ: sessions per 12 months")
                        .decision())
                .isEqualTo(Decision.BLOCK);
    }

    @Test
    void anOutsideTriggerPointSessionWithoutReliefIsNotEnoughDataForARepeat() {
        var h = history()
                .outside(
                        ProcedureType.TRIGGER_POINT_INJECTION,
                        PLANNED.minusMonths(2),
                        null,
                        null,
                        null,
                        null,
                        null,
                        Reported.PARTIAL);
        assertThat(rule(order(ProcedureType.TRIGGER_POINT_INJECTION), h, "Trigger points")
                        .decision())
                .isEqualTo(Decision.NOT_ENOUGH_DATA);
    }

    @Test
    void anOutsideAdhesiolysisWithoutRegionWithinSixMonthsIsNotEnoughData() {
        var h = history()
                .outside(
                        ProcedureType.ADHESIOLYSIS,
                        PLANNED.minusMonths(3),
                        null,
                        null,
                        null,
                        null,
                        null,
                        Reported.GOOD);
        var o = rule(order(ProcedureType.ADHESIOLYSIS), h, "Adhesiolysis: interval");
        assertThat(o.decision()).isEqualTo(Decision.NOT_ENOUGH_DATA);
        assertThat(o.reason()).contains("region");
    }

    private Outcome rule(Facts.Order order, RuleTestData.H h, String name) {
        return engine.evaluate(order, h.build(), policy).outcomes().stream()
                .filter(o -> o.rule().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("rule " + name + " did not run"));
    }
}
