package org.relief.fhir.bulk;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import jakarta.annotation.PreDestroy;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.relief.careteam.Actor;
import org.relief.careteam.CareTeams;
import org.relief.careteam.StaffDirectory;
import org.relief.fhir.FhirExport;
import org.relief.fhir.Outcomes;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.relief.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * FHIR Bulk Data export ({@code $export}), asynchronous: a job reads each patient's {@code $everything} (so every
 * chart read is access-checked and audited as the token's staff member) and writes one ndjson file per resource
 * type in a temporary folder. The patients are those on the staff member's care teams (break-glass grants are not
 * exports), or for a Group, those of one staff member's care teams that the token's staff member may also see.
 *
 * <p>Jobs live in this node's memory and its temporary folder: a restart forgets them (the client starts again),
 * and behind a load balancer the status and files must be asked of the node that took the kick-off. Jobs run one at
 * a time, so an export never takes more than one core. A job and its files stay until the client deletes it or the
 * node stops.
 */
@Service
public class BulkExport {

    private static final Logger log = LoggerFactory.getLogger(BulkExport.class);

    /** The state of one export job. */
    public enum State { QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    /** One output file of a finished job. */
    public record Output(String type, long count) {
    }

    /** A job as its owner sees it. */
    public record Job(UUID id, UUID tokenId, String request, Instant startedAt, State state, int patientsDone,
            int patients, List<Output> outputs, List<String> errors, String failure) {
    }

    private final FhirContext fhir;
    private final FhirExport export;
    private final CareTeams teams;
    private final StaffDirectory staff;
    private final Map<UUID, Running> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fhir-bulk-export");
        t.setDaemon(true);
        return t;
    });

    BulkExport(FhirContext fhir, FhirExport export, CareTeams teams, StaffDirectory staff) {
        this.fhir = fhir;
        this.export = export;
        this.teams = teams;
        this.staff = staff;
    }

    /**
     * Starts an export of the patients {@code actor} may see ({@code groupStaffId} null), or of those of one staff
     * member's care teams among them; {@code types} limits the resource types (empty: all).
     */
    public UUID start(Actor actor, UUID tokenId, String request, UUID groupStaffId, Set<String> types) {
        for (String t : types) {
            if (!t.equals("Patient") && !FhirExport.PATIENT_TYPES.contains(t) && !t.equals("CareTeam")
                    && !t.equals("Practitioner")) {
                throw new InvalidInputException(List.of(new FieldProblem("_type", "Relief exports no " + t)));
            }
        }
        Set<UUID> patients = new java.util.TreeSet<>(teams.patientsOf(actor.staffId()));
        if (groupStaffId != null) {
            staff.find(groupStaffId).orElseThrow(() -> new NotFoundException("No Group " + groupStaffId));
            patients.retainAll(teams.patientsOf(groupStaffId));
        }
        Running job = new Running(UUID.randomUUID(), tokenId, request, Instant.now(), new ArrayList<>(patients),
                types);
        jobs.put(job.id, job);
        runner.submit(() -> run(actor, job));
        return job.id;
    }

    /** The job, if it exists and was started with this token. */
    public Optional<Job> job(UUID tokenId, UUID jobId) {
        Running r = jobs.get(jobId);
        return r == null || !r.tokenId.equals(tokenId) ? Optional.empty() : Optional.of(r.view());
    }

    /** An output file of a finished job (ndjson), if the job is this token's and has that type. */
    public Optional<Path> file(UUID tokenId, UUID jobId, String type) {
        return job(tokenId, jobId).filter(j -> j.state() == State.DONE)
                .filter(j -> j.outputs().stream().anyMatch(o -> o.type().equals(type))
                        || (type.equals("OperationOutcome") && !j.errors().isEmpty()))
                .map(j -> jobs.get(jobId).dir.resolve(type + ".ndjson"));
    }

    /** Cancels a job (if running) and deletes it with its files; false when there is no such job of this token. */
    public boolean delete(UUID tokenId, UUID jobId) {
        if (job(tokenId, jobId).isEmpty()) {
            return false;
        }
        Running r = jobs.remove(jobId);
        r.cancelled = true;
        deleteFiles(r);
        return true;
    }

    private void run(Actor actor, Running job) {
        if (job.cancelled) {
            return;
        }
        job.state = State.RUNNING;
        IParser parser = fhir.newJsonParser();
        Map<String, BufferedWriter> writers = new TreeMap<>();
        Map<String, long[]> counts = new TreeMap<>();
        Set<String> written = new HashSet<>();
        try {
            job.dir = Files.createTempDirectory("relief-export-");
            for (UUID patientId : job.patients) {
                if (job.cancelled) {
                    break;
                }
                List<Resource> resources;
                try {
                    resources = export.everything(actor, patientId);
                } catch (RuntimeException e) {
                    // a chart that closed to this staff member since the kick-off: the others still export
                    job.errors.add("Patient/" + patientId + ": " + e.getMessage());
                    job.done++;
                    continue;
                }
                for (Resource r : resources) {
                    String type = r.fhirType();
                    // practitioners appear in many care teams: each once
                    if ((!job.types.isEmpty() && !job.types.contains(type)) || !written.add(type + "/" + r.getIdPart())) {
                        continue;
                    }
                    BufferedWriter w = writers.computeIfAbsent(type, t -> open(job.dir.resolve(t + ".ndjson")));
                    w.write(parser.encodeResourceToString(r));
                    w.write('\n');
                    counts.computeIfAbsent(type, t -> new long[1])[0]++;
                }
                job.done++;
            }
            for (BufferedWriter w : writers.values()) {
                w.close();
            }
            if (!job.errors.isEmpty()) {
                try (BufferedWriter w = open(job.dir.resolve("OperationOutcome.ndjson"))) {
                    for (String error : job.errors) {
                        w.write(parser.encodeResourceToString(Outcomes.error(
                                org.hl7.fhir.r4.model.OperationOutcome.IssueType.PROCESSING, error)));
                        w.write('\n');
                    }
                }
            }
            job.outputs = counts.entrySet().stream().map(e -> new Output(e.getKey(), e.getValue()[0])).toList();
            job.state = job.cancelled ? State.CANCELLED : State.DONE;
        } catch (IOException | RuntimeException e) {
            log.warn("FHIR export {} failed", job.id, e);
            job.failure = e.toString();
            job.state = State.FAILED;
        } finally {
            writers.values().forEach(w -> {
                try {
                    w.close();
                } catch (IOException ignored) {
                    // already closed or the disk is gone: the job says FAILED or DONE already
                }
            });
            if (job.cancelled) {
                deleteFiles(job);
            }
        }
    }

    private static BufferedWriter open(Path file) {
        try {
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteFiles(Running job) {
        if (job.dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(job.dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete export files in {}: {}", job.dir, e.toString());
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
        jobs.values().forEach(j -> {
            j.cancelled = true;
            deleteFiles(j);
        });
    }

    /** The mutable job, written by the runner thread, read by status requests (hence volatile fields). */
    private static final class Running {
        final UUID id;
        final UUID tokenId;
        final String request;
        final Instant startedAt;
        final List<UUID> patients;
        final Set<String> types;
        final List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile State state = State.QUEUED;
        volatile int done;
        volatile Path dir;
        volatile List<Output> outputs = List.of();
        volatile String failure;
        volatile boolean cancelled;

        Running(UUID id, UUID tokenId, String request, Instant startedAt, List<UUID> patients, Set<String> types) {
            this.id = id;
            this.tokenId = tokenId;
            this.request = request;
            this.startedAt = startedAt;
            this.patients = patients;
            this.types = types;
        }

        Job view() {
            return new Job(id, tokenId, request, startedAt, state, done, patients.size(), outputs, List.copyOf(errors),
                    failure);
        }
    }
}
