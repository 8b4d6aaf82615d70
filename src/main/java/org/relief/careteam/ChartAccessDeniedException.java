package org.relief.careteam;

import java.util.UUID;
import org.relief.shared.ForbiddenException;

/** Thrown when an actor is neither on the patient's care team nor holds a current break-glass grant. */
public class ChartAccessDeniedException extends ForbiddenException {

    private final UUID patientId;

    public ChartAccessDeniedException(UUID patientId, String message) {
        super(message);
        this.patientId = patientId;
    }

    public UUID patientId() {
        return patientId;
    }
}
