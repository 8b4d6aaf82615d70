package org.relief.procedure.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.relief.procedure.rules.Facts;
import org.relief.procedure.rules.ProcedureType;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;

/** Reads the order form (or an API body flattened to the same names) into an order, naming every bad field. */
final class OrderForm {

    private OrderForm() {
    }

    static Facts.Order read(Map<String, String> f) {
        List<FieldProblem> problems = new ArrayList<>();
        ProcedureType type = enumOf(ProcedureType.class, f.get("type"), "type", problems);
        Facts.Region region = enumOf(Facts.Region.class, f.get("region"), "region", problems);
        Facts.Side side = enumOf(Facts.Side.class, f.getOrDefault("side", "NONE"), "side", problems);
        Facts.Indication indication = enumOf(Facts.Indication.class, f.getOrDefault("indication", "OTHER"),
                "indication", problems);
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

    private static boolean on(Map<String, String> f, String name) {
        String v = f.get(name);
        return v != null && (v.equals("on") || v.equals("true"));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, List<FieldProblem> out) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            out.add(new FieldProblem(field, "choose one of the options"));
            return null;
        }
    }
}
