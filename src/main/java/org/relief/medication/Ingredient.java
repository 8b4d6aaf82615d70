package org.relief.medication;

import java.math.BigDecimal;

/**
 * One active ingredient of a medication with its strength ("oxycodone 10 mg" per tablet, "fentanyl 25 mcg/h" per
 * patch, "oxycodone 1 mg/mL" of a solution).
 *
 * @param name the ingredient's name (as the ingredient catalogue knows it, any case)
 * @param rxnormCode the RxNorm ingredient code where verified, else null ("not verified": never guessed)
 * @param strength the amount per unit of the dose form
 * @param unit the unit of {@code strength}
 */
public record Ingredient(String name, String rxnormCode, BigDecimal strength, StrengthUnit unit) {

    public static Ingredient of(String name, String strength, StrengthUnit unit) {
        return new Ingredient(name, null, new BigDecimal(strength), unit);
    }

    /** "oxycodone 10 mg". */
    public String shown() {
        String s = name == null ? "" : name.trim();
        if (strength != null) {
            s += " " + strength.stripTrailingZeros().toPlainString() + (unit == null ? "" : " " + unit.label());
        }
        return s;
    }
}
