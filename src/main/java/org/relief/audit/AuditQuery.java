package org.relief.audit;

import java.time.LocalDate;
import java.util.UUID;

/** A filter over the audit log; null fields do not filter. */
public record AuditQuery(UUID patientId, String actor, LocalDate from, LocalDate to, AuditAction action, int limit) {

    public AuditQuery {
        limit = limit <= 0 ? 200 : Math.min(limit, 2000);
    }
}
