package org.relief.procedure.rules;

import static org.relief.procedure.rules.Rule.Out.allow;
import static org.relief.procedure.rules.Rule.Out.block;
import static org.relief.procedure.rules.Rule.Out.missing;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.relief.procedure.rules.Facts.PastProcedure;

/** Medial branch blocks, radiofrequency ablation and intra-articular facet injections (rules reference section 3). */
final class FacetRules {

    private static final String FACET_LCD = "facet LCD family (CGS summary)";

    private FacetRules() {
    }

    static final Rule CHRONIC_AXIAL_PAIN = (o, h, p) -> {
        if (h.painOnset() == null) {
            return missing("Facet: pain duration", "No pain onset on the problem list.", FACET_LCD);
        }
        boolean chronic = !h.painOnset().plusMonths(3).isAfter(o.plannedDate());
        return chronic ? allow("Facet: pain duration", "Pain since " + h.painOnset() + " (3 months or more).",
                FACET_LCD)
                : block("Facet: pain duration", "Pain since " + h.painOnset() + ": facet procedures need 3 months "
                        + "or more.", FACET_LCD);
    };

    /** Before the first RFA at a level and side: two diagnostic MBBs, each with at least 80% relief. */
    static final Rule MBBS_BEFORE_FIRST_RFA = (o, h, p) -> {
        if (o.type() != ProcedureType.RADIOFREQUENCY_ABLATION) {
            return null;
        }
        boolean repeat = History12m.last(h, q -> q.type() == ProcedureType.RADIOFREQUENCY_ABLATION
                && q.region() == o.region() && History12m.sameSide(q, o)).isPresent();
        if (repeat) {
            return null;
        }
        var pct = p.get("mbb.block-relief-percent");
        var count = p.get("mbb.blocks-before-rfa");
        List<String> seen = new ArrayList<>();
        int good = 0;
        boolean unknown = false;
        for (PastProcedure mbb : h.procedures()) {
            if (mbb.type() != ProcedureType.MEDIAL_BRANCH_BLOCK || mbb.region() != o.region()
                    || !History12m.sameSide(mbb, o)) {
                continue;
            }
            if (mbb.reliefPercent() == null) {
                unknown = true;
                seen.add(mbb.date() + ": relief not recorded");
            } else {
                seen.add(mbb.date() + ": " + mbb.reliefPercent() + "%");
                if (mbb.reliefPercent() >= pct.value().intValue()) {
                    good++;
                }
            }
        }
        for (Facts.Block b : h.blocks()) {
            if (b.target() != null && b.target().toLowerCase().contains("medial branch")) {
                seen.add(b.on() + " (evaluation): " + b.reliefPercent() + "%");
                if (b.reliefPercent() >= pct.value().intValue()) {
                    good++;
                }
            }
        }
        String list = seen.isEmpty() ? "none" : String.join("; ", seen);
        if (good >= count.value().intValue()) {
            return allow("RFA: diagnostic blocks first", good + " medial branch blocks with at least " + pct.shown()
                    + " relief (" + list + ").", pct.source(), pct, count);
        }
        if (unknown) {
            return missing("RFA: diagnostic blocks first", "Medial branch blocks without recorded relief (" + list
                    + "); the first RFA needs " + count.shown() + " each with at least " + pct.shown() + ".",
                    pct.source(), pct, count);
        }
        return block("RFA: diagnostic blocks first", "The first RFA needs " + count.shown() + " each with at least "
                + pct.shown() + " relief; found " + good + " (" + list + ").", pct.source(), pct, count);
    };

    /** A repeat RFA at the same level and side: interval, and enough relief lasting long enough from the last. */
    static final Rule REPEAT_RFA = (o, h, p) -> {
        if (o.type() != ProcedureType.RADIOFREQUENCY_ABLATION) {
            return null;
        }
        var months = p.get("rfa.repeat-interval-months");
        var pct = p.get("rfa.repeat-relief-percent");
        var weeks = p.get("rfa.repeat-relief-weeks");
        return History12m.last(h, q -> q.type() == ProcedureType.RADIOFREQUENCY_ABLATION
                && q.region() == o.region() && History12m.sameSide(q, o)).map(last -> {
                    if (last.date().plusMonths(months.value().intValue()).isAfter(o.plannedDate())) {
                        return block("RFA: repeat", "Last RFA at this level and side on " + last.date()
                                + "; a repeat needs " + months.shown() + ": earliest "
                                + last.date().plusMonths(months.value().intValue()) + ".", months.source(), months);
                    }
                    if (last.reliefPercent() == null || last.reliefWeeks() == null) {
                        return missing("RFA: repeat", "Relief after the RFA of " + last.date() + " (how much and "
                                + "how long) is not recorded.", pct.source(), pct, weeks);
                    }
                    if (last.reliefPercent() < pct.value().intValue()
                            || last.reliefWeeks() < weeks.value().intValue()) {
                        return block("RFA: repeat", "The RFA of " + last.date() + " gave " + last.reliefPercent()
                                + "% relief for " + last.reliefWeeks() + " weeks; a repeat needs " + pct.shown()
                                + " lasting " + weeks.shown() + ".", pct.source() + "; " + weeks.source(), pct,
                                weeks, months);
                    }
                    return allow("RFA: repeat", last.reliefPercent() + "% relief for " + last.reliefWeeks()
                            + " weeks after the RFA of " + last.date() + "; " + ChronoUnit.MONTHS.between(last.date(),
                            o.plannedDate()) + " months since.", pct.source(), pct, weeks, months);
                }).orElse(null);
    };

    static final Rule RFA_SESSIONS = (o, h, p) -> {
        if (o.type() != ProcedureType.RADIOFREQUENCY_ABLATION) {
            return null;
        }
        var max = p.get("rfa.sessions-per-region-12m");
        int done = History12m.inLast12Months(h, o, q -> q.type() == ProcedureType.RADIOFREQUENCY_ABLATION
                && q.region() == o.region()).size();
        return done < max.value().intValue()
                ? allow("RFA: sessions per region per 12 months", "This would be number " + (done + 1) + " (at most "
                        + max.shown() + ").", max.source(), max)
                : block("RFA: sessions per region per 12 months", "Already " + done + " RFA sessions in this region "
                        + "in 12 months; at most " + max.shown() + ".", max.source(), max);
    };

    static final Rule RFA_LEVELS = (o, h, p) -> {
        if (o.type() != ProcedureType.RADIOFREQUENCY_ABLATION && o.type() != ProcedureType.MEDIAL_BRANCH_BLOCK) {
            return null;
        }
        var max = p.get("rfa.levels-per-side");
        return o.levels() <= max.value().intValue()
                ? allow("Facet: levels per side", o.levels() + " level(s) per side.", max.source(), max)
                : block("Facet: levels per side", o.levels() + " levels per side; at most " + max.shown() + ".",
                        max.source(), max);
    };

    static final Rule INTRA_ARTICULAR = (o, h, p) -> {
        if (o.type() != ProcedureType.FACET_INTRA_ARTICULAR) {
            return null;
        }
        var max = p.get("facet-ia.sessions-per-region-12m");
        if (o.intraArticularReason() == null || o.intraArticularReason().isBlank()) {
            return block("Facet: intra-articular injection", "Only when RFA is not possible: document why.",
                    FACET_LCD);
        }
        int done = History12m.inLast12Months(h, o, q -> q.type() == ProcedureType.FACET_INTRA_ARTICULAR
                && q.region() == o.region()).size();
        if (done >= max.value().intValue()) {
            return block("Facet: intra-articular injection", "Already " + done + " in this region in 12 months; at "
                    + "most " + max.shown() + ".", max.source(), max);
        }
        var last = History12m.last(h, q -> q.type() == ProcedureType.FACET_INTRA_ARTICULAR
                && q.region() == o.region());
        if (last.isPresent()) {
            var l = last.get();
            if (l.reliefPercent() == null || l.reliefWeeks() == null) {
                return missing("Facet: intra-articular injection", "Relief after the injection of " + l.date()
                        + " is not recorded.", FACET_LCD);
            }
            if (l.reliefPercent() < 50 || !History12m.lastedMonths(l, 3)) {
                return block("Facet: intra-articular injection", "A repeat needs 50% relief for 3 months; the last "
                        + "gave " + l.reliefPercent() + "% for " + l.reliefWeeks() + " weeks.", FACET_LCD);
            }
        }
        return allow("Facet: intra-articular injection", "RFA not possible: " + o.intraArticularReason() + ".",
                FACET_LCD, max);
    };

    static final List<Rule> ALL = List.of(CHRONIC_AXIAL_PAIN, MBBS_BEFORE_FIRST_RFA, REPEAT_RFA, RFA_SESSIONS,
            RFA_LEVELS, INTRA_ARTICULAR);
}
