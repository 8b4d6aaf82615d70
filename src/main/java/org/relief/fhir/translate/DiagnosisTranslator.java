package org.relief.fhir.translate;

import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.relief.evaluation.Findings.Certainty;
import org.relief.evaluation.Findings.Diagnosis;
import org.relief.record.Versioned;

/**
 * Evaluation diagnosis -> Condition (encounter diagnosis, ICD-10-CM): a working diagnosis is {@code provisional},
 * a confirmed one {@code confirmed}.
 */
public final class DiagnosisTranslator {

    static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    private DiagnosisTranslator() {}

    public static Condition toFhir(Versioned<Diagnosis> v, UUID patientId) {
        Diagnosis d = v.data();
        Condition c = new Condition();
        c.setId(v.entryId().toString());
        c.getClinicalStatus()
                .addCoding()
                .setSystem(Terminology.CONDITION_CLINICAL)
                .setCode("active");
        String verification = d.certainty() == Certainty.CONFIRMED ? "confirmed" : "provisional";
        c.getVerificationStatus().addCoding().setSystem(CONDITION_VERIFICATION).setCode(verification);
        c.addCategory()
                .addCoding()
                .setSystem(Terminology.CONDITION_CATEGORY)
                .setCode("encounter-diagnosis")
                .setDisplay("Encounter Diagnosis");
        c.getCode()
                .addCoding()
                .setSystem(Terminology.ICD10CM)
                .setCode(d.icd10Code())
                .setDisplay(d.description());
        c.getCode().setText(d.description());
        c.setSubject(new Reference("Patient/" + patientId));
        c.setRecordedDateElement(new DateTimeType(Date.from(v.recordedAt())));
        c.addNote().setText("Diagnosis of evaluation episode " + d.episodeId());
        return c;
    }
}
