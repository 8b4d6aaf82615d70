package org.relief.screening;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A patient's safety picture: alerts (newest first), the hold on interventional care, and what to show. */
public record SafetyStatus(UUID patientId, List<SafetyAlert> alerts, Hold hold, String crisisResources) {

    public boolean hasOpenAlert() {
        return alerts.stream().anyMatch(SafetyAlert::open);
    }

    public boolean onHold() {
        return hold != null;
    }

    /** The active hold on interventional care. */
    public record Hold(UUID id, String reason, Instant placedAt, String placedBy) {}
}
