package org.relief.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.relief.assessment.Assessments;
import org.relief.assessment.Instrument;
import org.relief.assessment.InstrumentResponse;
import org.relief.assessment.Instruments;
import org.relief.audit.AuditAction;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.OpenChart;
import org.relief.careteam.Permission;
import org.relief.careteam.Purpose;
import org.relief.screening.SafetyProtocol;
import org.relief.shared.FieldProblem;
import org.relief.shared.ForbiddenException;
import org.relief.shared.InvalidInputException;
import org.relief.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questionnaires before a visit: the care team assigns an instrument due by a date (from the chart; who may record
 * instruments may assign them), the patient answers it in the portal. The answers are recorded through
 * {@link Assessments#record}, the one path staff entry takes: scored the same way, stored as the same instrument
 * response, and announced in the same transaction to the safety protocol, which raises the same urgent alert, hold
 * and referral to mental health for a positive PHQ-9 item 9 or C-SSRS answer. No side door.
 */
@Service
public class Questionnaires {

    private final JdbcClient jdbc;
    private final ChartAccess access;
    private final Assessments assessments;
    private final SafetyProtocol safety;
    private final Clock clock;
    private final String clinicPhone;

    Questionnaires(
            JdbcClient jdbc,
            ChartAccess access,
            Assessments assessments,
            SafetyProtocol safety,
            Clock clock,
            @Value("${relief.portal.clinic-phone:}") String clinicPhone) {
        this.jdbc = jdbc;
        this.access = access;
        this.assessments = assessments;
        this.safety = safety;
        this.clock = clock;
        this.clinicPhone = clinicPhone;
    }

    /** An assigned questionnaire; {@code responseId} is set once answered. */
    public record Assignment(
            UUID id,
            UUID patientId,
            String instrument,
            String instrumentName,
            LocalDate dueOn,
            String assignedBy,
            Instant assignedAt,
            UUID responseId,
            Instant answeredAt) {

        public boolean answered() {
            return responseId != null;
        }

        public boolean overdue(LocalDate today) {
            return !answered() && dueOn.isBefore(today);
        }
    }

    /** What the patient sees after answering: the response as scored, and whether the crisis resources must show. */
    public record Answered(
            InstrumentResponse response, boolean safetyFlag, String crisisResources, String clinicPhone) {}

    /** The instruments a patient can answer in the portal: those whose wording ships with Relief. */
    public static List<Instrument> answerable() {
        return Instruments.ALL.stream().filter(Instrument::wordingShipped).toList();
    }

    /** The care team assigns an instrument due by a date (not in the past). */
    @Transactional
    public Assignment assign(Actor actor, UUID patientId, String instrument, LocalDate dueOn) {
        OpenChart chart =
                access.open(actor, patientId, Purpose.write("assign a questionnaire"), Permission.RECORD_INSTRUMENTS);
        Optional<Instrument> found =
                answerable().stream().filter(i -> i.code().equals(instrument)).findFirst();
        if (found.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "instrument", "choose one of the questionnaires a patient can answer in the portal")));
        }
        LocalDate today = LocalDate.now(clock);
        if (dueOn == null || dueOn.isBefore(today) || dueOn.isAfter(today.plusYears(1))) {
            throw new InvalidInputException(
                    List.of(new FieldProblem("dueOn", "must be a date from today to a year from now")));
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into portal_assignment (id, patient_id, instrument, due_on, assigned_by, assigned_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, patientId, instrument, dueOn, actor.username(), Timestamp.from(clock.instant()))
                .update();
        chart.audit(AuditAction.CREATE, "questionnaire " + instrument + " assigned in the portal, due " + dueOn);
        return find(patientId, id).orElseThrow();
    }

    /** Every assignment of the patient, open ones first (audited read). */
    @Transactional(readOnly = true)
    public List<Assignment> list(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.read("questionnaires"));
        return list(patientId);
    }

    List<Assignment> list(UUID patientId) {
        return jdbc.sql(SELECT
                        + " where a.patient_id = ? order by (r.response_id is not null), a.due_on, a.assigned_at")
                .param(patientId)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** One assignment of this chart, to answer (audited read; another chart's or an unknown one: 404, audited). */
    @Transactional(readOnly = true)
    public Assignment assignment(Actor actor, UUID patientId, UUID assignmentId) {
        OpenChart chart = access.open(actor, patientId, Purpose.read("questionnaire " + assignmentId));
        return inChart(chart, assignmentId);
    }

    /**
     * The patient answers an assignment: recorded through {@link Assessments#record} (same scoring, same safety
     * protocol in the same transaction), then the assignment names the response. An assignment answered already, of
     * another chart, or unknown is refused (400 / audited 404); answers out of range are refused naming the item.
     */
    @Transactional
    public Answered answer(Actor actor, UUID patientId, UUID assignmentId, Map<String, Integer> answers) {
        OpenChart chart = access.open(actor, patientId, Purpose.write("answer questionnaire " + assignmentId));
        if (!actor.isPatient()) {
            throw new ForbiddenException(
                    "Only the patient answers in the portal; staff record responses in the chart.");
        }
        Assignment a = inChart(chart, assignmentId);
        if (a.answered()) {
            throw new InvalidInputException(List.of(new FieldProblem("answers", "this questionnaire is answered")));
        }
        InstrumentResponse response =
                assessments.record(actor, patientId, a.instrument(), LocalDate.now(clock), answers);
        jdbc.sql("insert into portal_assignment_answer (assignment_id, response_id, answered_at) values (?, ?, ?)")
                .params(assignmentId, response.entryId(), Timestamp.from(clock.instant()))
                .update();
        return new Answered(response, !response.safetyFlags().isEmpty(), safety.crisisResources(), clinicPhone);
    }

    /** The crisis resources as configured (relief.safety.crisis-resources) and the clinic's number. */
    public String crisisResources() {
        return safety.crisisResources();
    }

    public String clinicPhone() {
        return clinicPhone;
    }

    private Assignment inChart(OpenChart chart, UUID assignmentId) {
        return find(chart.patientId(), assignmentId).orElseThrow(() -> {
            chart.audit(AuditAction.DENIED, "questionnaire " + assignmentId, "NOT FOUND: not in this chart");
            return new NotFoundException("No questionnaire " + assignmentId + " for you");
        });
    }

    private Optional<Assignment> find(UUID patientId, UUID id) {
        return jdbc.sql(SELECT + " where a.patient_id = ? and a.id = ?")
                .params(patientId, id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    private static final String SELECT = """
            select a.*, r.response_id, r.answered_at from portal_assignment a
            left join portal_assignment_answer r on r.assignment_id = a.id""";

    private static Assignment map(java.sql.ResultSet rs) throws java.sql.SQLException {
        String code = rs.getString("instrument");
        Timestamp answered = rs.getTimestamp("answered_at");
        return new Assignment(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                code,
                Instruments.byCode(code).map(Instrument::name).orElse(code),
                rs.getObject("due_on", LocalDate.class),
                rs.getString("assigned_by"),
                rs.getTimestamp("assigned_at").toInstant(),
                rs.getObject("response_id", UUID.class),
                answered == null ? null : answered.toInstant());
    }
}
