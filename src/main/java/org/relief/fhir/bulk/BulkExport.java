package org.relief.fhir.bulk;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.careteam.CareTeams;
import org.relief.careteam.Role;
import org.relief.careteam.StaffDirectory;
import org.relief.fhir.FhirExport;
import org.relief.fhir.Outcomes;
import org.relief.shared.FieldProblem;
import org.relief.shared.ForbiddenException;
import org.relief.shared.InternalErrors;
import org.relief.shared.InvalidInputException;
import org.relief.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * FHIR Bulk Data export ({@code $export}), asynchronous, kept in the database ({@code fhir_export_job},
 * {@code fhir_export_part}) so that every node of the clinic answers a job's status and serves its files, whichever
 * node took the kick-off or ran it. A job reads each patient's {@code $everything} (so every chart read is
 * access-checked and audited as the token's staff member) and writes one part per patient and resource type; a
 * file is the parts of one type in order. The patients are those on the staff member's care teams (break-glass
 * grants are not exports), or for a Group, those of one staff member's care teams that the token's staff member may
 * also see; with {@code _since}, only resources recorded after that instant ({@code meta.lastUpdated}).
 *
 * <p>Every node polls for work and runs one job at a time (so an export never takes more than one core per node);
 * a job is claimed with a row lock, so two nodes never run the same one. <b>The restart rule:</b> a running job
 * sends a heartbeat with each patient it writes (the patient's parts and the progress in one transaction). A node
 * that stops cleanly hands its job back (queued, attempt not counted); a job whose node died (no heartbeat for
 * {@code relief.fhir.export.stale-after}, 60 s by default) is taken up by the next node that polls and resumes at
 * the first patient not yet written, nothing written twice. A job that was taken up {@value #MAX_ATTEMPTS} times
 * fails with the reason (the status then answers 500 with it). A job and its files are deleted when the client
 * deletes it, or {@code relief.fhir.export.keep} (24 h by default) after it ended.
 */
@Service
public class BulkExport implements SmartLifecycle {
    // Why over 300 lines: the $export job's life across nodes (claim, heartbeat, resume, parts, expiry) in one place,
    // since each step depends on the others.

    private static final Logger log = LoggerFactory.getLogger(BulkExport.class);

    /** How often a job may be taken up (its first run included) before it fails. */
    static final int MAX_ATTEMPTS = 3;

    /** The state of one export job. */
    public enum State {
        QUEUED,
        RUNNING,
        DONE,
        FAILED
    }

    /** One output file of a finished job. */
    public record Output(String type, long count) {}

    /** A job as its owner sees it; {@code errors} counts the patients that could not be exported. */
    public record Job(
            UUID id,
            UUID tokenId,
            String request,
            Instant startedAt,
            State state,
            int patientsDone,
            int patients,
            List<Output> outputs,
            long errors,
            String failure,
            Instant finishedAt) {}

    /** One stored part of a file: its ndjson lines and whose they are (null: no patient's). */
    public record Part(UUID patientId, String ndjson) {}

    private final FhirContext fhir;
    private final FhirExport export;
    private final CareTeams teams;
    private final StaffDirectory staff;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Duration staleAfter;
    private final Duration keep;
    private final boolean worker;
    /** This process among the clinic's nodes: a job's runner. */
    private final String node = UUID.randomUUID().toString();

    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fhir-bulk-export");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopping;
    private volatile boolean running;

    BulkExport(
            FhirContext fhir,
            FhirExport export,
            CareTeams teams,
            StaffDirectory staff,
            JdbcClient jdbc,
            TransactionTemplate tx,
            AuditLog audit,
            @Value("${relief.fhir.export.stale-after:60s}") Duration staleAfter,
            @Value("${relief.fhir.export.keep:24h}") Duration keep,
            @Value("${relief.fhir.export.worker:true}") boolean worker) {
        this.fhir = fhir;
        this.export = export;
        this.teams = teams;
        this.staff = staff;
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.staleAfter = staleAfter;
        this.keep = keep;
        this.worker = worker;
    }

    /**
     * Starts an export of the patients {@code actor} may see ({@code groupStaffId} null), or of those of one staff
     * member's care teams among them; {@code types} limits the resource types (empty: all); {@code since} (null:
     * everything) limits them to what was recorded after it.
     */
    public UUID start(Actor actor, UUID tokenId, String request, UUID groupStaffId, Set<String> types, Instant since) {
        for (String t : types) {
            if (!t.equals("Patient")
                    && !FhirExport.PATIENT_TYPES.contains(t)
                    && !t.equals("CareTeam")
                    && !t.equals("Practitioner")) {
                throw new InvalidInputException(List.of(new FieldProblem("_type", "Relief exports no " + t)));
            }
        }
        Set<UUID> patients = new TreeSet<>(teams.patientsOf(actor.staffId()));
        if (groupStaffId != null) {
            staff.find(groupStaffId).orElseThrow(() -> new NotFoundException("No Group " + groupStaffId));
            patients.retainAll(teams.patientsOf(groupStaffId));
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into fhir_export_job (id, token_id, actor_staff_id, actor_name, actor_role, actor_address,
                                             request, group_staff_id, types, since, patients, state, requested_at)
                values (:id, :token, :staff, :name, :role, :address, :request, :group, :types, :since,
                        :patients::uuid[], 'QUEUED', :at)""")
                .param("id", id)
                .param("token", tokenId)
                .param("staff", actor.staffId())
                .param("name", actor.username())
                .param("role", actor.role().name())
                .param("address", actor.address())
                .param("request", request)
                .param("group", groupStaffId)
                .param("types", String.join(",", new TreeSet<>(types)))
                .param("since", since == null ? null : Timestamp.from(since))
                .param("patients", patients.stream().map(UUID::toString).toArray(String[]::new))
                .param("at", Timestamp.from(Instant.now()))
                .update();
        if (worker && !stopping) {
            runner.execute(this::work);
        }
        return id;
    }

    /** The job, if it exists and was started with this token (on whichever node). */
    public Optional<Job> job(UUID tokenId, UUID jobId) {
        return jdbc.sql("""
                select id, token_id, request, requested_at, state, patients_done, cardinality(patients) as patients,
                       error, finished_at
                from fhir_export_job where id = ? and token_id = ?""")
                .params(jobId, tokenId)
                .query((rs, n) -> new Job(
                        rs.getObject("id", UUID.class),
                        rs.getObject("token_id", UUID.class),
                        rs.getString("request"),
                        rs.getTimestamp("requested_at").toInstant(),
                        State.valueOf(rs.getString("state")),
                        rs.getInt("patients_done"),
                        rs.getInt("patients"),
                        List.of(),
                        0,
                        rs.getString("error"),
                        instant(rs.getTimestamp("finished_at"))))
                .optional()
                .map(j -> j.state() != State.DONE ? j : withOutputs(j));
    }

    private Job withOutputs(Job j) {
        List<Output> outputs = new ArrayList<>();
        long[] errors = {0};
        jdbc.sql("""
                select type, sum(resources) as n from fhir_export_part where job_id = ? group by type order by type""")
                .param(j.id())
                .query((rs, n) -> {
                    if (rs.getString("type").equals("OperationOutcome")) {
                        errors[0] = rs.getLong("n");
                    } else {
                        outputs.add(new Output(rs.getString("type"), rs.getLong("n")));
                    }
                    return null;
                })
                .list();
        return new Job(
                j.id(),
                j.tokenId(),
                j.request(),
                j.startedAt(),
                j.state(),
                j.patientsDone(),
                j.patients(),
                outputs,
                errors[0],
                j.failure(),
                j.finishedAt());
    }

    /**
     * Opens one file of a finished job of this token ({@code type}: a resource type, or OperationOutcome for the
     * errors) for download, and audits it: one row per patient whose resources the file holds (one row without a
     * patient for a file that holds none). False when there is no such file.
     */
    public boolean open(Actor actor, UUID tokenId, UUID jobId, String type) {
        Optional<Job> job = job(tokenId, jobId).filter(j -> j.state() == State.DONE);
        if (job.isEmpty() || !hasFile(jobId, type)) {
            return false;
        }
        List<UUID> patients =
                jdbc.sql("""
                select distinct patient_id from fhir_export_part
                where job_id = ? and type = ? and patient_id is not null""").params(jobId, type).query(UUID.class).list();
        String what = "FHIR bulk export file " + type + ".ndjson of export " + jobId;
        if (patients.isEmpty()) {
            audit.record(actor.username(), actor.role().name(), null, AuditAction.READ, what, "OK", actor.address());
        }
        for (UUID p : patients) {
            audit.record(actor.username(), actor.role().name(), p, AuditAction.READ, what, "OK", actor.address());
        }
        return true;
    }

    /** Hands the parts of one file to {@code sink} in order, a page at a time (memory stays small). */
    public void parts(UUID jobId, String type, Consumer<Part> sink) {
        long after = 0;
        while (true) {
            long[] last = {after};
            List<Part> page = jdbc.sql("""
                    select seq, patient_id, ndjson from fhir_export_part where job_id = ? and type = ? and seq > ?
                    order by seq limit 100""")
                    .params(jobId, type, after)
                    .query((rs, n) -> {
                        last[0] = rs.getLong("seq");
                        return new Part(rs.getObject("patient_id", UUID.class), rs.getString("ndjson"));
                    })
                    .list();
            page.forEach(sink);
            if (page.size() < 100) {
                return;
            }
            after = last[0];
        }
    }

    /** The size in bytes of one file of a job (its parts' UTF-8 text). */
    public long size(UUID jobId, String type) {
        return jdbc.sql("""
                select coalesce(sum(octet_length(ndjson)), 0) from fhir_export_part where job_id = ? and type = ?""").params(jobId, type).query(Long.class).single();
    }

    private boolean hasFile(UUID jobId, String type) {
        return jdbc.sql("select exists (select 1 from fhir_export_part where job_id = ? and type = ?)")
                .params(jobId, type)
                .query(Boolean.class)
                .single();
    }

    /**
     * Deletes a job with its files (a running job stops at its next patient); false when there is no such job of
     * this token.
     */
    public boolean delete(UUID tokenId, UUID jobId) {
        return jdbc.sql("delete from fhir_export_job where id = ? and token_id = ?")
                        .params(jobId, tokenId)
                        .update()
                == 1;
    }

    /** Runs the jobs there are, one after another: queued ones, and those whose node stopped sending heartbeats. */
    void work() {
        try {
            expire();
            while (!stopping) {
                Optional<Claimed> job = claim();
                if (job.isEmpty()) {
                    return;
                }
                run(job.get());
            }
        } catch (RuntimeException e) {
            // the database is away or this node is stopping: the next poll tries again
            log.warn("FHIR export poll failed: {}", e.toString());
        }
    }

    /** A job this node runs now. */
    private record Claimed(
            UUID id,
            Actor actor,
            UUID tokenId,
            Set<String> types,
            Instant since,
            List<UUID> patients,
            int done,
            int attempts) {}

    private Optional<Claimed> claim() {
        // a job taken up too often fails rather than run again
        jdbc.sql("""
                update fhir_export_job set state = 'FAILED', finished_at = now(), runner = null,
                       error = 'the export stopped ' || attempts || ' times with the node running it; it is not '
                               || 'tried again: start a new export'
                where state = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :stale)
                  and attempts >= :max""")
                .param("stale", staleAfter.toMillis() / 1000.0)
                .param("max", MAX_ATTEMPTS)
                .update();
        return jdbc.sql("""
                update fhir_export_job set state = 'RUNNING', runner = :node, heartbeat_at = now(),
                       attempts = attempts + 1
                where id = (select id from fhir_export_job
                            where state = 'QUEUED'
                               or (state = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :stale))
                            order by requested_at limit 1 for update skip locked)
                returning id, token_id, actor_staff_id, actor_name, actor_role, actor_address, types, since,
                          patients, patients_done, attempts""")
                .param("node", node)
                .param("stale", staleAfter.toMillis() / 1000.0)
                .query((rs, n) -> new Claimed(
                        rs.getObject("id", UUID.class),
                        new Actor(
                                rs.getObject("actor_staff_id", UUID.class),
                                rs.getString("actor_name"),
                                Role.valueOf(rs.getString("actor_role")),
                                rs.getString("actor_address")),
                        rs.getObject("token_id", UUID.class),
                        rs.getString("types").isEmpty()
                                ? Set.of()
                                : Set.of(rs.getString("types").split(",")),
                        instant(rs.getTimestamp("since")),
                        Arrays.stream((Object[]) rs.getArray("patients").getArray())
                                .map(o -> (UUID) o)
                                .toList(),
                        rs.getInt("patients_done"),
                        rs.getInt("attempts")))
                .optional();
    }

    /** One part to write: a patient's (or no patient's) resources of one type, as ndjson. */
    private record Written(String type, UUID patientId, int count, String ndjson) {}

    /** Thrown when this node no longer holds the job (deleted by its client, or taken over): it stops quietly. */
    private static final class Lost extends RuntimeException {
        Lost() {
            super(null, null, false, false);
        }
    }

    private void run(Claimed job) {
        IParser parser = fhir.newJsonParser();
        try {
            if (!tokenActive(job.tokenId())) {
                end(job.id(), State.FAILED, "the API token that started the export was revoked");
                return;
            }
            if (job.done() > 0) {
                log.info(
                        "FHIR export {} resumed at patient {} of {} (attempt {})",
                        job.id(),
                        job.done() + 1,
                        job.patients().size(),
                        job.attempts());
            }
            // practitioners appear on many care teams: each is written once per job (a resumed job reads which)
            Set<String> practitioners = new HashSet<>();
            jdbc.sql("select ndjson from fhir_export_part where job_id = ? and type = 'Practitioner'")
                    .param(job.id())
                    .query(String.class)
                    .list()
                    .forEach(nd -> nd.lines()
                            .filter(l -> !l.isBlank())
                            .forEach(l -> practitioners.add(
                                    parser.parseResource(l).getIdElement().getIdPart())));
            for (int i = job.done(); i < job.patients().size(); i++) {
                if (stopping) {
                    return; // handed back in stop()
                }
                UUID patientId = job.patients().get(i);
                List<Written> parts = new ArrayList<>();
                try {
                    Map<String, StringBuilder> byType = new LinkedHashMap<>();
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    Set<String> seen = new HashSet<>();
                    for (Resource r : export.everything(job.actor(), patientId)) {
                        String type = r.fhirType();
                        if ((!job.types().isEmpty() && !job.types().contains(type))
                                || !changedSince(r, job.since())
                                || !seen.add(type + "/" + r.getIdPart())
                                || (type.equals("Practitioner") && practitioners.contains(r.getIdPart()))) {
                            continue;
                        }
                        byType.computeIfAbsent(type, t -> new StringBuilder())
                                .append(parser.encodeResourceToString(r))
                                .append('\n');
                        counts.merge(type, 1, Integer::sum);
                    }
                    byType.forEach((type, nd) -> parts.add(new Written(
                            type, type.equals("Practitioner") ? null : patientId, counts.get(type), nd.toString())));
                } catch (RuntimeException e) {
                    // a chart that closed to this staff member since the kick-off: the others still export. A
                    // refusal says why in words; anything else (a database error) only its logged reference
                    String why = e instanceof ForbiddenException || e instanceof NotFoundException
                            ? e.getMessage()
                            : InternalErrors.sentence(InternalErrors.log(
                                    log, "FHIR export " + job.id() + " could not export patient " + patientId, e));
                    String line = parser.encodeResourceToString(
                            Outcomes.error(OperationOutcome.IssueType.PROCESSING, "Patient/" + patientId + ": " + why));
                    parts.add(new Written("OperationOutcome", null, 1, line + "\n"));
                }
                int next = i + 1;
                tx.executeWithoutResult(s -> {
                    // progress and heartbeat first: a job deleted or taken over meanwhile gets nothing more
                    int held = jdbc.sql("""
                            update fhir_export_job set patients_done = ?, heartbeat_at = now()
                            where id = ? and runner = ? and state = 'RUNNING'""").params(next, job.id(), node).update();
                    if (held != 1) {
                        throw new Lost();
                    }
                    for (Written p : parts) {
                        jdbc.sql("""
                                insert into fhir_export_part (job_id, type, patient_id, resources, ndjson)
                                values (?, ?, ?, ?, ?)""")
                                .params(job.id(), p.type(), p.patientId(), p.count(), p.ndjson())
                                .update();
                    }
                });
                parts.stream()
                        .filter(p -> p.type().equals("Practitioner"))
                        .forEach(p -> p.ndjson()
                                .lines()
                                .filter(l -> !l.isBlank())
                                .forEach(l -> practitioners.add(
                                        parser.parseResource(l).getIdElement().getIdPart())));
            }
            end(job.id(), State.DONE, null);
        } catch (Lost e) {
            log.info("FHIR export {} is no longer this node's (deleted or taken over): stopped", job.id());
        } catch (RuntimeException e) {
            if (stopping) {
                return; // the node is going down mid-patient: handed back in stop(), resumed elsewhere
            }
            // the status says so in words, with the reference the detail (maybe a database's, with SQL) is logged under
            end(
                    job.id(),
                    State.FAILED,
                    InternalErrors.sentence(InternalErrors.log(log, "FHIR export " + job.id() + " failed", e)));
        }
    }

    /** Whether a resource was recorded after {@code since} (null: always); one with no record time is included. */
    static boolean changedSince(Resource r, Instant since) {
        return since == null
                || !r.getMeta().hasLastUpdated()
                || r.getMeta().getLastUpdated().toInstant().isAfter(since);
    }

    private boolean tokenActive(UUID tokenId) {
        return jdbc.sql("select exists (select 1 from fhir_api_token where id = ? and revoked_at is null)")
                .param(tokenId)
                .query(Boolean.class)
                .single();
    }

    private void end(UUID jobId, State state, String error) {
        jdbc.sql("""
                update fhir_export_job set state = ?, error = ?, finished_at = now(), runner = null
                where id = ? and runner = ? and state = 'RUNNING'""").params(state.name(), error, jobId, node).update();
    }

    /** Jobs that ended longer ago than {@code relief.fhir.export.keep} go, with their files. */
    private void expire() {
        jdbc.sql("delete from fhir_export_job where finished_at < now() - make_interval(secs => ?)")
                .param(keep.toSeconds())
                .update();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    // the poll: every node looks for work every 2 s (and at once after a kick-off it took)

    @Override
    public void start() {
        running = true;
        if (worker) {
            runner.scheduleWithFixedDelay(this::work, 2, 2, TimeUnit.SECONDS);
        }
    }

    /** Hands this node's running job back (queued, the attempt not counted) so another node resumes it at once. */
    @Override
    @PreDestroy
    public void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        running = false;
        runner.shutdown();
        try {
            runner.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            int handedBack = jdbc.sql("""
                    update fhir_export_job set state = 'QUEUED', runner = null, attempts = greatest(attempts - 1, 0)
                    where runner = ? and state = 'RUNNING'""").param(node).update();
            if (handedBack > 0) {
                log.info("Handed {} running FHIR export(s) back for another node to resume", handedBack);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Could not hand running FHIR exports back (another node resumes them after {}): {}",
                    staleAfter,
                    e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the database pool closes (the default phase stops late; the pool is closed after). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
