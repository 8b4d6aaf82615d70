package org.relief.careteam;

import java.time.Instant;
import java.util.UUID;

/** One break-glass access: who, which patient, why, when, and until when it lasts. */
public record BreakGlassEntry(
        long id,
        String username,
        String displayName,
        Role role,
        UUID patientId,
        String reason,
        Instant at,
        Instant expiresAt) {}
