package org.relief.procedure.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.procedure.rules.RuleTestData.PLANNED;
import static org.relief.procedure.rules.RuleTestData.TODAY;
import static org.relief.procedure.rules.RuleTestData.history;
import static org.relief.procedure.rules.RuleTestData.order;

import org.junit.jupiter.api.Test;
import org.relief.procedure.rules.Facts.Thinner;

/** Blood thinners before procedures, with the numbers of the rules reference, section 9 (Narouze et al., RAPM 2018). */
class BloodThinnersTest {

    private final Policy policy = SeedPolicy.load();
    private final RuleEngine engine = new RuleEngine();

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
        assertThat(scs.reason())
                .contains("no dose from " + PLANNED.minusDays(5))
                .contains("high bleeding risk");
        assertThat(scs.source()).contains("UNVERIFIED");
        var tomorrow = new Facts.Order(
                ProcedureType.SCS_TRIAL,
                Facts.Region.THORACIC,
                Facts.Side.NONE,
                1,
                TODAY.plusDays(2),
                Facts.Indication.OTHER,
                null,
                false,
                true,
                null,
                false,
                null);
        assertThat(engine.evaluate(tomorrow, h.build(), policy).outcomes().stream()
                        .filter(o -> o.rule().equals("Blood thinners"))
                        .findFirst()
                        .orElseThrow()
                        .decision())
                .isEqualTo(Decision.BLOCK);
    }

    @Test
    void nsaidsNeedAHoldOnlyForHighRiskAndPatientFactorsRaiseTheCategory() {
        var h = history();
        h.thinners.add(new Thinner("Naproxen sodium 220 MG Oral Tablet", true, null));
        assertThat(rule(order(ProcedureType.ESI_INTERLAMINAR), h, "Blood thinners")
                        .decision())
                .isEqualTo(Decision.ALLOW);
        var raised = new Facts.Order(
                ProcedureType.ESI_INTERLAMINAR,
                Facts.Region.LUMBAR,
                Facts.Side.LEFT,
                1,
                PLANNED,
                Facts.Indication.RADICULOPATHY,
                80.0,
                false,
                true,
                null,
                true,
                null);
        var o = engine.evaluate(raised, h.build(), policy).outcomes().stream()
                .filter(x -> x.rule().equals("Blood thinners"))
                .findFirst()
                .orElseThrow();
        assertThat(o.decision()).isEqualTo(Decision.WARN);
        assertThat(o.reason()).contains("hold 4 day(s)").contains("raised by patient factors");
    }

    @Test
    void theStructuredLastDoseTakenCountsTheHoldFromTheDayAfterIt() {
        // SCS trial: high bleeding risk; apixaban 3-5 days, the longer (5) used (section 9, UNVERIFIED)
        var h = history();
        var lastDose = PLANNED.minusDays(6).atTime(20, 0); // no dose from PLANNED - 5: exactly the 5-day hold
        h.thinners.add(new Thinner("apixaban 5 mg tablet", true, null, lastDose, PLANNED.minusDays(5)));
        var met = rule(order(ProcedureType.SCS_TRIAL), h, "Blood thinners");
        assertThat(met.decision()).isEqualTo(Decision.ALLOW);
        assertThat(met.reason()).contains("last dose taken " + PLANNED.minusDays(6) + " 20:00");

        var oneDayShort = history();
        oneDayShort.thinners.add(new Thinner(
                "apixaban 5 mg tablet", true, null, PLANNED.minusDays(5).atTime(8, 0), PLANNED.minusDays(5)));
        var blocked = rule(order(ProcedureType.SCS_TRIAL), oneDayShort, "Blood thinners");
        assertThat(blocked.decision()).isEqualTo(Decision.BLOCK);
        assertThat(blocked.reason()).contains("needs 5").contains("earliest day " + PLANNED.plusDays(1));

        // recorded before the hold began, the medication still on the list: confirm no dose since
        var early = history();
        early.thinners.add(new Thinner("apixaban 5 mg tablet", true, null, lastDose, PLANNED.minusDays(9)));
        var warned = rule(order(ProcedureType.SCS_TRIAL), early, "Blood thinners");
        assertThat(warned.decision()).isEqualTo(Decision.WARN);
        assertThat(warned.reason()).contains("confirm no dose since");
        // the same statement for a stopped medication: the hold is met
        var stopped = history();
        stopped.thinners.add(
                new Thinner("apixaban 5 mg tablet", false, PLANNED.minusDays(8), lastDose, PLANNED.minusDays(9)));
        assertThat(rule(order(ProcedureType.SCS_TRIAL), stopped, "Blood thinners")
                        .decision())
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void warfarinAndClopidogrelFromTheLastDoseUseTheirOwnDays() {
        // interlaminar ESI, intermediate risk: warfarin 5 days; SCS trial, high risk: clopidogrel 7 days (section 9)
        var w = history();
        w.thinners.add(new Thinner(
                "warfarin 5 mg tablet", true, null, PLANNED.minusDays(5).atTime(18, 0), PLANNED.minusDays(4)));
        var warfarin = rule(order(ProcedureType.ESI_INTERLAMINAR), w, "Blood thinners");
        assertThat(warfarin.decision()).isEqualTo(Decision.BLOCK);
        assertThat(warfarin.reason()).contains("needs 5").contains("earliest day " + PLANNED.plusDays(1));
        var c = history();
        c.thinners.add(new Thinner(
                "clopidogrel 75 mg tablet", true, null, PLANNED.minusDays(8).atTime(9, 0), PLANNED.minusDays(7)));
        var clopidogrel = rule(order(ProcedureType.SCS_TRIAL), c, "Blood thinners");
        assertThat(clopidogrel.decision()).isEqualTo(Decision.ALLOW);
        assertThat(clopidogrel.reason()).contains("at least 7 days");
        // low-risk trigger point injection: no hold for clopidogrel is fixed (shared decision): the last dose is moot
        assertThat(rule(order(ProcedureType.TRIGGER_POINT_INJECTION), c, "Blood thinners")
                        .decision())
                .isEqualTo(Decision.WARN);
    }

    private Outcome rule(Facts.Order order, RuleTestData.H h, String name) {
        return engine.evaluate(order, h.build(), policy).outcomes().stream()
                .filter(o -> o.rule().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("rule " + name + " did not run"));
    }
}
