package org.relief.medication;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;

/**
 * What is wrong with a medication, each problem naming its field as the form and the JSON name it
 * ("ingredients[0].name", "sig.maxPerDay"): an unknown ingredient, a strength with no unit, a dose with no unit, a
 * sig with no frequency, an as-needed sig without a maximum per day, an opioid patch written in mg, a sig unit that
 * does not fit the dose form, a stop before the start. An as-needed sig with a maximum per day needs no frequency
 * ("1 tab prn, max 4/day"); any other sig needs one. Nothing is guessed: a problem is reported, never repaired.
 */
public final class MedicationCheck {

    private final IngredientCatalogue catalogue;

    public MedicationCheck(IngredientCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Throws {@link InvalidInputException} with every problem, or returns the medication unchanged. */
    public Medication require(Medication m) {
        List<FieldProblem> problems = problems(m);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return m;
    }

    /** Every problem of the medication (empty when it is fine). */
    public List<FieldProblem> problems(Medication m) {
        List<FieldProblem> out = new ArrayList<>();
        if (m.ingredients().isEmpty()) {
            out.add(new FieldProblem("ingredients", "name at least one ingredient"));
        }
        if (m.form() == null) {
            out.add(new FieldProblem("form", "choose the dose form"));
        }
        if (m.route() == null) {
            out.add(new FieldProblem("route", "choose the route"));
        }
        for (int i = 0; i < m.ingredients().size(); i++) {
            ingredient(m, i, out);
        }
        if (m.sig() == null) {
            out.add(new FieldProblem("sig", "give the directions (dose and how often)"));
        } else {
            sig(m, out);
        }
        if (m.start() != null && m.stop() != null && m.stop().isBefore(m.start())) {
            out.add(new FieldProblem("stop", "is before the start date"));
        }
        if (m.prescriber() == null) {
            out.add(new FieldProblem("prescriber", "say who prescribed it (our clinic or outside)"));
        } else if (m.prescriber().ours() && m.prescriber().staffId() == null) {
            out.add(new FieldProblem("prescriber", "choose which of our prescribers"));
        }
        return out;
    }

    private void ingredient(Medication m, int i, List<FieldProblem> out) {
        Ingredient in = m.ingredients().get(i);
        String field = "ingredients[" + i + "].";
        if (in == null || in.name() == null || in.name().isBlank()) {
            out.add(new FieldProblem(field + "name", "name the ingredient"));
            return;
        }
        if (catalogue.find(in.name()).isEmpty()) {
            out.add(new FieldProblem(field + "name", "\"" + in.name().strip() + "\" is not a known ingredient"));
        }
        if (in.strength() == null) {
            out.add(new FieldProblem(field + "strength", "give the strength"));
        } else if (in.strength().signum() <= 0) {
            out.add(new FieldProblem(field + "strength", "must be more than 0"));
        }
        if (in.unit() == null) {
            out.add(new FieldProblem(field + "unit", "give the unit of the strength (mg, mcg, mcg/h, mg/mL)"));
            return;
        }
        boolean patch = m.form() == DoseForm.PATCH;
        boolean opioid = catalogue.classOf(in.name()) == DrugClass.OPIOID;
        if (patch && opioid && in.unit() != StrengthUnit.MCG_PER_HOUR) {
            out.add(new FieldProblem(
                    field + "unit",
                    "an opioid patch is written in mcg/h (the amount released per " + "hour), not in "
                            + in.unit().label()));
        }
        if (!patch && in.unit() == StrengthUnit.MCG_PER_HOUR) {
            out.add(new FieldProblem(field + "unit", "mcg/h is for patches only"));
        }
        if (m.form() == DoseForm.SOLUTION && in.unit() != StrengthUnit.MG_PER_ML) {
            out.add(new FieldProblem(field + "unit", "a solution's strength is written in mg/mL"));
        }
    }

    private void sig(Medication m, List<FieldProblem> out) {
        Sig s = m.sig();
        if (s.doseQuantity() == null) {
            out.add(new FieldProblem("sig.doseQuantity", "give how much per dose"));
        } else if (s.doseQuantity().signum() <= 0) {
            out.add(new FieldProblem("sig.doseQuantity", "must be more than 0"));
        }
        if (s.doseUnit() == null) {
            out.add(new FieldProblem("sig.doseUnit", "give the unit of the dose (tablet, capsule, patch, mL, mg)"));
        } else if (m.form() != null && !m.form().doseUnits().contains(s.doseUnit())) {
            out.add(new FieldProblem(
                    "sig.doseUnit",
                    "a dose in " + s.doseUnit().label() + " does not fit a "
                            + m.form().label()));
        } else if ((s.doseUnit() == DoseUnit.MG || s.doseUnit() == DoseUnit.MCG)
                && m.ingredients().size() > 1) {
            out.add(new FieldProblem(
                    "sig.doseUnit",
                    "a combination product is dosed in its units (tablets, mL), " + "not in "
                            + s.doseUnit().label()));
        }
        if (s.timesPerDay() == null && s.everyHours() == null) {
            if (!(s.asNeeded() && s.maxPerDay() != null)) {
                out.add(new FieldProblem("sig.frequency", "give how often (times a day or every N hours)"));
            }
        } else if (s.timesPerDay() != null && s.everyHours() != null) {
            out.add(new FieldProblem("sig.frequency", "give either times a day or every N hours, not both"));
        } else if (s.timesPerDay() != null && s.timesPerDay() <= 0) {
            out.add(new FieldProblem("sig.timesPerDay", "must be at least 1"));
        } else if (s.everyHours() != null && s.everyHours().signum() <= 0) {
            out.add(new FieldProblem("sig.everyHours", "must be more than 0"));
        }
        if (s.asNeeded() && s.maxPerDay() == null) {
            out.add(new FieldProblem("sig.maxPerDay", "an as-needed dose needs a maximum per day"));
        }
        if (s.maxPerDay() != null) {
            maxPerDay(s, out);
        }
    }

    private static void maxPerDay(Sig s, List<FieldProblem> out) {
        if (s.maxPerDay().signum() <= 0) {
            out.add(new FieldProblem("sig.maxPerDay", "must be more than 0"));
            return;
        }
        BigDecimal doses = s.dosesPerDay();
        if (doses == null || s.doseQuantity() == null || s.doseQuantity().signum() <= 0) {
            return;
        }
        // the frequency caps the day too: "1 tab q6h, max 6/day" cannot both hold; say so rather than pick one
        BigDecimal allowed = s.doseQuantity().multiply(doses, Sig.PRECISION);
        if (s.maxPerDay().compareTo(allowed) > 0) {
            out.add(new FieldProblem(
                    "sig.maxPerDay",
                    "is more than the directions allow in a day ("
                            + allowed.stripTrailingZeros().toPlainString() + ")"));
        }
        if (s.maxPerDay().compareTo(s.doseQuantity()) < 0) {
            out.add(new FieldProblem("sig.maxPerDay", "is less than one dose"));
        }
    }
}
