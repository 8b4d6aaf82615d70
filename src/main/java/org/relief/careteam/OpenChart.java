package org.relief.careteam;

import java.util.Objects;
import java.util.UUID;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;

/**
 * A chart the guard opened: proof that {@link ChartAccess#open} let this actor in for this patient, and why (the
 * care team or break-glass). Writes say what they did through {@link #audit}, which names the patient and, for a
 * break-glass access, says so.
 */
public final class OpenChart {

    private final Actor actor;
    private final UUID patientId;
    private final AccessGrant grant;
    private final AuditLog audit;
    private final Runnable onAudited;

    OpenChart(Actor actor, UUID patientId, AccessGrant grant, AuditLog audit, Runnable onAudited) {
        this.actor = Objects.requireNonNull(actor);
        this.patientId = Objects.requireNonNull(patientId);
        this.grant = Objects.requireNonNull(grant);
        this.audit = audit;
        this.onAudited = onAudited;
    }

    public Actor actor() {
        return actor;
    }

    public UUID patientId() {
        return patientId;
    }

    public AccessGrant grant() {
        return grant;
    }

    public boolean byBreakGlass() {
        return grant == AccessGrant.BREAK_GLASS;
    }

    /** Records what was done in this chart (a write's outcome), one audit row naming the patient. */
    public void audit(AuditAction action, String what, String outcome) {
        audit.record(actor, patientId, action, what + (byBreakGlass() ? " (break-glass)" : ""), outcome);
        onAudited.run();
    }

    /** {@link #audit(AuditAction, String, String)} with outcome OK. */
    public void audit(AuditAction action, String what) {
        audit(action, what, "OK");
    }
}
