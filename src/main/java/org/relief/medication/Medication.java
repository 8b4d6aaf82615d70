package org.relief.medication;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A structured medication: what it is (ingredients with strengths, dose form, route), how it is taken (the sig),
 * when (start, stop, the last dose taken: the procedure holds count from it), who prescribed it and why. A plain
 * value: {@link MedicationCheck} says what is wrong with one, naming the field.
 *
 * @param ingredients one or more (a combination product lists each: hydrocodone 10 mg, acetaminophen 325 mg)
 * @param form the dose form
 * @param route the route
 * @param sig the directions as data
 * @param start the first day taken (null: not known, e.g. on a referral's list)
 * @param stop the day it was stopped, or null while taken
 * @param lastDoseTaken when the patient last took it (for holds before procedures), or null if not asked
 * @param prescriber who prescribed it
 * @param indication what it is for, in words (may be empty)
 */
public record Medication(
        List<Ingredient> ingredients,
        DoseForm form,
        Route route,
        Sig sig,
        LocalDate start,
        LocalDate stop,
        LocalDateTime lastDoseTaken,
        Prescriber prescriber,
        String indication) {

    public Medication {
        ingredients = ingredients == null ? List.of() : List.copyOf(ingredients);
    }

    /** "oxycodone 10 mg extended-release tablet", "hydrocodone 10 mg / acetaminophen 325 mg tablet". */
    public String name() {
        String what = ingredients.stream().map(Ingredient::shown).collect(Collectors.joining(" / "));
        return form == null ? what : what + " " + form.label();
    }

    /** Taken on {@code day}: started on or before it (or start unknown) and not stopped by then. */
    public boolean takenOn(LocalDate day) {
        return (start == null || !start.isAfter(day)) && (stop == null || stop.isAfter(day));
    }
}
