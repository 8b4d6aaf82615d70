package org.relief.scheduling;

/** Equipment a room has and an appointment type may need. */
public enum Equipment {
    FLUOROSCOPY("Fluoroscopy (C-arm)"),
    PROCEDURE_TABLE("Procedure table"),
    ULTRASOUND("Ultrasound"),
    TREATMENT_TABLE("Treatment table"),
    EXERCISE_EQUIPMENT("Exercise equipment");

    private final String label;

    Equipment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
