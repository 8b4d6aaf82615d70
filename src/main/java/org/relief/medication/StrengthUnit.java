package org.relief.medication;

/** The unit of an ingredient's strength: per unit of the dose form (mg per tablet), per mL, or per hour (patches). */
public enum StrengthUnit {
    MG("mg"),
    MCG("mcg"),
    G("g"),
    MG_PER_ML("mg/mL"),
    MCG_PER_HOUR("mcg/h"),
    PERCENT("%");

    private final String label;

    StrengthUnit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
