package org.relief.careteam;

/**
 * A role. Clinicians work in the chart; front desk registers referrals; the admin runs the clinic. {@link #PATIENT}
 * is no staff role: it is the portal's patient, who signs in through the portal's own chain and opens only their own
 * chart ({@link AccessGrant#SELF}); no staff account has it.
 */
public enum Role {
    PHYSICIAN("Interventional pain physician", true),
    CHIROPRACTOR("Chiropractor", true),
    PHYSICAL_THERAPIST("Physical therapist", true),
    ACUPUNCTURIST("Acupuncturist", true),
    MENTAL_HEALTH_THERAPIST("Mental health therapist", true),
    FRONT_DESK("Front desk", false),
    ADMIN("Clinic admin", false),
    PATIENT("Patient", false);

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

    /** A staff role (every role but {@link #PATIENT}). */
    public boolean isStaff() {
        return this != PATIENT;
    }

    /** The staff roles, in order (what a staff account may have). */
    public static java.util.List<Role> staff() {
        return java.util.Arrays.stream(values()).filter(Role::isStaff).toList();
    }
}
