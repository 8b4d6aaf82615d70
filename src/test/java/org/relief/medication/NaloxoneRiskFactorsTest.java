package org.relief.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relief.patient.Codes.ClinicalStatus;
import org.relief.patient.Problem;

/**
 * The naloxone risk factors of shared/CLINICAL_RULES.md §10 besides age and dose, read from the problem list by their
 * ICD-10-CM codes: a substance use or overdose history counts whatever its status; sleep apnoea and renal or hepatic
 * failure only while active; nicotine dependence, chronic kidney disease below stage 5 and SNOMED-only problems do
 * not count.
 */
class NaloxoneRiskFactorsTest {

    private static Problem p(String icd10, String text, ClinicalStatus status) {
        return new Problem(icd10, null, text, LocalDate.of(2020, 1, 1), status);
    }

    @Test
    void eachFactorByItsCodes() {
        var found = NaloxoneRiskFactors.read(List.of(
                p("F11.20", "Opioid dependence, uncomplicated", ClinicalStatus.RESOLVED),
                p("T40.2X1A", "Poisoning by other opioids, accidental", ClinicalStatus.INACTIVE),
                p("G47.33", "Obstructive sleep apnea", ClinicalStatus.ACTIVE),
                p("N18.6", "End stage renal disease", ClinicalStatus.ACTIVE),
                p("K72.10", "Chronic hepatic failure", ClinicalStatus.RECURRENCE)));
        assertThat(found.overdoseOrSubstanceUse()).hasSize(2);
        assertThat(found.sleepApnoea()).containsExactly("Obstructive sleep apnea (G47.33)");
        assertThat(found.renalOrHepatic()).hasSize(2);
        assertThat(found.any()).isTrue();
    }

    @Test
    void whatDoesNotCount() {
        var found = NaloxoneRiskFactors.read(List.of(
                p("F17.210", "Nicotine dependence, cigarettes", ClinicalStatus.ACTIVE),
                p("N18.3", "Chronic kidney disease, stage 3", ClinicalStatus.ACTIVE),
                p("G47.33", "Obstructive sleep apnea", ClinicalStatus.RESOLVED),
                p("K72.10", "Chronic hepatic failure", ClinicalStatus.INACTIVE),
                p("M54.50", "Low back pain", ClinicalStatus.ACTIVE),
                new Problem(null, "73430006", "Sleep apnea (SNOMED only)", null, ClinicalStatus.ACTIVE)));
        assertThat(found.any()).isFalse();
    }

    @Test
    void withTheRulesAnyFactorRaisesTheNaloxoneFlagAtAnyDose() {
        var found = NaloxoneRiskFactors.read(List.of(p("G47.33", "Obstructive sleep apnea", ClinicalStatus.ACTIVE)));
        var oxy = new Medication(
                List.of(Ingredient.of("oxycodone", "5", StrengthUnit.MG)),
                DoseForm.TABLET,
                Route.ORAL,
                SigText.parse("1 tab bid"),
                null,
                null,
                null,
                Prescriber.outside("Dr Ray"),
                null);
        LocalDate today = LocalDate.of(2026, 11, 27);
        var without = OpioidSafety.defaults().evaluate(List.of(oxy), SafetyInputs.nothingOnFile(today));
        assertThat(without.hasFlag("NALOXONE_NOT_OFFERED")).isFalse(); // 15 MME/day, age unknown
        var with = OpioidSafety.defaults()
                .evaluate(
                        List.of(oxy),
                        SafetyInputs.nothingOnFile(today)
                                .withRisks(
                                        !found.overdoseOrSubstanceUse().isEmpty(),
                                        !found.sleepApnoea().isEmpty(),
                                        !found.renalOrHepatic().isEmpty()));
        assertThat(with.hasFlag("NALOXONE_NOT_OFFERED")).isTrue();
    }
}
