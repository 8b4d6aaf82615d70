package org.relief.procedure.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.procedure.rules.RuleTestData.PLANNED;
import static org.relief.procedure.rules.RuleTestData.TODAY;
import static org.relief.procedure.rules.RuleTestData.history;
import static org.relief.procedure.rules.RuleTestData.order;

import org.junit.jupiter.api.Test;

/** Medial branch blocks, RFA and intra-articular facet injections: the rules reference, section 3. */
class FacetRulesTest {

    private final Policy policy = SeedPolicy.load();
    private final RuleEngine engine = new RuleEngine();

    /** "Moderate-severe axial pain for at least 3 months" (facet LCD family, CGS summary). */
    @Test
    void facetProceduresNeedPainForThreeMonths() {
        var h = history();
        h.painOnset = PLANNED.minusMonths(3);
        assertThat(rule(order(ProcedureType.MEDIAL_BRANCH_BLOCK), h, "Facet: pain duration")
                        .decision())
                .isEqualTo(Decision.ALLOW);
        h.painOnset = PLANNED.minusMonths(3).plusDays(1);
        assertThat(rule(order(ProcedureType.MEDIAL_BRANCH_BLOCK), h, "Facet: pain duration")
                        .decision())
                .isEqualTo(Decision.BLOCK);
        h.painOnset = null;
        assertThat(rule(order(ProcedureType.MEDIAL_BRANCH_BLOCK), h, "Facet: pain duration")
                        .decision())
                .isEqualTo(Decision.NOT_ENOUGH_DATA);
    }

    @Test
    void firstRfaNeedsTwoMedialBranchBlocksEachAtLeastEightyPercent() {
        var ok = history()
                .done(ProcedureType.MEDIAL_BRANCH_BLOCK, TODAY.minusDays(30), 80, 0)
                .done(ProcedureType.MEDIAL_BRANCH_BLOCK, TODAY.minusDays(14), 85, 0);
        assertThat(rule(order(ProcedureType.RADIOFREQUENCY_ABLATION), ok, "RFA: diagnostic blocks first")
                        .decision())
                .isEqualTo(Decision.ALLOW);
        var oneShort = history()
                .done(ProcedureType.MEDIAL_BRANCH_BLOCK, TODAY.minusDays(30), 79, 0)
                .done(ProcedureType.MEDIAL_BRANCH_BLOCK, TODAY.minusDays(14), 90, 0);
        assertThat(rule(order(ProcedureType.RADIOFREQUENCY_ABLATION), oneShort, "RFA: diagnostic blocks first")
                        .decision())
                .isEqualTo(Decision.BLOCK);
    }

    @Test
    void repeatRfaNeedsSixMonthsAndFiftyPercentForTwentySixWeeks() {
        var tooSoon = history()
                .done(
                        ProcedureType.RADIOFREQUENCY_ABLATION,
                        PLANNED.minusMonths(6).plusDays(1),
                        80,
                        30);
        assertThat(rule(order(ProcedureType.RADIOFREQUENCY_ABLATION), tooSoon, "RFA: repeat")
                        .decision())
                .isEqualTo(Decision.BLOCK);
        var exactly = history().done(ProcedureType.RADIOFREQUENCY_ABLATION, PLANNED.minusMonths(6), 50, 26);
        assertThat(rule(order(ProcedureType.RADIOFREQUENCY_ABLATION), exactly, "RFA: repeat")
                        .decision())
                .isEqualTo(Decision.ALLOW);
        var shortRelief = history().done(ProcedureType.RADIOFREQUENCY_ABLATION, PLANNED.minusMonths(7), 70, 20);
        assertThat(rule(order(ProcedureType.RADIOFREQUENCY_ABLATION), shortRelief, "RFA: repeat")
                        .decision())
                .isEqualTo(Decision.BLOCK);
    }

    @Test
    void facetProceduresNeedFailedConservativeCareLikeTheEsiRule() {
        var h = history();
        h.conservativeWeeks = 0;
        h.conservativeCare = "";
        assertThat(rule(order(ProcedureType.MEDIAL_BRANCH_BLOCK), h, "Facet: conservative care")
                        .decision())
                .isEqualTo(Decision.BLOCK);
        assertThat(rule(order(ProcedureType.MEDIAL_BRANCH_BLOCK), history(), "Facet: conservative care")
                        .reason())
                .contains("Physical therapy");
    }

    /** "RFA sessions per region per rolling 12 months: at most 2" (LCD paraphrase, partially verified). */
    @Test
    void atMostTwoRfaSessionsPerRegionIn12Months() {
        var rfa = order(ProcedureType.RADIOFREQUENCY_ABLATION);
        var one = history().done(ProcedureType.RADIOFREQUENCY_ABLATION, PLANNED.minusMonths(7), 80, 30);
        assertThat(rule(rfa, one, "RFA: sessions per region per 12 months").reason())
                .contains("number 2")
                .contains("2 sessions");
        var two = history()
                .done(ProcedureType.RADIOFREQUENCY_ABLATION, PLANNED.minusMonths(11), 80, 30)
                .done(ProcedureType.RADIOFREQUENCY_ABLATION, PLANNED.minusMonths(7), 80, 30);
        assertThat(rule(rfa, two, "RFA: sessions per region per 12 months").decision())
                .isEqualTo(Decision.BLOCK);
    }

    /** "Levels per side per session: at most 3" (eviCore CMM-208), for the blocks and the ablation. */
    @Test
    void atMostThreeLevelsPerSide() {
        assertThat(rule(order(ProcedureType.MEDIAL_BRANCH_BLOCK, 3), history(), "Facet: levels per side")
                        .decision())
                .isEqualTo(Decision.ALLOW);
        var four = rule(order(ProcedureType.RADIOFREQUENCY_ABLATION, 4), history(), "Facet: levels per side");
        assertThat(four.decision()).isEqualTo(Decision.BLOCK);
        assertThat(four.reason()).contains("4 levels").contains("3 levels");
    }

    /**
     * "Only if RFA is not possible (documented why); repeat needs 50% relief for 3 months; at most 4 per region per
     * 12 months" (facet LCD family).
     */
    @Test
    void anIntraArticularInjectionOnlyWhenRfaIsNotPossibleAndAtMostFourAYear() {
        String rule = "Facet: intra-articular injection";
        assertThat(rule(ia("  "), history(), rule).decision()).isEqualTo(Decision.BLOCK);
        assertThat(rule(ia("pacemaker"), history(), rule).decision()).isEqualTo(Decision.ALLOW);
        var four = history();
        for (int i = 1; i <= 4; i++) {
            four.done(ProcedureType.FACET_INTRA_ARTICULAR, PLANNED.minusMonths(2L * i), 60, 14);
        }
        assertThat(rule(ia("pacemaker"), four, rule).reason())
                .contains("Already 4")
                .contains("4 sessions");
        var shortRelief = history().done(ProcedureType.FACET_INTRA_ARTICULAR, PLANNED.minusMonths(4), 50, 8);
        assertThat(rule(ia("pacemaker"), shortRelief, rule).decision()).isEqualTo(Decision.BLOCK);
        var lasted = history().done(ProcedureType.FACET_INTRA_ARTICULAR, PLANNED.minusMonths(4), 50, 14);
        assertThat(rule(ia("pacemaker"), lasted, rule).decision()).isEqualTo(Decision.ALLOW);
    }

    private static Facts.Order ia(String reason) {
        return new Facts.Order(
                ProcedureType.FACET_INTRA_ARTICULAR,
                Facts.Region.LUMBAR,
                Facts.Side.LEFT,
                1,
                PLANNED,
                Facts.Indication.OTHER,
                null,
                false,
                true,
                reason,
                false,
                null);
    }

    private Outcome rule(Facts.Order order, RuleTestData.H h, String name) {
        return engine.evaluate(order, h.build(), policy).outcomes().stream()
                .filter(o -> o.rule().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("rule " + name + " did not run"));
    }
}
