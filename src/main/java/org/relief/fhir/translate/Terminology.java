package org.relief.fhir.translate;

import java.time.LocalDate;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Period;

/** The code systems Relief reads and writes (their official URIs) and small helpers shared by the translators. */
public final class Terminology {

    static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String SNOMED = "http://snomed.info/sct";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String LOINC = "http://loinc.org";
    static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    static final String ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";

    private Terminology() {}

    /** The code of the first coding in {@code system}, if any. */
    static Optional<String> code(CodeableConcept concept, String system) {
        if (concept == null) {
            return Optional.empty();
        }
        return concept.getCoding().stream()
                .filter(c -> system.equals(c.getSystem()) && c.hasCode())
                .map(Coding::getCode)
                .findFirst();
    }

    /** What a person reads: the concept's text, else the first coding's display, else null. */
    static String text(CodeableConcept concept) {
        if (concept == null) {
            return null;
        }
        if (concept.hasText()) {
            return concept.getText();
        }
        return concept.getCoding().stream()
                .filter(Coding::hasDisplay)
                .map(Coding::getDisplay)
                .findFirst()
                .orElse(null);
    }

    /** The calendar date as the source wrote it (no time-zone shift of a date-time near midnight). */
    public static LocalDate date(BaseDateTimeType value) {
        if (value == null || !value.hasValue()) {
            return null;
        }
        String s = value.getValueAsString();
        return s.length() >= 10 ? LocalDate.parse(s.substring(0, 10)) : null;
    }

    static LocalDate start(Period period) {
        return period == null ? null : date(period.getStartElement());
    }

    static LocalDate end(Period period) {
        return period == null ? null : date(period.getEndElement());
    }

    static DateType fhirDate(LocalDate date) {
        return date == null ? null : new DateType(date.toString());
    }

    public static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }

    public static String orNotStated(String s) {
        return s == null || s.isBlank() ? "not stated" : s;
    }
}
