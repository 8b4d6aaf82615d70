package org.relief.outcomes;

/**
 * The outcome measures the analysis reads. For all four a lower score is better. Scoring itself belongs to the
 * assessment module (CLINICAL_RULES §11); here a reading is already a score.
 */
public enum Measure {
    NRS("Pain (NRS 0-10)", 0, 10, "points"),
    PEG("PEG (pain, enjoyment, general activity; 0-10)", 0, 10, "points"),
    ODI("Oswestry Disability Index (0-100)", 0, 100, "points"),
    PHQ9("PHQ-9 depression (0-27)", 0, 27, "points");

    private final String label;
    private final double min;
    private final double max;
    private final String unit;

    Measure(String label, double min, double max, String unit) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.unit = unit;
    }

    /** What a person reads. */
    public String label() {
        return label;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public String unit() {
        return unit;
    }
}
