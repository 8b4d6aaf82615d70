package org.relief.procedure.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.procedure.rules.RuleTestData.PLANNED;
import static org.relief.procedure.rules.RuleTestData.history;
import static org.relief.procedure.rules.RuleTestData.order;

import org.junit.jupiter.api.Test;

/** ESI rules with the numbers of the rules reference, section 2. */
class EsiRulesTest {

    private final Policy policy = SeedPolicy.load();
    private final RuleEngine engine = new RuleEngine();

    @Test
    void aWellPreparedFirstEsiIsAllowedAndEveryReasonHasASource() {
        var r = engine.evaluate(
                order(ProcedureType.ESI_TRANSFORAMINAL), history().build(), policy);
        assertThat(r.decision()).isEqualTo(Decision.ALLOW);
        assertThat(r.outcomes()).allSatisfy(o -> assertThat(o.source()).isNotBlank());
        assertThat(r.outcomes())
                .extracting(Outcome::rule)
                .contains(
                        "ESI: pain duration",
                        "ESI: conservative care",
                        "ESI: imaging",
                        "ESI: levels per session",
                        "ESI: interval",
                        "Blood thinners");
    }

    @Test
    void exactlyThreeWeeksAfterTheLastEsiIsAllowedOneDayLessIsBlocked() {
        var exactly = history()
                .done(ProcedureType.ESI_TRANSFORAMINAL, PLANNED.minusDays(21), 70, 8)
                .build();
        assertThat(outcome(order(ProcedureType.ESI_TRANSFORAMINAL), exactly, "ESI: interval")
                        .decision())
                .isEqualTo(Decision.ALLOW);
        var tooSoon = history()
                .done(ProcedureType.ESI_TRANSFORAMINAL, PLANNED.minusDays(20), 70, 8)
                .build();
        var o = outcome(order(ProcedureType.ESI_TRANSFORAMINAL), tooSoon, "ESI: interval");
        assertThat(o.decision()).isEqualTo(Decision.BLOCK);
        assertThat(o.reason())
                .contains("Only 20 days")
                .contains("21 days")
                .contains(PLANNED.plusDays(1).toString());
        assertThat(o.policyUsed()).extracting(Policy.Value::key).containsExactly("esi.min-interval-days");
        assertThat(o.source()).isEqualTo("clinic practice");
    }

    @Test
    void theFifthEsiInARegionIn12MonthsIsBlocked() {
        var four = history();
        for (int i = 1; i <= 4; i++) {
            four.done(ProcedureType.ESI_INTERLAMINAR, PLANNED.minusMonths(2L * i), 60, 8);
        }
        var o = outcome(order(ProcedureType.ESI_INTERLAMINAR), four.build(), "ESI: sessions per region per 12 months");
        assertThat(o.decision()).isEqualTo(Decision.BLOCK);
        assertThat(o.reason()).contains("Already 4");
        var three = history();
        for (int i = 1; i <= 3; i++) {
            three.done(ProcedureType.ESI_INTERLAMINAR, PLANNED.minusMonths(2L * i), 60, 8);
        }
        three.done(ProcedureType.ESI_INTERLAMINAR, PLANNED.minusMonths(12), 60, 8); // exactly 12 months ago: outside
        assertThat(outcome(
                                order(ProcedureType.ESI_INTERLAMINAR),
                                three.build(),
                                "ESI: sessions per region per 12 months")
                        .decision())
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void aRepeatNeedsFiftyPercentReliefAndItsFollowUpRecorded() {
        assertThat(outcome(
                                order(ProcedureType.ESI_CAUDAL),
                                history()
                                        .done(ProcedureType.ESI_CAUDAL, PLANNED.minusMonths(3), 50, 8)
                                        .build(),
                                "ESI: response to the last one")
                        .decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(outcome(
                                order(ProcedureType.ESI_CAUDAL),
                                history()
                                        .done(ProcedureType.ESI_CAUDAL, PLANNED.minusMonths(3), 49, 8)
                                        .build(),
                                "ESI: response to the last one")
                        .decision())
                .isEqualTo(Decision.BLOCK);
        assertThat(outcome(
                                order(ProcedureType.ESI_CAUDAL),
                                history()
                                        .done(ProcedureType.ESI_CAUDAL, PLANNED.minusMonths(3), null, null)
                                        .build(),
                                "ESI: response to the last one")
                        .decision())
                .isEqualTo(Decision.NOT_ENOUGH_DATA);
    }

    @Test
    void painUnderFourWeeksNoConservativeCareOrNoImagingBlock() {
        var h = history();
        h.painOnset = PLANNED.minusWeeks(3);
        assertThat(outcome(order(ProcedureType.ESI_INTERLAMINAR), h.build(), "ESI: pain duration")
                        .decision())
                .isEqualTo(Decision.BLOCK);
        h.painOnset = PLANNED.minusWeeks(4);
        assertThat(outcome(order(ProcedureType.ESI_INTERLAMINAR), h.build(), "ESI: pain duration")
                        .decision())
                .isEqualTo(Decision.ALLOW);
        var care = history();
        care.conservativeWeeks = 5; // radiculopathy needs 6
        assertThat(outcome(order(ProcedureType.ESI_INTERLAMINAR), care.build(), "ESI: conservative care")
                        .decision())
                .isEqualTo(Decision.BLOCK);
        var noImaging = history();
        noImaging.imaging = false;
        assertThat(engine.evaluate(order(ProcedureType.ESI_INTERLAMINAR), noImaging.build(), policy)
                        .decision())
                .isEqualTo(Decision.BLOCK);
    }

    @Test
    void levelsPerSessionDependOnTheApproach() {
        assertThat(outcome(order(ProcedureType.ESI_TRANSFORAMINAL, 2), history().build(), "ESI: levels per session")
                        .decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(outcome(order(ProcedureType.ESI_TRANSFORAMINAL, 3), history().build(), "ESI: levels per session")
                        .decision())
                .isEqualTo(Decision.BLOCK);
        assertThat(outcome(order(ProcedureType.ESI_INTERLAMINAR, 2), history().build(), "ESI: levels per session")
                        .decision())
                .isEqualTo(Decision.BLOCK);
    }

    @Test
    void cumulativeSteroidAbove200MgIn12MonthsWarns() {
        var h = history()
                .done(ProcedureType.ESI_INTERLAMINAR, PLANNED.minusMonths(3), 60, 8)
                .done(ProcedureType.ESI_INTERLAMINAR, PLANNED.minusMonths(6), 60, 8); // 160 mg + 80 = 240
        var o = outcome(order(ProcedureType.ESI_INTERLAMINAR), h.build(), "Cumulative steroid");
        assertThat(o.decision()).isEqualTo(Decision.WARN);
        assertThat(o.reason()).contains("240 mg");
        var under = history().done(ProcedureType.ESI_INTERLAMINAR, PLANNED.minusMonths(3), 60, 8); // 160
        assertThat(outcome(order(ProcedureType.ESI_INTERLAMINAR), under.build(), "Cumulative steroid")
                        .decision())
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void thePolicyValueInForceIsTheOneUsed() {
        var comparator = SeedPolicy.with("esi.min-interval-days", "14");
        var h = history()
                .done(ProcedureType.ESI_TRANSFORAMINAL, PLANNED.minusDays(15), 70, 8)
                .build();
        var r = engine.evaluate(order(ProcedureType.ESI_TRANSFORAMINAL), h, comparator);
        assertThat(r.outcomes())
                .filteredOn(o -> o.rule().equals("ESI: interval"))
                .singleElement()
                .satisfies(o -> assertThat(o.decision()).isEqualTo(Decision.ALLOW));
    }

    @Test
    void cervicalTransforaminalWithAParticulateSteroidIsABlockNonParticulateOnly() {
        var o = new Facts.Order(
                ProcedureType.ESI_TRANSFORAMINAL,
                Facts.Region.CERVICAL,
                Facts.Side.LEFT,
                1,
                PLANNED,
                Facts.Indication.RADICULOPATHY,
                40.0,
                true,
                true,
                null,
                false,
                null);
        var r = outcome(o, history().build(), "Cervical transforaminal steroid");
        assertThat(r.decision()).isEqualTo(Decision.BLOCK);
        assertThat(r.reason()).contains("non-particulate steroid only");
        assertThat(r.source()).contains("Rathmell");
    }

    @Test
    void anEsiWithoutImageGuidanceIsABlock() {
        var esi = new Facts.Order(
                ProcedureType.ESI_TRANSFORAMINAL,
                Facts.Region.LUMBAR,
                Facts.Side.LEFT,
                1,
                PLANNED,
                Facts.Indication.RADICULOPATHY,
                40.0,
                false,
                false,
                null,
                false,
                null);
        assertThat(outcome(esi, history().build(), "Image guidance").decision()).isEqualTo(Decision.BLOCK);
    }

    private Outcome outcome(Facts.Order order, Facts.History history, String rule) {
        return engine.evaluate(order, history, policy).outcomes().stream()
                .filter(o -> o.rule().equals(rule))
                .findFirst()
                .orElseThrow(() -> new AssertionError("rule " + rule + " did not run"));
    }
}
