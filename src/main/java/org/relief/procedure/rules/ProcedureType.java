package org.relief.procedure.rules;

import org.relief.procedure.rules.Facts.Region;

/** The procedures the rules know, with their bleeding-risk category (Narouze et al., RAPM 2018). */
public enum ProcedureType {
    ESI_INTERLAMINAR("Epidural steroid injection, interlaminar", Family.ESI),
    ESI_TRANSFORAMINAL("Epidural steroid injection, transforaminal", Family.ESI),
    ESI_CAUDAL("Epidural steroid injection, caudal", Family.ESI),
    MEDIAL_BRANCH_BLOCK("Medial branch block (diagnostic)", Family.FACET),
    RADIOFREQUENCY_ABLATION("Radiofrequency ablation (medial branches)", Family.FACET),
    FACET_INTRA_ARTICULAR("Intra-articular facet injection (therapeutic)", Family.FACET),
    SCS_TRIAL("Spinal cord stimulator trial", Family.STIMULATION),
    SCS_IMPLANT("Spinal cord stimulator implant", Family.STIMULATION),
    SCS_GENERATOR_REPLACEMENT("Spinal cord stimulator generator replacement", Family.STIMULATION),
    PNS_TRIAL("Peripheral nerve stimulator trial", Family.STIMULATION),
    PNS_IMPLANT("Peripheral nerve stimulator implant", Family.STIMULATION),
    SIJ_DIAGNOSTIC("Sacroiliac joint injection, diagnostic", Family.SACROILIAC),
    SIJ_THERAPEUTIC("Sacroiliac joint injection, therapeutic", Family.SACROILIAC),
    SIJ_FUSION("Sacroiliac joint fusion", Family.SACROILIAC),
    VERTEBRAL_AUGMENTATION("Kyphoplasty / vertebroplasty", Family.VERTEBRAL),
    TRIGGER_POINT_INJECTION("Trigger point injections", Family.TRIGGER_POINT),
    ADHESIOLYSIS("Percutaneous adhesiolysis", Family.ADHESIOLYSIS),
    SYMPATHETIC_BLOCK("Sympathetic block", Family.OTHER),
    PERIPHERAL_NERVE_BLOCK("Peripheral nerve block", Family.OTHER);

    /** Which rule family applies. */
    public enum Family {
        ESI,
        FACET,
        STIMULATION,
        SACROILIAC,
        VERTEBRAL,
        TRIGGER_POINT,
        ADHESIOLYSIS,
        OTHER
    }

    /** Bleeding-risk categories of the anticoagulation guideline. */
    public enum BleedingRisk {
        LOW,
        INTERMEDIATE,
        HIGH
    }

    private final String label;
    private final Family family;

    ProcedureType(String label, Family family) {
        this.label = label;
        this.family = family;
    }

    public String label() {
        return label;
    }

    public Family family() {
        return family;
    }

    /**
     * The category before patient factors: high for SCS trial or implant and vertebral augmentation; intermediate
     * for interlaminar and transforaminal ESI, sympathetic blocks, cervical MBB/RFA; low for trigger points, joint
     * injections (incl. SIJ), lumbar/thoracic MBB/RFA, peripheral nerve blocks, PNS, pump/IPG replacement.
     * Caudal ESI and adhesiolysis are not named in the guideline's lists: Relief treats them as intermediate like
     * the other epidural procedures and says so in the reason.
     */
    public BleedingRisk bleedingRisk(Region region) {
        return switch (this) {
            case SCS_TRIAL, SCS_IMPLANT, VERTEBRAL_AUGMENTATION -> BleedingRisk.HIGH;
            case ESI_INTERLAMINAR, ESI_TRANSFORAMINAL, ESI_CAUDAL, SYMPATHETIC_BLOCK, ADHESIOLYSIS ->
                BleedingRisk.INTERMEDIATE;
            case MEDIAL_BRANCH_BLOCK, RADIOFREQUENCY_ABLATION ->
                region == Region.CERVICAL ? BleedingRisk.INTERMEDIATE : BleedingRisk.LOW;
            case SIJ_FUSION -> BleedingRisk.HIGH;
            default -> BleedingRisk.LOW;
        };
    }

    /** Whether the guideline names this procedure's category directly (false: Relief's stated assumption). */
    public boolean bleedingRiskNamedInGuideline() {
        return this != ESI_CAUDAL && this != ADHESIOLYSIS && this != SIJ_FUSION;
    }

    public boolean isEsi() {
        return family == Family.ESI;
    }
}
