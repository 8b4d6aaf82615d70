package org.relief.procedure.rules;

import static org.relief.procedure.rules.Rule.Out.allow;
import static org.relief.procedure.rules.Rule.Out.block;
import static org.relief.procedure.rules.Rule.Out.missing;
import static org.relief.procedure.rules.Rule.Out.warn;

import java.util.ArrayList;
import java.util.List;

/**
 * Kyphoplasty / vertebroplasty (rules reference section 6, LCD L38201 family): an imaging-confirmed fracture, no
 * absolute contraindication, NRS at least 5 for outpatients plus worsening pain or 2 of 3 further criteria, a bone
 * health referral; a relative contraindication warns.
 * The numbers are the defaults of the policy values the rules read.
 */
final class VertebralAugmentationRules {

    private VertebralAugmentationRules() {}

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
            return block(
                    "Vertebral augmentation", "Absolute contraindication: " + String.join(", ", absolute) + ".", src);
        }
        if (h.latestNrs() == null) {
            return missing("Vertebral augmentation", "No NRS pain score recorded.", nrs.source(), nrs);
        }
        if (h.latestNrs() < nrs.value().intValue()) {
            return block(
                    "Vertebral augmentation",
                    "NRS " + h.latestNrs() + "; outpatients need at least " + nrs.shown()
                            + " despite optimal non-surgical care.",
                    nrs.source(),
                    nrs);
        }
        int extra = (v.heightLossOver25() ? 1 : 0)
                + (v.kyphoticDeformity() ? 1 : 0)
                + (h.latestRmdq() != null && h.latestRmdq() > 17 ? 1 : 0);
        if (!v.worseningPain() && extra < 2) {
            return block(
                    "Vertebral augmentation",
                    "Needs worsening pain or at least 2 of: height loss over 25%, "
                            + "kyphotic deformity, Roland-Morris over 17 (found " + extra + ").",
                    src,
                    nrs);
        }
        if (!v.boneHealthReferral()) {
            return block(
                    "Vertebral augmentation",
                    "A referral for bone density / osteoporosis care is required: "
                            + "refer, or override with the reason.",
                    src,
                    nrs);
        }
        if (v.relativeContraindication()) {
            return warn(
                    "Vertebral augmentation",
                    "A relative contraindication is documented (coagulopathy, "
                            + "instability, neurological compromise or more than 3 levels; a cement or contrast allergy is "
                            + "read from the chart's allergy list by the allergy rule).",
                    src,
                    nrs);
        }
        return allow(
                "Vertebral augmentation",
                "Imaging-confirmed fracture, NRS " + h.latestNrs() + ", criteria met.",
                src,
                nrs);
    };

    static final List<Rule> ALL = List.of(VERTEBRAL_AUGMENTATION);
}
