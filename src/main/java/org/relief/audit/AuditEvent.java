package org.relief.audit;

import java.time.Instant;
import java.util.UUID;

/** One row of the audit log: who (and in which role), which patient, what, when, from where, and the outcome. */
public record AuditEvent(
        long id,
        Instant at,
        String actor,
        String actorRole,
        UUID patientId,
        AuditAction action,
        String what,
        String outcome,
        String address) {}
