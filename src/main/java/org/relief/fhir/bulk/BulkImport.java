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

    private static final Set<String> CLINICAL = Set.of("Condition", "MedicationRequest", "MedicationStatement",
            "Procedure", "AllergyIntolerance", "Encounter", "ImagingStudy", "DiagnosticReport", "DocumentReference");

    private final FhirContext fhir;
    private final StaffDirectory staff;
    private final Validation validate;
    private final PatientImport patientImport;
    private final int threads;

    /**
     * How imported resources are checked against FHIR R4: {@code STRUCTURAL} parses each strictly (unknown
     * elements, bad values and malformed primitives fail it: cheap, since every resource is parsed anyway);
     * {@code FULL} adds the HAPI profile validator (cardinalities, invariants, value sets; about 50 times slower);
     * {@code NONE} checks only what the chart itself refuses.
     */
    public enum Validation {
        NONE, STRUCTURAL, FULL;

        static Validation of(String setting) {
            return switch (setting == null ? "" : setting.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "full", "true" -> FULL;
                case "none", "false" -> NONE;
                case "structural", "" -> STRUCTURAL;
                default -> throw new IllegalArgumentException("RELIEF_FHIR_IMPORT_VALIDATE: '" + setting
                        + "' is not one of structural, full, none");
            };
        }
    }

    BulkImport(FhirContext fhir, FhirValidation validation, Patients patients, ChartService charts,
            StaffDirectory staff, SourceMap sourceMap, TransactionTemplate tx, PatientIdentifiers identifiers,
            @Value("${relief.fhir.import.validate:structural}") String validate,
            @Value("${relief.fhir.import.threads:0}") int threads) {
        this.fhir = fhir;
        this.staff = staff;
        this.validate = Validation.of(validate);
        this.patientImport = new PatientImport(fhir, validation, this.validate, patients, charts, sourceMap, tx,
                identifiers);
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** How far an import is: resources done of all, the rate, and the time left at that rate. */
    public record Progress(int done, int total, long perSecond, long secondsLeft) {

        @Override
        public String toString() {
            return done + " / " + total + " resources (" + perSecond + " per second, about " + secondsLeft
                    + " s left)";
        }
    }

    /**
     * The actor an import writes as: the physician who coordinates the imported patients' care (they join each
     * care team, as at a hand registration), named with who started the import so the audit log tells them apart.
     */
    public Actor importer(String startedBy, String physicianUsername, String address) {
        var physician = staff.findByUsername(physicianUsername == null ? "" : physicianUsername.strip())
                .filter(s -> s.role() == Role.PHYSICIAN && s.enabled())
                .orElseThrow(() -> new InvalidInputException(List.of(new FieldProblem("physician",
                        "must be an active interventional pain physician of this clinic"))));
        return new Actor(physician.id(), "import:" + startedBy + " as " + physician.username(), Role.PHYSICIAN,
                address);
    }

    /** Imports every {@code *.ndjson} file of {@code dir}; {@code source} names the sending system (blank: from the data). */
    public ImportReport importFolder(Actor actor, Path dir, String source, Consumer<Progress> progress)
            throws IOException {
        long started = System.nanoTime();
        NdjsonPacket packet = NdjsonPacket.read(fhir, dir, validate != Validation.NONE);
        return importPacket(actor, packet, source, progress, false, started);
    }

    /**
     * Imports a packet (read from a folder, or a transaction Bundle's entries). {@code whole}: nothing is written
     * unless every resource can be (a transaction), which for a packet of one patient is the per-patient guarantee.
     */
    ImportReport importPacket(Actor actor, NdjsonPacket packet, String source, Consumer<Progress> progress,
            boolean whole, long started) {
        ImportReport report = new ImportReport();
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
            } else if (packet.resolve(subject.get()).filter(p -> p.resource() instanceof Patient).isEmpty()) {
                done++;
                report.fail(PatientImport.failure(l, "dangling reference " + subject.get().getReference()
                        + ": no such patient in the packet"));
            } else {
                patientOf.put(l, packet.resolve(subject.get()).get().id());
            }
        }
        long lastReport = 0;
        if (whole && !report.failures().isEmpty()) {
            String because = "the transaction was not applied: " + report.failures().get(0);
            packet.byPatient(patientOf).values()
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
            if (p != null && p.hasValues() && p.getValues().get(0) instanceof Reference ref && ref.hasReference()
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
