package org.relief.procedure.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relief.procedure.rules.Facts;
import org.relief.procedure.rules.ProcedureType;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;

/**
 * Reads the order form (or an API body flattened to the same names) into an order, naming every bad field. Nothing
 * is assumed for the side: the physician chooses it (left, right, bilateral, or midline / no side), and a procedure
 * done on a side (see {@link #LATERAL}) must have left, right or bilateral.
 */
final class OrderForm {

    /** Procedures done on one side or both: a side is required and "midline / no side" is not a side. */
    static final Set<ProcedureType> LATERAL = EnumSet.of(ProcedureType.ESI_TRANSFORAMINAL,
            ProcedureType.MEDIAL_BRANCH_BLOCK, ProcedureType.RADIOFREQUENCY_ABLATION,
            ProcedureType.FACET_INTRA_ARTICULAR, ProcedureType.SIJ_DIAGNOSTIC, ProcedureType.SIJ_THERAPEUTIC,
            ProcedureType.SIJ_FUSION, ProcedureType.PNS_TRIAL, ProcedureType.PNS_IMPLANT,
            ProcedureType.SYMPATHETIC_BLOCK, ProcedureType.PERIPHERAL_NERVE_BLOCK);

    /** The form's fields in words, for error messages shown to a person. */
    static final Map<String, String> LABELS = labels();

    private OrderForm() {
    }

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
        return LABELS.getOrDefault(field, field);
    }

    static Facts.Order read(Map<String, String> f) {
        List<FieldProblem> problems = new ArrayList<>();
        ProcedureType type = enumOf(ProcedureType.class, f.get("type"), "type", "choose the procedure", problems);
        Facts.Region region = enumOf(Facts.Region.class, f.get("region"), "region", "choose the region", problems);
        Facts.Side side = enumOf(Facts.Side.class, f.get("side"), "side",
                "choose the side (left, right, bilateral, or midline / no side)", problems);
        Facts.Indication indication = enumOf(Facts.Indication.class, f.getOrDefault("indication", "OTHER"),
                "indication", "choose one of the options", problems);
        int levels = 1;
        try {
            levels = Integer.parseInt(f.getOrDefault("levels", "1").strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("levels", "must be a whole number"));
        }
        LocalDate planned = null;
        try {
            planned = LocalDate.parse(f.getOrDefault("plannedDate", "").strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("plannedDate", "must be a date (YYYY-MM-DD)"));
        }
        Double steroid = null;
        String s = f.getOrDefault("steroidMg", "").strip();
        if (!s.isEmpty()) {
            try {
                steroid = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("steroidMg", "must be a number (mg methylprednisolone-equivalent)"));
            }
        }
        if (levels < 1 || levels > 10) {
            problems.add(new FieldProblem("levels", "must be between 1 and 10"));
        }
        if (steroid != null && (steroid < 0 || steroid > 1000)) {
            problems.add(new FieldProblem("steroidMg", "must be between 0 and 1000 mg"));
        }
        sideProblem(type, side).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Facts.VertebralFindings vertebral = type == ProcedureType.VERTEBRAL_AUGMENTATION
                ? new Facts.VertebralFindings(on(f, "va.fracture"), on(f, "va.painFromFracture"),
                        on(f, "va.infection"), on(f, "va.pregnant"), on(f, "va.worsening"), on(f, "va.heightLoss"),
                        on(f, "va.kyphosis"), on(f, "va.relative"), on(f, "va.boneHealth"))
                : null;
        String ia = f.getOrDefault("intraArticularReason", "").strip();
        return new Facts.Order(type, region, side, levels, planned, indication, steroid, on(f, "particulateSteroid"),
                on(f, "imageGuidance"), ia.isEmpty() ? null : ia, on(f, "bleedingRiskFactors"), vertebral);
    }

    /** A lateral procedure needs left, right or bilateral (the same check for the JSON API). */
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
                    + type.label().toLowerCase(java.util.Locale.ROOT) + " is done on a side"));
        }
        return java.util.Optional.empty();
    }

    private static boolean on(Map<String, String> f, String name) {
        String v = f.get(name);
        return v != null && (v.equals("on") || v.equals("true"));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, String message,
            List<FieldProblem> out) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            out.add(new FieldProblem(field, message));
            return null;
        }
    }
}
