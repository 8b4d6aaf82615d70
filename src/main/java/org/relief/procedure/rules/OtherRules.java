package org.relief.procedure.rules;

import static org.relief.procedure.rules.Rule.Out.allow;
import static org.relief.procedure.rules.Rule.Out.block;
import static org.relief.procedure.rules.Rule.Out.missing;
import static org.relief.procedure.rules.Rule.Out.warn;

import java.util.ArrayList;
import java.util.List;
import org.relief.procedure.rules.Facts.PastProcedure;

/**
 * Stimulation (section 4), sacroiliac joint (5), vertebral augmentation (6), trigger points (7) and adhesiolysis
 * (8) rules of the rules reference.
 */
final class OtherRules {

    private OtherRules() {
    }

    // --- spinal cord / peripheral nerve stimulation -------------------------------------------------------------

    static final Rule PSYCH_CLEARANCE = (o, h, p) -> {
        if (o.type() != ProcedureType.SCS_TRIAL && o.type() != ProcedureType.PNS_TRIAL) {
            return null;
        }
        String src = "LCD L37632; Aetna CPB 0194";
        if (h.psychCleared() == null) {
            return block("Stimulation: psychological clearance", "No psychological evaluation on file; clearance is "
                    + "required before a trial.", src);
        }
        return h.psychCleared() ? allow("Stimulation: psychological clearance", "Psychologically cleared.", src)
                : block("Stimulation: psychological clearance", "The psychological evaluation did not clear the "
                        + "patient.", src);
    };

    static final Rule TRIAL_BEFORE_IMPLANT = (o, h, p) -> {
        ProcedureType trial = o.type() == ProcedureType.SCS_IMPLANT ? ProcedureType.SCS_TRIAL
                : o.type() == ProcedureType.PNS_IMPLANT ? ProcedureType.PNS_TRIAL : null;
        if (o.type() == ProcedureType.SCS_GENERATOR_REPLACEMENT) {
            return allow("Stimulation: trial", "Generator replacement needs no new trial.", "LCD L37632");
        }
        if (trial == null) {
            return null;
        }
        var pct = p.get("scs.trial-relief-percent");
        return History12m.last(h, q -> q.type() == trial).map(t -> {
            if (t.reliefPercent() == null) {
                return t.reliefKnownBelow(pct.value().intValue())
                        ? block("Stimulation: trial", "Trial of " + t.when() + ": " + t.reliefText() + "; success "
                                + "needs " + pct.shown() + ".", pct.source(), pct)
                        : missing("Stimulation: trial", "The trial of " + t.when() + " has no recorded pain "
                                + "reduction (" + t.reliefText() + "). " + t.complete("relief %") + ".",
                                pct.source(), pct);
            }
            return t.reliefPercent() >= pct.value().intValue()
                    ? allow("Stimulation: trial", "Trial of " + t.when() + ": " + t.reliefPercent() + "% pain "
                            + "reduction (success is " + pct.shown() + " with functional gain).", pct.source(), pct)
                    : block("Stimulation: trial", "Trial of " + t.when() + ": " + t.reliefPercent() + "%; success "
                            + "needs " + pct.shown() + ".", pct.source(), pct);
        }).orElseGet(() -> block("Stimulation: trial", "No trial on record; a permanent implant needs a successful "
                + "trial first.", pct.source(), pct));
    };

    // --- sacroiliac joint ---------------------------------------------------------------------------------------

    static final Rule SIJ_PROVOCATION = (o, h, p) -> {
        if (o.type() != ProcedureType.SIJ_DIAGNOSTIC && o.type() != ProcedureType.SIJ_FUSION) {
            return null;
        }
        var need = p.get("sij.provocation-positive");
        if (h.positiveSacroiliacTests() == null) {
            return missing("SIJ: provocation tests", "No exam with the six provocation tests on file.",
                    need.source(), need);
        }
        return h.positiveSacroiliacTests() >= need.value().intValue()
                ? allow("SIJ: provocation tests", h.positiveSacroiliacTests() + " of 6 positive (at least "
                        + need.shown() + ").", need.source(), need)
                : block("SIJ: provocation tests", "Only " + h.positiveSacroiliacTests() + " of 6 positive; needs "
                        + need.shown() + ".", need.source(), need);
    };

    /** SIJ injection entry: ">= 4 weeks conservative care", the same conservative-care fact as ESI and the screen. */
    static final Rule SIJ_CONSERVATIVE_CARE = (o, h, p) -> {
        if (o.type() != ProcedureType.SIJ_DIAGNOSTIC && o.type() != ProcedureType.SIJ_THERAPEUTIC) {
            return null;
        }
        var weeks = p.get("sij.conservative-care-weeks");
        String which = h.conservativeCare().isEmpty() ? "" : ": " + h.conservativeCare();
        return h.conservativeCareWeeks() >= weeks.value().intValue()
                ? allow("SIJ: conservative care", h.conservativeCareWeeks() + " weeks of conservative care documented "
                        + "as failed (at least " + weeks.shown() + ")" + which + ".", weeks.source(), weeks)
                : block("SIJ: conservative care", (h.conservativeCare().isEmpty() ? "No conservative care"
                        : "Only " + h.conservativeCareWeeks() + " weeks of conservative care") + " documented as "
                        + "failed" + which + "; needs " + weeks.shown() + ". Earlier procedures are not conservative "
                        + "care.", weeks.source(), weeks);
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
            return allow("SIJ: diagnostic block", "Diagnostic block with at least " + pct.shown() + " relief ("
                    + String.join("; ", seen) + ").", pct.source(), pct);
        }
        if (!unknown.isEmpty()) {
            return missing("SIJ: diagnostic block", "Diagnostic SIJ block(s) without recorded relief ("
                    + String.join("; ", seen) + "); needs one with at least " + pct.shown() + ". "
                    + History12m.complete(unknown, "relief %") + ".", pct.source(), pct);
        }
        return seen.isEmpty()
                ? missing("SIJ: diagnostic block", "No diagnostic SIJ block with recorded relief.", pct.source(), pct)
                : block("SIJ: diagnostic block", "No diagnostic block reached " + pct.shown() + " ("
                        + String.join("; ", seen) + ").", pct.source(), pct);
    };

    static final Rule SIJ_SESSIONS = (o, h, p) -> {
        if (o.type() != ProcedureType.SIJ_DIAGNOSTIC && o.type() != ProcedureType.SIJ_THERAPEUTIC) {
            return null;
        }
        var max = p.get(o.type() == ProcedureType.SIJ_DIAGNOSTIC ? "sij.diagnostic-per-12m" : "sij.therapeutic-per-12m");
        int done = History12m.inLast12Months(h, o, q -> q.type() == o.type()).size();
        if (done >= max.value().intValue()) {
            return block("SIJ: sessions per 12 months", "Already " + done + " in 12 months; at most " + max.shown()
                    + ".", max.source(), max);
        }
        if (o.type() == ProcedureType.SIJ_THERAPEUTIC) {
            var last = History12m.last(h, q -> q.type() == ProcedureType.SIJ_THERAPEUTIC);
            if (last.isPresent()) {
                var l = last.get();
                if ((l.reliefPercent() == null || l.reliefWeeks() == null) && !l.reliefKnownBelow(50)) {
                    return missing("SIJ: sessions per 12 months", "Relief after the injection of " + l.when()
                            + " is not recorded. " + l.complete("relief % and weeks it lasted") + ".",
                            max.source(), max);
                }
                if (l.reliefPercent() == null || l.reliefWeeks() == null) {
                    return block("SIJ: sessions per 12 months", "A therapeutic repeat needs 50% relief for 3 "
                            + "months; the injection of " + l.when() + " was " + l.reliefText() + ".", max.source(),
                            max);
                }
                if (l.reliefPercent() < 50 || !History12m.lastedMonths(l, 3)) {
                    return block("SIJ: sessions per 12 months", "A therapeutic repeat needs 50% relief for 3 months; "
                            + "the last gave " + l.reliefPercent() + "% for " + l.reliefWeeks() + " weeks.",
                            max.source(), max);
                }
            }
        }
        return allow("SIJ: sessions per 12 months", "This would be number " + (done + 1) + " (at most "
                + max.shown() + ").", max.source(), max);
    };

    // --- vertebral augmentation ----------------------------------------------------------------------------------

    static final Rule VERTEBRAL_AUGMENTATION = (o, h, p) -> {
        if (o.type() != ProcedureType.VERTEBRAL_AUGMENTATION) {
            return null;
        }
        String src = "LCD L38201 family";
        var v = o.vertebral();
        var nrs = p.get("va.nrs-outpatient");
        if (v == null || !v.fractureConfirmedOnImaging()) {
            return block("Vertebral augmentation", "A fracture confirmed on imaging is required.", src);
        }
        List<String> absolute = new ArrayList<>();
        if (!v.painFromFracture()) {
            absolute.add("pain not from the fracture");
        }
        if (v.infectionAtSite()) {
            absolute.add("active infection at the site");
        }
        if (v.pregnant()) {
            absolute.add("pregnancy");
        }
        if (!absolute.isEmpty()) {
            return block("Vertebral augmentation", "Absolute contraindication: " + String.join(", ", absolute) + ".",
                    src);
        }
        if (h.latestNrs() == null) {
            return missing("Vertebral augmentation", "No NRS pain score recorded.", nrs.source(), nrs);
        }
        if (h.latestNrs() < nrs.value().intValue()) {
            return block("Vertebral augmentation", "NRS " + h.latestNrs() + "; outpatients need at least "
                    + nrs.shown() + " despite optimal non-surgical care.", nrs.source(), nrs);
        }
        int extra = (v.heightLossOver25() ? 1 : 0) + (v.kyphoticDeformity() ? 1 : 0)
                + (h.latestRmdq() != null && h.latestRmdq() > 17 ? 1 : 0);
        if (!v.worseningPain() && extra < 2) {
            return block("Vertebral augmentation", "Needs worsening pain or at least 2 of: height loss over 25%, "
                    + "kyphotic deformity, Roland-Morris over 17 (found " + extra + ").", src, nrs);
        }
        if (!v.boneHealthReferral()) {
            return block("Vertebral augmentation", "A referral for bone density / osteoporosis care is required: "
                    + "refer, or override with the reason.", src, nrs);
        }
        if (v.relativeContraindication()) {
            return warn("Vertebral augmentation", "A relative contraindication is documented (coagulopathy, "
                    + "instability, neurological compromise or more than 3 levels; a cement or contrast allergy is "
                    + "read from the chart's allergy list by the allergy rule).", src, nrs);
        }
        return allow("Vertebral augmentation", "Imaging-confirmed fracture, NRS " + h.latestNrs() + ", criteria met.",
                src, nrs);
    };

    // --- trigger points -----------------------------------------------------------------------------------------

    static final Rule TRIGGER_POINTS = (o, h, p) -> {
        if (o.type() != ProcedureType.TRIGGER_POINT_INJECTION) {
            return null;
        }
        var findings = p.get("tpi.findings-required");
        var max = p.get("tpi.sessions-per-12m");
        var pct = p.get("tpi.repeat-relief-percent");
        var weeks = p.get("tpi.repeat-relief-weeks");
        int done = History12m.inLast12Months(h, o, q -> q.type() == ProcedureType.TRIGGER_POINT_INJECTION).size();
        if (done >= max.value().intValue()) {
            return block("Trigger points", "Already " + done + " sessions in 12 months; at most " + max.shown() + ".",
                    max.source(), max);
        }
        var last = History12m.last(h, q -> q.type() == ProcedureType.TRIGGER_POINT_INJECTION);
        if (last.isEmpty()) {
            if (h.triggerPointsFound() == null) {
                return missing("Trigger points", "No exam with trigger-point findings.", findings.source(), findings);
            }
            return h.triggerPointsFound() >= findings.value().intValue()
                    ? allow("Trigger points", h.triggerPointsFound() + " trigger-point findings.", findings.source(),
                            findings, max)
                    : block("Trigger points", h.triggerPointsFound() + " trigger-point findings; an initial injection "
                            + "needs " + findings.shown() + ".", findings.source(), findings);
        }
        var l = last.get();
        if ((l.reliefPercent() == null || l.reliefWeeks() == null) && !l.reliefKnownBelow(pct.value().intValue())) {
            return missing("Trigger points", "Relief after the injections of " + l.when() + " is not recorded. "
                    + l.complete("relief % and weeks it lasted") + ".", pct.source(), pct, weeks);
        }
        if (l.reliefPercent() == null || l.reliefWeeks() == null) {
            return block("Trigger points", "A repeat needs " + pct.shown() + " relief lasting " + weeks.shown()
                    + "; the injections of " + l.when() + " were " + l.reliefText() + ".", pct.source(), pct, weeks);
        }
        return l.reliefPercent() >= pct.value().intValue() && l.reliefWeeks() >= weeks.value().intValue()
                ? allow("Trigger points", "Repeat: " + l.reliefPercent() + "% relief for " + l.reliefWeeks()
                        + " weeks (confirm functional gain and rehabilitation).", pct.source(), pct, weeks, max)
                : block("Trigger points", "A repeat needs " + pct.shown() + " relief lasting " + weeks.shown()
                        + "; the last gave " + l.reliefPercent() + "% for " + l.reliefWeeks() + " weeks.",
                        pct.source(), pct, weeks);
    };

    static final Rule TRIGGER_POINT_GUIDANCE = (o, h, p) -> o.type() == ProcedureType.TRIGGER_POINT_INJECTION
            && o.imageGuidance()
            ? block("Trigger points: no image guidance", "Trigger point injections are not given with image "
                    + "guidance nor combined with other blocks the same session: remove the image guidance, or "
                    + "override with the reason.", "LCD L36859") : null;

    // --- adhesiolysis -------------------------------------------------------------------------------------------

    static final Rule ADHESIOLYSIS_INTERVAL = (o, h, p) -> {
        if (o.type() != ProcedureType.ADHESIOLYSIS) {
            return null;
        }
        var months = p.get("adhesiolysis.min-interval-months");
        return History12m.last(h, q -> q.type() == ProcedureType.ADHESIOLYSIS && History12m.regionMayMatch(q, o))
                .map(l -> !l.date().plusMonths(months.value().intValue()).isAfter(o.plannedDate())
                        ? allow("Adhesiolysis: interval", "Last on " + l.when() + ".", months.source(), months)
                        : l.region() == null
                        ? missing("Adhesiolysis: interval", "An adhesiolysis on " + l.when() + " (region not "
                                + "recorded) is within " + months.shown() + ". " + l.complete("region") + ".",
                                months.source(), months)
                        : block("Adhesiolysis: interval", "Last on " + l.when() + "; at most one per "
                                + months.shown() + " per region: earliest "
                                + l.date().plusMonths(months.value().intValue()) + ".", months.source(), months))
                .orElseGet(() -> allow("Adhesiolysis: interval", "None before.", months.source(), months));
    };

    /** Coverage is not a clinical question: a WARN, never a BLOCK. */
    static final Rule ADHESIOLYSIS_COVERAGE = (o, h, p) -> {
        if (o.type() != ProcedureType.ADHESIOLYSIS) {
            return null;
        }
        var covered = p.get("adhesiolysis.covered");
        return covered.value().intValue() == 1 ? null
                : warn("Not covered by this payer", "Percutaneous adhesiolysis is not covered by this payer "
                        + "(several Medicare contractors do not cover it); the clinical decision is unaffected.",
                        covered.source(), covered);
    };

    static final List<Rule> ALL = List.of(PSYCH_CLEARANCE, TRIAL_BEFORE_IMPLANT, SIJ_PROVOCATION, SIJ_CONSERVATIVE_CARE,
            SIJ_DIAGNOSTIC_BLOCK, SIJ_SESSIONS, VERTEBRAL_AUGMENTATION, TRIGGER_POINTS, TRIGGER_POINT_GUIDANCE,
            ADHESIOLYSIS_INTERVAL, ADHESIOLYSIS_COVERAGE);
}
