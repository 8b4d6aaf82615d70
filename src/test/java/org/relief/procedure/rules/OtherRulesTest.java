package org.relief.procedure.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.procedure.rules.RuleTestData.PLANNED;
import static org.relief.procedure.rules.RuleTestData.TODAY;
import static org.relief.procedure.rules.RuleTestData.history;
import static org.relief.procedure.rules.RuleTestData.order;

import org.junit.jupiter.api.Test;
import org.relief.procedure.rules.Facts.Thinner;

/** Facet, stimulation, SIJ, vertebral augmentation, trigger point, adhesiolysis and blood-thinner rules. */
class OtherRulesTest {

    private final Policy policy = SeedPolicy.load();
    private final RuleEngine engine = new RuleEngine();

    @Test
    void firstRfaNeedsTwoMedialBranchBlocksEachAtLeastEightyPercent() {
        var ok = history().done(ProcedureType.MEDIAL_BRANCH_BLOCK, TODAY.minusDays(30), 80, 0)
                .done(ProcedureType.MEDIAL_BRANCH_BLOCK, TODAY.minusDays(14), 85, 0);
        assertThat(rule(order(ProcedureType.RADIOFREQUENCY_ABLATION), ok, "RFA: diagnostic blocks first").decision())
                .isEqualTo(Decision.ALLOW);
        var oneShort = history().done(ProcedureType.MEDIAL_BRANCH_BLOCK, TODAY.minusDays(30), 79, 0)
                .done(ProcedureType.MEDIAL_BRANCH_BLOCK, TODAY.minusDays(14), 90, 0);
        assertThat(rule(order(ProcedureType.RADIOFREQUENCY_ABLATION), oneShort, "RFA: diagnostic blocks first")
                .decision()).isEqualTo(Decision.BLOCK);
    }

    @Test
    void repeatRfaNeedsSixMonthsAndFiftyPercentForTwentySixWeeks() {
        var tooSoon = history().done(ProcedureType.RADIOFREQUENCY_ABLATION, PLANNED.minusMonths(6).plusDays(1), 80, 30);
        assertThat(rule(order(ProcedureType.RADIOFREQUENCY_ABLATION), tooSoon, "RFA: repeat").decision())
                .isEqualTo(Decision.BLOCK);
        var exactly = history().done(ProcedureType.RADIOFREQUENCY_ABLATION, PLANNED.minusMonths(6), 50, 26);
        assertThat(rule(order(ProcedureType.RADIOFREQUENCY_ABLATION), exactly, "RFA: repeat").decision())
                .isEqualTo(Decision.ALLOW);
        var shortRelief = history().done(ProcedureType.RADIOFREQUENCY_ABLATION, PLANNED.minusMonths(7), 70, 20);
        assertThat(rule(order(ProcedureType.RADIOFREQUENCY_ABLATION), shortRelief, "RFA: repeat").decision())
                .isEqualTo(Decision.BLOCK);
    }

    @Test
    void scsTrialNeedsClearanceAndTheImplantASuccessfulTrial() {
        var h = history();
        assertThat(rule(order(ProcedureType.SCS_TRIAL), h, "Stimulation: psychological clearance").decision())
                .isEqualTo(Decision.BLOCK);
        h.psychCleared = true;
        assertThat(rule(order(ProcedureType.SCS_TRIAL), h, "Stimulation: psychological clearance").decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(rule(order(ProcedureType.SCS_IMPLANT), history().done(ProcedureType.SCS_TRIAL, TODAY.minusDays(20),
                50, 1), "Stimulation: trial").decision()).isEqualTo(Decision.ALLOW);
        assertThat(rule(order(ProcedureType.SCS_IMPLANT), history().done(ProcedureType.SCS_TRIAL, TODAY.minusDays(20),
                49, 1), "Stimulation: trial").decision()).isEqualTo(Decision.BLOCK);
        assertThat(rule(order(ProcedureType.SCS_IMPLANT), history(), "Stimulation: trial").decision())
                .isEqualTo(Decision.BLOCK);
        assertThat(rule(order(ProcedureType.SCS_GENERATOR_REPLACEMENT), history(), "Stimulation: trial").decision())
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void sijNeedsThreeProvocationTestsAndSeventyFivePercentBlockForFusion() {
        var h = history();
        h.siTests = 2;
        assertThat(rule(order(ProcedureType.SIJ_DIAGNOSTIC), h, "SIJ: provocation tests").decision())
                .isEqualTo(Decision.BLOCK);
        h.siTests = 3;
        assertThat(rule(order(ProcedureType.SIJ_DIAGNOSTIC), h, "SIJ: provocation tests").decision())
                .isEqualTo(Decision.ALLOW);
        h.blocks.add(new Facts.Block("Right sacroiliac joint", TODAY.minusDays(10), 74));
        assertThat(rule(order(ProcedureType.SIJ_FUSION), h, "SIJ: diagnostic block").decision())
                .isEqualTo(Decision.BLOCK);
        h.blocks.add(new Facts.Block("Right sacroiliac joint", TODAY.minusDays(5), 75));
        assertThat(rule(order(ProcedureType.SIJ_FUSION), h, "SIJ: diagnostic block").decision())
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void vertebralAugmentationNeedsImagingPainAndCriteria() {
        var none = new Facts.VertebralFindings(false, true, false, false, true, false, false, false, true);
        var yes = new Facts.VertebralFindings(true, true, false, false, true, false, false, false, true);
        var h = history();
        h.nrs = 5;
        assertThat(rule(va(none), h, "Vertebral augmentation").decision()).isEqualTo(Decision.BLOCK);
        assertThat(rule(va(yes), h, "Vertebral augmentation").decision()).isEqualTo(Decision.ALLOW);
        h.nrs = 4;
        assertThat(rule(va(yes), h, "Vertebral augmentation").decision()).isEqualTo(Decision.BLOCK);
        var pregnant = new Facts.VertebralFindings(true, true, false, true, true, false, false, false, true);
        h.nrs = 8;
        assertThat(rule(va(pregnant), h, "Vertebral augmentation").reason()).contains("pregnancy");
        var twoOf = new Facts.VertebralFindings(true, true, false, false, false, true, false, false, true);
        h.rmdq = 18;
        assertThat(rule(va(twoOf), h, "Vertebral augmentation").decision()).isEqualTo(Decision.ALLOW);
        h.rmdq = 17;
        assertThat(rule(va(twoOf), h, "Vertebral augmentation").decision()).isEqualTo(Decision.BLOCK);
    }

    @Test
    void triggerPointsNeedTwoFindingsAndAtMostThreeSessionsAYear() {
        var h = history();
        h.triggerPoints = 1;
        assertThat(rule(order(ProcedureType.TRIGGER_POINT_INJECTION), h, "Trigger points").decision())
                .isEqualTo(Decision.BLOCK);
        h.triggerPoints = 2;
        assertThat(rule(order(ProcedureType.TRIGGER_POINT_INJECTION), h, "Trigger points").decision())
                .isEqualTo(Decision.ALLOW);
        var three = history().done(ProcedureType.TRIGGER_POINT_INJECTION, PLANNED.minusMonths(2), 60, 8)
                .done(ProcedureType.TRIGGER_POINT_INJECTION, PLANNED.minusMonths(5), 60, 8)
                .done(ProcedureType.TRIGGER_POINT_INJECTION, PLANNED.minusMonths(8), 60, 8);
        assertThat(rule(order(ProcedureType.TRIGGER_POINT_INJECTION), three, "Trigger points").decision())
                .isEqualTo(Decision.BLOCK);
        var repeat = history().done(ProcedureType.TRIGGER_POINT_INJECTION, PLANNED.minusMonths(2), 50, 5);
        assertThat(rule(order(ProcedureType.TRIGGER_POINT_INJECTION), repeat, "Trigger points").reason())
                .contains("6 weeks");
    }

    @Test
    void adhesiolysisNotCoveredIsAWarningNotABlock() {
        var r = engine.evaluate(order(ProcedureType.ADHESIOLYSIS), history().build(), policy);
        assertThat(r.outcomes()).filteredOn(o -> o.rule().equals("Not covered by this payer")).singleElement()
                .satisfies(o -> assertThat(o.decision()).isEqualTo(Decision.WARN));
        assertThat(r.decision()).isEqualTo(Decision.WARN);
        var covered = engine.evaluate(order(ProcedureType.ADHESIOLYSIS), history().build(),
                SeedPolicy.with("adhesiolysis.covered", "1"));
        assertThat(covered.outcomes()).noneMatch(o -> o.rule().equals("Not covered by this payer"));
        var tooSoon = history().done(ProcedureType.ADHESIOLYSIS, PLANNED.minusMonths(5), 60, 8);
        assertThat(rule(order(ProcedureType.ADHESIOLYSIS), tooSoon, "Adhesiolysis: interval").decision())
                .isEqualTo(Decision.BLOCK);
    }

    @Test
    void warfarinHeldFiveDaysBeforeIsMetOneDayShortIsBlocked() {
        // interlaminar ESI: intermediate risk, warfarin 5 days
        var h = history();
        h.thinners.add(new Thinner("Warfarin sodium 5 MG Oral Tablet", false, PLANNED.minusDays(5)));
        var met = rule(order(ProcedureType.ESI_INTERLAMINAR), h, "Blood thinners");
        assertThat(met.decision()).isEqualTo(Decision.ALLOW);
        assertThat(met.reason()).contains("restart 6 hours").contains("normal INR");
        var late = history();
        late.thinners.add(new Thinner("Warfarin sodium 5 MG Oral Tablet", false, PLANNED.minusDays(4)));
        var blocked = rule(order(ProcedureType.ESI_INTERLAMINAR), late, "Blood thinners");
        assertThat(blocked.decision()).isEqualTo(Decision.BLOCK);
        assertThat(blocked.reason()).contains("earliest day " + PLANNED.plusDays(1));
    }

    @Test
    void activeThinnerWithTimeLeftIsAnInstructionWithDatesAndTooLateIsABlock() {
        var h = history();
        h.thinners.add(new Thinner("Apixaban 5 MG Oral Tablet", true, null));
        var scs = rule(order(ProcedureType.SCS_TRIAL), h, "Blood thinners"); // high risk, apixaban 5 d (UNVERIFIED)
        assertThat(scs.decision()).isEqualTo(Decision.WARN);
        assertThat(scs.reason()).contains("no dose from " + PLANNED.minusDays(5)).contains("high bleeding risk");
        assertThat(scs.source()).contains("UNVERIFIED");
        var tomorrow = new Facts.Order(ProcedureType.SCS_TRIAL, Facts.Region.THORACIC, Facts.Side.NONE, 1,
                TODAY.plusDays(2), Facts.Indication.OTHER, null, false, true, null, false, null);
        assertThat(engine.evaluate(tomorrow, h.build(), policy).outcomes().stream()
                .filter(o -> o.rule().equals("Blood thinners")).findFirst().orElseThrow().decision())
                .isEqualTo(Decision.BLOCK);
    }

    @Test
    void nsaidsNeedAHoldOnlyForHighRiskAndPatientFactorsRaiseTheCategory() {
        var h = history();
        h.thinners.add(new Thinner("Naproxen sodium 220 MG Oral Tablet", true, null));
        assertThat(rule(order(ProcedureType.ESI_INTERLAMINAR), h, "Blood thinners").decision())
                .isEqualTo(Decision.ALLOW);
        var raised = new Facts.Order(ProcedureType.ESI_INTERLAMINAR, Facts.Region.LUMBAR, Facts.Side.LEFT, 1, PLANNED,
                Facts.Indication.RADICULOPATHY, 80.0, false, true, null, true, null);
        var o = engine.evaluate(raised, h.build(), policy).outcomes().stream()
                .filter(x -> x.rule().equals("Blood thinners")).findFirst().orElseThrow();
        assertThat(o.decision()).isEqualTo(Decision.WARN);
        assertThat(o.reason()).contains("hold 4 day(s)").contains("raised by patient factors");
    }

    private static Facts.Order va(Facts.VertebralFindings v) {
        return new Facts.Order(ProcedureType.VERTEBRAL_AUGMENTATION, Facts.Region.THORACIC, Facts.Side.NONE, 1,
                PLANNED, Facts.Indication.OTHER, null, false, true, null, false, v);
    }

    private Outcome rule(Facts.Order order, RuleTestData.H h, String name) {
        return engine.evaluate(order, h.build(), policy).outcomes().stream().filter(o -> o.rule().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("rule " + name + " did not run"));
    }
}
