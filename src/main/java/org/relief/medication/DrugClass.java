package org.relief.medication;

/** What an ingredient is, as far as the medication rules care (opioid safety, blood-thinner holds). */
public enum DrugClass {
    OPIOID("Opioid"),
    BENZODIAZEPINE("Benzodiazepine"),
    GABAPENTINOID("Gabapentinoid"),
    OTHER_CNS_DEPRESSANT("Other CNS depressant"),
    ANTICOAGULANT("Anticoagulant"),
    ANTIPLATELET("Antiplatelet"),
    NSAID("NSAID"),
    OPIOID_ANTAGONIST("Opioid antagonist"),
    OTHER("Other");

    private final String label;

    DrugClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
