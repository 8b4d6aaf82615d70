package org.relief.procedure.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.relief.procedure.rules.Facts;
import org.relief.procedure.rules.ProcedureType;
import org.relief.shared.CrossFieldChecked;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;

/**
 * The order form as Spring binds it ({@code @Valid @ModelAttribute}): one property per form field, the vertebral
 * augmentation findings under {@code va.*}, checkboxes as booleans ("on"). Bean Validation names every bad field;
 * a value that is not a number, a date or one of the choices is a binding error in words (see web.BindingDefaults).
 * A JavaBean, as spring-petclinic's forms are, rather than a record: a record is built in one constructor call, so one
 * field that cannot be converted would hide the checks of all the others, and the form must name every bad field at
 * once. Nothing is assumed for the side: the physician chooses it (left, right, bilateral, or midline / no side), and
 * a procedure done on a side (see {@link #LATERAL}) must have left, right or bilateral: a clinical rule across two
 * fields, reported on the side field through the same binding result.
 */
@CrossFieldChecked.Valid
class OrderForm implements CrossFieldChecked {
    // Why over 300 lines: the order form's every field with its binding, labels and the lateral-side rule; one form,
    // kept in one place.

    @NotNull(message = "choose the procedure")
    private ProcedureType type;

    @NotNull(message = "choose the region")
    private Facts.Region region;

    @NotNull(message = "choose the side (left, right, bilateral, or midline / no side)")
    private Facts.Side side;

    @Min(value = 1, message = "must be between 1 and 10")
    @Max(value = 10, message = "must be between 1 and 10")
    private Integer levels;

    @NotNull(message = "is required")
    private LocalDate plannedDate;

    private Facts.Indication indication;

    @DecimalMin(value = "0", message = "must be between 0 and 1000 mg")
    @DecimalMax(value = "1000", message = "must be between 0 and 1000 mg")
    private Double steroidMg;

    private boolean particulateSteroid;
    private boolean imageGuidance;

    @Size(max = 2000, message = "is too long: at most 2,000 characters")
    private String intraArticularReason;

    private boolean bleedingRiskFactors;
    private final Vertebral va = new Vertebral();

    /** The vertebral augmentation findings, ticked on the form. */
    public static class Vertebral {
        private boolean fracture;
        private boolean painFromFracture;
        private boolean infection;
        private boolean pregnant;
        private boolean worsening;
        private boolean heightLoss;
        private boolean kyphosis;
        private boolean relative;
        private boolean boneHealth;

        Facts.VertebralFindings findings() {
            return new Facts.VertebralFindings(
                    fracture,
                    painFromFracture,
                    infection,
                    pregnant,
                    worsening,
                    heightLoss,
                    kyphosis,
                    relative,
                    boneHealth);
        }

        public void setFracture(boolean v) {
            fracture = v;
        }

        public void setPainFromFracture(boolean v) {
            painFromFracture = v;
        }

        public void setInfection(boolean v) {
            infection = v;
        }

        public void setPregnant(boolean v) {
            pregnant = v;
        }

        public void setWorsening(boolean v) {
            worsening = v;
        }

        public void setHeightLoss(boolean v) {
            heightLoss = v;
        }

        public void setKyphosis(boolean v) {
            kyphosis = v;
        }

        public void setRelative(boolean v) {
            relative = v;
        }

        public void setBoneHealth(boolean v) {
            boneHealth = v;
        }
    }

    // bean properties for the binder (the form's field names)

    public ProcedureType getType() {
        return type;
    }

    public void setType(ProcedureType type) {
        this.type = type;
    }

    public Facts.Region getRegion() {
        return region;
    }

    public void setRegion(Facts.Region region) {
        this.region = region;
    }

    public Facts.Side getSide() {
        return side;
    }

    public void setSide(Facts.Side side) {
        this.side = side;
    }

    public Integer getLevels() {
        return levels;
    }

    public void setLevels(Integer levels) {
        this.levels = levels;
    }

    public LocalDate getPlannedDate() {
        return plannedDate;
    }

    public void setPlannedDate(LocalDate plannedDate) {
        this.plannedDate = plannedDate;
    }

    public Facts.Indication getIndication() {
        return indication;
    }

    public void setIndication(Facts.Indication indication) {
        this.indication = indication;
    }

    public Double getSteroidMg() {
        return steroidMg;
    }

    public void setSteroidMg(Double steroidMg) {
        this.steroidMg = steroidMg;
    }

    public boolean isParticulateSteroid() {
        return particulateSteroid;
    }

    public void setParticulateSteroid(boolean particulateSteroid) {
        this.particulateSteroid = particulateSteroid;
    }

    public boolean isImageGuidance() {
        return imageGuidance;
    }

    public void setImageGuidance(boolean imageGuidance) {
        this.imageGuidance = imageGuidance;
    }

    public String getIntraArticularReason() {
        return intraArticularReason;
    }

    public void setIntraArticularReason(String intraArticularReason) {
        this.intraArticularReason = intraArticularReason;
    }

    public boolean isBleedingRiskFactors() {
        return bleedingRiskFactors;
    }

    public void setBleedingRiskFactors(boolean bleedingRiskFactors) {
        this.bleedingRiskFactors = bleedingRiskFactors;
    }

    public Vertebral getVa() {
        return va;
    }

    /** Procedures done on one side or both: a side is required and "midline / no side" is not a side. */
    static final Set<ProcedureType> LATERAL = EnumSet.of(
            ProcedureType.ESI_TRANSFORAMINAL,
            ProcedureType.MEDIAL_BRANCH_BLOCK,
            ProcedureType.RADIOFREQUENCY_ABLATION,
            ProcedureType.FACET_INTRA_ARTICULAR,
            ProcedureType.SIJ_DIAGNOSTIC,
            ProcedureType.SIJ_THERAPEUTIC,
            ProcedureType.SIJ_FUSION,
            ProcedureType.PNS_TRIAL,
            ProcedureType.PNS_IMPLANT,
            ProcedureType.SYMPATHETIC_BLOCK,
            ProcedureType.PERIPHERAL_NERVE_BLOCK);

    /** The form's fields in words, in the form's order (the first bad one takes the focus). */
    static final Map<String, String> LABELS = labels();

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", "Procedure");
        m.put("region", "Region");
        m.put("side", "Side");
        m.put("levels", "Levels");
        m.put("plannedDate", "Planned date");
        m.put("indication", "Indication");
        m.put("steroidMg", "Steroid dose (mg)");
        m.put("intraArticularReason", "Why RFA is not possible");
        m.put("reason", "Reason");
        m.put("order", "Order");
        return m;
    }

    static String label(String field) {
        return LABELS.getOrDefault(field, org.relief.shared.Labels.field(field));
    }

    /** Field problems in the form's order. */
    static List<FieldProblem> inFormOrder(List<FieldProblem> problems) {
        List<String> order = List.copyOf(LABELS.keySet());
        return problems.stream()
                .sorted(java.util.Comparator.comparingInt(p -> {
                    int i = order.indexOf(p.field());
                    return i < 0 ? order.size() : i;
                }))
                .toList();
    }

    @Override
    public Map<String, String> crossFieldProblems() {
        return sideProblem(type, side).map(p -> Map.of(p.field(), p.message())).orElse(Map.of());
    }

    /** The order the rules read (levels 1 and indication "other" when the form leaves them empty). */
    Facts.Order toOrder() {
        Facts.VertebralFindings vertebral = type == ProcedureType.VERTEBRAL_AUGMENTATION ? va.findings() : null;
        String ia =
                intraArticularReason == null || intraArticularReason.isBlank() ? null : intraArticularReason.strip();
        return new Facts.Order(
                type,
                region,
                side,
                levels == null ? 1 : levels,
                plannedDate,
                indication == null ? Facts.Indication.OTHER : indication,
                steroidMg,
                particulateSteroid,
                imageGuidance,
                ia,
                bleedingRiskFactors,
                vertebral);
    }

    /** A lateral procedure needs left, right or bilateral (the same rule for the JSON API). */
    static void requireSide(Facts.Order order) {
        if (order != null) {
            sideProblem(order.type(), order.side()).ifPresent(p -> {
                throw new InvalidInputException(List.of(p));
            });
        }
    }

    private static java.util.Optional<FieldProblem> sideProblem(ProcedureType type, Facts.Side side) {
        if (type != null && LATERAL.contains(type) && side == Facts.Side.NONE) {
            return java.util.Optional.of(new FieldProblem(
                    "side",
                    "choose left, right or bilateral: " + type.label().toLowerCase(Locale.ROOT)
                            + " is done on a side"));
        }
        return java.util.Optional.empty();
    }
}
