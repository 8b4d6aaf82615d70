package org.relief.fhir.translate;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Reference;
import org.relief.patient.Codes.ClinicalStatus;
import org.relief.patient.EntryKind;
import org.relief.patient.Problem;
import org.relief.record.Versioned;

/** Condition <-> problem list entry. ICD-10-CM where given; SNOMED CT kept; no code is made up or cross-mapped. */
public final class ConditionTranslator {

    private ConditionTranslator() {}

    public static Condition toFhir(Versioned<Problem> v, UUID patientId) {
        Problem p = v.data();
        Condition c = new Condition();
        c.setId(v.entryId().toString());
        c.getClinicalStatus()
                .addCoding()
                .setSystem(Terminology.CONDITION_CLINICAL)
                .setCode(p.clinicalStatus().name().toLowerCase());
        c.addCategory()
                .addCoding()
                .setSystem(Terminology.CONDITION_CATEGORY)
                .setCode("problem-list-item")
                .setDisplay("Problem List Item");
        CodeableConcept code = c.getCode();
        if (p.icd10Code() != null) {
            code.addCoding()
                    .setSystem(Terminology.ICD10CM)
                    .setCode(p.icd10Code())
                    .setDisplay(p.description());
        }
        if (p.snomedCode() != null) {
            code.addCoding()
                    .setSystem(Terminology.SNOMED)
                    .setCode(p.snomedCode())
                    .setDisplay(p.description());
        }
        code.setText(p.description());
        c.setSubject(new Reference("Patient/" + patientId));
        if (p.onsetDate() != null) {
            c.setOnset(new org.hl7.fhir.r4.model.DateTimeType(p.onsetDate().toString()));
        }
        c.setRecordedDateElement(new org.hl7.fhir.r4.model.DateTimeType(java.util.Date.from(v.recordedAt())));
        return c;
    }

    public static Translation toRelief(Condition c) {
        if (Terminology.code(c.getVerificationStatus(), "http://terminology.hl7.org/CodeSystem/condition-ver-status")
                .filter(s -> s.equals("entered-in-error") || s.equals("refuted"))
                .isPresent()) {
            return Translation.skip("verification status says entered-in-error or refuted");
        }
        Optional<String> status = Terminology.code(c.getClinicalStatus(), Terminology.CONDITION_CLINICAL);
        if (status.isEmpty()) {
            return Translation.skip("no clinical status");
        }
        ClinicalStatus clinical = switch (status.get()) {
            case "active" -> ClinicalStatus.ACTIVE;
            case "recurrence", "relapse" -> ClinicalStatus.RECURRENCE;
            case "inactive", "remission" -> ClinicalStatus.INACTIVE;
            case "resolved" -> ClinicalStatus.RESOLVED;
            default -> null;
        };
        if (clinical == null) {
            return Translation.skip("unknown clinical status '" + status.get() + "'");
        }
        String icd10 = Terminology.code(c.getCode(), Terminology.ICD10CM)
                .filter(x -> x.matches("^[A-TV-Z][0-9][0-9AB](\\.[0-9A-TV-Z]{1,4})?$"))
                .orElse(null);
        String snomed = Terminology.code(c.getCode(), Terminology.SNOMED)
                .filter(x -> x.matches("^[0-9]{6,18}$"))
                .orElse(null);
        if (icd10 == null && snomed == null) {
            return Translation.skip("no ICD-10-CM or SNOMED CT code");
        }
        String description = Terminology.text(c.getCode());
        LocalDate onset = c.hasOnsetDateTimeType()
                ? Terminology.date(c.getOnsetDateTimeType())
                : c.hasOnsetPeriod() ? Terminology.start(c.getOnsetPeriod()) : null;
        if (onset != null && onset.isAfter(LocalDate.now())) {
            onset = null;
        }
        return Translation.of(
                EntryKind.PROBLEM,
                new Problem(
                        icd10,
                        snomed,
                        Terminology.clip(
                                description == null ? (icd10 != null ? icd10 : "SNOMED CT " + snomed) : description,
                                300),
                        onset,
                        clinical));
    }
}
