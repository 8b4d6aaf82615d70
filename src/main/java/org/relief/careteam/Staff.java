package org.relief.careteam;

import java.util.UUID;

/** A member of the clinic's staff. */
public record Staff(UUID id, String username, String displayName, Role role, boolean enabled) {}
