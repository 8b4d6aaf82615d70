package org.relief.medication;

import java.util.EnumSet;
import java.util.Set;

/** How the medication comes, and which sig dose units fit it ("2 tablets", "10 mL", "1 patch", or the amount in mg). */
public enum DoseForm {
    TABLET("tablet", EnumSet.of(DoseUnit.TABLET, DoseUnit.MG, DoseUnit.MCG)),
    ER_TABLET("extended-release tablet", EnumSet.of(DoseUnit.TABLET, DoseUnit.MG, DoseUnit.MCG)),
    CAPSULE("capsule", EnumSet.of(DoseUnit.CAPSULE, DoseUnit.MG, DoseUnit.MCG)),
    ER_CAPSULE("extended-release capsule", EnumSet.of(DoseUnit.CAPSULE, DoseUnit.MG, DoseUnit.MCG)),
    PATCH("patch", EnumSet.of(DoseUnit.PATCH)),
    SOLUTION("solution", EnumSet.of(DoseUnit.ML, DoseUnit.MG, DoseUnit.MCG)),
    FILM("film", EnumSet.of(DoseUnit.FILM, DoseUnit.MG, DoseUnit.MCG)),
    INJECTION("injection", EnumSet.of(DoseUnit.ML, DoseUnit.MG, DoseUnit.MCG)),
    TOPICAL("cream / gel", EnumSet.of(DoseUnit.APPLICATION));

    private final String label;
    private final Set<DoseUnit> doseUnits;

    DoseForm(String label, Set<DoseUnit> doseUnits) {
        this.label = label;
        this.doseUnits = doseUnits;
    }

    public String label() {
        return label;
    }

    /** The sig dose units that make sense for this form. */
    public Set<DoseUnit> doseUnits() {
        return doseUnits;
    }
}
