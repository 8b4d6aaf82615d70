package org.relief.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.careteam.CareTeams;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.OpenChart;
import org.relief.careteam.Permission;
import org.relief.careteam.Purpose;
import org.relief.careteam.Role;
import org.relief.careteam.TeamMember;
import org.relief.evaluation.Evaluations;
import org.relief.patient.PatientSummary;
import org.relief.patient.Patients;
import org.relief.patient.Step;
import org.relief.plan.PlanKinds.Proposed;
import org.relief.record.RecordKind;
import org.relief.record.RecordStore;
import org.relief.record.Versioned;
import org.relief.screening.SafetyGate;
import org.relief.shared.FieldProblem;
import org.relief.shared.ForbiddenException;
import org.relief.shared.InvalidInputException;
import org.relief.shared.NotFoundException;
import org.relief.shared.VersionConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team treatment plans. Any clinician on the team proposes a version (goals and concurrent therapies, each owned by
 * a team member); the interventional pain physician signs it. A change is a new version with a reason. A warning is
 * kept when the evaluation has no confirmed diagnosis.
 *
 * <p>While interventional care is on hold (an open safety alert or an active hold) the safety gate refuses any
 * version that holds an interventional therapy (a catalogue therapy with a procedure type), proposed or signed.
 * Mental health first keeps the other door open: a version without interventional therapies is proposed and signed
 * as usual, and one that holds only mental-health therapies (CBT / pain psychology, mindfulness, crisis / safety
 * plan) may also be signed by the mental health therapist, who leads the patient's care during the hold. Outside a
 * hold only the physician signs.
 */
@Service
public class Plans {
    // Why over 300 lines: one aggregate (a plan's versions, goals, therapies, sign-off and the hold rule); next split:
    // the timeline reading.

    private final JdbcClient jdbc;
    private final RecordStore records;
    private final RecordKind<Proposed> plans;
    private final Patients patients;
    private final ChartAccess access;
    private final CareTeams teams;
    private final SafetyGate safety;
    private final Evaluations evaluations;
    private final AuditLog audit;

    Plans(
            JdbcClient jdbc,
            RecordStore records,
            RecordKind<Proposed> plans,
            Patients patients,
            ChartAccess access,
            CareTeams teams,
            SafetyGate safety,
            Evaluations evaluations,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.records = records;
        this.plans = plans;
        this.patients = patients;
        this.access = access;
        this.teams = teams;
        this.safety = safety;
        this.evaluations = evaluations;
        this.audit = audit;
    }

    /**
     * Proposes a new version of the plan; returns it (unsigned).
     *
     * @param basedOnVersion the version the proposer started from (0: there was no plan yet; null: not said, a
     *     400). If someone proposed another version since, nothing is stored and a {@link VersionConflictException}
     *     says who: a stale proposal never silently becomes the latest version.
     */
    @Transactional
    public PlanVersion propose(
            Actor actor,
            UUID patientId,
            List<PlanVersion.Goal> goals,
            List<PlanVersion.PlannedTherapy> therapies,
            String changeReason,
            Integer basedOnVersion) {
        OpenChart chart = access.open(actor, patientId, Purpose.write("propose a plan"), Permission.PROPOSE_PLAN);
        if (basedOnVersion == null) {
            throw new InvalidInputException(
                    List.of(new FieldProblem("basedOnVersion", "is missing: reload the plan page and propose again")));
        }
        Optional<PlanVersion> current = current(patientId);
        int latest = current.map(PlanVersion::version).orElse(0);
        if (latest != basedOnVersion) {
            throw new VersionConflictException(
                    current.map(PlanVersion::id).orElse(null),
                    basedOnVersion,
                    latest,
                    current.map(PlanVersion::createdBy).orElse("another user"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (therapies.isEmpty()) {
            problems.add(new FieldProblem("therapies", "add at least one therapy"));
        }
        if (goals.isEmpty()) {
            problems.add(new FieldProblem("goals", "add at least one goal"));
        }
        List<UUID> team =
                teams.members(patientId).stream().map(TeamMember::staffId).toList();
        for (int i = 0; i < therapies.size(); i++) {
            var t = therapies.get(i);
            if (TherapyCatalog.byCode(t.therapyCode()).isEmpty()) {
                problems.add(new FieldProblem("therapies[" + i + "].therapyCode", "is not in the catalogue"));
            }
            if (!team.contains(t.ownerId())) {
                problems.add(new FieldProblem("therapies[" + i + "].ownerId", "must be on the patient's care team"));
            }
            if (t.startDate() == null) {
                problems.add(new FieldProblem("therapies[" + i + "].startDate", "is required"));
            } else if (t.endDate() != null && t.endDate().isBefore(t.startDate())) {
                problems.add(new FieldProblem("therapies[" + i + "].endDate", "must not be before the start"));
            }
            if (t.frequency() == null || t.frequency().isBlank()) {
                problems.add(new FieldProblem("therapies[" + i + "].frequency", "is required"));
            }
        }
        if (current.isPresent() && (changeReason == null || changeReason.isBlank())) {
            problems.add(new FieldProblem("changeReason", "say why the plan changes"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<String> interventional = interventional(therapies);
        if (!interventional.isEmpty()) {
            safety.requireNoHold(
                    actor,
                    patientId,
                    "propose a plan with interventional therapy (" + String.join(", ", interventional) + ")");
        }
        boolean confirmed = evaluations
                .latest(actor, patientId)
                .map(e -> e.hasConfirmedDiagnosis())
                .orElse(false);
        String warning = confirmed ? null : "The evaluation has no confirmed diagnosis yet.";
        UUID id = UUID.randomUUID();
        String reason = changeReason == null || changeReason.isBlank() ? null : changeReason.strip();
        // the engine checks again, at the insert, that no proposal based on the same version got in first
        int version = (basedOnVersion == 0
                        ? records.insertFirst(
                                plans, patientId, patientId, new Proposed(id, warning), reason, actor.username())
                        : records.insertNext(
                                plans, patientId, basedOnVersion, new Proposed(id, warning), reason, actor.username()))
                .version();
        for (var g : goals) {
            jdbc.sql("""
                    insert into plan_goal (version_id, kind, description, measure, target, target_date)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(id, g.kind().name(), g.description(), g.measure(), g.target(), g.targetDate())
                    .update();
        }
        for (var t : therapies) {
            String owner = teams.members(patientId).stream()
                    .filter(m -> m.staffId().equals(t.ownerId()))
                    .map(TeamMember::displayName)
                    .findFirst()
                    .orElse("?");
            jdbc.sql("""
                    insert into plan_therapy (version_id, therapy_code, owner_id, owner_name, frequency, duration,
                                              region, side, start_date, end_date)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            id,
                            t.therapyCode(),
                            t.ownerId(),
                            owner,
                            t.frequency(),
                            t.duration(),
                            t.region(),
                            t.side(),
                            t.startDate(),
                            t.endDate())
                    .update();
        }
        chart.audit(
                AuditAction.CREATE,
                "plan version " + version + " proposed" + (warning == null ? "" : " (" + warning + ")"));
        return current(patientId).orElseThrow();
    }

    /**
     * The physician signs the latest version (during a safety hold, the mental health therapist may sign one that
     * holds only mental-health therapies); the patient moves from planning to on a plan where the safety gate
     * allows it. A version with an interventional therapy is refused during the hold. Signing a version that a newer
     * proposal has superseded is a {@link VersionConflictException}: nothing is signed.
     */
    @Transactional
    public void sign(Actor actor, UUID patientId, UUID versionId) {
        OpenChart chart = access.open(actor, patientId, Purpose.write("sign the plan"));
        PatientSummary patient = patients.summary(patientId);
        PlanVersion latest = current(patientId).orElseThrow(() -> new NotFoundException("No plan to sign"));
        if (!maySign(actor, patientId, latest)) {
            chart.audit(
                    AuditAction.DENIED,
                    "sign the plan",
                    "DENIED: " + actor.role().label() + " may not sign this plan");
            throw new ForbiddenException(
                    actor.role() == Role.MENTAL_HEALTH_THERAPIST
                            ? "The mental health therapist signs a plan only during a safety hold, and only one that holds "
                                    + "mental-health therapies alone; the interventional pain physician signs the others."
                            : "The interventional pain physician signs the plan.");
        }
        if (!latest.id().equals(versionId)) {
            // an older version of this plan: someone proposed a newer one after the signer opened the page
            Optional<Integer> superseded = records.history(plans, patientId).stream()
                    .filter(v -> v.data().id().equals(versionId))
                    .map(Versioned::version)
                    .findFirst();
            if (superseded.isPresent()) {
                throw new VersionConflictException(latest.id(), superseded.get(), latest.version(), latest.createdBy());
            }
            throw new InvalidInputException(List.of(new FieldProblem("version", "only the latest version is signed")));
        }
        if (latest.signed()) {
            throw new InvalidInputException(List.of(new FieldProblem("version", "is already signed")));
        }
        List<String> interventional = interventional(latest.therapies());
        if (!interventional.isEmpty()) {
            safety.requireNoHold(
                    actor,
                    patientId,
                    "sign plan version " + latest.version() + " with interventional therapy ("
                            + String.join(", ", interventional) + ")");
        }
        try {
            jdbc.sql("insert into plan_signoff (version_id, signed_by) values (?, ?)")
                    .params(versionId, actor.username())
                    .update();
        } catch (DuplicateKeyException e) {
            // signed by someone else at the same moment (unique version_id): nothing more is stored
            throw new InvalidInputException(List.of(new FieldProblem("version", "is already signed")));
        }
        chart.audit(AuditAction.UPDATE, "plan version " + latest.version() + " signed");
        if (patient.step() == Step.PLANNING && patients.allowsStep(patientId, Step.ON_PLAN)) {
            patients.changeStep(actor, patientId, Step.ON_PLAN, "plan signed");
        }
    }

    /**
     * Whether the actor may sign this version: the physician always; the mental health therapist during a safety
     * hold, for a version that holds only mental-health therapies.
     */
    @Transactional(readOnly = true)
    public boolean maySign(Actor actor, UUID patientId, PlanVersion version) {
        return actor.role() == Role.PHYSICIAN
                || actor.role() == Role.MENTAL_HEALTH_THERAPIST
                        && mentalHealthOnly(version.therapies())
                        && safety.onHold(patientId);
    }

    /** Whether interventional care is on hold for the patient (the plan page says what may be planned). */
    @Transactional(readOnly = true)
    public boolean onHold(UUID patientId) {
        return safety.onHold(patientId);
    }

    /** The interventional therapies of a plan (catalogue therapies with a procedure type), by name. */
    static List<String> interventional(List<PlanVersion.PlannedTherapy> therapies) {
        return therapies.stream()
                .map(t -> TherapyCatalog.byCode(t.therapyCode()))
                .flatMap(Optional::stream)
                .filter(Therapy::interventional)
                .map(Therapy::name)
                .distinct()
                .toList();
    }

    /** Whether every therapy of a plan is delivered by the mental health therapist (and there is one). */
    static boolean mentalHealthOnly(List<PlanVersion.PlannedTherapy> therapies) {
        return !therapies.isEmpty()
                && therapies.stream()
                        .allMatch(t -> TherapyCatalog.byCode(t.therapyCode())
                                .map(c -> c.discipline() == Role.MENTAL_HEALTH_THERAPIST)
                                .orElse(false));
    }

    /** Every version, newest first (audited read). */
    @Transactional(readOnly = true)
    public List<PlanVersion> versions(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.read("plan"));
        return records.history(plans, patientId).stream()
                .map(v -> version(patientId, v))
                .toList();
    }

    /**
     * Which patient a plan version belongs to (a FHIR read names the version alone). Reading it stays with
     * {@link #versions}, which checks access and audits.
     */
    @Transactional(readOnly = true)
    public Optional<UUID> patientOf(UUID versionId) {
        return jdbc.sql("select patient_id from plan_version where id = ?")
                .param(versionId)
                .query(UUID.class)
                .optional();
    }

    private Optional<PlanVersion> current(UUID patientId) {
        return records.latest(plans, patientId).map(v -> version(patientId, v));
    }

    private PlanVersion version(UUID patientId, Versioned<Proposed> v) {
        UUID id = v.data().id();
        var goals = jdbc.sql("select * from plan_goal where version_id = ? order by id")
                .param(id)
                .query((rs, n) -> new PlanVersion.Goal(
                        PlanVersion.GoalKind.valueOf(rs.getString("kind")),
                        rs.getString("description"),
                        rs.getString("measure"),
                        rs.getBigDecimal("target"),
                        rs.getObject("target_date", LocalDate.class)))
                .list();
        var therapies = jdbc.sql("select * from plan_therapy where version_id = ? order by start_date, id")
                .param(id)
                .query((rs, n) -> new PlanVersion.PlannedTherapy(
                        rs.getString("therapy_code"),
                        rs.getObject("owner_id", UUID.class),
                        rs.getString("owner_name"),
                        rs.getString("frequency"),
                        rs.getString("duration"),
                        rs.getString("region"),
                        rs.getString("side"),
                        rs.getObject("start_date", LocalDate.class),
                        rs.getObject("end_date", LocalDate.class)))
                .list();
        var signoff = jdbc.sql("select signed_by, signed_at from plan_signoff where version_id = ?")
                .param(id)
                .query((rs, n) -> new Signoff(
                        rs.getString("signed_by"), rs.getTimestamp("signed_at").toInstant()))
                .optional();
        return new PlanVersion(
                id,
                patientId,
                v.version(),
                v.changeReason(),
                v.data().warning(),
                v.recordedBy(),
                v.recordedAt(),
                signoff.map(Signoff::by).orElse(null),
                signoff.map(Signoff::at).orElse(null),
                goals,
                therapies);
    }

    private record Signoff(String by, Instant at) {}
}
