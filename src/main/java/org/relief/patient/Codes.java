package org.relief.patient;

/** The small vocabularies of the chart. Labels are what a person reads; names are what is stored. */
public final class Codes {

    private Codes() {}

    /** Administrative sex, as FHIR's AdministrativeGender. */
    public enum Sex {
        FEMALE,
        MALE,
        OTHER,
        UNKNOWN
    }

    public enum Urgency {
        ROUTINE,
        URGENT
    }

    public enum ClinicalStatus {
        ACTIVE,
        RECURRENCE,
        INACTIVE,
        RESOLVED
    }

    public enum Modality {
        XRAY,
        MRI,
        CT,
        ULTRASOUND,
        BONE_SCAN,
        DEXA,
        FLUOROSCOPY
    }

    /**
     * How a prior treatment went, as the referral or the patient reports it. UNKNOWN: the source did not say (an
     * imported procedure record usually does not).
     */
    public enum TreatmentResult {
        NONE,
        PARTIAL,
        GOOD,
        UNKNOWN
    }

    /** Classes the later safety rules look at (opioids, benzodiazepines, blood thinners). */
    public enum DrugClass {
        OPIOID,
        BENZODIAZEPINE,
        ANTICOAGULANT,
        ANTIPLATELET,
        NSAID,
        GABAPENTINOID,
        MUSCLE_RELAXANT,
        ANTIDEPRESSANT,
        ANALGESIC_OTHER,
        OTHER
    }

    public enum MedicationStatus {
        ACTIVE,
        ON_HOLD,
        STOPPED
    }

    public enum Severity {
        MILD,
        MODERATE,
        SEVERE
    }

    /** Where on the spine a procedure was done (the procedure rules count sessions per region). */
    public enum SpineRegion {
        CERVICAL,
        THORACIC,
        LUMBAR,
        SACRAL,
        OTHER
    }

    /** Which side a procedure was done on; MIDLINE for a midline procedure (interlaminar, caudal). */
    public enum BodySide {
        LEFT,
        RIGHT,
        BILATERAL,
        MIDLINE
    }
}
