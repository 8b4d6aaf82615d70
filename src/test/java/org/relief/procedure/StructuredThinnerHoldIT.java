package org.relief.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.careteam.Actor;
import org.relief.medication.DoseForm;
import org.relief.medication.MedicationForm;
import org.relief.medication.Medications;
import org.relief.medication.Route;
import org.relief.medication.StrengthUnit;
import org.relief.patient.ChartService;
import org.relief.patient.Codes.DrugClass;
import org.relief.patient.Codes.MedicationStatus;
import org.relief.patient.EntryKind;
import org.relief.procedure.rules.Decision;
import org.relief.procedure.rules.Outcome;
import org.relief.support.ClinicFixture;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The procedure rules read blood thinners from the structured list with the last dose taken (issue 11), on the real
 * chart: warfarin before a lumbar transforaminal ESI (intermediate bleeding risk) is held 5 days (shared/
 * CLINICAL_RULES.md §9, Narouze et al. 2018), counted from the day after the last dose; a free-text thinner not
 * structured yet still counts as before; once structured, the free text no longer does.
 */
@IntegrationTest
class StructuredThinnerHoldIT {

    @Autowired
    Orders orders;

    @Autowired
    Medications medications;

    @Autowired
    ChartService charts;

    @Autowired
    ClinicFixture fixture;

    Actor physician;
    UUID patientId;

    @BeforeEach
    void setUp() {
        physician = fixture.actor("dr.patel");
        patientId = fixture.patient().readyForLumbarEsi().create();
    }

    @Test
    void warfarinsHoldCountsFromTheStructuredLastDoseTaken() {
        LocalDate today = LocalDate.now();
        LocalDate planned = today.plusDays(3); // 5-day hold: no dose from today - 2, last dose by today - 3
        UUID freeText = charts.add(
                        physician,
                        patientId,
                        EntryKind.MEDICATION,
                        new org.relief.patient.Medication(
                                "Warfarin sodium 5 MG Oral Tablet",
                                null,
                                DrugClass.ANTICOAGULANT,
                                "5 mg",
                                "once a day",
                                "oral",
                                null,
                                MedicationStatus.ACTIVE))
                .entryId();
        // free text, still taken, 3 days before: the hold can no longer be met
        Outcome before = thinners(planned);
        assertThat(before.decision()).isEqualTo(Decision.BLOCK);
        assertThat(before.reason()).contains("Warfarin sodium 5 MG Oral Tablet").contains("still taken");

        // structured, last dose taken 3 days ago in the evening: 5 full days without a dose by the planned day
        Medications.Entry warfarin = medications.add(
                physician, patientId, warfarin(today.minusDays(3).atTime(20, 0), freeText));
        Outcome met = thinners(planned);
        assertThat(met.decision()).as(met.reason()).isEqualTo(Decision.ALLOW);
        assertThat(met.reason())
                .contains("warfarin 5 mg tablet: last dose taken " + today.minusDays(3) + " 20:00")
                .contains("normal INR")
                .doesNotContain("Warfarin sodium"); // the structured one replaces the free text

        // corrected: the last dose was yesterday: only 2 days without a dose before the planned day; earliest day
        // is the day after the last dose plus 5
        medications.correct(
                physician,
                patientId,
                warfarin.entryId(),
                warfarin.version(),
                warfarin(today.minusDays(1).atTime(8, 0), null),
                "the patient took one more dose yesterday");
        Outcome late = thinners(planned);
        assertThat(late.decision()).isEqualTo(Decision.BLOCK);
        assertThat(late.reason()).contains("needs 5").contains("earliest day " + today.plusDays(5));
    }

    private static MedicationForm warfarin(LocalDateTime lastDose, UUID structures) {
        return new MedicationForm(
                "warfarin",
                new BigDecimal("5"),
                StrengthUnit.MG,
                null,
                null,
                null,
                DoseForm.TABLET,
                Route.ORAL,
                "1 tab daily",
                LocalDate.now().minusYears(1),
                lastDose,
                false,
                "Dr Lee (cardiology)",
                "atrial fibrillation",
                structures);
    }

    private Outcome thinners(LocalDate planned) {
        return orders.check(physician, patientId, ClinicFixture.lumbarEsi(planned)).outcomes().stream()
                .filter(o -> o.rule().equals("Blood thinners"))
                .findFirst()
                .orElseThrow();
    }
}
