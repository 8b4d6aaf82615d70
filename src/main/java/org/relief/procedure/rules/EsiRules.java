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

    private EsiRules() {
    }

    static final Rule PAIN_DURATION = (o, h, p) -> {
        var weeks = p.get("esi.pain-duration-weeks");
        if (o.indication() == Indication.HERPES_ZOSTER) {
            return allow("ESI: pain duration", "Acute herpes zoster is exempt from the pain-duration rule.",
                    L33906 + " (summary)", weeks);
        }
        if (h.painOnset() == null) {
            return missing("ESI: pain duration", "No pain onset on the problem list.", L33906 + " (summary)", weeks);
        }
        long w = ChronoUnit.WEEKS.between(h.painOnset(), o.plannedDate());
        return w >= weeks.value().intValue()
                ? allow("ESI: pain duration", "Pain for " + w + " weeks (at least " + weeks.shown() + ").",
                        weeks.source(), weeks)
                : block("ESI: pain duration", "Pain for " + w + " weeks; an ESI needs at least " + weeks.shown()
                        + ".", weeks.source(), weeks);
    };

    static final Rule CONSERVATIVE_CARE = (o, h, p) -> {
        var weeks = o.indication() == Indication.STENOSIS ? p.get("esi.conservative-care-weeks.stenosis")
                : p.get("esi.conservative-care-weeks.radiculopathy");
        if (o.indication() == Indication.HERPES_ZOSTER) {
            return null;
        }
        String note = o.indication() == Indication.OTHER ? " (no stenosis or radiculopathy given: the longer "
                + "requirement applies)" : "";
        if (h.conservativeCareWeeks() >= weeks.value().intValue()) {
            return allow("ESI: conservative care", h.conservativeCareWeeks() + " weeks of conservative care "
                    + "documented as failed (at least " + weeks.shown() + ")" + note + ".", weeks.source(), weeks);
        }
        return block("ESI: conservative care", (h.conservativeCareWeeks() == 0 ? "No conservative care"
                : "Only " + h.conservativeCareWeeks() + " weeks of conservative care") + " documented as failed; "
                + "needs " + weeks.shown() + note + ".", weeks.source(), weeks);
    };

    static final Rule IMAGING = (o, h, p) -> h.imagingOnFile()
            ? allow("ESI: imaging", "Imaging on file (check it is concordant with history and exam).", L33906)
            : block("ESI: imaging", "No imaging on file; concordant imaging is required.", L33906);

    static final Rule LEVELS = (o, h, p) -> {
        var max = o.type() == ProcedureType.ESI_TRANSFORAMINAL ? p.get("esi.levels.transforaminal")
                : p.get("esi.levels.interlaminar");
        return o.levels() <= max.value().intValue()
                ? allow("ESI: levels per session", o.levels() + " level(s), one region.", max.source(), max)
                : block("ESI: levels per session", o.levels() + " levels; at most " + max.shown() + " for "
                        + o.type().label().toLowerCase() + ", one region per session.", max.source(), max);
    };

    static final Rule INTERVAL = (o, h, p) -> {
        var days = p.get("esi.min-interval-days");
        return History12m.last(h, q -> q.type().isEsi()).map(last -> {
            long since = ChronoUnit.DAYS.between(last.date(), o.plannedDate());
            return since >= days.value().intValue()
                    ? allow("ESI: interval", since + " days since the last ESI (" + last.date() + ").", days.source(),
                            days)
                    : block("ESI: interval", "Only " + since + " days since the last ESI on " + last.date()
                            + "; the minimum is " + days.shown() + ": earliest "
                            + last.date().plusDays(days.value().intValue()) + ".", days.source(), days);
        }).orElseGet(() -> allow("ESI: interval", "No earlier ESI.", days.source(), days));
    };

    static final Rule SESSIONS_PER_YEAR = (o, h, p) -> {
        var max = p.get("esi.sessions-per-region-12m");
        List<PastProcedure> done = History12m.inLast12Months(h, o, q -> q.type().isEsi() && q.region() == o.region());
        return done.size() < max.value().intValue()
                ? allow("ESI: sessions per region per 12 months", "This would be number " + (done.size() + 1)
                        + " in the " + o.region().name().toLowerCase() + " region in 12 months (at most "
                        + max.shown() + ").", max.source(), max)
                : block("ESI: sessions per region per 12 months", "Already " + done.size() + " ESIs in the "
                        + o.region().name().toLowerCase() + " region in the 12 months before " + o.plannedDate()
                        + "; at most " + max.shown() + ".", max.source(), max);
    };

    static final Rule REPEAT_RESPONSE = (o, h, p) -> {
        var pct = p.get("esi.repeat-relief-percent");
        return History12m.last(h, q -> q.type().isEsi() && q.region() == o.region()).map(last -> {
            if (last.reliefPercent() == null) {
                return missing("ESI: response to the last one", "The ESI of " + last.date() + " has no recorded "
                        + "relief; record its follow-up before repeating.", pct.source(), pct);
            }
            return last.reliefPercent() >= pct.value().intValue()
                    ? allow("ESI: response to the last one", last.reliefPercent() + "% relief after the ESI of "
                            + last.date() + " (at least " + pct.shown() + ").", pct.source(), pct)
                    : block("ESI: response to the last one", "Only " + last.reliefPercent() + "% relief after the "
                            + "ESI of " + last.date() + "; a repeat needs " + pct.shown() + ".", pct.source(), pct);
        }).orElse(null);
    };

    static final Rule CUMULATIVE_STEROID = (o, h, p) -> {
        var limit = p.get("esi.steroid-warn-mg-12m");
        double earlier = History12m.inLast12Months(h, o, q -> q.steroidMg() != null).stream()
                .mapToDouble(PastProcedure::steroidMg).sum();
        double total = earlier + (o.steroidMg() == null ? 0 : o.steroidMg());
        String text = "Steroid in 12 months including this one: " + Math.round(total)
                + " mg methylprednisolone-equivalent";
        return total > limit.number()
                ? warn("Cumulative steroid", text + ", above " + limit.shown() + " (lower for post-menopausal "
                        + "women).", limit.source(), limit)
                : allow("Cumulative steroid", text + " (warning above " + limit.shown() + ").", limit.source(),
                        limit);
    };

    static final Rule CERVICAL_TRANSFORAMINAL = (o, h, p) -> o.type() == ProcedureType.ESI_TRANSFORAMINAL
            && o.region() == Region.CERVICAL && o.particulateSteroid()
            ? warn("Cervical transforaminal steroid", "Cervical transforaminal ESI with a particulate steroid: "
                    + "use a non-particulate steroid.", "Rathmell et al., Anesthesiology 2015 (wording UNVERIFIED)")
            : null;

    static final Rule IMAGE_GUIDANCE = (o, h, p) -> o.imageGuidance() ? null
            : warn("Image guidance", "No image guidance planned: fluoroscopy or CT with contrast unless "
                    + "contraindicated.", L33906);

    static final List<Rule> ALL = List.of(PAIN_DURATION, CONSERVATIVE_CARE, IMAGING, LEVELS, INTERVAL,
            SESSIONS_PER_YEAR, REPEAT_RESPONSE, CUMULATIVE_STEROID, CERVICAL_TRANSFORAMINAL, IMAGE_GUIDANCE);
}
