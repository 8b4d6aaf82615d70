package org.relief.scheduling;

import java.util.List;

/**
 * A booking the calendar cannot take (a clinician, room or the patient already booked then, outside the clinician's
 * hours, an absence, someone else's booking a moment ago): 409, each reason in words; nothing was booked.
 */
public class BookingConflictException extends RuntimeException {

    private final List<String> reasons;

    public BookingConflictException(List<String> reasons) {
        super("Not booked: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
