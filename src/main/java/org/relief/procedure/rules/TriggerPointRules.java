package org.relief.procedure.rules;

import static org.relief.procedure.rules.Rule.Out.allow;
import static org.relief.procedure.rules.Rule.Out.block;
import static org.relief.procedure.rules.Rule.Out.missing;

import java.util.List;

/**
 * Trigger point injections (rules reference section 7, LCD L36859 / A59553): at least 2 findings for the first, at
 * most 3 sessions per rolling 12 months, a repeat after at least 50% relief lasting 6 weeks; no image guidance.
 * The numbers are the defaults of the policy values the rules read.
 */
final class TriggerPointRules {

    private TriggerPointRules() {}

    static final Rule TRIGGER_POINTS = (o, h, p) -> {
        if (o.type() != ProcedureType.TRIGGER_POINT_INJECTION) {
            return null;
        }
        var findings = p.get("tpi.findings-required");
        var max = p.get("tpi.sessions-per-12m");
        var pct = p.get("tpi.repeat-relief-percent");
        var weeks = p.get("tpi.repeat-relief-weeks");
        int done = History12m.inLast12Months(h, o, q -> q.type() == ProcedureType.TRIGGER_POINT_INJECTION)
                .size();
        if (done >= max.value().intValue()) {
            return block(
                    "Trigger points",
                    "Already " + done + " sessions in 12 months; at most " + max.shown() + ".",
                    max.source(),
                    max);
        }
        var last = History12m.last(h, q -> q.type() == ProcedureType.TRIGGER_POINT_INJECTION);
        if (last.isEmpty()) {
            if (h.triggerPointsFound() == null) {
                return missing("Trigger points", "No exam with trigger-point findings.", findings.source(), findings);
            }
            return h.triggerPointsFound() >= findings.value().intValue()
                    ? allow(
                            "Trigger points",
                            h.triggerPointsFound() + " trigger-point findings.",
                            findings.source(),
                            findings,
                            max)
                    : block(
                            "Trigger points",
                            h.triggerPointsFound() + " trigger-point findings; an initial injection " + "needs "
                                    + findings.shown() + ".",
                            findings.source(),
                            findings);
        }
        var l = last.get();
        if ((l.reliefPercent() == null || l.reliefWeeks() == null)
                && !l.reliefKnownBelow(pct.value().intValue())) {
            return missing(
                    "Trigger points",
                    "Relief after the injections of " + l.when() + " is not recorded. "
                            + l.complete("relief % and weeks it lasted") + ".",
                    pct.source(),
                    pct,
                    weeks);
        }
        if (l.reliefPercent() == null || l.reliefWeeks() == null) {
            return block(
                    "Trigger points",
                    "A repeat needs " + pct.shown() + " relief lasting " + weeks.shown() + "; the injections of "
                            + l.when() + " were " + l.reliefText() + ".",
                    pct.source(),
                    pct,
                    weeks);
        }
        return l.reliefPercent() >= pct.value().intValue()
                        && l.reliefWeeks() >= weeks.value().intValue()
                ? allow(
                        "Trigger points",
                        "Repeat: " + l.reliefPercent() + "% relief for " + l.reliefWeeks()
                                + " weeks (confirm functional gain and rehabilitation).",
                        pct.source(),
                        pct,
                        weeks,
                        max)
                : block(
                        "Trigger points",
                        "A repeat needs " + pct.shown() + " relief lasting " + weeks.shown() + "; the last gave "
                                + l.reliefPercent() + "% for " + l.reliefWeeks() + " weeks.",
                        pct.source(),
                        pct,
                        weeks);
    };

    static final Rule TRIGGER_POINT_GUIDANCE =
            (o, h, p) -> o.type() == ProcedureType.TRIGGER_POINT_INJECTION && o.imageGuidance()
                    ? block(
                            "Trigger points: no image guidance",
                            "Trigger point injections are not given with image "
                                    + "guidance nor combined with other blocks the same session: remove the image guidance, or "
                                    + "override with the reason.",
                            "LCD L36859")
                    : null;

    static final List<Rule> ALL = List.of(TRIGGER_POINTS, TRIGGER_POINT_GUIDANCE);
}
