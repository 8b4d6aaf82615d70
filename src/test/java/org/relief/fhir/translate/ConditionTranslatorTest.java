package org.relief.fhir.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.fhir.translate.Entries.PATIENT;
import static org.relief.fhir.translate.Entries.data;
import static org.relief.fhir.translate.Entries.first;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.junit.jupiter.api.Test;
import org.relief.patient.Codes.ClinicalStatus;
import org.relief.patient.EntryKind;
import org.relief.patient.Problem;

class ConditionTranslatorTest {

    @Test
    void toFhirIsAProblemListItemWithBothCodes() {
        var v = first(
                new Problem("M54.50", "279039007", "Low back pain", LocalDate.of(2024, 5, 1), ClinicalStatus.ACTIVE));
        Condition c = ConditionTranslator.toFhir(v, PATIENT);
        assertThat(c.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
        assertThat(c.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("problem-list-item");
        assertThat(Terminology.code(c.getCode(), Terminology.ICD10CM)).contains("M54.50");
        assertThat(Terminology.code(c.getCode(), Terminology.SNOMED)).contains("279039007");
        assertThat(c.getCode().getText()).isEqualTo("Low back pain");
        assertThat(c.getOnsetDateTimeType().getValueAsString()).isEqualTo("2024-05-01");
        assertThat(c.getSubject().getReference()).isEqualTo("Patient/" + PATIENT);
    }

    @Test
    void whatReliefExportsComesBackTheSame() {
        Problem problem =
                new Problem("M47.816", null, "Lumbar spondylosis", LocalDate.of(2023, 1, 10), ClinicalStatus.RESOLVED);
        Translation back = ConditionTranslator.toRelief(ConditionTranslator.toFhir(first(problem), PATIENT));
        assertThat(back.kind()).isEqualTo(EntryKind.PROBLEM);
        assertThat(data(back, Problem.class)).isEqualTo(problem);
    }

    @Test
    void toReliefMapsRemissionToInactiveAndDropsAFutureOnset() {
        Condition c = condition("remission");
        c.getCode().addCoding().setSystem(Terminology.SNOMED).setCode("49218002");
        c.setOnset(new DateTimeType(LocalDate.now().plusYears(1).toString()));
        Problem p = data(ConditionTranslator.toRelief(c), Problem.class);
        assertThat(p.clinicalStatus()).isEqualTo(ClinicalStatus.INACTIVE);
        assertThat(p.onsetDate()).isNull();
        assertThat(p.description()).isEqualTo("SNOMED CT 49218002");
    }

    @Test
    void toReliefMakesUpNoCode() {
        Condition c = condition("active");
        c.getCode()
                .setText("Back pain")
                .addCoding()
                .setSystem(Terminology.ICD10CM)
                .setCode("not-a-code");
        assertThat(ConditionTranslator.toRelief(c).skipReason()).isEqualTo("no ICD-10-CM or SNOMED CT code");
        assertThat(ConditionTranslator.toRelief(new Condition()).skipReason()).isEqualTo("no clinical status");
        assertThat(ConditionTranslator.toRelief(condition("unheard-of")).skipReason())
                .contains("unheard-of");
    }

    private static Condition condition(String clinicalStatus) {
        Condition c = new Condition();
        c.getClinicalStatus()
                .addCoding()
                .setSystem(Terminology.CONDITION_CLINICAL)
                .setCode(clinicalStatus);
        return c;
    }
}
