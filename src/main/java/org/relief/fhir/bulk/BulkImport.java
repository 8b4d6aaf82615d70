package org.relief.fhir.bulk;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.relief.careteam.Actor;
import org.relief.careteam.Role;
import org.relief.careteam.StaffDirectory;
import org.relief.fhir.FhirValidation;
import org.relief.fhir.PatientIdentifiers;
import org.relief.fhir.bulk.NdjsonPacket.Line;
import org.relief.patient.ChartService;
import org.relief.patient.Patients;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a folder of FHIR Bulk Data ndjson into charts. Each patient is one transaction ({@link PatientImport}):
 * all of their resources Relief keeps are written, or none (a resource of theirs that fails, fails the patient, and
 * the report says which one and why). Idempotent by source system + resource type + id ({@link SourceMap}): a
 * resource whose {@link ContentHash} is on file changes nothing, a changed one becomes a new version. Unknown types
 * and codes are skipped with a reason, never an error. This class reads the packet, finds each resource's patient,
 * and runs the patients' imports side by side, reporting progress.
 */
@Service
public class BulkImport {
    // Why over 300 lines: the threaded import's orchestration (batches, progress, limits, report); the reading and
    // writing are in FolderPacket and PatientImport.

    private static final Set<String> CLINICAL = Set.of(
            "Condition",
            "MedicationRequest",
            "MedicationStatement",
            "Procedure",
            "AllergyIntolerance",
            "Encounter",
            "ImagingStudy",
            "DiagnosticReport",
            "DocumentReference");

    private final FhirContext fhir;
    private final StaffDirectory staff;
    private final Validation validate;
    private final PatientImport patientImport;
    private final int threads;
    private final FolderPacket.Limits limits;
    private final int batchKb;

    /**
     * How imported resources are checked against FHIR R4: {@code STRUCTURAL} parses each strictly (unknown
     * elements, bad values and malformed primitives fail it: cheap, since every resource is parsed anyway);
     * {@code FULL} adds the HAPI profile validator (cardinalities, invariants, value sets; about 50 times slower);
     * {@code NONE} checks only what the chart itself refuses.
     */
    public enum Validation {
        NONE,
        STRUCTURAL,
        FULL;

        static Validation of(String setting) {
            return switch (setting == null ? "" : setting.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "full", "true" -> FULL;
                case "none", "false" -> NONE;
                case "structural", "" -> STRUCTURAL;
                default ->
                    throw new IllegalArgumentException(
                            "RELIEF_FHIR_IMPORT_VALIDATE: '" + setting + "' is not one of structural, full, none");
            };
        }
    }

    BulkImport(
            FhirContext fhir,
            FhirValidation validation,
            Patients patients,
            ChartService charts,
            StaffDirectory staff,
            SourceMap sourceMap,
            TransactionTemplate tx,
            PatientIdentifiers identifiers,
            @Value("${relief.fhir.import.validate:structural}") String validate,
            @Value("${relief.fhir.import.threads:0}") int threads,
            @Value("${relief.fhir.import.max-resource-size:8MB}") org.springframework.util.unit.DataSize maxResource,
            @Value("${relief.fhir.import.max-patient-size:32MB}") org.springframework.util.unit.DataSize maxPatient,
            @Value("${relief.fhir.import.batch-size:8MB}") org.springframework.util.unit.DataSize batch) {
        this.fhir = fhir;
        this.limits = new FolderPacket.Limits(
                (int) Math.min(Integer.MAX_VALUE - 16, maxResource.toBytes()), maxPatient.toBytes());
        this.batchKb = (int) Math.max(1, Math.min(Integer.MAX_VALUE, batch.toKilobytes()));
        this.staff = staff;
        this.validate = Validation.of(validate);
        this.patientImport =
                new PatientImport(fhir, validation, this.validate, patients, charts, sourceMap, tx, identifiers);
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** How far an import is: resources done of all, the rate, and the time left at that rate. */
    public record Progress(int done, int total, long perSecond, long secondsLeft) {

        @Override
        public String toString() {
            return done + " / " + total + " resources (" + perSecond + " per second, about " + secondsLeft + " s left)";
        }
    }

    /**
     * The actor an import writes as: the physician who coordinates the imported patients' care (they join each
     * care team, as at a hand registration), named with who started the import so the audit log tells them apart.
     */
    public Actor importer(String startedBy, String physicianUsername, String address) {
        var physician = staff.findByUsername(physicianUsername == null ? "" : physicianUsername.strip())
                .filter(s -> s.role() == Role.PHYSICIAN && s.enabled())
                .orElseThrow(() -> new InvalidInputException(List.of(new FieldProblem(
                        "physician", "must be an active interventional pain physician of this clinic"))));
        return new Actor(
                physician.id(), "import:" + startedBy + " as " + physician.username(), Role.PHYSICIAN, address);
    }

    /**
     * Imports every {@code *.ndjson} file of {@code dir}; {@code source} names the sending system (blank: from the
     * data). The folder is streamed, never read whole ({@link FolderPacket}): a first pass indexes it, then patients
     * are read back, checked and written a few at a time, at most {@code relief.fhir.import.batch-size} of ndjson in
     * memory at once (and one patient, however large, up to {@code relief.fhir.import.max-patient-size}). So memory
     * does not grow with the packet but for its index (about 2.5 MB per 100,000 resources).
     */
    public ImportReport importFolder(Actor actor, Path dir, String source, Consumer<Progress> progress)
            throws IOException {
        long started = System.nanoTime();
        ImportReport report = new ImportReport(false);
        try (FolderPacket packet = FolderPacket.index(fhir, dir, limits, report, (type, id, file, line) -> {
            if (CLINICAL.contains(type)) {
                report.fail(new ImportReport.Failure(type, id, file, line, "no patient reference"));
            } else {
                PatientImport.skip(report, type, file, line, skipReasonWithoutPatient(type));
            }
        })) {
            List<FolderPacket.Group> groups = packet.groups();
            int total = packet.total();
            int inGroups = groups.stream().mapToInt(g -> g.lines().length).sum();
            java.util.concurrent.atomic.AtomicInteger done =
                    new java.util.concurrent.atomic.AtomicInteger(total - inGroups);
            progress.accept(progress(done.get(), total, started, System.nanoTime()));
            importGroups(actor, source, packet, groups, report, done, total, started, progress);
            progress.accept(progress(total, total, started, System.nanoTime()));
        }
        return report;
    }

    /**
     * Imports the patients side by side (each its own transaction) on {@code threads} threads, with at most {@code
     * batchKb} of their ndjson read and parsed at once: a patient waits for room before it is read. A thread that
     * fails unexpectedly (a bug, or memory running out) stops the import with a reason; what was written stays
     * (each patient whole) and running the import again carries on where it stopped (imports are idempotent).
     */
    private void importGroups(
            Actor actor,
            String source,
            FolderPacket packet,
            List<FolderPacket.Group> groups,
            ImportReport report,
            java.util.concurrent.atomic.AtomicInteger done,
            int total,
            long started,
            Consumer<Progress> progress) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.Semaphore room = new java.util.concurrent.Semaphore(batchKb);
        java.util.concurrent.atomic.AtomicReference<Throwable> broken =
                new java.util.concurrent.atomic.AtomicReference<>();
        long[] lastReport = {System.nanoTime()};
        Runnable report1s = () -> {
            long now = System.nanoTime();
            if (now - lastReport[0] > 1_000_000_000L) {
                lastReport[0] = now;
                progress.accept(progress(done.get(), total, started, now));
            }
        };
        try {
            for (FolderPacket.Group group : groups) {
                int kb = (int) Math.min(batchKb, Math.max(1, group.bytes() / 1024));
                while (!room.tryAcquire(kb, 200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    report1s.run();
                    if (broken.get() != null) {
                        break;
                    }
                }
                if (broken.get() != null) {
                    break;
                }
                pool.execute(() -> {
                    try {
                        if (broken.get() == null) {
                            importGroup(actor, source, packet, group, report);
                        }
                    } catch (Throwable t) {
                        broken.compareAndSet(null, t);
                    } finally {
                        done.addAndGet(group.lines().length);
                        room.release(kb);
                    }
                });
                report1s.run();
            }
            pool.shutdown();
            while (!pool.awaitTermination(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                report1s.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        Throwable t = broken.get();
        if (t instanceof OutOfMemoryError) {
            throw new IllegalStateException(
                    "the import ran out of memory and stopped (the patients imported so far "
                            + "are whole; importing again carries on): lower relief.fhir.import.batch-size or "
                            + "relief.fhir.import.max-patient-size, or give Relief more memory",
                    t);
        }
        if (t != null) {
            // importPatient reports every failure of a patient itself: this is a bug, not bad data
            throw new IllegalStateException("import failed: " + t, t);
        }
    }

    /** One patient's group: read back, parsed, imported; or failed whole when it cannot be. */
    private void importGroup(
            Actor actor, String source, FolderPacket packet, FolderPacket.Group group, ImportReport report)
            throws IOException {
        if (!group.present()) {
            for (int line : group.lines()) {
                report.fail(packet.failure(
                        line, "dangling reference Patient/" + group.patientId() + ": no such patient in the packet"));
            }
            return;
        }
        if (group.bytes() > packet.maxPatientBytes()) {
            String why = "patient " + group.patientId() + " not imported: their " + group.lines().length
                    + " resources take " + group.bytes() / (1024 * 1024) + " MB, more than one patient may ("
                    + FolderPacket.mb(packet.maxPatientBytes()) + ", relief.fhir.import.max-patient-size)";
            for (int line : group.lines()) {
                report.fail(packet.failure(line, why));
            }
            return;
        }
        List<Line> lines = new ArrayList<>(group.lines().length);
        for (int line : group.lines()) {
            Object read = packet.read(line, validate != Validation.NONE);
            if (read instanceof Line l) {
                lines.add(l);
            } else if (read instanceof ImportReport.Failure f) {
                report.fail(f);
            }
        }
        if (lines.stream().noneMatch(l -> l.resource() instanceof Patient)) {
            String why = "patient " + group.patientId() + " not imported: their Patient resource could not be read";
            lines.forEach(l -> report.fail(PatientImport.failure(l, why)));
            return;
        }
        patientImport.importPatient(actor, source, packet, lines, report);
    }

    /**
     * Imports a transaction Bundle's entries: nothing is written unless every resource can be (a transaction),
     * which for a packet of one patient is the per-patient guarantee. The Bundle is one request, held in memory.
     */
    ImportReport importPacket(
            Actor actor, NdjsonPacket packet, String source, Consumer<Progress> progress, boolean whole, long started) {
        ImportReport report = new ImportReport(true);
        packet.unreadable().forEach(report::fail);
        int total = packet.size();
        int done = packet.unreadable().size();

        Map<Line, String> patientOf = new HashMap<>();
        for (Line l : packet.lines()) {
            if (l.resource() instanceof Patient) {
                patientOf.put(l, l.id());
                continue;
            }
            Optional<Reference> subject = patientReference(l.resource());
            if (subject.isEmpty()) {
                done++;
                if (CLINICAL.contains(l.type())) {
                    report.fail(PatientImport.failure(l, "no patient reference"));
                } else {
                    PatientImport.skip(report, l, skipReasonWithoutPatient(l.type()));
                }
            } else if (packet.resolve(subject.get())
                    .filter(p -> p.resource() instanceof Patient)
                    .isEmpty()) {
                done++;
                report.fail(PatientImport.failure(
                        l, "dangling reference " + subject.get().getReference() + ": no such patient in the packet"));
            } else {
                patientOf.put(l, packet.resolve(subject.get()).get().id());
            }
        }
        long lastReport = 0;
        if (whole && !report.failures().isEmpty()) {
            String because =
                    "the transaction was not applied: " + report.failures().get(0);
            packet.byPatient(patientOf)
                    .values()
                    .forEach(g -> g.forEach(l -> report.fail(PatientImport.failure(l, because))));
            return report;
        }
        // patients are independent (each its own transaction), so several are checked and written at once; the
        // progress is reported from this thread as they finish, in order
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Integer>> pending = new ArrayList<>();
            for (List<Line> group : packet.byPatient(patientOf).values()) {
                pending.add(pool.submit(() -> {
                    patientImport.importPatient(actor, source, packet, group, report);
                    return group.size();
                }));
            }
            for (var f : pending) {
                done += f.get();
                long now = System.nanoTime();
                if (now - lastReport > 1_000_000_000L) {
                    lastReport = now;
                    progress.accept(progress(done, total, started, now));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            // importPatient reports every failure of a patient itself: this is a bug, not bad data
            throw new IllegalStateException("import failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        progress.accept(progress(total, total, started, System.nanoTime()));
        return report;
    }

    private static Progress progress(int done, int total, long started, long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        long rate = Math.round(done / seconds);
        return new Progress(done, total, rate, rate == 0 ? 0 : Math.round((total - done) / (double) rate));
    }

    private static Optional<Reference> patientReference(Resource r) {
        for (String name : List.of("subject", "patient")) {
            Property p = r.getNamedProperty(name);
            if (p != null
                    && p.hasValues()
                    && p.getValues().get(0) instanceof Reference ref
                    && ref.hasReference()
                    && ref.getReference().startsWith("Patient/")) {
                return Optional.of(ref);
            }
        }
        return Optional.empty();
    }

    private static String skipReasonWithoutPatient(String type) {
        return switch (type) {
            case "Practitioner", "Organization" -> "reference data: names the referring clinician and practice";
            case "Location", "PractitionerRole" -> "reference data: not kept";
            default -> "Relief does not keep " + type + " resources";
        };
    }
}
