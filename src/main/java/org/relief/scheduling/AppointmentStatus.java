package org.relief.scheduling;

/** Where an appointment stands; each change is the appointment's next version. */
public enum AppointmentStatus {
    BOOKED("Booked"),
    CANCELLED("Cancelled"),
    NO_SHOW("Did not attend");

    private final String label;

    AppointmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
