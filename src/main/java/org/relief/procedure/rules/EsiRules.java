package org.relief.procedure.rules;

import static org.relief.procedure.rules.Rule.Out.allow;
import static org.relief.procedure.rules.Rule.Out.block;
import static org.relief.procedure.rules.Rule.Out.missing;
import static org.relief.procedure.rules.Rule.Out.warn;

import java.time.temporal.ChronoUnit;
import java.util.List;
import org.relief.procedure.rules.Facts.Indication;
import org.relief.procedure.rules.Facts.PastProcedure;
import org.relief.procedure.rules.Facts.Region;

/** Epidural steroid injection rules (rules reference section 2). */
final class EsiRules {

    private static final String L33906 = "LCD L33906";

    private EsiRules() {}

    static final Rule PAIN_DURATION = (o, h, p) -> {
        var weeks = p.get("esi.pain-duration-weeks");
        if (o.indication() == Indication.HERPES_ZOSTER) {
            return allow(
                    "ESI: pain duration",
                    "Acute herpes zoster is exempt from the pain-duration rule.",
                    L33906 + " (summary)",
                    weeks);
        }
        if (h.painOnset() == null) {
            return missing("ESI: pain duration", "No pain onset on the problem list.", L33906 + " (summary)", weeks);
        }
        long w = ChronoUnit.WEEKS.between(h.painOnset(), o.plannedDate());
        return w >= weeks.value().intValue()
                ? allow(
                        "ESI: pain duration",
                        "Pain for " + w + " weeks (at least " + weeks.shown() + ").",
                        weeks.source(),
                        weeks)
                : block(
                        "ESI: pain duration",
                        "Pain for " + w + " weeks; an ESI needs at least " + weeks.shown() + ".",
                        weeks.source(),
                        weeks);
    };

    static final Rule CONSERVATIVE_CARE = (o, h, p) -> {
        var weeks = o.indication() == Indication.STENOSIS
                ? p.get("esi.conservative-care-weeks.stenosis")
                : p.get("esi.conservative-care-weeks.radiculopathy");
        if (o.indication() == Indication.HERPES_ZOSTER) {
            return null;
        }
        String note = o.indication() == Indication.OTHER
                ? " (no stenosis or radiculopathy given: the longer " + "requirement applies)"
                : "";
        String which = h.conservativeCare().isEmpty() ? "" : ": " + h.conservativeCare();
        if (h.conservativeCareWeeks() >= weeks.value().intValue()) {
            return allow(
                    "ESI: conservative care",
                    h.conservativeCareWeeks() + " weeks of conservative care " + "documented as failed (at least "
                            + weeks.shown() + ")" + note + which + ".",
                    weeks.source(),
                    weeks);
        }
        return block(
                "ESI: conservative care",
                (h.conservativeCare().isEmpty()
                                ? "No conservative care"
                                : "Only " + h.conservativeCareWeeks() + " weeks of conservative care")
                        + " documented as failed"
                        + which + "; needs " + weeks.shown() + note + ". Earlier procedures are not conservative care.",
                weeks.source(),
                weeks);
    };

    static final Rule IMAGING = (o, h, p) -> h.imagingOnFile()
            ? allow("ESI: imaging", "Imaging on file (check it is concordant with history and exam).", L33906)
            : block("ESI: imaging", "No imaging on file; concordant imaging is required.", L33906);

    static final Rule LEVELS = (o, h, p) -> {
        var max = o.type() == ProcedureType.ESI_TRANSFORAMINAL
                ? p.get("esi.levels.transforaminal")
                : p.get("esi.levels.interlaminar");
        return o.levels() <= max.value().intValue()
                ? allow("ESI: levels per session", o.levels() + " level(s), one region.", max.source(), max)
                : block(
                        "ESI: levels per session",
                        o.levels() + " levels; at most " + max.shown() + " for "
                                + o.type().label().toLowerCase() + ", one region per session.",
                        max.source(),
                        max);
    };

    static final Rule INTERVAL = (o, h, p) -> {
        var days = p.get("esi.min-interval-days");
        return History12m.last(h, q -> q.type().isEsi())
                .map(last -> {
                    long since = ChronoUnit.DAYS.between(last.date(), o.plannedDate());
                    return since >= days.value().intValue()
                            ? allow(
                                    "ESI: interval",
                                    since + " days since the last ESI (" + last.when() + ").",
                                    days.source(),
                                    days)
                            : block(
                                    "ESI: interval",
                                    "Only " + since + " days since the last ESI on " + last.when()
                                            + "; the minimum is " + days.shown() + ": earliest "
                                            + last.date().plusDays(days.value().intValue()) + ".",
                                    days.source(),
                                    days);
                })
                .orElseGet(() ->
                        allow("ESI: interval", "No earlier ESI, here or in the outside history.", days.source(), days));
    };

    static final Rule SESSIONS_PER_YEAR = (o, h, p) -> {
        var max = p.get("esi.sessions-per-region-12m");
        String rule = "ESI: sessions per region per 12 months";
        String region = o.region().name().toLowerCase();
        List<PastProcedure> done = History12m.inLast12Months(h, o, q -> q.type().isEsi() && q.region() == o.region());
        List<PastProcedure> unknown =
                History12m.inLast12Months(h, o, q -> q.type().isEsi() && q.region() == null);
        int limit = max.value().intValue();
        String earlier = done.isEmpty() ? "" : " Earlier: " + History12m.dates(done) + ".";
        if (done.size() >= limit) {
            return block(
                    rule,
                    "Already " + done.size() + " ESIs in the " + region + " region in the 12 months " + "before "
                            + o.plannedDate() + "; at most " + max.shown() + "." + earlier,
                    max.source(),
                    max);
        }
        if (done.size() + unknown.size() >= limit) {
            return missing(
                    rule,
                    done.size() + " ESI(s) in the " + region + " region in 12 months, and "
                            + unknown.size() + " more whose region is not recorded (" + History12m.dates(unknown)
                            + "): if "
                            + "they were " + region + ", this one would exceed " + max.shown() + ". "
                            + History12m.complete(unknown, "region") + "." + earlier,
                    max.source(),
                    max);
        }
        return allow(
                rule,
                "This would be number " + (done.size() + 1) + " in the " + region + " region in 12 "
                        + "months (at most " + max.shown() + ")." + earlier
                        + (unknown.isEmpty()
                                ? ""
                                : " Counting " + unknown.size() + " outside ESI(s) whose region is not recorded ("
                                        + History12m.dates(unknown) + ") it would be at most number "
                                        + (done.size() + unknown.size() + 1) + "."),
                max.source(),
                max);
    };

    static final Rule REPEAT_RESPONSE = (o, h, p) -> {
        var pct = p.get("esi.repeat-relief-percent");
        String rule = "ESI: response to the last one";
        return History12m.last(h, q -> q.type().isEsi() && (q.region() == o.region() || q.region() == null))
                .map(last -> {
                    String where = last.region() == null
                            ? " (its region is not recorded: read as possibly this " + "region)"
                            : "";
                    if (last.reliefPercent() == null) {
                        return last.reliefKnownBelow(pct.value().intValue())
                                ? block(
                                        rule,
                                        "The last ESI (" + last.when() + ")" + where + " was " + last.reliefText()
                                                + "; a repeat needs " + pct.shown() + ".",
                                        pct.source(),
                                        pct)
                                : missing(
                                        rule,
                                        "The last ESI (" + last.when() + ")" + where + " has no relief "
                                                + "percentage (" + last.reliefText() + "); a repeat needs "
                                                + pct.shown()
                                                + ": " + last.complete("relief %") + " before repeating.",
                                        pct.source(),
                                        pct);
                    }
                    return last.reliefPercent() >= pct.value().intValue()
                            ? allow(
                                    rule,
                                    last.reliefPercent() + "% relief after the ESI of " + last.when() + where
                                            + " (at least " + pct.shown() + ").",
                                    pct.source(),
                                    pct)
                            : block(
                                    rule,
                                    "Only " + last.reliefPercent() + "% relief after the ESI of " + last.when() + where
                                            + "; a repeat needs " + pct.shown() + ".",
                                    pct.source(),
                                    pct);
                })
                .orElse(null);
    };

    static final Rule CUMULATIVE_STEROID = (o, h, p) -> {
        var limit = p.get("esi.steroid-warn-mg-12m");
        String rule = "Cumulative steroid";
        double earlier = History12m.inLast12Months(h, o, q -> q.steroidMg() != null).stream()
                .mapToDouble(PastProcedure::steroidMg)
                .sum();
        List<PastProcedure> unknown =
                History12m.inLast12Months(h, o, q -> q.steroidMg() == null && Ingredients.usesSteroid(q.type()));
        double total = earlier + (o.steroidMg() == null ? 0 : o.steroidMg());
        String text = "Steroid in 12 months including this one: " + (unknown.isEmpty() ? "" : "at least ")
                + Math.round(total) + " mg methylprednisolone-equivalent";
        String gap = unknown.isEmpty()
                ? ""
                : " The steroid dose is not recorded for " + unknown.size()
                        + " procedure(s) in these 12 months (" + History12m.dates(unknown) + "). "
                        + History12m.complete(unknown, "steroid dose") + ".";
        if (total > limit.number()) {
            return warn(
                    rule,
                    text + ", above " + limit.shown() + " (lower for post-menopausal women)." + gap,
                    limit.source(),
                    limit);
        }
        return unknown.isEmpty()
                ? allow(rule, text + " (warning above " + limit.shown() + ").", limit.source(), limit)
                : warn(
                        rule,
                        text + "; the total is not known (warning above " + limit.shown() + ")." + gap,
                        limit.source(),
                        limit);
    };

    static final Rule CERVICAL_TRANSFORAMINAL = (o, h, p) ->
            o.type() == ProcedureType.ESI_TRANSFORAMINAL && o.region() == Region.CERVICAL && o.particulateSteroid()
                    ? block(
                            "Cervical transforaminal steroid",
                            "Cervical transforaminal ESI with a particulate steroid: "
                                    + "the reference allows a non-particulate steroid only. Change the steroid, or override with "
                                    + "the reason.",
                            "Rathmell et al., Anesthesiology 2015 (wording UNVERIFIED)")
                    : null;

    /** "Fluoroscopy or CT with contrast unless contraindicated": required; the contraindication is the override. */
    static final Rule IMAGE_GUIDANCE = (o, h, p) -> o.imageGuidance()
            ? null
            : block(
                    "Image guidance",
                    "No image guidance planned: an ESI is given under fluoroscopy or CT with "
                            + "contrast unless contraindicated; override with the contraindication if there is one.",
                    L33906);

    static final List<Rule> ALL = List.of(
            PAIN_DURATION,
            CONSERVATIVE_CARE,
            IMAGING,
            LEVELS,
            INTERVAL,
            SESSIONS_PER_YEAR,
            REPEAT_RESPONSE,
            CUMULATIVE_STEROID,
            CERVICAL_TRANSFORAMINAL,
            IMAGE_GUIDANCE);
}
