package org.relief.procedure.rules;

import static org.relief.procedure.rules.Rule.Out.allow;
import static org.relief.procedure.rules.Rule.Out.block;
import static org.relief.procedure.rules.Rule.Out.missing;

import java.util.ArrayList;
import java.util.List;
import org.relief.procedure.rules.Facts.PastProcedure;

/**
 * Sacroiliac joint rules (rules reference section 5, SIJ LCDs L39402 / L39455 / L39475 and L39797): at least 3 of 6
 * provocation tests, 4 weeks of conservative care, a diagnostic block with at least 75% relief, at most 2 diagnostic
 * and 4 therapeutic injections per rolling 12 months (a therapeutic repeat after 50% relief for 3 months).
 * The numbers are the defaults of the policy values the rules read.
 */
final class SacroiliacRules {

    private SacroiliacRules() {}

    static final Rule SIJ_PROVOCATION = (o, h, p) -> {
        if (o.type() != ProcedureType.SIJ_DIAGNOSTIC && o.type() != ProcedureType.SIJ_FUSION) {
            return null;
        }
        var need = p.get("sij.provocation-positive");
        if (h.positiveSacroiliacTests() == null) {
            return missing(
                    "SIJ: provocation tests", "No exam with the six provocation tests on file.", need.source(), need);
        }
        return h.positiveSacroiliacTests() >= need.value().intValue()
                ? allow(
                        "SIJ: provocation tests",
                        h.positiveSacroiliacTests() + " of 6 positive (at least " + need.shown() + ").",
                        need.source(),
                        need)
                : block(
                        "SIJ: provocation tests",
                        "Only " + h.positiveSacroiliacTests() + " of 6 positive; needs " + need.shown() + ".",
                        need.source(),
                        need);
    };

    /** SIJ injection entry: ">= 4 weeks conservative care", the same conservative-care fact as ESI and the screen. */
    static final Rule SIJ_CONSERVATIVE_CARE = (o, h, p) -> {
        if (o.type() != ProcedureType.SIJ_DIAGNOSTIC && o.type() != ProcedureType.SIJ_THERAPEUTIC) {
            return null;
        }
        var weeks = p.get("sij.conservative-care-weeks");
        String which = h.conservativeCare().isEmpty() ? "" : ": " + h.conservativeCare();
        return h.conservativeCareWeeks() >= weeks.value().intValue()
                ? allow(
                        "SIJ: conservative care",
                        h.conservativeCareWeeks() + " weeks of conservative care documented " + "as failed (at least "
                                + weeks.shown() + ")" + which + ".",
                        weeks.source(),
                        weeks)
                : block(
                        "SIJ: conservative care",
                        (h.conservativeCare().isEmpty()
                                        ? "No conservative care"
                                        : "Only " + h.conservativeCareWeeks() + " weeks of conservative care")
                                + " documented as "
                                + "failed" + which + "; needs " + weeks.shown()
                                + ". Earlier procedures are not conservative "
                                + "care.",
                        weeks.source(),
                        weeks);
    };

    static final Rule SIJ_DIAGNOSTIC_BLOCK = (o, h, p) -> {
        if (o.type() != ProcedureType.SIJ_THERAPEUTIC && o.type() != ProcedureType.SIJ_FUSION) {
            return null;
        }
        var pct = p.get("sij.block-relief-percent");
        List<String> seen = new ArrayList<>();
        List<PastProcedure> unknown = new ArrayList<>();
        boolean good = false;
        for (PastProcedure d : h.procedures()) {
            if (d.type() != ProcedureType.SIJ_DIAGNOSTIC) {
                continue;
            }
            seen.add(d.when() + ": " + d.reliefText());
            if (d.reliefPercent() != null) {
                good |= d.reliefPercent() >= pct.value().intValue();
            } else if (!d.reliefKnownBelow(pct.value().intValue())) {
                unknown.add(d);
            }
        }
        for (Facts.Block b : h.blocks()) {
            if (b.target() != null && b.target().toLowerCase().contains("sacroiliac")) {
                seen.add(b.on() + " (evaluation): " + b.reliefPercent() + "%");
                good |= b.reliefPercent() >= pct.value().intValue();
            }
        }
        if (good) {
            return allow(
                    "SIJ: diagnostic block",
                    "Diagnostic block with at least " + pct.shown() + " relief (" + String.join("; ", seen) + ").",
                    pct.source(),
                    pct);
        }
        if (!unknown.isEmpty()) {
            return missing(
                    "SIJ: diagnostic block",
                    "Diagnostic SIJ block(s) without recorded relief ("
                            + String.join("; ", seen) + "); needs one with at least " + pct.shown() + ". "
                            + History12m.complete(unknown, "relief %") + ".",
                    pct.source(),
                    pct);
        }
        return seen.isEmpty()
                ? missing("SIJ: diagnostic block", "No diagnostic SIJ block with recorded relief.", pct.source(), pct)
                : block(
                        "SIJ: diagnostic block",
                        "No diagnostic block reached " + pct.shown() + " (" + String.join("; ", seen) + ").",
                        pct.source(),
                        pct);
    };

    static final Rule SIJ_SESSIONS = (o, h, p) -> {
        if (o.type() != ProcedureType.SIJ_DIAGNOSTIC && o.type() != ProcedureType.SIJ_THERAPEUTIC) {
            return null;
        }
        var max =
                p.get(o.type() == ProcedureType.SIJ_DIAGNOSTIC ? "sij.diagnostic-per-12m" : "sij.therapeutic-per-12m");
        int done = History12m.inLast12Months(h, o, q -> q.type() == o.type()).size();
        if (done >= max.value().intValue()) {
            return block(
                    "SIJ: sessions per 12 months",
                    "Already " + done + " in 12 months; at most " + max.shown() + ".",
                    max.source(),
                    max);
        }
        if (o.type() == ProcedureType.SIJ_THERAPEUTIC) {
            var last = History12m.last(h, q -> q.type() == ProcedureType.SIJ_THERAPEUTIC);
            if (last.isPresent()) {
                var l = last.get();
                if ((l.reliefPercent() == null || l.reliefWeeks() == null) && !l.reliefKnownBelow(50)) {
                    return missing(
                            "SIJ: sessions per 12 months",
                            "Relief after the injection of " + l.when() + " is not recorded. "
                                    + l.complete("relief % and weeks it lasted") + ".",
                            max.source(),
                            max);
                }
                if (l.reliefPercent() == null || l.reliefWeeks() == null) {
                    return block(
                            "SIJ: sessions per 12 months",
                            "A therapeutic repeat needs 50% relief for 3 " + "months; the injection of " + l.when()
                                    + " was " + l.reliefText() + ".",
                            max.source(),
                            max);
                }
                if (l.reliefPercent() < 50 || !History12m.lastedMonths(l, 3)) {
                    return block(
                            "SIJ: sessions per 12 months",
                            "A therapeutic repeat needs 50% relief for 3 months; " + "the last gave "
                                    + l.reliefPercent() + "% for " + l.reliefWeeks() + " weeks.",
                            max.source(),
                            max);
                }
            }
        }
        return allow(
                "SIJ: sessions per 12 months",
                "This would be number " + (done + 1) + " (at most " + max.shown() + ").",
                max.source(),
                max);
    };

    static final List<Rule> ALL = List.of(SIJ_PROVOCATION, SIJ_CONSERVATIVE_CARE, SIJ_DIAGNOSTIC_BLOCK, SIJ_SESSIONS);
}
