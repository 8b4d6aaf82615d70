package org.relief.patient;

/** Where a patient is on the way through the clinic. */
public enum Step {
    REFERRED("Referred"),
    IN_EVALUATION("In evaluation"),
    DEFERRED_MENTAL_HEALTH("Deferred to mental health"),
    PLANNING("Planning"),
    ON_PLAN("On a plan"),
    DISCHARGED("Discharged");

    private final String label;

    Step(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
