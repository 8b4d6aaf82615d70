package org.relief.scheduling;

/** What a room is for. */
public enum RoomKind {
    CONSULT("Consult room"),
    PT_GYM("Physical therapy gym"),
    ACUPUNCTURE("Acupuncture room"),
    PROCEDURE("Procedure room"),
    FLUOROSCOPY("Fluoroscopy suite");

    private final String label;

    RoomKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
