package org.relief.medication;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.relief.record.RecordKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The medication module's record kinds (structured medications, the opioid safety records) and its plain-Java rules
 * as beans: the ingredient catalogue, the CDC 2022 conversion table and the opioid safety evaluation.
 */
@Configuration(proxyBeanMethods = false)
class MedicationKinds {

    /**
     * What is stored of a structured medication: the {@link Medication} as data, the sig as typed, why it was stopped,
     * and the free-text chart entry it structures (null when entered structured from the start).
     */
    record Stored(
            List<Ingredient> ingredients,
            DoseForm form,
            Route route,
            Sig sig,
            String sigText,
            LocalDate startDate,
            LocalDate stopDate,
            String stopReason,
            LocalDateTime lastDoseTaken,
            Prescriber prescriber,
            String indication,
            UUID structures) {

        static Stored of(Medication m, String sigText, String stopReason, UUID structures) {
            return new Stored(
                    m.ingredients(),
                    m.form(),
                    m.route(),
                    m.sig(),
                    sigText,
                    m.start(),
                    m.stop(),
                    stopReason,
                    m.lastDoseTaken(),
                    m.prescriber(),
                    m.indication() == null || m.indication().isBlank()
                            ? null
                            : m.indication().strip(),
                    structures);
        }

        Medication medication() {
            return new Medication(
                    ingredients, form, route, sig, startDate, stopDate, lastDoseTaken, prescriber, indication);
        }
    }

    /** One opioid safety record: naloxone offered, a PDMP check, a urine drug test, an agreement, an acknowledgement. */
    record Safety(SafetyRecordKind kind, LocalDate onDate, String finding, String flagCode, String flagText) {}

    @Bean
    RecordKind<Stored> structuredMedications() {
        return RecordKind.of("medication_structured", Stored.class, "start_date desc nulls last, recorded_at");
    }

    @Bean
    RecordKind<Safety> opioidSafetyRecords() {
        return RecordKind.of("opioid_safety_record", Safety.class, "on_date desc, recorded_at desc");
    }

    @Bean
    RecordKind<Reconciliation> medicationReconciliations() {
        return RecordKind.of("medication_reconciliation", Reconciliation.class, "on_date desc, recorded_at desc");
    }

    @Bean
    RecordKind<MedicationReview> medicationReviewRecords() {
        return RecordKind.of("medication_review", MedicationReview.class, "on_date desc, recorded_at desc");
    }

    @Bean
    IngredientCatalogue ingredientCatalogue() {
        return IngredientCatalogue.defaults();
    }

    @Bean
    OpioidSafety opioidSafety(IngredientCatalogue catalogue) {
        return new OpioidSafety(catalogue, ConversionTable.cdc2022(), OpioidPolicy.defaults());
    }

    @Bean
    MedicationCheck medicationCheck(IngredientCatalogue catalogue) {
        return new MedicationCheck(catalogue);
    }
}
