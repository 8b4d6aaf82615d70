package org.relief.medication;

import java.time.LocalDate;
import java.util.List;

/** Small named medications for the tests (started a year before {@link #TODAY}, prescribed here). */
final class Meds {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final LocalDate STARTED = TODAY.minusYears(1);
    static final Prescriber DR =
            Prescriber.ours(java.util.UUID.fromString("00000000-0000-0000-0000-000000000007"), "Dr Patel");

    private Meds() {}

    static Medication oral(String ingredient, String mg, DoseForm form, String sig) {
        return new Medication(
                List.of(Ingredient.of(ingredient, mg, StrengthUnit.MG)),
                form,
                Route.ORAL,
                SigText.parse(sig),
                STARTED,
                null,
                null,
                DR,
                "chronic low back pain");
    }

    static Medication tablet(String ingredient, String mg, String sig) {
        return oral(ingredient, mg, DoseForm.TABLET, sig);
    }

    static Medication patch(String ingredient, String mcgPerHour, String sig) {
        return new Medication(
                List.of(Ingredient.of(ingredient, mcgPerHour, StrengthUnit.MCG_PER_HOUR)),
                DoseForm.PATCH,
                Route.TRANSDERMAL,
                SigText.parse(sig),
                STARTED,
                null,
                null,
                DR,
                "");
    }

    static Medication with(Medication m, Route route) {
        return new Medication(
                m.ingredients(),
                m.form(),
                route,
                m.sig(),
                m.start(),
                m.stop(),
                m.lastDoseTaken(),
                m.prescriber(),
                m.indication());
    }

    static Medication started(Medication m, LocalDate start, LocalDate stop) {
        return new Medication(
                m.ingredients(),
                m.form(),
                m.route(),
                m.sig(),
                start,
                stop,
                m.lastDoseTaken(),
                m.prescriber(),
                m.indication());
    }
}
