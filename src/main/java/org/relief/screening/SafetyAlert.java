package org.relief.screening;

import java.time.Instant;
import java.util.UUID;

/**
 * An urgent safety alert and, once documented, its follow-up.
 *
 * @param trigger what raised it: PHQ9_ITEM9, CSSRS, or CLINICIAN_NOTE
 * @param followUp null while the alert is open
 */
public record SafetyAlert(
        UUID id,
        UUID patientId,
        String concern,
        String risk,
        String trigger,
        String detail,
        Instant raisedAt,
        String raisedBy,
        FollowUp followUp) {

    public boolean open() {
        return followUp == null;
    }

    /** The documented follow-up: the clinician's risk level and the action taken. */
    public record FollowUp(String riskLevel, String actionTaken, String by, String role, Instant at) {}
}
