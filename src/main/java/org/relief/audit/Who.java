package org.relief.audit;

/**
 * Who acted, as the audit log writes it. The audit module knows no staff or patients; the care team's
 * {@code Actor} (and later the portal's patient) implement this so that {@link AuditLog#record(Who,
 * java.util.UUID, AuditAction, String, String)} takes the actor itself instead of its parts.
 */
public interface Who {

    /** The sign-in name (or a job's name), as the audit log shows it. */
    String username();

    /** The role they acted in, as the audit log stores it (e.g. PHYSICIAN). */
    String auditRole();

    /** The client address the request came from, or null. */
    String address();
}
