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
 * The order form as Spring binds it ({@code @Valid @ModelAttribute}): one component per form field, the vertebral
 * augmentation findings under {@code va.*}, checkboxes as booleans ("on"). Bean Validation names every bad field;
 * a value that is not a number, a date or one of the choices is a binding error in words (see web.BindingDefaults).
 * Nothing is assumed for the side: the physician chooses it (left, right, bilateral, or midline / no side), and a
 * procedure done on a side (see {@link #LATERAL}) must have left, right or bilateral: a clinical rule across two
 * fields, reported on the side field through the same binding result.
 */
@CrossFieldChecked.Valid
record OrderForm(
        @NotNull(message = "choose the procedure") ProcedureType type,
        @NotNull(message = "choose the region") Facts.Region region,
        @NotNull(message = "choose the side (left, right, bilateral, or midline / no side)") Facts.Side side,
        @Min(value = 1, message = "must be between 1 and 10") @Max(value = 10, message = "must be between 1 and 10")
        Integer levels,
        @NotNull(message = "is required") LocalDate plannedDate,
        Facts.Indication indication,
        @DecimalMin(value = "0", message = "must be between 0 and 1000 mg")
        @DecimalMax(value = "1000", message = "must be between 0 and 1000 mg") Double steroidMg,
        boolean particulateSteroid,
        boolean imageGuidance,
        @Size(max = 2000, message = "is too long: at most 2,000 characters") String intraArticularReason,
        boolean bleedingRiskFactors,
        Vertebral va) implements CrossFieldChecked {

    /** The vertebral augmentation findings, ticked on the form. */
    record Vertebral(boolean fracture, boolean painFromFracture, boolean infection, boolean pregnant,
            boolean worsening, boolean heightLoss, boolean kyphosis, boolean relative, boolean boneHealth) {
    }

    /** Procedures done on one side or both: a side is required and "midline / no side" is not a side. */
    static final Set<ProcedureType> LATERAL = EnumSet.of(ProcedureType.ESI_TRANSFORAMINAL,
            ProcedureType.MEDIAL_BRANCH_BLOCK, ProcedureType.RADIOFREQUENCY_ABLATION,
            ProcedureType.FACET_INTRA_ARTICULAR, ProcedureType.SIJ_DIAGNOSTIC, ProcedureType.SIJ_THERAPEUTIC,
            ProcedureType.SIJ_FUSION, ProcedureType.PNS_TRIAL, ProcedureType.PNS_IMPLANT,
            ProcedureType.SYMPATHETIC_BLOCK, ProcedureType.PERIPHERAL_NERVE_BLOCK);

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
        return problems.stream().sorted(java.util.Comparator.comparingInt(p -> {
            int i = order.indexOf(p.field());
            return i < 0 ? order.size() : i;
        })).toList();
    }

    @Override
    public Map<String, String> crossFieldProblems() {
        return sideProblem(type, side).map(p -> Map.of(p.field(), p.message())).orElse(Map.of());
    }

    /** The order the rules read (levels 1 and indication "other" when the form leaves them empty). */
    Facts.Order toOrder() {
        Facts.VertebralFindings vertebral = type == ProcedureType.VERTEBRAL_AUGMENTATION && va != null
                ? new Facts.VertebralFindings(va.fracture(), va.painFromFracture(), va.infection(), va.pregnant(),
                        va.worsening(), va.heightLoss(), va.kyphosis(), va.relative(), va.boneHealth())
                : type == ProcedureType.VERTEBRAL_AUGMENTATION
                        ? new Facts.VertebralFindings(false, false, false, false, false, false, false, false, false)
                        : null;
        String ia = intraArticularReason == null || intraArticularReason.isBlank() ? null
                : intraArticularReason.strip();
        return new Facts.Order(type, region, side, levels == null ? 1 : levels, plannedDate,
                indication == null ? Facts.Indication.OTHER : indication, steroidMg, particulateSteroid,
                imageGuidance, ia, bleedingRiskFactors, vertebral);
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
            return java.util.Optional.of(new FieldProblem("side", "choose left, right or bilateral: "
                    + type.label().toLowerCase(Locale.ROOT) + " is done on a side"));
        }
        return java.util.Optional.empty();
    }
}
