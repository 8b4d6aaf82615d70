package org.relief.careteam;

/** A staff role. Clinicians work in the chart; front desk registers referrals; the admin runs the clinic. */
public enum Role {
    PHYSICIAN("Interventional pain physician", true),
    CHIROPRACTOR("Chiropractor", true),
    PHYSICAL_THERAPIST("Physical therapist", true),
    ACUPUNCTURIST("Acupuncturist", true),
    MENTAL_HEALTH_THERAPIST("Mental health therapist", true),
    FRONT_DESK("Front desk", false),
    ADMIN("Clinic admin", false);

    private final String label;
    private final boolean clinician;

    Role(String label, boolean clinician) {
        this.label = label;
        this.clinician = clinician;
    }

    public String label() {
        return label;
    }

    public boolean isClinician() {
        return clinician;
    }
}
