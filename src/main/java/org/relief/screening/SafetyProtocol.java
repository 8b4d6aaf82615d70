package org.relief.screening;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.relief.assessment.InstrumentResponseRecorded;
import org.relief.assessment.SafetyFlag;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.OpenChart;
import org.relief.careteam.Permission;
import org.relief.careteam.Purpose;
import org.relief.careteam.Role;
import org.relief.patient.PatientSummary;
import org.relief.patient.Patients;
import org.relief.patient.Step;
import org.relief.shared.FieldProblem;
import org.relief.shared.Inputs;
import org.relief.shared.InvalidInputException;
import org.relief.shared.Labels;
import org.relief.shared.NotFoundException;
import org.relief.shared.VersionConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The safety protocol. A PHQ-9 item 9 above 0, a positive C-SSRS answer, or a clinician's report of suicidal
 * ideation or psychosis immediately raises an urgent alert (shown to the patient's physician and mental health
 * therapist), shows crisis resources, and puts interventional care on hold. An alert closes only with a documented
 * follow-up by a clinician (risk level, action taken); the hold is released only by a physician, and only once
 * every alert is followed up. Every step is audited. Source: the clinic's practice (rules reference section 1) and
 * PHQ-9 item 9 / C-SSRS (section 11).
 */
@Service
public class SafetyProtocol {
    // Why over 300 lines: the whole safety protocol (alerts, follow-ups, holds, release) in one place on purpose, so no
    // path around it is hidden elsewhere.

    /** Risk levels a clinician documents in a follow-up. */
    public enum RiskLevel {
        LOW,
        MODERATE,
        HIGH,
        IMMINENT
    }

    /** Text of at least 10 characters once the spaces around it are left off. */
    static final String AT_LEAST_10 = "(?s)\\s*\\S.{8,}\\S\\s*";

    /** The longest text of a safety note, follow-up or release reason (it is shown in the safety banner). */
    static final int MAX_TEXT = 4_000;

    private static final String TOO_LONG = "is too long: at most 4,000 characters";

    /** The "report a safety concern" form: what was observed. */
    public record ConcernReport(
            @NotNull(message = "choose suicidal ideation or psychosis")
            SafetyFlag.Concern concern,

            @NotBlank(message = "describe what you observed") @Size(max = MAX_TEXT, message = TOO_LONG)
            String note) {}

    /** The follow-up form that closes an alert: the risk level the clinician assessed and the action taken. */
    public record FollowUp(
            @NotNull(message = "choose the risk level you assessed")
            RiskLevel risk,

            @NotNull(message = "describe the action taken (at least 10 characters)")
            @Pattern(regexp = AT_LEAST_10, message = "describe the action taken (at least 10 characters)")
            @Size(max = MAX_TEXT, message = TOO_LONG)
            String actionTaken) {}

    /** The form that releases the hold: why interventional care may resume. */
    public record Release(
            @NotNull(message = "say why interventional care may resume (at least 10 characters)")
            @Pattern(regexp = AT_LEAST_10, message = "say why interventional care may resume (at least 10 characters)")
            @Size(max = MAX_TEXT, message = TOO_LONG)
            String reason) {}

    private final JdbcClient jdbc;
    private final Patients patients;
    private final ChartAccess access;
    private final AuditLog audit;
    private final String crisisResources;
    private final SafetyGate gate;
    private final Validator validator;

    SafetyProtocol(
            JdbcClient jdbc,
            Patients patients,
            ChartAccess access,
            AuditLog audit,
            @Value("${relief.safety.crisis-resources}") String crisisResources,
            SafetyGate gate,
            Validator validator) {
        this.validator = validator;
        this.jdbc = jdbc;
        this.patients = patients;
        this.access = access;
        this.audit = audit;
        this.crisisResources = crisisResources;
        this.gate = gate;
    }

    /** Runs inside the transaction that stores the response: the response and its alert stand or fall together. */
    @EventListener
    void onResponse(InstrumentResponseRecorded event) {
        for (SafetyFlag flag : event.flags()) {
            raise(
                    event.patientId(),
                    flag.concern().name(),
                    flag.risk().name(),
                    event.instrument().equals("PHQ9") ? "PHQ9_ITEM9" : event.instrument(),
                    flag.reason() + " [" + flag.source() + "]",
                    event.entryId(),
                    event.username(),
                    event.role(),
                    event.address(),
                    null);
        }
    }

    /** A clinician reports suicidal ideation or psychosis observed in a visit. */
    @Transactional
    public SafetyAlert report(Actor actor, UUID patientId, SafetyFlag.Concern concern, String note) {
        return report(actor, patientId, new ConcernReport(concern, note), null);
    }

    /**
     * A clinician reports suicidal ideation or psychosis observed in a visit; {@code bound} is what Spring's binding
     * found in the form (null: the report is checked here), refused only after the guard.
     */
    @Transactional
    public SafetyAlert report(Actor actor, UUID patientId, ConcernReport form, Errors bound) {
        OpenChart chart = access.open(
                actor, patientId, Purpose.write("report a safety concern"), Permission.REPORT_SAFETY_CONCERN);
        Inputs.check(validator, form, bound);
        return raise(
                patientId,
                form.concern().name(),
                SafetyFlag.Risk.UNRATED.name(),
                "CLINICIAN_NOTE",
                form.note().strip(),
                null,
                actor.username(),
                actor.role().name(),
                actor.address(),
                chart);
    }

    /** Raises an alert; {@code chart} is the chart the reporting clinician opened, or null when a rule raised it. */
    private SafetyAlert raise(
            UUID patientId,
            String concern,
            String risk,
            String trigger,
            String detail,
            UUID sourceEntry,
            String by,
            String role,
            String address,
            OpenChart chart) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into safety_alert (id, patient_id, concern, risk, trigger_kind, detail, source_entry_id, raised_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, patientId, concern, risk, trigger, detail, sourceEntry, by)
                .update();
        String raised = "SAFETY ALERT raised (" + SafetyGate.triggerLabel(trigger) + ", "
                + Labels.ofCode(concern).toLowerCase() + "): " + detail;
        if (chart != null) {
            chart.audit(AuditAction.CREATE, raised);
        } else {
            audit.record(by, role, patientId, AuditAction.CREATE, raised, "OK", address);
        }
        if (activeHold(patientId) == null) {
            jdbc.sql("insert into care_hold (id, patient_id, reason, placed_by) values (?, ?, ?, ?)")
                    .params(
                            UUID.randomUUID(),
                            patientId,
                            "Safety alert: " + concern.toLowerCase().replace('_', ' ') + " ("
                                    + org.relief.shared.Labels.ofCode(trigger) + ")",
                            by)
                    .update();
            audit.record(
                    by,
                    role,
                    patientId,
                    AuditAction.CREATE,
                    "interventional care put on HOLD (safety alert)",
                    "OK",
                    address);
        }
        deferToMentalHealth(patientId, concern, trigger, by, role, address);
        return alert(id);
    }

    /**
     * The alert moves the patient to "Deferred to mental health" in the transaction that raises it, with the
     * reason in the step history (rules reference section 1: route to the mental health therapist first). A
     * discharged patient stays discharged (taking them back into care is a clinician's decision); the alert and the
     * hold apply all the same.
     */
    private void deferToMentalHealth(
            UUID patientId, String concern, String trigger, String by, String role, String address) {
        if (patients.summary(patientId).step() == Step.DISCHARGED) {
            return;
        }
        String from = SafetyGate.triggerLabel(trigger);
        patients.moveByRule(
                patientId,
                Step.DEFERRED_MENTAL_HEALTH,
                "Safety alert (" + concern.toLowerCase().replace('_', ' ') + ", from " + from
                        + "): interventional care on hold, mental health first",
                by,
                role,
                address);
    }

    /** Documents the follow-up that closes an alert: the clinician's risk level and the action taken. */
    @Transactional
    public void followUp(Actor actor, UUID patientId, UUID alertId, RiskLevel risk, String actionTaken) {
        followUp(actor, patientId, alertId, new FollowUp(risk, actionTaken), null);
    }

    /** The follow-up as the form was bound ({@code bound}: Spring's binding result, or null to check it here). */
    @Transactional
    public void followUp(Actor actor, UUID patientId, UUID alertId, FollowUp form, Errors bound) {
        OpenChart chart = access.open(
                actor,
                patientId,
                Purpose.write("follow up safety alert " + alertId),
                Permission.DOCUMENT_SAFETY_FOLLOW_UP);
        SafetyAlert alert = alert(alertId);
        if (!alert.patientId().equals(patientId)) {
            throw new NotFoundException("No safety alert " + alertId + " in this chart");
        }
        Inputs.check(validator, form, bound);
        RiskLevel risk = form.risk();
        String actionTaken = form.actionTaken();
        if (!alert.open()) {
            throw new VersionConflictException(alertId, 0, 1, alert.followUp().by());
        }
        jdbc.sql(
                        "insert into safety_followup (alert_id, risk_level, action_taken, by_actor, by_role) values (?,?,?,?,?)")
                .params(
                        alertId,
                        risk.name(),
                        actionTaken.strip(),
                        actor.username(),
                        actor.role().name())
                .update();
        chart.audit(
                AuditAction.UPDATE,
                "safety alert " + alertId + " followed up: risk " + Labels.of(risk) + "; " + actionTaken.strip());
    }

    /** The physician releases the hold on interventional care, once every alert has its follow-up. */
    @Transactional
    public void releaseHold(Actor actor, UUID patientId, String reason) {
        releaseHold(actor, patientId, new Release(reason), null);
    }

    /** The release as the form was bound ({@code bound}: Spring's binding result, or null to check it here). */
    @Transactional
    public void releaseHold(Actor actor, UUID patientId, Release form, Errors bound) {
        OpenChart chart =
                access.open(actor, patientId, Purpose.write("release the care hold"), Permission.RELEASE_CARE_HOLD);
        SafetyStatus.Hold hold = activeHold(patientId);
        if (hold == null) {
            throw new NotFoundException("This patient has no active hold.");
        }
        if (alerts(patientId).stream().anyMatch(SafetyAlert::open)) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "hold", "every safety alert needs its documented follow-up before the hold can be released")));
        }
        Inputs.check(validator, form, bound);
        String reason = form.reason();
        jdbc.sql("insert into care_hold_release (hold_id, released_by, reason) values (?, ?, ?)")
                .params(hold.id(), actor.username(), reason.strip())
                .update();
        chart.audit(AuditAction.UPDATE, "care hold RELEASED: " + reason.strip());
    }

    /** The patient's alerts, hold and crisis resources (audited read). */
    @Transactional(readOnly = true)
    public SafetyStatus status(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.read("safety status"));
        return new SafetyStatus(patientId, alerts(patientId), activeHold(patientId), crisisResources);
    }

    /** Whether interventional care is on hold: an active hold or an open alert (as {@link SafetyGate} reads it). */
    @Transactional(readOnly = true)
    public boolean isOnHold(UUID patientId) {
        return gate.onHold(patientId);
    }

    /** Open alerts the actor must see on the dashboard: their teams' patients, for physicians and MH therapists. */
    @Transactional(readOnly = true)
    public List<DashboardAlert> dashboardAlerts(Actor actor) {
        if (actor.role() != Role.PHYSICIAN && actor.role() != Role.MENTAL_HEALTH_THERAPIST) {
            return List.of();
        }
        List<SafetyAlert> open = jdbc.sql("""
                select a.*, null as f_risk, null as f_action, null as f_by, null as f_role, null as f_at
                from safety_alert a
                join care_team_member m on m.patient_id = a.patient_id and m.staff_id = ? and m.removed_at is null
                where not exists (select 1 from safety_followup f where f.alert_id = a.id)
                order by a.raised_at desc""")
                .param(actor.staffId())
                .query(SafetyProtocol::mapAlert)
                .list();
        if (open.isEmpty()) {
            return List.of();
        }
        Map<UUID, PatientSummary> who =
                patients.identities(open.stream().map(SafetyAlert::patientId).toList());
        audit.recordEach(actor, who.keySet(), AuditAction.READ, "shown in the dashboard's open safety alerts", "OK");
        return open.stream()
                .map(a -> new DashboardAlert(a, who.get(a.patientId())))
                .toList();
    }

    /** An open alert with the patient's identity, for the dashboard. */
    public record DashboardAlert(SafetyAlert alert, PatientSummary patient) {}

    public String crisisResources() {
        return crisisResources;
    }

    private List<SafetyAlert> alerts(UUID patientId) {
        return jdbc.sql(ALERTS + " where a.patient_id = ? order by a.raised_at desc")
                .param(patientId)
                .query(SafetyProtocol::mapAlert)
                .list();
    }

    private SafetyAlert alert(UUID id) {
        return jdbc.sql(ALERTS + " where a.id = ?")
                .param(id)
                .query(SafetyProtocol::mapAlert)
                .optional()
                .orElseThrow(() -> new NotFoundException("No safety alert " + id));
    }

    private SafetyStatus.Hold activeHold(UUID patientId) {
        return jdbc.sql("""
                select h.* from care_hold h
                where h.patient_id = ? and not exists (select 1 from care_hold_release r where r.hold_id = h.id)
                order by h.placed_at desc limit 1""")
                .param(patientId)
                .query((rs, n) -> new SafetyStatus.Hold(
                        rs.getObject("id", UUID.class),
                        rs.getString("reason"),
                        rs.getTimestamp("placed_at").toInstant(),
                        rs.getString("placed_by")))
                .optional()
                .orElse(null);
    }

    private static final String ALERTS = """
            select a.*, f.risk_level as f_risk, f.action_taken as f_action, f.by_actor as f_by, f.by_role as f_role,
                   f.at as f_at
            from safety_alert a left join safety_followup f on f.alert_id = a.id""";

    private static SafetyAlert mapAlert(ResultSet rs, int n) throws SQLException {
        SafetyAlert.FollowUp followUp = rs.getString("f_risk") == null
                ? null
                : new SafetyAlert.FollowUp(
                        rs.getString("f_risk"),
                        rs.getString("f_action"),
                        rs.getString("f_by"),
                        rs.getString("f_role"),
                        rs.getTimestamp("f_at").toInstant());
        return new SafetyAlert(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getString("concern"),
                rs.getString("risk"),
                rs.getString("trigger_kind"),
                rs.getString("detail"),
                rs.getTimestamp("raised_at").toInstant(),
                rs.getString("raised_by"),
                followUp);
    }
}
