package org.relief.fhir.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.fhir.translate.Entries.PATIENT;
import static org.relief.fhir.translate.Entries.data;
import static org.relief.fhir.translate.Entries.first;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.Test;
import org.relief.patient.Codes.DrugClass;
import org.relief.patient.Codes.MedicationStatus;
import org.relief.patient.EntryKind;
import org.relief.patient.Medication;

class MedicationTranslatorTest {

    @Test
    void toFhirIsAStatementWithRxNormAndTheDosageAsText() {
        var v = first(new Medication(
                "Oxycodone 5 MG Oral Tablet",
                "1049621",
                DrugClass.OPIOID,
                "5 mg",
                "every 6 hours",
                "oral",
                LocalDate.of(2025, 12, 1),
                MedicationStatus.ON_HOLD));
        MedicationStatement s = MedicationTranslator.toFhir(v, PATIENT);
        assertThat(s.getStatus()).isEqualTo(MedicationStatement.MedicationStatementStatus.ONHOLD);
        assertThat(Terminology.code(s.getMedicationCodeableConcept(), Terminology.RXNORM))
                .contains("1049621");
        assertThat(s.getMedicationCodeableConcept().getText()).isEqualTo("Oxycodone 5 MG Oral Tablet");
        assertThat(s.getEffectivePeriod().getStartElement().getValueAsString()).isEqualTo("2025-12-01");
        assertThat(s.getDosageFirstRep().getText()).isEqualTo("5 mg, every 6 hours, oral");
        assertThat(s.getDosageFirstRep().getRoute().getText()).isEqualTo("oral");
    }

    @Test
    void exportedAndImportedAgainKeepsDrugClassStatusAndStart() {
        Medication m = new Medication(
                "Apixaban 5 MG",
                "1364445",
                DrugClass.ANTICOAGULANT,
                "5 mg",
                "twice daily",
                "oral",
                LocalDate.of(2024, 4, 1),
                MedicationStatus.ACTIVE);
        Translation back = MedicationTranslator.fromStatement(MedicationTranslator.toFhir(first(m), PATIENT));
        assertThat(back.kind()).isEqualTo(EntryKind.MEDICATION);
        Medication in = data(back, Medication.class);
        assertThat(in.name()).isEqualTo(m.name());
        assertThat(in.rxnormCode()).isEqualTo(m.rxnormCode());
        assertThat(in.drugClass()).isEqualTo(DrugClass.ANTICOAGULANT);
        assertThat(in.route()).isEqualTo("oral");
        assertThat(in.startDate()).isEqualTo(m.startDate());
        assertThat(in.status()).isEqualTo(MedicationStatus.ACTIVE);
        // the exported dosage is one text; read back, it is the dose and the frequency is not stated
        assertThat(in.dose()).isEqualTo("5 mg, twice daily, oral");
        assertThat(in.frequency()).isEqualTo("not stated");
    }

    @Test
    void fromRequestReadsStructuredDoseAndTiming() {
        MedicationRequest r = new MedicationRequest().setStatus(MedicationRequest.MedicationRequestStatus.COMPLETED);
        r.getMedicationCodeableConcept().setText("Gabapentin 300 MG Oral Capsule");
        r.setAuthoredOnElement(new DateTimeType("2023-07-14T08:00:00+02:00"));
        Dosage d = r.addDosageInstruction();
        d.addDoseAndRate()
                .setDose(new Quantity().setValue(new BigDecimal("300.0")).setUnit("mg"));
        d.getTiming().getRepeat().setFrequency(3).setPeriod(new BigDecimal("1")).setPeriodUnit(Timing.UnitsOfTime.D);
        d.getRoute().setText("Oral");
        Medication in = data(MedicationTranslator.fromRequest(r), Medication.class);
        assertThat(in.drugClass()).isEqualTo(DrugClass.GABAPENTINOID);
        assertThat(in.status()).isEqualTo(MedicationStatus.STOPPED);
        assertThat(in.dose()).isEqualTo("300 mg");
        assertThat(in.frequency()).isEqualTo("3 times per 1 day");
        assertThat(in.startDate()).isEqualTo(LocalDate.of(2023, 7, 14));
        assertThat(in.rxnormCode()).isNull();
    }

    @Test
    void fromRequestSkipsWhatThePatientDoesNotTake() {
        MedicationRequest draft = new MedicationRequest().setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        draft.getMedicationCodeableConcept().setText("Tramadol");
        assertThat(MedicationTranslator.fromRequest(draft).skipReason()).startsWith("status 'draft'");
        MedicationRequest byReference = new MedicationRequest()
                .setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE)
                .setMedication(new Reference("Medication/1"));
        assertThat(MedicationTranslator.fromRequest(byReference).skipReason()).contains("by reference");
    }

    @Test
    void theDrugClassIsReadFromTheIngredientNameAndOtherWhenUnknown() {
        // a combination product is classed by its first class in Relief's order: the opioid, which the safety
        // rules look for, before the other analgesic
        assertThat(MedicationTranslator.drugClass("Hydrocodone Bitartrate 10 MG / Acetaminophen 325 MG"))
                .isEqualTo(DrugClass.OPIOID);
        assertThat(MedicationTranslator.drugClass("Clopidogrel 75 MG")).isEqualTo(DrugClass.ANTIPLATELET);
        assertThat(MedicationTranslator.drugClass("Lisinopril 10 MG")).isEqualTo(DrugClass.OTHER);
    }
}
