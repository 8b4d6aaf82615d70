package org.relief.procedure.rules;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a procedure exposes the patient to, for the allergy check (rules reference section 9b). Iodinated contrast:
 * the fluoroscopically confirmed procedures the reference lists (ESI, facet/MBB, SIJ injections, adhesiolysis,
 * vertebral augmentation, SCS lead placement). Local anaesthetic, skin prep (chlorhexidine / povidone-iodine) and
 * latex: every procedure. Corticosteroid: ESIs, and any procedure ordered with a steroid dose. Implant materials:
 * SCS / PNS leads and generators, the cement of vertebral augmentation (section 6 "cement allergy"), SIJ fusion.
 */
public enum Ingredients {
    IODINATED_CONTRAST("iodinated contrast"),
    LOCAL_ANAESTHETIC("local anaesthetic"),
    CORTICOSTEROID("corticosteroid"),
    LATEX("latex"),
    SKIN_PREP("skin prep (chlorhexidine / povidone-iodine)"),
    IMPLANT_MATERIAL("implant material (leads, generator, bone cement)");

    private final String label;

    Ingredients(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** What this order uses. */
    public static Set<Ingredients> of(Facts.Order o) {
        Set<Ingredients> used = EnumSet.of(LOCAL_ANAESTHETIC, LATEX, SKIN_PREP);
        if (usesContrast(o.type())) {
            used.add(IODINATED_CONTRAST);
        }
        if (usesSteroid(o.type()) || (o.steroidMg() != null && o.steroidMg() > 0)) {
            used.add(CORTICOSTEROID);
        }
        if (usesImplant(o.type())) {
            used.add(IMPLANT_MATERIAL);
        }
        return used;
    }

    static boolean usesContrast(ProcedureType t) {
        return switch (t) {
            case ESI_INTERLAMINAR,
                    ESI_TRANSFORAMINAL,
                    ESI_CAUDAL,
                    MEDIAL_BRANCH_BLOCK,
                    RADIOFREQUENCY_ABLATION,
                    FACET_INTRA_ARTICULAR,
                    SIJ_DIAGNOSTIC,
                    SIJ_THERAPEUTIC,
                    ADHESIOLYSIS,
                    VERTEBRAL_AUGMENTATION,
                    SCS_TRIAL,
                    SCS_IMPLANT -> true;
            default -> false;
        };
    }

    /** Procedures that are given with a steroid by definition (an ESI); others only when ordered with a dose. */
    static boolean usesSteroid(ProcedureType t) {
        return t.isEsi();
    }

    static boolean usesImplant(ProcedureType t) {
        return switch (t) {
            case SCS_TRIAL,
                    SCS_IMPLANT,
                    SCS_GENERATOR_REPLACEMENT,
                    PNS_TRIAL,
                    PNS_IMPLANT,
                    VERTEBRAL_AUGMENTATION,
                    SIJ_FUSION -> true;
            default -> false;
        };
    }
}
