package org.relief.careteam;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.shared.ForbiddenException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The access rule: staff open the charts of patients whose care team they are on. Anyone else may break the glass
 * with a written reason, which grants access for a limited time and is audited and reported. What a role may do in
 * a chart is the {@link Permission} matrix, checked here too. Refusals are audited.
 */
@Service
public class ChartAccess {

    private final JdbcClient jdbc;
    private final CareTeams teams;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration breakGlassDuration;

    ChartAccess(JdbcClient jdbc, CareTeams teams, AuditLog audit, Clock clock,
            @Value("${relief.access.break-glass-duration:8h}") Duration breakGlassDuration) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.audit = audit;
        this.clock = clock;
        this.breakGlassDuration = breakGlassDuration;
    }

    /** Returns why the actor may open this chart, or throws (and audits the refusal). */
    @Transactional(readOnly = true)
    public AccessGrant require(Actor actor, UUID patientId, String what) {
        if (teams.isMember(actor.staffId(), patientId)) {
            return AccessGrant.CARE_TEAM;
        }
        if (hasCurrentBreakGlass(actor, patientId)) {
            return AccessGrant.BREAK_GLASS;
        }
        audit.record(actor.username(), actor.role().name(), patientId, AuditAction.DENIED, what,
                "DENIED: not on the care team", actor.address());
        throw new ChartAccessDeniedException(patientId,
                "You are not on this patient's care team. Break the glass with a reason to open the chart.");
    }

    /**
     * Refuses (audited as DENIED, then {@link ForbiddenException}, a 403) unless the actor's role has the permission.
     *
     * @param patientId the patient concerned, or null
     * @param what what was attempted, for the audit log
     */
    public void requirePermission(Actor actor, Permission permission, UUID patientId, String what) {
        if (!permission.allows(actor.role())) {
            audit.record(actor.username(), actor.role().name(), patientId, AuditAction.DENIED, what,
                    "DENIED: " + actor.role().name() + " lacks " + permission.name(), actor.address());
            throw new ForbiddenException(actor.role().label() + " may not do this. " + permission.label()
                    + ": " + rolesInWords(permission) + ".");
        }
    }

    static String rolesInWords(Permission permission) {
        var labels = permission.roles().stream().map(Role::label).toList();
        if (labels.size() == 1) {
            return labels.get(0);
        }
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1);
    }

    /** Whether the actor may open the chart, without auditing a refusal (for lists and links). */
    @Transactional(readOnly = true)
    public boolean mayOpen(Actor actor, UUID patientId) {
        return teams.isMember(actor.staffId(), patientId) || hasCurrentBreakGlass(actor, patientId);
    }

    private boolean hasCurrentBreakGlass(Actor actor, UUID patientId) {
        return jdbc.sql("""
                select exists (select 1 from break_glass
                               where staff_id = ? and patient_id = ? and expires_at > ?)""")
                .params(actor.staffId(), patientId, Timestamp.from(clock.instant())).query(Boolean.class).single();
    }

    /**
     * Grants the actor time-limited access to a chart outside their team. Only clinicians may break the glass; the
     * reason is required and must say something (at least 10 characters).
     */
    @Transactional
    public Instant breakGlass(Actor actor, UUID patientId, String reason) {
        if (!Permission.BREAK_THE_GLASS.allows(actor.role())) {
            audit.record(actor.username(), actor.role().name(), patientId, AuditAction.DENIED, "break the glass",
                    "DENIED: only clinicians may break the glass", actor.address());
            throw new ChartAccessDeniedException(patientId, "Only clinicians may break the glass.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 10) {
            throw new IllegalArgumentException("reason: say why you need this chart (at least 10 characters)");
        }
        Instant expires = clock.instant().plus(breakGlassDuration);
        jdbc.sql("insert into break_glass (staff_id, patient_id, reason, at, expires_at) values (?, ?, ?, ?, ?)")
                .params(actor.staffId(), patientId, why, Timestamp.from(clock.instant()), Timestamp.from(expires))
                .update();
        audit.record(actor.username(), actor.role().name(), patientId, AuditAction.BREAK_GLASS, "reason: " + why,
                "GRANTED until " + expires, actor.address());
        return expires;
    }

    /** The admin's report of break-glass accesses between two dates (inclusive), newest first. */
    @Transactional(readOnly = true)
    public List<BreakGlassEntry> breakGlassReport(LocalDate from, LocalDate to) {
        ZoneId zone = clock.getZone();
        return jdbc.sql("""
                select b.id, s.username, s.display_name, s.role, b.patient_id, b.reason, b.at, b.expires_at
                from break_glass b join staff s on s.id = b.staff_id
                where b.at >= ? and b.at < ? order by b.at desc limit 1000""")
                .params(Timestamp.from(from.atStartOfDay(zone).toInstant()),
                        Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> new BreakGlassEntry(rs.getLong("id"), rs.getString("username"),
                        rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                        rs.getObject("patient_id", UUID.class), rs.getString("reason"),
                        rs.getTimestamp("at").toInstant(), rs.getTimestamp("expires_at").toInstant()))
                .list();
    }
}
