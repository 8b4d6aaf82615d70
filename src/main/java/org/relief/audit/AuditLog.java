package org.relief.audit;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.relief.platform.AuditDataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to and reads the audit log. Writes go through the audit pool with auto-commit, outside the caller's
 * transaction, so that a refused or failed action is still recorded when the caller's transaction rolls back (see
 * {@link AuditDataSource}). The table itself refuses UPDATE and DELETE.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final JdbcClient writer;
    private final JdbcTemplate batch;

    AuditLog(JdbcClient jdbc, @Qualifier(AuditDataSource.BEAN) DataSource auditDataSource) {
        this.jdbc = jdbc;
        this.writer = JdbcClient.create(auditDataSource);
        this.batch = new JdbcTemplate(auditDataSource);
    }

    /**
     * Appends one event for what someone did (the usual form): who acted, in which role and from where come from
     * {@code who}. Written at once, whatever becomes of the caller's transaction.
     *
     * @param patientId the patient concerned, or null
     */
    public void record(Who who, UUID patientId, AuditAction action, String what, String outcome) {
        record(who.username(), who.auditRole(), patientId, action, what, outcome, who.address());
    }

    /**
     * One event per patient, for lists that show several (search results, the dashboard): each patient shown has
     * a row naming them. Written in one batch; nothing when the list is empty.
     */
    public void recordEach(Who who, Collection<UUID> patientIds, AuditAction action, String what, String outcome) {
        if (patientIds.isEmpty()) {
            return;
        }
        UUID[] ids = new LinkedHashSet<>(patientIds).toArray(UUID[]::new);
        // one statement for the whole list (rows in the list's order), not one per patient: a search shows 50, and
        // 50 inserts in a batch were most of the search's database time (issue 16)
        batch.update("""
                insert into audit_event (actor, actor_role, patient_id, action, what, outcome, address)
                select ?, ?, p.id, ?, ?, ?, ? from unnest(?::uuid[]) with ordinality as p(id, n) order by p.n""", ps -> {
            ps.setString(1, who.username());
            ps.setString(2, who.auditRole());
            ps.setString(3, action.name());
            ps.setString(4, what);
            ps.setString(5, outcome);
            ps.setString(6, who.address());
            ps.setArray(7, ps.getConnection().createArrayOf("uuid", ids));
        });
    }

    /**
     * Appends one event at once (auto-commit on the audit pool), whatever becomes of the caller's transaction. The
     * low-level form, for what has no {@link Who}: sign-in attempts, the security filters, system and import jobs.
     */
    public void record(
            String actor,
            String actorRole,
            UUID patientId,
            AuditAction action,
            String what,
            String outcome,
            String address) {
        writer.sql("""
                insert into audit_event (actor, actor_role, patient_id, action, what, outcome, address)
                values (:actor, :role, :patient, :action, :what, :outcome, :address)""")
                .param("actor", actor)
                .param("role", actorRole)
                .param("patient", patientId)
                .param("action", action.name())
                .param("what", what)
                .param("outcome", outcome)
                .param("address", address)
                .update();
    }

    /**
     * The audit log as a person reads it (the admin's audit page): the events the filter selects, and that reading
     * audited too: one row for the look (naming the patient filtered for, if any) and one for each other patient the
     * shown events name.
     */
    public List<AuditEvent> show(Who who, AuditQuery q) {
        List<AuditEvent> events = search(q);
        String filter = "audit log viewed" + (q.patientId() != null ? " for this patient" : "")
                + (q.actor() != null && !q.actor().isBlank()
                        ? ", actor " + q.actor().strip()
                        : "")
                + (q.action() != null
                        ? ", action " + q.action().name().toLowerCase().replace('_', ' ')
                        : "")
                + (q.from() != null ? ", from " + q.from() : "") + (q.to() != null ? ", to " + q.to() : "")
                + ": " + events.size() + " events";
        record(who, q.patientId(), AuditAction.READ, filter, "OK");
        recordEach(
                who,
                events.stream()
                        .map(AuditEvent::patientId)
                        .filter(id -> id != null && !id.equals(q.patientId()))
                        .toList(),
                AuditAction.READ,
                "named in the audit log viewed",
                "OK");
        return events;
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> search(AuditQuery q) {
        StringBuilder sql = new StringBuilder("""
                select id, at, actor, actor_role, patient_id, action, what, outcome, address
                from audit_event where true""");
        List<Object> args = new ArrayList<>();
        if (q.patientId() != null) {
            sql.append(" and patient_id = ?");
            args.add(q.patientId());
        }
        if (q.actor() != null && !q.actor().isBlank()) {
            sql.append(" and actor = ?");
            args.add(q.actor().trim());
        }
        if (q.from() != null) {
            sql.append(" and at >= ?");
            args.add(
                    Timestamp.from(q.from().atStartOfDay(ZoneId.systemDefault()).toInstant()));
        }
        if (q.to() != null) {
            sql.append(" and at < ?");
            args.add(Timestamp.from(
                    q.to().plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant()));
        }
        if (q.action() != null) {
            sql.append(" and action = ?");
            args.add(q.action().name());
        }
        sql.append(" order by at desc, id desc limit ").append(q.limit());
        return jdbc.sql(sql.toString())
                .params(args)
                .query((rs, n) -> new AuditEvent(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("actor_role"),
                        rs.getObject("patient_id", UUID.class),
                        AuditAction.valueOf(rs.getString("action")),
                        rs.getString("what"),
                        rs.getString("outcome"),
                        rs.getString("address")))
                .list();
    }

    @Transactional(readOnly = true)
    public long count(UUID patientId, AuditAction action) {
        return jdbc.sql("select count(*) from audit_event where patient_id = ? and action = ?")
                .params(patientId, action.name())
                .query(Long.class)
                .single();
    }
}
