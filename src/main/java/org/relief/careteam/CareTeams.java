package org.relief.careteam;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.shared.BulkCopy;
import org.relief.shared.PlainRead;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who is on each patient's care team. Membership changes are kept (removed members keep their row). */
@Service
public class CareTeams {

    private static final RowMapper<TeamMember> MEMBER = (rs, n) -> new TeamMember(
            rs.getObject("staff_id", UUID.class),
            rs.getString("username"),
            rs.getString("display_name"),
            Role.valueOf(rs.getString("role")),
            rs.getTimestamp("added_at").toInstant(),
            rs.getString("added_by"));

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final AuditLog audit;

    CareTeams(JdbcClient jdbc, JdbcTemplate batch, AuditLog audit) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.audit = audit;
    }

    @PlainRead
    public List<TeamMember> members(UUID patientId) {
        return jdbc.sql("""
                select m.staff_id, s.username, s.display_name, s.role, m.added_at, m.added_by
                from care_team_member m join staff s on s.id = m.staff_id
                where m.patient_id = ? and m.removed_at is null
                order by s.role, s.display_name""").param(patientId).query(MEMBER).list();
    }

    /** Members of many patients' teams at once, for lists. */
    @Transactional(readOnly = true)
    public Map<UUID, List<TeamMember>> members(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        record Row(UUID patientId, TeamMember member) {}
        return jdbc
                .sql("""
                select m.patient_id, m.staff_id, s.username, s.display_name, s.role, m.added_at, m.added_by
                from care_team_member m join staff s on s.id = m.staff_id
                where m.patient_id in (:ids) and m.removed_at is null""")
                .param("ids", patientIds)
                .query((rs, n) -> new Row(rs.getObject("patient_id", UUID.class), MEMBER.mapRow(rs, n)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(Row::patientId, Collectors.mapping(Row::member, Collectors.toList())));
    }

    @Transactional(readOnly = true)
    public boolean isMember(UUID staffId, UUID patientId) {
        return jdbc.sql("""
                select exists (select 1 from care_team_member
                               where staff_id = ? and patient_id = ? and removed_at is null)""").params(staffId, patientId).query(Boolean.class).single();
    }

    @Transactional(readOnly = true)
    public Set<UUID> patientsOf(UUID staffId) {
        return Set.copyOf(jdbc.sql("""
                select patient_id from care_team_member where staff_id = ? and removed_at is null""").param(staffId).query(UUID.class).list());
    }

    /** Adds a staff member to a patient's team (no-op when already on it). */
    @Transactional
    public void add(UUID patientId, UUID staffId, String by) {
        if (isMember(staffId, patientId)) {
            return;
        }
        jdbc.sql("insert into care_team_member (patient_id, staff_id, added_by) values (?, ?, ?)")
                .params(patientId, staffId, by)
                .update();
        audit.record(by, "-", patientId, AuditAction.ADMIN, "added staff " + staffId + " to the care team", "OK", null);
    }

    /** Inserts many memberships in one batch (demo seeding). */
    @Transactional
    public void addAll(List<Membership> memberships, String by) {
        // COPY, the rows a batched insert wrote (the demo clinic's 100,000 patients: issue 16)
        BulkCopy.copy(
                batch,
                "care_team_member",
                List.of("patient_id", "staff_id", "added_by", "added_at"),
                memberships.stream()
                        .map(m -> new Object[] {m.patientId(), m.staffId(), by, m.addedAt()})
                        .toList());
    }

    @Transactional
    public void remove(UUID patientId, UUID staffId, String by) {
        int n = jdbc.sql("""
                update care_team_member set removed_at = now(), removed_by = ?
                where patient_id = ? and staff_id = ? and removed_at is null""").params(by, patientId, staffId).update();
        if (n > 0) {
            ChartAccess.forgetGrants(); // the guard looks the team up again, even within this request
            audit.record(
                    by,
                    "-",
                    patientId,
                    AuditAction.ADMIN,
                    "removed staff " + staffId + " from the care team",
                    "OK",
                    null);
        }
    }

    /** A membership to insert in bulk. */
    public record Membership(UUID patientId, UUID staffId, Instant addedAt) {}
}
