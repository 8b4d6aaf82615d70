package org.relief.careteam;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.shared.ForbiddenException;
import org.relief.shared.NotFoundException;
import org.relief.shared.PlainRead;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The guard: the one way into a patient's chart. {@link #open} checks, in this order, and audits every outcome:
 * <ol>
 * <li>the patient exists (else 404, audited as DENIED naming the id asked for);</li>
 * <li>the actor's relation to the patient: on the care team, or a current break-glass grant (else 403, audited);
 * anyone clinical may break the glass with a written reason, which lasts a limited time and is reported;</li>
 * <li>the {@link Permission}s the purpose needs, from the role matrix (else 403, audited).</li>
 * </ol>
 * A granted read is audited at once (one row naming the patient; within one web request, one row per patient however
 * many services the page asks). A granted write is audited by the write itself ({@link OpenChart#audit}); a write
 * that ends its request without saving (a refused or invalid form) is audited then: a read, a refusal and a write
 * that saved nothing each leave exactly one row naming the patient, a write one row for each thing it changed.
 * Refusals are always audited, whoever asks (HTML, JSON API, FHIR).
 *
 * <p>The portal (a patient reading their own chart) uses this same guard: the patient is an {@link Actor} with the
 * {@link Role#PATIENT} role, and {@link #relation} grants {@link AccessGrant#SELF} when the actor's own patient id is
 * the chart's, nothing otherwise (no team, never break-glass): any other id is the same audited 403 (an unknown one
 * the audited 404). No staff permission of the matrix allows the patient role.
 */
@Service
public class ChartAccess {

    // Why over 300 lines: the one access guard: the chart's relation (team, break-glass, the patient's own), the role's
    // permissions, the request's ledger of what was granted and audited, and break-glass itself, kept together so
    // that no path opens a chart around it.

    private static final String LEDGER = ChartAccess.class.getName() + ".ledger";

    private final JdbcClient jdbc;
    private final CareTeams teams;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration breakGlassDuration;

    ChartAccess(
            JdbcClient jdbc,
            CareTeams teams,
            AuditLog audit,
            Clock clock,
            @Value("${relief.access.break-glass-duration:8h}") Duration breakGlassDuration) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.audit = audit;
        this.clock = clock;
        this.breakGlassDuration = breakGlassDuration;
    }

    /**
     * Opens a patient's chart for a purpose, or refuses (404 for an unknown patient, 403 off the team or for a role
     * lacking a permission), auditing either way.
     *
     * @param permissions what the role must be allowed to do (none for a plain read)
     */
    @PlainRead
    public OpenChart open(Actor actor, UUID patientId, Purpose purpose, Permission... permissions) {
        Ledger ledger = ledger();
        Asked asked = new Asked(actor, patientId);
        AccessGrant grant = ledger == null ? null : ledger.granted.get(asked);
        if (grant == null) {
            grant = checkRelation(actor, patientId, purpose);
            if (ledger != null) {
                ledger.granted.put(asked, grant);
            }
        }
        for (Permission permission : permissions) {
            refuseUnless(actor, permission, patientId, purpose.what());
        }
        OpenChart chart = new OpenChart(
                actor, patientId, grant, audit, ledger == null ? () -> {} : () -> ledger.audited.add(patientId));
        if (purpose.write()) {
            if (ledger != null) {
                ledger.pending.putIfAbsent(patientId, new Pending(chart, purpose.what()));
            }
        } else if (ledger == null || (!ledger.audited.contains(patientId) && !ledger.pending.containsKey(patientId))) {
            chart.audit(AuditAction.READ, purpose.what());
        }
        return chart;
    }

    /**
     * The first two checks of {@link #open}: the patient exists, and the actor's relation to them; refuses (audited)
     * otherwise.
     */
    private AccessGrant checkRelation(Actor actor, UUID patientId, Purpose purpose) {
        Known known = patientId == null ? null : known(actor, patientId);
        if (known == null || !known.patient()) {
            refused(actor, patientId, purpose.what(), "NOT FOUND: no such patient");
            throw new NotFoundException("No patient with id " + patientId);
        }
        AccessGrant grant = known.member() ? AccessGrant.CARE_TEAM : relation(actor, patientId);
        if (grant == null) {
            if (actor.isPatient()) {
                refused(actor, patientId, purpose.what(), "DENIED: not the patient's own record");
                throw new ForbiddenException("This is not your record.");
            }
            refused(actor, patientId, purpose.what(), "DENIED: not on the care team");
            throw new ChartAccessDeniedException(
                    patientId,
                    "You are not on this patient's care team. Break the glass with a reason to open the chart.");
        }
        return grant;
    }

    /** Audits a refusal; within a web request it is that request's row for the patient. */
    private void refused(Actor actor, UUID patientId, String what, String outcome) {
        audit.record(actor, patientId, AuditAction.DENIED, what, outcome);
        Ledger ledger = patientId == null ? null : ledger();
        if (ledger != null) {
            ledger.audited.add(patientId);
        }
    }

    /**
     * Why the actor may open this chart, or null: the care team, or a current break-glass grant; for the portal's
     * patient, their own chart only.
     */
    private AccessGrant relation(Actor actor, UUID patientId) {
        if (actor.isPatient()) {
            return patientId.equals(actor.self()) ? AccessGrant.SELF : null;
        }
        if (teams.isMember(actor.staffId(), patientId)) {
            return AccessGrant.CARE_TEAM;
        }
        return hasCurrentBreakGlass(actor, patientId) ? AccessGrant.BREAK_GLASS : null;
    }

    /** Whether the patient exists, and whether the (staff) actor is on their care team. */
    private record Known(boolean patient, boolean member) {}

    /**
     * {@link #exists} and the care team's {@link CareTeams#isMember} in one statement, one round trip: both are asked
     * on every chart a request opens first (issue 16). A patient actor is on no care team.
     */
    private Known known(Actor actor, UUID patientId) {
        if (actor.isPatient() || actor.staffId() == null) {
            return new Known(exists(patientId), false);
        }
        return jdbc.sql("""
                        select exists (select 1 from patient where id = ?),
                               exists (select 1 from care_team_member
                                       where staff_id = ? and patient_id = ? and removed_at is null)""")
                .params(patientId, actor.staffId(), patientId)
                .query((rs, n) -> new Known(rs.getBoolean(1), rs.getBoolean(2)))
                .single();
    }

    private boolean exists(UUID patientId) {
        return jdbc.sql("select exists (select 1 from patient where id = ?)")
                .param(patientId)
                .query(Boolean.class)
                .single();
    }

    /**
     * Refuses (audited as DENIED, then {@link ForbiddenException}, a 403) unless the actor's role has the permission.
     * For what is not one patient's chart (registering a referral, searching the clinic, administration); a chart
     * goes through {@link #open}.
     *
     * @param patientId the patient concerned, or null
     * @param what what was attempted, for the audit log
     */
    public void requirePermission(Actor actor, Permission permission, UUID patientId, String what) {
        refuseUnless(actor, permission, patientId, what);
    }

    private void refuseUnless(Actor actor, Permission permission, UUID patientId, String what) {
        if (!permission.allows(actor.role())) {
            refused(actor, patientId, what, "DENIED: " + actor.role().label() + " may not: " + permission.label());
            throw new ForbiddenException(actor.role().label() + " may not do this. " + permission.label() + ": "
                    + rolesInWords(permission) + ".");
        }
    }

    /**
     * What one web request opened: the patients whose access is already audited, and the writes that have not said
     * yet what they did. At the end of the request a write that saved nothing is audited as such.
     */
    private final class Ledger {
        final Set<UUID> audited = new HashSet<>();
        final Map<UUID, Pending> pending = new LinkedHashMap<>();

        /**
         * The relations already found in this request: a page or a {@code $everything} asks several services, each
         * opening the chart, and the same two lookups each time were a third of {@code $everything}'s round trips to
         * the database (JFR, issue 16). Only grants are kept (a refusal is looked up again), and a removal from a care
         * team forgets them all ({@link #forgetGrants}).
         */
        final Map<Asked, AccessGrant> granted = new HashMap<>();

        void close() {
            pending.forEach((patientId, p) -> {
                if (!audited.contains(patientId)) {
                    audit.record(
                            p.chart().actor(),
                            patientId,
                            AuditAction.READ,
                            p.what() + (p.chart().byBreakGlass() ? " (break-glass)" : ""),
                            "NOTHING SAVED");
                }
            });
        }
    }

    /** Who asked for which chart. */
    private record Asked(Actor actor, UUID patientId) {}

    /**
     * Forgets the relations this request has found already (a care team changed): the next {@link #open} looks them
     * up again.
     */
    static void forgetGrants() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(LEDGER, RequestAttributes.SCOPE_REQUEST) instanceof Ledger l) {
            l.granted.clear();
        }
    }

    /** A write the guard let in that has not yet said what it did. */
    private record Pending(OpenChart chart, String what) {}

    /** This web request's ledger (made on first use and closed when the request completes), or null outside one. */
    private Ledger ledger() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return null;
        }
        Object existing = request.getAttribute(LEDGER, RequestAttributes.SCOPE_REQUEST);
        if (existing instanceof Ledger l) {
            return l;
        }
        Ledger ledger = new Ledger();
        request.setAttribute(LEDGER, ledger, RequestAttributes.SCOPE_REQUEST);
        request.registerDestructionCallback(LEDGER, ledger::close, RequestAttributes.SCOPE_REQUEST);
        return ledger;
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
        Ledger ledger = ledger();
        if (ledger != null && ledger.granted.containsKey(new Asked(actor, patientId))) {
            return true;
        }
        return relation(actor, patientId) != null;
    }

    private boolean hasCurrentBreakGlass(Actor actor, UUID patientId) {
        return jdbc.sql("""
                select exists (select 1 from break_glass
                               where staff_id = ? and patient_id = ? and expires_at > ?)""")
                .params(actor.staffId(), patientId, Timestamp.from(clock.instant()))
                .query(Boolean.class)
                .single();
    }

    /**
     * Grants the actor time-limited access to a chart outside their team. Only clinicians may break the glass; the
     * reason is required and must say something (at least 10 characters).
     */
    @Transactional
    public Instant breakGlass(Actor actor, UUID patientId, String reason) {
        if (patientId == null || !exists(patientId)) {
            audit.record(actor, patientId, AuditAction.DENIED, "break the glass", "NOT FOUND: no such patient");
            throw new NotFoundException("No patient with id " + patientId);
        }
        if (!Permission.BREAK_THE_GLASS.allows(actor.role())) {
            audit.record(
                    actor,
                    patientId,
                    AuditAction.DENIED,
                    "break the glass",
                    "DENIED: only clinicians may break the glass");
            throw new ChartAccessDeniedException(patientId, "Only clinicians may break the glass.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 10) {
            audit.record(actor, patientId, AuditAction.DENIED, "break the glass", "REFUSED: no reason given");
            throw new IllegalArgumentException("reason: say why you need this chart (at least 10 characters)");
        }
        Instant expires = clock.instant().plus(breakGlassDuration);
        jdbc.sql("insert into break_glass (staff_id, patient_id, reason, at, expires_at) values (?, ?, ?, ?, ?)")
                .params(actor.staffId(), patientId, why, Timestamp.from(clock.instant()), Timestamp.from(expires))
                .update();
        audit.record(actor, patientId, AuditAction.BREAK_GLASS, "reason: " + why, "GRANTED until " + expires);
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
                .params(
                        Timestamp.from(from.atStartOfDay(zone).toInstant()),
                        Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> new BreakGlassEntry(
                        rs.getLong("id"),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")),
                        rs.getObject("patient_id", UUID.class),
                        rs.getString("reason"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant()))
                .list();
    }
}
