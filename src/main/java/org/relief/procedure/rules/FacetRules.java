package org.relief.procedure.rules;

import static org.relief.procedure.rules.Rule.Out.allow;
import static org.relief.procedure.rules.Rule.Out.block;
import static org.relief.procedure.rules.Rule.Out.missing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.relief.procedure.rules.Facts.PastProcedure;

/** Medial branch blocks, radiofrequency ablation and intra-articular facet injections (rules reference section 3). */
final class FacetRules {
    // Why over 300 lines: one procedure family (medial branch blocks and RFA), one method per rule as every rule class
    // has, each citing its source.

    private static final String FACET_LCD = "facet LCD family (CGS summary)";

    private FacetRules() {}

    static final Rule CHRONIC_AXIAL_PAIN = (o, h, p) -> {
        if (h.painOnset() == null) {
            return missing("Facet: pain duration", "No pain onset on the problem list.", FACET_LCD);
        }
        boolean chronic = !h.painOnset().plusMonths(3).isAfter(o.plannedDate());
        return chronic
                ? allow("Facet: pain duration", "Pain since " + h.painOnset() + " (3 months or more).", FACET_LCD)
                : block(
                        "Facet: pain duration",
                        "Pain since " + h.painOnset() + ": facet procedures need 3 months " + "or more.",
                        FACET_LCD);
    };

    /**
     * Facet entry: "failed conservative care" (section 3, no length given): the same conservative-care fact as the
     * ESI rules and the candidacy screen.
     */
    static final Rule CONSERVATIVE_CARE = (o, h, p) -> h.conservativeCare().isEmpty()
            ? block(
                    "Facet: conservative care",
                    "No conservative care documented as failed; facet procedures need "
                            + "failed conservative care first. Earlier procedures are not conservative care.",
                    FACET_LCD)
            : allow(
                    "Facet: conservative care",
                    "Conservative care documented as failed: " + h.conservativeCare() + ".",
                    FACET_LCD);

    /** Before the first RFA at a level and side: two diagnostic MBBs, each with at least 80% relief. */
    static final Rule MBBS_BEFORE_FIRST_RFA = (o, h, p) -> {
        if (o.type() != ProcedureType.RADIOFREQUENCY_ABLATION) {
            return null;
        }
        boolean repeat = History12m.last(
                        h,
                        q -> q.type() == ProcedureType.RADIOFREQUENCY_ABLATION
                                && q.region() == o.region()
                                && History12m.sameSide(q, o))
                .isPresent();
        if (repeat) {
            return null;
        }
        var pct = p.get("mbb.block-relief-percent");
        var count = p.get("mbb.blocks-before-rfa");
        int threshold = pct.value().intValue();
        List<String> seen = new ArrayList<>();
        List<PastProcedure> incomplete = new ArrayList<>();
        int good = 0;
        for (PastProcedure mbb : h.procedures()) {
            if (mbb.type() != ProcedureType.MEDIAL_BRANCH_BLOCK
                    || !History12m.regionMayMatch(mbb, o)
                    || !History12m.sideMayMatch(mbb, o)) {
                continue;
            }
            boolean placeKnown = mbb.region() != null && mbb.side() != null;
            seen.add(mbb.when() + ": " + mbb.reliefText() + (placeKnown ? "" : ", region or side not recorded"));
            if (mbb.reliefPercent() != null && mbb.reliefPercent() >= threshold) {
                if (placeKnown) {
                    good++;
                } else {
                    incomplete.add(mbb);
                }
            } else if (!mbb.reliefKnownBelow(threshold)) {
                incomplete.add(mbb);
            }
        }
        for (Facts.Block b : h.blocks()) {
            if (b.target() != null && b.target().toLowerCase().contains("medial branch")) {
                seen.add(b.on() + " (evaluation): " + b.reliefPercent() + "%");
                if (b.reliefPercent() >= threshold) {
                    good++;
                }
            }
        }
        String list = seen.isEmpty() ? "none" : String.join("; ", seen);
        if (good >= count.value().intValue()) {
            return allow(
                    "RFA: diagnostic blocks first",
                    good + " medial branch blocks with at least " + pct.shown() + " relief (" + list + ").",
                    pct.source(),
                    pct,
                    count);
        }
        if (good + incomplete.size() >= count.value().intValue()) {
            return missing(
                    "RFA: diagnostic blocks first",
                    "Medial branch blocks without recorded relief, region or "
                            + "side (" + list + "); the first RFA needs " + count.shown() + " each with at least "
                            + pct.shown() + ". " + History12m.complete(incomplete, "relief %, region and side") + ".",
                    pct.source(),
                    pct,
                    count);
        }
        return block(
                "RFA: diagnostic blocks first",
                "The first RFA needs " + count.shown() + " each with at least " + pct.shown() + " relief; found " + good
                        + " (" + list + ").",
                pct.source(),
                pct,
                count);
    };

    /** A repeat RFA at the same level and side: interval, and enough relief lasting long enough from the last. */
    static final Rule REPEAT_RFA = (o, h, p) -> {
        if (o.type() != ProcedureType.RADIOFREQUENCY_ABLATION) {
            return null;
        }
        var months = p.get("rfa.repeat-interval-months");
        var pct = p.get("rfa.repeat-relief-percent");
        var weeks = p.get("rfa.repeat-relief-weeks");
        return History12m.last(
                        h,
                        q -> q.type() == ProcedureType.RADIOFREQUENCY_ABLATION
                                && History12m.regionMayMatch(q, o)
                                && History12m.sideMayMatch(q, o))
                .map(last -> {
                    boolean placeKnown = last.region() != null && last.side() != null;
                    String place = placeKnown ? "at this level and side" : "(region or side not recorded)";
                    LocalDate earliest = last.date().plusMonths(months.value().intValue());
                    if (earliest.isAfter(o.plannedDate())) {
                        return placeKnown
                                ? block(
                                        "RFA: repeat",
                                        "Last RFA at this level and side on " + last.when() + "; a repeat needs "
                                                + months.shown() + ": earliest " + earliest + ".",
                                        months.source(),
                                        months)
                                : missing(
                                        "RFA: repeat",
                                        "An RFA on " + last.when() + " " + place + " is within "
                                                + months.shown()
                                                + ": if it was this level and side, the earliest repeat is "
                                                + earliest + ". "
                                                + History12m.complete(List.of(last), "region and side")
                                                + ".",
                                        months.source(),
                                        months);
                    }
                    if (last.reliefPercent() == null || last.reliefWeeks() == null) {
                        if (last.reliefKnownBelow(pct.value().intValue())) {
                            return block(
                                    "RFA: repeat",
                                    "The RFA of " + last.when() + " " + place + " was "
                                            + last.reliefText() + "; a repeat needs " + pct.shown() + " lasting "
                                            + weeks.shown() + ".",
                                    pct.source() + "; " + weeks.source(),
                                    pct,
                                    weeks);
                        }
                        return missing(
                                "RFA: repeat",
                                "Relief after the RFA of " + last.when() + " " + place
                                        + " (how much and how long) is not recorded. "
                                        + last.complete("relief % and weeks " + "it lasted") + ".",
                                pct.source(),
                                pct,
                                weeks);
                    }
                    if (last.reliefPercent() < pct.value().intValue()
                            || last.reliefWeeks() < weeks.value().intValue()) {
                        return block(
                                "RFA: repeat",
                                "The RFA of " + last.when() + " gave " + last.reliefPercent()
                                        + "% relief for " + last.reliefWeeks() + " weeks; a repeat needs " + pct.shown()
                                        + " lasting " + weeks.shown() + ".",
                                pct.source() + "; " + weeks.source(),
                                pct,
                                weeks,
                                months);
                    }
                    return allow(
                            "RFA: repeat",
                            last.reliefPercent() + "% relief for " + last.reliefWeeks()
                                    + " weeks after the RFA of " + last.when() + "; "
                                    + ChronoUnit.MONTHS.between(last.date(), o.plannedDate()) + " months since.",
                            pct.source(),
                            pct,
                            weeks,
                            months);
                })
                .orElse(null);
    };

    static final Rule RFA_SESSIONS = (o, h, p) -> {
        if (o.type() != ProcedureType.RADIOFREQUENCY_ABLATION) {
            return null;
        }
        var max = p.get("rfa.sessions-per-region-12m");
        String rule = "RFA: sessions per region per 12 months";
        List<PastProcedure> done = History12m.inLast12Months(
                h, o, q -> q.type() == ProcedureType.RADIOFREQUENCY_ABLATION && q.region() == o.region());
        List<PastProcedure> unknown = History12m.inLast12Months(
                h, o, q -> q.type() == ProcedureType.RADIOFREQUENCY_ABLATION && q.region() == null);
        int limit = max.value().intValue();
        if (done.size() >= limit) {
            return block(
                    rule,
                    "Already " + done.size() + " RFA sessions in this region in 12 months (" + History12m.dates(done)
                            + "); at most " + max.shown() + ".",
                    max.source(),
                    max);
        }
        if (done.size() + unknown.size() >= limit) {
            return missing(
                    rule,
                    done.size() + " RFA session(s) in this region in 12 months and " + unknown.size()
                            + " whose region is not recorded (" + History12m.dates(unknown) + "); at most "
                            + max.shown()
                            + ". " + History12m.complete(unknown, "region") + ".",
                    max.source(),
                    max);
        }
        return allow(
                rule,
                "This would be number " + (done.size() + 1) + " (at most " + max.shown() + ")."
                        + (unknown.isEmpty()
                                ? ""
                                : " Counting " + unknown.size() + " outside RFA(s) whose region is not "
                                        + "recorded it would be at most number " + (done.size() + unknown.size() + 1)
                                        + "."),
                max.source(),
                max);
    };

    static final Rule RFA_LEVELS = (o, h, p) -> {
        if (o.type() != ProcedureType.RADIOFREQUENCY_ABLATION && o.type() != ProcedureType.MEDIAL_BRANCH_BLOCK) {
            return null;
        }
        var max = p.get("rfa.levels-per-side");
        return o.levels() <= max.value().intValue()
                ? allow("Facet: levels per side", o.levels() + " level(s) per side.", max.source(), max)
                : block(
                        "Facet: levels per side",
                        o.levels() + " levels per side; at most " + max.shown() + ".",
                        max.source(),
                        max);
    };

    static final Rule INTRA_ARTICULAR = (o, h, p) -> {
        if (o.type() != ProcedureType.FACET_INTRA_ARTICULAR) {
            return null;
        }
        var max = p.get("facet-ia.sessions-per-region-12m");
        if (o.intraArticularReason() == null || o.intraArticularReason().isBlank()) {
            return block("Facet: intra-articular injection", "Only when RFA is not possible: document why.", FACET_LCD);
        }
        int done = History12m.inLast12Months(
                        h, o, q -> q.type() == ProcedureType.FACET_INTRA_ARTICULAR && q.region() == o.region())
                .size();
        if (done >= max.value().intValue()) {
            return block(
                    "Facet: intra-articular injection",
                    "Already " + done + " in this region in 12 months; at " + "most " + max.shown() + ".",
                    max.source(),
                    max);
        }
        var last = History12m.last(h, q -> q.type() == ProcedureType.FACET_INTRA_ARTICULAR && q.region() == o.region());
        if (last.isPresent()) {
            var l = last.get();
            if ((l.reliefPercent() == null || l.reliefWeeks() == null) && !l.reliefKnownBelow(50)) {
                return missing(
                        "Facet: intra-articular injection",
                        "Relief after the injection of " + l.when() + " is not recorded. "
                                + l.complete("relief % and weeks it lasted") + ".",
                        FACET_LCD);
            }
            if (l.reliefPercent() == null || l.reliefWeeks() == null) {
                return block(
                        "Facet: intra-articular injection",
                        "A repeat needs 50% relief for 3 months; the " + "injection of " + l.when() + " was "
                                + l.reliefText() + ".",
                        FACET_LCD);
            }
            if (l.reliefPercent() < 50 || !History12m.lastedMonths(l, 3)) {
                return block(
                        "Facet: intra-articular injection",
                        "A repeat needs 50% relief for 3 months; the last " + "gave " + l.reliefPercent() + "% for "
                                + l.reliefWeeks() + " weeks.",
                        FACET_LCD);
            }
        }
        return allow(
                "Facet: intra-articular injection",
                "RFA not possible: " + o.intraArticularReason() + ".",
                FACET_LCD,
                max);
    };

    static final List<Rule> ALL = List.of(
            CHRONIC_AXIAL_PAIN,
            CONSERVATIVE_CARE,
            MBBS_BEFORE_FIRST_RFA,
            REPEAT_RFA,
            RFA_SESSIONS,
            RFA_LEVELS,
            INTRA_ARTICULAR);
}
