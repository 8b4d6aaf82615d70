package org.relief.procedure.rules;

import static org.relief.procedure.rules.Rule.Out.allow;
import static org.relief.procedure.rules.Rule.Out.block;
import static org.relief.procedure.rules.Rule.Out.missing;
import static org.relief.procedure.rules.Rule.Out.warn;

import java.util.List;

/**
 * Percutaneous adhesiolysis (rules reference section 8): at most one per 6 months per region (legacy First Coast LCD
 * L28948/L29256); "not covered by this payer" is a warning, never a block. The cumulative steroid rule of the ESI
 * family also runs for it ({@link RuleEngine}).
 * The numbers are the defaults of the policy values the rules read.
 */
final class AdhesiolysisRules {

    private AdhesiolysisRules() {}

    static final Rule ADHESIOLYSIS_INTERVAL = (o, h, p) -> {
        if (o.type() != ProcedureType.ADHESIOLYSIS) {
            return null;
        }
        var months = p.get("adhesiolysis.min-interval-months");
        return History12m.last(h, q -> q.type() == ProcedureType.ADHESIOLYSIS && History12m.regionMayMatch(q, o))
                .map(l -> !l.date().plusMonths(months.value().intValue()).isAfter(o.plannedDate())
                        ? allow("Adhesiolysis: interval", "Last on " + l.when() + ".", months.source(), months)
                        : l.region() == null
                                ? missing(
                                        "Adhesiolysis: interval",
                                        "An adhesiolysis on " + l.when() + " (region not " + "recorded) is within "
                                                + months.shown() + ". " + l.complete("region") + ".",
                                        months.source(),
                                        months)
                                : block(
                                        "Adhesiolysis: interval",
                                        "Last on " + l.when() + "; at most one per "
                                                + months.shown() + " per region: earliest "
                                                + l.date()
                                                        .plusMonths(
                                                                months.value().intValue()) + ".",
                                        months.source(),
                                        months))
                .orElseGet(() -> allow("Adhesiolysis: interval", "None before.", months.source(), months));
    };

    /** Coverage is not a clinical question: a WARN, never a BLOCK. */
    static final Rule ADHESIOLYSIS_COVERAGE = (o, h, p) -> {
        if (o.type() != ProcedureType.ADHESIOLYSIS) {
            return null;
        }
        var covered = p.get("adhesiolysis.covered");
        return covered.value().intValue() == 1
                ? null
                : warn(
                        "Not covered by this payer",
                        "Percutaneous adhesiolysis is not covered by this payer "
                                + "(several Medicare contractors do not cover it); the clinical decision is unaffected.",
                        covered.source(),
                        covered);
    };

    static final List<Rule> ALL = List.of(ADHESIOLYSIS_INTERVAL, ADHESIOLYSIS_COVERAGE);
}
