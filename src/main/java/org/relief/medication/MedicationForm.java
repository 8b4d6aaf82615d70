package org.relief.medication;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A structured medication as a person types it (the page's form and the JSON API): one ingredient, or two for a
 * combination product; the sig as text ("1 tab q6h prn, max 4/day"), read by {@link SigText}. Bean Validation says
 * what is missing; {@link MedicationCheck} says what does not fit (an unknown ingredient, a patch in mg, a PRN
 * without a maximum), each naming the field of this form.
 *
 * @param prescribedHere true when one of our prescribers prescribed it (the one recording it), false for outside;
 *     not given: outside when an outside prescriber is named, else ours
 * @param structures the free-text chart entry this medication structures, or null
 */
public record MedicationForm(
        @NotBlank(message = "choose the ingredient") @Size(max = 100)
        String ingredient,

        @NotNull(message = "give the strength (a number)") @Positive(message = "must be more than 0")
        BigDecimal strength,

        @NotNull(message = "choose the unit of the strength")
        StrengthUnit strengthUnit,

        @Size(max = 100) String secondIngredient,
        @Positive(message = "must be more than 0") BigDecimal secondStrength,
        StrengthUnit secondStrengthUnit,
        @NotNull(message = "choose the dose form") DoseForm form,
        @NotNull(message = "choose the route") Route route,

        @NotBlank(message = "write the directions, e.g. \"1 tab q6h prn, max 4/day\"") @Size(max = 200)
        String sig,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,

        @DateTimeFormat(
                pattern = "yyyy-MM-dd'T'HH:mm",
                fallbackPatterns = {"yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"})
        LocalDateTime lastDoseTaken,

        Boolean prescribedHere,
        @Size(max = 200) String outsidePrescriber,
        @Size(max = 200) String indication,
        UUID structures) {

    /** The same form naming the free-text entry it structures (a correction keeps the one the entry had). */
    MedicationForm structuring(UUID entry) {
        return new MedicationForm(
                ingredient,
                strength,
                strengthUnit,
                secondIngredient,
                secondStrength,
                secondStrengthUnit,
                form,
                route,
                sig,
                start,
                lastDoseTaken,
                prescribedHere,
                outsidePrescriber,
                indication,
                entry);
    }

    /** A structured medication as the form that would write it again (to correct it, or to change it). */
    public static MedicationForm of(Medication m, String sigText, UUID structures) {
        Ingredient first = m.ingredients().isEmpty() ? null : m.ingredients().get(0);
        Ingredient second = m.ingredients().size() > 1 ? m.ingredients().get(1) : null;
        Prescriber p = m.prescriber();
        return new MedicationForm(
                first == null ? "" : first.name(),
                first == null ? null : first.strength(),
                first == null ? null : first.unit(),
                second == null ? null : second.name(),
                second == null ? null : second.strength(),
                second == null ? null : second.unit(),
                m.form(),
                m.route(),
                sigText,
                m.start(),
                m.lastDoseTaken(),
                p == null || p.ours(),
                p == null || p.ours() ? null : p.name(),
                m.indication(),
                structures);
    }

    /** Form field of each {@link MedicationCheck} field. */
    static String formField(String checkField) {
        return switch (checkField) {
            case "ingredients", "ingredients[0].name" -> "ingredient";
            case "ingredients[0].strength" -> "strength";
            case "ingredients[0].unit" -> "strengthUnit";
            case "ingredients[1].name" -> "secondIngredient";
            case "ingredients[1].strength" -> "secondStrength";
            case "ingredients[1].unit" -> "secondStrengthUnit";
            case "prescriber" -> "outsidePrescriber";
            default -> checkField.startsWith("sig") ? "sig" : checkField;
        };
    }

    List<Ingredient> ingredients(IngredientCatalogue catalogue) {
        List<Ingredient> out = new ArrayList<>();
        out.add(new Ingredient(
                canonical(ingredient, catalogue), rxnorm(ingredient, catalogue), strength, strengthUnit));
        if (secondIngredient != null && !secondIngredient.isBlank()) {
            out.add(new Ingredient(
                    canonical(secondIngredient, catalogue),
                    rxnorm(secondIngredient, catalogue),
                    secondStrength,
                    secondStrengthUnit));
        }
        return out;
    }

    private static String canonical(String name, IngredientCatalogue catalogue) {
        return name == null
                ? null
                : catalogue.find(name).map(IngredientCatalogue.Entry::name).orElse(name.strip());
    }

    private static String rxnorm(String name, IngredientCatalogue catalogue) {
        return name == null
                ? null
                : catalogue
                        .find(name)
                        .map(IngredientCatalogue.Entry::rxnormCode)
                        .orElse(null);
    }

    Prescriber prescriber(UUID staffId, String staffName) {
        boolean outsideNamed = outsidePrescriber != null && !outsidePrescriber.isBlank();
        if (Boolean.FALSE.equals(prescribedHere) || (prescribedHere == null && outsideNamed)) {
            return outsidePrescriber == null || outsidePrescriber.isBlank()
                    ? null
                    : Prescriber.outside(outsidePrescriber.strip());
        }
        return Prescriber.ours(staffId, staffName);
    }
}
