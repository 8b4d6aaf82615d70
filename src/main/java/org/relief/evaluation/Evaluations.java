package org.relief.evaluation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.OpenChart;
import org.relief.careteam.Permission;
import org.relief.careteam.Purpose;
import org.relief.evaluation.Findings.Clearance;
import org.relief.evaluation.Findings.DiagnosticTest;
import org.relief.evaluation.Findings.TestKind;
import org.relief.patient.ChartService;
import org.relief.patient.EntryKind;
import org.relief.patient.Patients;
import org.relief.patient.Step;
import org.relief.record.Versioned;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.relief.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluation episodes: started by a clinician (the patient moves from referred to in evaluation), filled over
 * sessions through the chart's versioned entries, and signed by the physician once a diagnosis is confirmed (the
 * patient then moves to planning).
 */
@Service
public class Evaluations {

    private final JdbcClient jdbc;
    private final ChartService charts;
    private final Patients patients;
    private final ChartAccess access;
    private final AuditLog audit;

    Evaluations(JdbcClient jdbc, ChartService charts, Patients patients, ChartAccess access, AuditLog audit) {
        this.jdbc = jdbc;
        this.charts = charts;
        this.patients = patients;
        this.access = access;
        this.audit = audit;
    }

    /** Starts an episode, or returns the open one. */
    @Transactional
    public UUID start(Actor actor, UUID patientId) {
        OpenChart chart =
                access.open(actor, patientId, Purpose.write("start an evaluation"), Permission.START_EVALUATION);
        var patient = patients.summary(patientId);
        Optional<UUID> open = latestEpisodeId(patientId).filter(id -> signoff(id) == null);
        if (open.isPresent()) {
            return open.get();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into evaluation_episode (id, patient_id, opened_by) values (?, ?, ?)")
                .params(id, patientId, actor.username())
                .update();
        chart.audit(AuditAction.CREATE, "evaluation episode " + id + " started");
        // during a safety hold the episode opens (the mental health therapist records the psychological evaluation
        // in it) but the patient stays where the safety gate keeps them
        if (patient.step() == Step.REFERRED && patients.allowsStep(patientId, Step.IN_EVALUATION)) {
            patients.changeStep(actor, patientId, Step.IN_EVALUATION, "evaluation started");
        }
        return id;
    }

    /** The latest episode with its findings (psychotherapy notes only for mental health staff). */
    @Transactional(readOnly = true)
    public Optional<Episode> latest(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.read("evaluation"));
        return latestEpisodeId(patientId).map(id -> episode(actor, patientId, id));
    }

    /**
     * The physician signs the episode; it needs at least one confirmed diagnosis. The patient moves to planning,
     * so signing is refused while interventional care is on hold (safety gate, audited).
     */
    @Transactional
    public void sign(Actor actor, UUID patientId, UUID episodeId) {
        OpenChart chart = access.open(
                actor, patientId, Purpose.write("sign evaluation " + episodeId), Permission.SIGN_EVALUATION);
        Episode episode = latest(actor, patientId)
                .filter(e -> e.id().equals(episodeId))
                .orElseThrow(() -> new NotFoundException("No open evaluation episode " + episodeId));
        // signing moves the patient to planning: the safety gate is asked before anything is stored
        patients.requireStep(
                actor,
                patientId,
                Step.PLANNING,
                "sign the evaluation (it moves the patient to " + "\"" + Step.PLANNING.label() + "\")");
        if (episode.signed()) {
            throw new InvalidInputException(List.of(new FieldProblem("episode", "is already signed")));
        }
        if (!episode.hasConfirmedDiagnosis()) {
            throw new InvalidInputException(
                    List.of(new FieldProblem("diagnoses", "confirm at least one diagnosis before signing")));
        }
        jdbc.sql("insert into evaluation_signoff (episode_id, signed_by) values (?, ?)")
                .params(episodeId, actor.username())
                .update();
        chart.audit(
                AuditAction.UPDATE,
                "evaluation " + episodeId + " signed with "
                        + episode.diagnoses().size() + " diagnoses");
        patients.changeStep(actor, patientId, Step.PLANNING, "evaluation signed");
    }

    /**
     * The facts later rules need from the latest evaluation: the psychological clearance and its date, positive
     * sacroiliac provocation tests, and each diagnostic block's relief. Not audited on its own: callers audit.
     */
    @Transactional(readOnly = true)
    public Optional<EvaluationFacts> facts(Actor actor, UUID patientId) {
        return latest(actor, patientId).map(e -> {
            var psych = e.psychEvaluations().stream()
                    .map(Versioned::data)
                    .max(Comparator.comparing(Findings.PsychEvaluation::evaluatedOn));
            int si = e.exams().stream()
                    .map(v -> v.data().positiveSacroiliacTests())
                    .max(Integer::compare)
                    .orElse(0);
            List<EvaluationFacts.Block> blocks = e.tests().stream()
                    .map(Versioned::data)
                    .filter(t -> t.kind() == TestKind.DIAGNOSTIC_BLOCK && t.reliefPercent() != null)
                    .map(t -> new EvaluationFacts.Block(
                            t.blockTarget(),
                            t.resultedOn() != null ? t.resultedOn() : t.orderedOn(),
                            t.reliefPercent(),
                            t.reliefHours()))
                    .toList();
            Integer triggerPoints = e.exams().stream()
                    .map(v -> v.data().triggerPointsFound())
                    .filter(java.util.Objects::nonNull)
                    .max(Integer::compare)
                    .orElse(null);
            return new EvaluationFacts(
                    e.id(),
                    psych.map(Findings.PsychEvaluation::conclusion).orElse(null),
                    psych.map(Findings.PsychEvaluation::evaluatedOn).orElse(null),
                    si,
                    blocks,
                    triggerPoints,
                    !e.exams().isEmpty(),
                    e.signed());
        });
    }

    private Episode episode(Actor actor, UUID patientId, UUID episodeId) {
        Object[] row = jdbc.sql("select opened_at, opened_by from evaluation_episode where id = ?")
                .param(episodeId)
                .query((rs, n) -> new Object[] {rs.getTimestamp(1).toInstant(), rs.getString(2)})
                .single();
        Object[] sign = signoff(episodeId);
        boolean mayReadNotes = EvaluationKinds.PSYCH_NOTE.mayRead(actor.role());
        return new Episode(
                episodeId,
                patientId,
                (Instant) row[0],
                (String) row[1],
                of(actor, patientId, EvaluationKinds.SESSION, episodeId, s -> s.episodeId()),
                of(actor, patientId, EvaluationKinds.EXAM, episodeId, s -> s.episodeId()),
                of(actor, patientId, EvaluationKinds.TEST, episodeId, DiagnosticTest::episodeId),
                of(actor, patientId, EvaluationKinds.PSYCH, episodeId, s -> s.episodeId()),
                mayReadNotes ? of(actor, patientId, EvaluationKinds.PSYCH_NOTE, episodeId, s -> s.episodeId()) : null,
                of(actor, patientId, EvaluationKinds.DIAGNOSIS, episodeId, s -> s.episodeId()),
                sign == null ? null : (String) sign[0],
                sign == null ? null : (Instant) sign[1]);
    }

    private <T extends Record> List<Versioned<T>> of(
            Actor actor, UUID patientId, EntryKind<T> kind, UUID episodeId, Function<T, UUID> episodeOf) {
        return charts.entries(actor, patientId, kind).stream()
                .filter(v -> episodeId.equals(episodeOf.apply(v.data())))
                .toList();
    }

    private Optional<UUID> latestEpisodeId(UUID patientId) {
        return jdbc.sql("select id from evaluation_episode where patient_id = ? order by opened_at desc limit 1")
                .param(patientId)
                .query(UUID.class)
                .optional();
    }

    private Object[] signoff(UUID episodeId) {
        return jdbc.sql("select signed_by, signed_at from evaluation_signoff where episode_id = ?")
                .param(episodeId)
                .query((rs, n) ->
                        new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant()})
                .optional()
                .orElse(null);
    }

    /** Whether the psych clearance allows interventions that require it (cleared, or cleared with conditions). */
    public static boolean cleared(Clearance clearance) {
        return clearance == Clearance.CLEARED || clearance == Clearance.CLEARED_WITH_CONDITIONS;
    }
}
