package org.relief.medication;

/** The opioid safety records a prescriber keeps (shared/CLINICAL_RULES.md §10, issue 11), each feeding {@link SafetyInputs}. */
public enum SafetyRecordKind {
    NALOXONE_OFFERED("Naloxone offered"),
    PDMP_CHECKED("PDMP checked"),
    URINE_DRUG_TEST("Urine drug test"),
    TREATMENT_AGREEMENT("Treatment agreement on file"),
    FLAG_ACKNOWLEDGED("Flag acknowledged");

    private final String label;

    SafetyRecordKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
