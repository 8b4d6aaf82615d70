package org.relief.careteam;

import java.time.Instant;
import java.util.UUID;

/** A staff member on a patient's care team. */
public record TeamMember(
        UUID staffId, String username, String displayName, Role role, Instant addedAt, String addedBy) {}
