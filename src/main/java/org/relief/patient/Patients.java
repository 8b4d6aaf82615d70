package org.relief.patient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
import org.relief.careteam.StaffDirectory;
import org.relief.record.Reads;
import org.relief.record.RecordStore;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.relief.shared.NotFoundException;
import org.relief.shared.PlainRead;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering referrals, finding patients, the dashboard's groups, and moving patients along the way. */
@Service
public class Patients {
    // Why over 300 lines: registration, steps of the way, search and the dashboard; next split: search and dashboard.

    static final RowMapper<PatientSummary> SUMMARY = (rs, n) -> new PatientSummary(
            rs.getObject("patient_id", UUID.class),
            rs.getString("mrn"),
            rs.getString("family_name"),
            rs.getString("given_name"),
            rs.getObject("birth_date", LocalDate.class),
            Step.valueOf(rs.getString("step")));

    /** Search scope: the actor's own patients, or the whole clinic (to find a chart before breaking the glass). */
    public enum Scope {
        MINE,
        CLINIC
    }

    private final JdbcClient jdbc;
    private final RecordStore store;
    private final EntryValidator validator;
    private final CareTeams teams;
    private final StaffDirectory staff;
    private final ChartAccess access;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectProvider<CareGuard> guards;

    Patients(
            JdbcClient jdbc,
            RecordStore store,
            EntryValidator validator,
            CareTeams teams,
            StaffDirectory staff,
            ChartAccess access,
            AuditLog audit,
            Clock clock,
            ObjectProvider<CareGuard> guards) {
        this.jdbc = jdbc;
        this.store = store;
        this.validator = validator;
        this.teams = teams;
        this.staff = staff;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.guards = guards;
    }

    /**
     * Registers a referred patient: the patient, first versions of demographics and referral, step REFERRED, and a
     * care team of the coordinating physician and whoever entered it.
     */
    @Transactional
    public PatientSummary register(Actor actor, Registration registration) {
        return register(actor, registration, null);
    }

    /**
     * Registers a referral as the referral form brings it: the patient and referral, plus the imaging studies and
     * prior treatments it came with and the referring practice's record number. Before a second record is made for
     * what may be the same person (same family name, given name and date of birth, or the same record number from
     * the same referring practice) it refuses with {@link PossibleDuplicateException} listing them, unless the
     * registrant confirmed a different person; both the warning and the confirmation are audited.
     *
     * @param intake what the referral brought, or null (API and imports: no duplicate check, nothing more to store)
     */
    @Transactional
    public PatientSummary register(Actor actor, Registration registration, Intake intake) {
        access.requirePermission(actor, Permission.REGISTER_REFERRAL, null, "register referral");
        validator.validate(registration);
        if (intake != null) {
            intake.imaging().forEach(validator::validate);
            intake.treatments().forEach(validator::validate);
        }
        var physician = staff.find(registration.coordinatingPhysicianId())
                .filter(s -> s.role() == Role.PHYSICIAN && s.enabled())
                .orElseThrow(() -> new InvalidInputException(List.of(new FieldProblem(
                        "coordinatingPhysicianId", "must be an interventional pain physician of this clinic"))));
        String source = registration.referral().referringPractice().strip();
        List<PatientSummary> duplicates = intake == null
                ? List.of()
                : possibleDuplicates(registration.demographics(), source, intake.sourceRecordNumber());
        String duplicateMrns =
                duplicates.stream().map(PatientSummary::mrn).toList().toString();
        if (!duplicates.isEmpty() && !intake.confirmedDifferentPerson()) {
            // each patient shown as a possible duplicate is a patient shown: one row naming each
            audit.recordEach(
                    actor,
                    duplicates.stream().map(PatientSummary::id).toList(),
                    AuditAction.SEARCH,
                    "new referral looks like " + duplicateMrns + ": possible duplicate shown",
                    "NOT REGISTERED");
            throw new PossibleDuplicateException(duplicates);
        }
        UUID id = UUID.randomUUID();
        String mrn = "R"
                + jdbc.sql("select nextval('patient_mrn_seq')")
                        .query(Long.class)
                        .single();
        jdbc.sql("insert into patient (id, mrn, created_by) values (?, ?, ?)")
                .params(id, mrn, actor.username())
                .update();
        Demographics d = registration.demographics();
        jdbc.sql("""
                insert into patient_summary (patient_id, mrn, family_name, given_name, birth_date, step, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        mrn,
                        d.familyName().strip(),
                        d.givenName().strip(),
                        d.birthDate(),
                        Step.REFERRED.name(),
                        Timestamp.from(clock.instant()))
                .update();
        insertStep(id, Step.REFERRED, "referral registered", actor.username());
        store.insertFirst(EntryKind.DEMOGRAPHICS.record(), id, id, d, actor.username());
        store.insertFirst(
                EntryKind.REFERRAL.record(), id, UUID.randomUUID(), registration.referral(), actor.username());
        teams.add(id, physician.id(), actor.username());
        teams.add(id, actor.staffId(), actor.username());
        String brought = "";
        if (intake != null) {
            for (ImagingStudy study : intake.imaging()) {
                store.insertFirst(EntryKind.IMAGING.record(), id, UUID.randomUUID(), study, actor.username());
            }
            for (PriorTreatment treatment : intake.treatments()) {
                store.insertFirst(EntryKind.TREATMENT.record(), id, UUID.randomUUID(), treatment, actor.username());
            }
            if (intake.sourceRecordNumber() != null) {
                jdbc.sql("""
                        insert into patient_source_identifier (patient_id, source, identifier, recorded_by)
                        values (?, ?, ?, ?)""")
                        .params(id, source, intake.sourceRecordNumber(), actor.username())
                        .update();
            }
            brought = " with " + intake.imaging().size() + " imaging studies and "
                    + intake.treatments().size()
                    + " prior treatments"
                    + (duplicates.isEmpty()
                            ? ""
                            : "; confirmed a different person from " + "possible duplicate(s) " + duplicateMrns);
        }
        audit.record(actor, id, AuditAction.CREATE, "registered referral " + mrn + brought, "OK");
        return new PatientSummary(id, mrn, d.familyName().strip(), d.givenName().strip(), d.birthDate(), Step.REFERRED);
    }

    /**
     * Finds patients. In the actor's own patients (scope MINE): by name (any part), date of birth (YYYY-MM-DD) or
     * record number. Clinic-wide (scope CLINIC, clinicians, to find a chart before breaking the glass) asks for no
     * less than it takes to name one person: the exact record number, or the full name with the date of birth; a
     * shorter query finds nothing and says what is needed (400 naming {@code q}), so the clinic cannot be listed by
     * trying letters. Clinic-wide results show identity only (name, birth date, record number; not the step).
     * Every patient shown gets an audit row naming them.
     */
    @PlainRead
    public List<PatientSummary> search(Actor actor, String text, Scope scope, int limit) {
        String q = text == null ? "" : text.strip();
        if (scope == Scope.CLINIC) {
            access.requirePermission(actor, Permission.SEARCH_WHOLE_CLINIC, null, "search the whole clinic");
        }
        PatientSearch search =
                scope == Scope.CLINIC ? PatientSearch.clinic(q, limit) : PatientSearch.mine(actor.staffId(), q, limit);
        if (search.refused()) {
            audit.record(
                    actor,
                    null,
                    AuditAction.SEARCH,
                    "clinic-wide search for '" + q + "'",
                    "REFUSED: needs the full name and date of birth, or the record number");
            throw new InvalidInputException(List.of(new FieldProblem("q", CLINIC_SEARCH_NEEDS)));
        }
        List<PatientSummary> found =
                jdbc.sql(search.sql()).params(search.args()).query(SUMMARY).list();
        String what = (scope == Scope.CLINIC ? "shown in a clinic-wide search" : "shown in a search of own patients")
                + " for '" + q + "'";
        if (found.isEmpty()) {
            audit.record(actor, null, AuditAction.SEARCH, what + ": nobody found", "OK");
        } else {
            audit.recordEach(actor, found.stream().map(PatientSummary::id).toList(), AuditAction.SEARCH, what, "OK");
        }
        return scope == Scope.CLINIC
                ? found.stream()
                        .map(p ->
                                new PatientSummary(p.id(), p.mrn(), p.familyName(), p.givenName(), p.birthDate(), null))
                        .toList()
                : found;
    }

    /** What a clinic-wide search needs, in words (shown when a query asks for less). */
    public static final String CLINIC_SEARCH_NEEDS = PatientSearch.CLINIC_NEEDS;

    /** The actor's patients grouped by step (each group's newest first, at most {@code perStep}), with counts. */
    @Transactional(readOnly = true)
    public Dashboard dashboard(Actor actor, int perStep) {
        Map<Step, List<PatientSummary>> groups = new EnumMap<>(Step.class);
        Map<Step, Integer> counts = new EnumMap<>(Step.class);
        for (Step s : Step.values()) {
            groups.put(s, new ArrayList<>());
            counts.put(s, 0);
        }
        // each step's count and its newest few, from the actor's own rows of care_team_patient (V101, which carries
        // the summary's columns): her rows alone, not a join that scanned every patient of the clinic (issue 16)
        jdbc.sql("""
                with counts as (
                  select step, count(*) as in_step from care_team_patient where staff_id = ? group by step
                )
                select t.*, c.in_step from counts c
                cross join lateral (
                  select p.* from care_team_patient p where p.staff_id = ? and p.step = c.step
                  order by p.updated_at desc, p.mrn limit ?
                ) t
                order by t.step, t.updated_at desc, t.mrn""")
                .params(actor.staffId(), actor.staffId(), perStep)
                .query((rs, n) -> {
                    PatientSummary p = SUMMARY.mapRow(rs, n);
                    groups.get(p.step()).add(p);
                    counts.put(p.step(), rs.getInt("in_step"));
                    return p;
                })
                .list();
        Dashboard dashboard = new Dashboard(groups, counts);
        audit.recordEach(
                actor,
                groups.values().stream()
                        .flatMap(List::stream)
                        .map(PatientSummary::id)
                        .toList(),
                AuditAction.READ,
                "shown on the dashboard",
                "OK");
        return dashboard;
    }

    /**
     * Moves a patient to another step (clinicians on the team only); the history of steps is kept. Every
     * {@link CareGuard} is asked first: while interventional care is on hold the safety gate refuses any step but
     * "Deferred to mental health" and "Discharged" (audited, nothing stored).
     */
    @Transactional
    public void changeStep(Actor actor, UUID patientId, Step step, String note) {
        OpenChart chart =
                access.open(actor, patientId, Purpose.write("move to \"" + step.label() + "\""), Permission.MOVE_STEP);
        PatientSummary patient = summary(patientId);
        requireStep(actor, patientId, step, "move the patient to \"" + step.label() + "\"");
        move(patientId, step, note, actor.username());
        chart.audit(AuditAction.UPDATE, "step " + patient.step().label() + " -> " + step.label());
    }

    /**
     * Asks every {@link CareGuard} whether the patient may move to {@code target}; a refusal is audited and thrown.
     * Services that move the patient as the result of another action (signing the evaluation or the plan) call it
     * before they store anything, so a refused action leaves nothing behind.
     */
    public void requireStep(Actor actor, UUID patientId, Step target, String action) {
        guards.orderedStream().forEach(g -> g.requireStep(actor, patientId, target, action));
    }

    /** Whether every {@link CareGuard} lets the patient move to {@code target} now (not audited). */
    public boolean allowsStep(UUID patientId, Step target) {
        return guards.orderedStream().allMatch(g -> g.allowsStep(patientId, target));
    }

    /** The steps the patient may be moved to now, in order (what the chart's step control offers). */
    public List<Step> openSteps(UUID patientId) {
        List<java.util.function.Predicate<Step>> allowed =
                guards.orderedStream().map(g -> g.stepsAllowed(patientId)).toList();
        return java.util.Arrays.stream(Step.values())
                .filter(s -> allowed.stream().allMatch(a -> a.test(s)))
                .toList();
    }

    /**
     * A move that another module's rule makes inside its own transaction: the safety protocol defers the patient
     * to mental health when it raises an alert. The action that triggered it was checked by its caller; the move
     * is kept in the step history with its reason and audited. Nothing happens when the patient is already there.
     */
    @Transactional
    public void moveByRule(UUID patientId, Step step, String note, String by, String byRole, String address) {
        PatientSummary patient = summary(patientId);
        if (patient.step() == step) {
            return;
        }
        move(patientId, step, note, by);
        audit.record(
                by,
                byRole,
                patientId,
                AuditAction.UPDATE,
                "step " + patient.step().label() + " -> " + step.label() + " (" + note + ")",
                "OK",
                address);
    }

    private void move(UUID patientId, Step step, String note, String by) {
        insertStep(patientId, step, note, by);
        jdbc.sql("update patient_summary set step = ?, updated_at = ? where patient_id = ?")
                .params(step.name(), Timestamp.from(clock.instant()), patientId)
                .update();
    }

    /**
     * Patients who may be the person a new referral is about: the same family name, given name(s) and date of birth
     * (ignoring case and surrounding spaces), or the same record number from the same referring practice.
     */
    @Transactional(readOnly = true)
    public List<PatientSummary> possibleDuplicates(Demographics d, String source, String sourceRecordNumber) {
        return jdbc.sql("""
                select s.* from patient_summary s
                where (lower(s.family_name) = lower(:family) and lower(s.given_name) = lower(:given)
                       and s.birth_date = :birth)
                   or exists (select 1 from patient_source_identifier i where i.patient_id = s.patient_id
                              and lower(i.source) = lower(:source) and i.identifier = :number)
                order by s.mrn limit 20""")
                .param("family", d.familyName().strip())
                .param("given", d.givenName().strip())
                .param("birth", d.birthDate())
                .param("source", source == null ? "" : source.strip())
                .param("number", sourceRecordNumber == null ? "" : sourceRecordNumber.strip())
                .query(SUMMARY)
                .list();
    }

    /** The record numbers referring practices gave this patient: source -> number (for the chart's header). */
    @PlainRead
    public Map<String, String> sourceRecordNumbers(UUID patientId) {
        Map<String, String> numbers = new java.util.LinkedHashMap<>();
        jdbc.sql("select source, identifier from patient_source_identifier where patient_id = ? order by recorded_at")
                .param(patientId)
                .query((rs, n) -> Map.entry(rs.getString("source"), rs.getString("identifier")))
                .list()
                .forEach(e -> numbers.put(e.getKey(), e.getValue()));
        return numbers;
    }

    /** Identity of a patient (no clinical content), or 404. */
    @Transactional(readOnly = true)
    public PatientSummary summary(UUID patientId) {
        return jdbc.sql(SUMMARY_OF).param(patientId).query(SUMMARY).optional().orElseThrow(() -> noSuch(patientId));
    }

    private static final String SUMMARY_OF = "select * from patient_summary where patient_id = ?";

    /** {@link #summary} as one of several reads sent together; the patient is checked to exist when they run. */
    Reads.Read<List<PatientSummary>> summary(Reads reads, UUID patientId) {
        return reads.query(SUMMARY_OF, SUMMARY, patientId);
    }

    static NotFoundException noSuch(UUID patientId) {
        return new NotFoundException("No patient with id " + patientId);
    }

    /**
     * Identity (name, birth date, record number) by record number, for the admin's team management and audit
     * filter. No clinical content; the lookup is audited.
     */
    @Transactional(readOnly = true)
    public Optional<PatientSummary> findByMrn(Actor actor, String mrn) {
        Optional<PatientSummary> found = jdbc.sql("select * from patient_summary where mrn = ?")
                .param(mrn)
                .query(SUMMARY)
                .optional();
        audit.record(
                actor,
                found.map(PatientSummary::id).orElse(null),
                AuditAction.SEARCH,
                "lookup by record number " + mrn,
                found.isPresent() ? "OK" : "NOT FOUND");
        return found;
    }

    /** Identities of several patients, for reports that list them. */
    @Transactional(readOnly = true)
    public Map<UUID, PatientSummary> identities(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("select * from patient_summary where patient_id in (:ids)")
                .param("ids", ids)
                .query(SUMMARY)
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(PatientSummary::id, p -> p));
    }

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("select count(*) from patient").query(Long.class).single();
    }

    List<StepChange> steps(UUID patientId) {
        return jdbc.sql(STEPS_OF).param(patientId).query(STEPS).list();
    }

    /** {@link #steps} as one of several reads sent together. */
    Reads.Read<List<StepChange>> steps(Reads reads, UUID patientId) {
        return reads.query(STEPS_OF, STEPS, patientId);
    }

    private static final String STEPS_OF =
            "select step, note, at, by_actor from patient_step where patient_id = ? order by at desc, id desc";
    private static final RowMapper<StepChange> STEPS = (rs, n) -> new StepChange(
            Step.valueOf(rs.getString("step")),
            rs.getString("note"),
            rs.getTimestamp("at").toInstant(),
            rs.getString("by_actor"));

    private void insertStep(UUID patientId, Step step, String note, String by) {
        jdbc.sql("insert into patient_step (patient_id, step, note, at, by_actor) values (?, ?, ?, ?, ?)")
                .params(patientId, step.name(), note, Timestamp.from(clock.instant()), by)
                .update();
    }

    /** The dashboard: the actor's patients by step. */
    public record Dashboard(Map<Step, List<PatientSummary>> groups, Map<Step, Integer> counts) {

        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
