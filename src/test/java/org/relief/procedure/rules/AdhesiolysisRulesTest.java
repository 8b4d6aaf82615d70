package org.relief.procedure.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.procedure.rules.RuleTestData.PLANNED;
import static org.relief.procedure.rules.RuleTestData.history;
import static org.relief.procedure.rules.RuleTestData.order;
import static org.relief.procedure.rules.RuleTestData.outcome;

import org.junit.jupiter.api.Test;

/** Percutaneous adhesiolysis with the numbers of the rules reference, section 8. */
class AdhesiolysisRulesTest {

    private final Policy policy = SeedPolicy.load();
    private final RuleEngine engine = new RuleEngine();

    /** "Several Medicare contractors do not cover it": marked "not covered by this payer", never a block. */
    @Test
    void adhesiolysisNotCoveredIsAWarningNotABlock() {
        var r = engine.evaluate(order(ProcedureType.ADHESIOLYSIS), history().build(), policy);
        assertThat(r.outcomes())
                .filteredOn(o -> o.rule().equals("Not covered by this payer"))
                .singleElement()
                .satisfies(o -> assertThat(o.decision()).isEqualTo(Decision.WARN));
        assertThat(r.decision()).isEqualTo(Decision.WARN);
        var covered = engine.evaluate(
                order(ProcedureType.ADHESIOLYSIS), history().build(), SeedPolicy.with("adhesiolysis.covered", "1"));
        assertThat(covered.outcomes()).noneMatch(o -> o.rule().equals("Not covered by this payer"));
    }

    /** "At most 1 per 6 months per region" (legacy First Coast LCD L28948/L29256). */
    @Test
    void atMostOneAdhesiolysisPerSixMonthsPerRegion() {
        var tooSoon = history().done(ProcedureType.ADHESIOLYSIS, PLANNED.minusMonths(5), 60, 8);
        assertThat(outcome(order(ProcedureType.ADHESIOLYSIS), tooSoon, "Adhesiolysis: interval")
                        .decision())
                .isEqualTo(Decision.BLOCK);
        var sixMonths = history().done(ProcedureType.ADHESIOLYSIS, PLANNED.minusMonths(6), 60, 8);
        var o = outcome(order(ProcedureType.ADHESIOLYSIS), sixMonths, "Adhesiolysis: interval");
        assertThat(o.decision()).isEqualTo(Decision.ALLOW);
        assertThat(o.source()).contains("L28948");
    }
}
