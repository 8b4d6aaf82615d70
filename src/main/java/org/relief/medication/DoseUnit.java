package org.relief.medication;

/** The unit of one dose in a sig: a countable thing (tablet, patch), a volume (mL) or an amount (mg, mcg). */
public enum DoseUnit {
    TABLET("tablet", "tablets"),
    CAPSULE("capsule", "capsules"),
    PATCH("patch", "patches"),
    FILM("film", "films"),
    ML("mL", "mL"),
    MG("mg", "mg"),
    MCG("mcg", "mcg"),
    APPLICATION("application", "applications");

    private final String one;
    private final String many;

    DoseUnit(String one, String many) {
        this.one = one;
        this.many = many;
    }

    public String label() {
        return one;
    }

    /** "tablet" for 1 or less ("0.5 tablet"), else "tablets". */
    public String words(java.math.BigDecimal quantity) {
        return quantity.compareTo(java.math.BigDecimal.ONE) <= 0 ? one : many;
    }

    /** A countable unit: one tablet, capsule, patch or film holds the ingredient's strength. */
    boolean countable() {
        return this == TABLET || this == CAPSULE || this == PATCH || this == FILM;
    }
}
