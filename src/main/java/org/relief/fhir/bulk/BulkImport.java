package org.relief.fhir.bulk;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.relief.careteam.Actor;
import org.relief.careteam.Role;
import org.relief.careteam.StaffDirectory;
import org.relief.fhir.FhirValidation;
import org.relief.fhir.bulk.ImportReport.Failure;
import org.relief.fhir.bulk.ImportReport.Status;
import org.relief.fhir.bulk.NdjsonPacket.Line;
import org.relief.fhir.token.ApiTokens;
import org.relief.fhir.translate.AllergyTranslator;
import org.relief.fhir.translate.ConditionTranslator;
import org.relief.fhir.translate.DocumentTranslator;
import org.relief.fhir.translate.EncounterTranslator;
import org.relief.fhir.translate.ImagingTranslator;
import org.relief.fhir.translate.MedicationTranslator;
import org.relief.fhir.translate.PatientTranslator;
import org.relief.fhir.translate.ProcedureTranslator;
import org.relief.fhir.translate.Terminology;
import org.relief.fhir.translate.Translation;
import org.relief.patient.ChartService;
import org.relief.patient.ChartService.ImportedEntry;
import org.relief.patient.Codes.Urgency;
import org.relief.patient.Demographics;
import org.relief.patient.EntryKind;
import org.relief.patient.Patients;
import org.relief.patient.Referral;
import org.relief.patient.Registration;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a folder of FHIR Bulk Data ndjson into charts. Each patient is one transaction: all of their resources
 * Relief keeps are written, or none (a resource of theirs that fails, fails the patient, and the report says which
 * one and why). Idempotent by source system + resource type + id: a resource whose content hash is on file changes
 * nothing, a changed one becomes a new version. Unknown types and codes are skipped with a reason, never an error.
 */
@Service
public class BulkImport {

    private static final Logger log = LoggerFactory.getLogger(BulkImport.class);
    private static final Set<String> CLINICAL = Set.of("Condition", "MedicationRequest", "MedicationStatement",
            "Procedure", "AllergyIntolerance", "Encounter", "ImagingStudy", "DiagnosticReport", "DocumentReference");

    private final FhirContext fhir;
    private final FhirValidation validation;
    private final Patients patients;
    private final ChartService charts;
    private final StaffDirectory staff;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Validation validate;
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
            StaffDirectory staff, JdbcClient jdbc, TransactionTemplate tx,
            @Value("${relief.fhir.import.validate:structural}") String validate,
            @Value("${relief.fhir.import.threads:0}") int threads) {
        this.fhir = fhir;
        this.validation = validation;
        this.patients = patients;
        this.charts = charts;
        this.staff = staff;
        this.jdbc = jdbc;
        this.tx = tx;
        this.validate = Validation.of(validate);
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
                    report.fail(failure(l, "no patient reference"));
                } else {
                    skip(report, l, skipReasonWithoutPatient(l.type()));
                }
            } else if (packet.resolve(subject.get()).filter(p -> p.resource() instanceof Patient).isEmpty()) {
                done++;
                report.fail(failure(l, "dangling reference " + subject.get().getReference()
                        + ": no such patient in the packet"));
            } else {
                patientOf.put(l, packet.resolve(subject.get()).get().id());
            }
        }
        long lastReport = 0;
        if (whole && !report.failures().isEmpty()) {
            String because = "the transaction was not applied: " + report.failures().get(0);
            packet.byPatient(patientOf).values().forEach(g -> g.forEach(l -> report.fail(failure(l, because))));
            return report;
        }
        // patients are independent (each its own transaction), so several are checked and written at once; the
        // progress is reported from this thread as they finish, in order
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Integer>> pending = new ArrayList<>();
            for (List<Line> group : packet.byPatient(patientOf).values()) {
                pending.add(pool.submit(() -> {
                    importPatient(actor, source, packet, group, report);
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

    private void importPatient(Actor actor, String sourceOverride, NdjsonPacket packet, List<Line> lines,
            ImportReport report) {
        Line patientLine = lines.stream().filter(l -> l.resource() instanceof Patient).findFirst().orElseThrow();
        Patient patient = (Patient) patientLine.resource();
        String source = sourceOverride != null && !sourceOverride.isBlank() ? sourceOverride.strip()
                : patient.getIdentifier().stream().filter(i -> i.hasSystem()).map(i -> i.getSystem()).findFirst()
                        .orElse("urn:relief:bulk-import");
        // what is on file with the same content needs no translation, validation or write: a re-import is cheap
        Map<String, MapRow> onFile = mapRows(source, patientLine, lines);
        Set<Line> unchanged = new java.util.HashSet<>(lines.stream().filter(l -> {
            MapRow row = onFile.get(key(l));
            return row != null && row.hash().equals(ApiTokens.hash(l.json()));
        }).toList());
        if (unchanged.size() == lines.size()) {
            unchanged.forEach(l -> counted(report, l, Status.UNCHANGED, onFile.get(key(l))));
            report.patientImported();
            return;
        }
        Map<Line, String> failed = new LinkedHashMap<>();
        Map<Line, Translation> pending = new LinkedHashMap<>();
        Translation demographics = PatientTranslator.toRelief(patient);
        if (demographics.skipped()) {
            failed.put(patientLine, demographics.skipReason());
        } else {
            check(patientLine, demographics, packet).ifPresent(why -> failed.put(patientLine, why));
        }
        for (Line l : lines) {
            if (l == patientLine) {
                continue;
            }
            if (unchanged.contains(l)) {
                pending.put(l, null);
                continue;
            }
            Translation t;
            try {
                t = translate(l, packet);
            } catch (RuntimeException e) {
                // a translator bug must not stop the import: the resource fails with the reason
                failed.put(l, "could not be translated: " + e);
                continue;
            }
            if (t.skipped()) {
                skip(report, l, t.skipReason());
                continue;
            }
            check(l, t, packet).ifPresentOrElse(why -> failed.put(l, why), () -> pending.put(l, t));
        }
        if (!failed.isEmpty()) {
            Map.Entry<Line, String> first = failed.entrySet().iterator().next();
            String because = "patient " + patientLine.id() + " not imported because " + first.getKey().type() + "/"
                    + first.getKey().id() + " (" + first.getKey().file() + ":" + first.getKey().line() + ") failed";
            failed.forEach((l, why) -> report.fail(failure(l, why)));
            pending.keySet().forEach(l -> report.fail(failure(l, because)));
            if (!failed.containsKey(patientLine)) {
                report.fail(failure(patientLine, because));
            }
            return;
        }
        try {
            Map<Line, Written> statuses = tx.execute(s -> write(actor, source, packet, patientLine,
                    (Demographics) demographics.data(), pending));
            statuses.forEach((l, w) -> {
                report.count(l.type(), w.status());
                report.outcome(new ImportReport.Outcome(l.file(), l.line(), l.type(), w.status(), w.location(), null));
            });
            report.patientImported();
        } catch (RuntimeException e) {
            log.warn("Import of patient {} rolled back: {}", patientLine.id(), e.toString());
            String because = "patient " + patientLine.id() + " not imported (nothing of it was written): " + e;
            report.fail(failure(patientLine, because));
            pending.keySet().forEach(l -> report.fail(failure(l, because)));
        }
    }

    private Map<Line, Written> write(Actor actor, String source, NdjsonPacket packet, Line patientLine,
            Demographics demographics, Map<Line, Translation> pending) {
        Map<String, MapRow> onFile = mapRows(source, patientLine, pending.keySet());
        Map<Line, Written> statuses = new LinkedHashMap<>();
        MapRow patientRow = onFile.get(key(patientLine));
        UUID patientId;
        if (patientRow == null) {
            patientId = patients.register(actor, new Registration(demographics,
                    referral((Patient) patientLine.resource(), packet, source), actor.staffId())).id();
            statuses.put(patientLine, new Written(Status.CREATED, "Patient/" + patientId));
        } else {
            patientId = patientRow.patientId();
            if (patientRow.hash().equals(ApiTokens.hash(patientLine.json()))) {
                statuses.put(patientLine, new Written(Status.UNCHANGED, "Patient/" + patientId));
            } else {
                var r = charts.importEntries(actor, patientId, source,
                        List.of(new ImportedEntry(EntryKind.DEMOGRAPHICS, patientId, demographics))).get(0);
                statuses.put(patientLine, new Written(status(r.outcome()), "Patient/" + patientId));
            }
        }
        List<MapUpsert> upserts = new ArrayList<>();
        upserts.add(new MapUpsert(patientLine, EntryKind.DEMOGRAPHICS, patientId));
        List<Line> toWrite = new ArrayList<>();
        List<ImportedEntry> entries = new ArrayList<>();
        for (Map.Entry<Line, Translation> e : pending.entrySet()) {
            MapRow row = onFile.get(key(e.getKey()));
            if (row != null && row.hash().equals(ApiTokens.hash(e.getKey().json()))) {
                statuses.put(e.getKey(), new Written(Status.UNCHANGED, location(row.entryKind(), row.entryId())));
            } else {
                toWrite.add(e.getKey());
                entries.add(new ImportedEntry(e.getValue().kind(), row == null ? null : row.entryId(),
                        e.getValue().data()));
            }
        }
        if (!entries.isEmpty()) {
            var results = charts.importEntries(actor, patientId, source, entries);
            for (int i = 0; i < toWrite.size(); i++) {
                Line l = toWrite.get(i);
                statuses.put(l, new Written(status(results.get(i).outcome()),
                        location(entries.get(i).kind().slug(), results.get(i).entryId())));
                upserts.add(new MapUpsert(l, entries.get(i).kind(), results.get(i).entryId()));
            }
        }
        upsert(source, patientId, upserts);
        return statuses;
    }

    private static Status status(ChartService.ImportOutcome outcome) {
        return switch (outcome) {
            case CREATED -> Status.CREATED;
            case UPDATED -> Status.UPDATED;
            case UNCHANGED, KEPT_VOIDED -> Status.UNCHANGED;
        };
    }

    /** The referral an imported chart starts with: from the patient's general practitioner, else their last visit. */
    private static Referral referral(Patient p, NdjsonPacket packet, String source) {
        String clinician = p.getGeneralPractitioner().stream().map(packet::nameOf).filter(n -> n != null)
                .findFirst().orElse(null);
        String practice = p.hasManagingOrganization() ? packet.nameOf(p.getManagingOrganization()) : null;
        Encounter last = packet.lastEncounter(p.getIdElement().getIdPart()).orElse(null);
        if (clinician == null && last != null) {
            clinician = last.getParticipant().stream().map(x -> packet.nameOf(x.getIndividual()))
                    .filter(n -> n != null).findFirst().orElse(null);
        }
        if (practice == null && last != null && last.hasServiceProvider()) {
            practice = packet.nameOf(last.getServiceProvider());
        }
        return new Referral(Terminology.clip(Terminology.orNotStated(clinician), 200),
                Terminology.clip(Terminology.orNotStated(practice), 200),
                Terminology.clip("Imported from " + source + " (FHIR Bulk Data); the source gave no referral reason",
                        2000),
                LocalDate.now(), Urgency.ROUTINE);
    }

    private Translation translate(Line l, NdjsonPacket packet) {
        Resource r = l.resource();
        if (r instanceof org.hl7.fhir.r4.model.Condition c) {
            return ConditionTranslator.toRelief(c);
        } else if (r instanceof org.hl7.fhir.r4.model.MedicationRequest m) {
            return MedicationTranslator.fromRequest(m);
        } else if (r instanceof org.hl7.fhir.r4.model.MedicationStatement m) {
            return MedicationTranslator.fromStatement(m);
        } else if (r instanceof org.hl7.fhir.r4.model.Procedure p) {
            return ProcedureTranslator.toRelief(p);
        } else if (r instanceof org.hl7.fhir.r4.model.AllergyIntolerance a) {
            return AllergyTranslator.toRelief(a);
        } else if (r instanceof Encounter e) {
            return EncounterTranslator.toRelief(e, e.getParticipant().stream()
                    .map(x -> packet.nameOf(x.getIndividual())).filter(n -> n != null).findFirst().orElse(null));
        } else if (r instanceof org.hl7.fhir.r4.model.ImagingStudy st) {
            return ImagingTranslator.fromStudy(st);
        } else if (r instanceof org.hl7.fhir.r4.model.DiagnosticReport d) {
            return ImagingTranslator.fromReport(d);
        } else if (r instanceof org.hl7.fhir.r4.model.DocumentReference d) {
            return DocumentTranslator.toRelief(d, d.getAuthor().stream().map(packet::nameOf)
                    .filter(n -> n != null).findFirst().orElse(null));
        }
        return Translation.skip("Relief does not keep " + r.fhirType() + " resources");
    }

    /** Why a resource cannot be imported: a dangling reference, a validation error, or a bad field; else empty. */
    private Optional<String> check(Line l, Translation t, NdjsonPacket packet) {
        for (Reference ref : fhir.newTerser().getAllPopulatedChildElementsOfType(l.resource(), Reference.class)) {
            String r = ref.getReference();
            if (r == null || r.startsWith("#") || r.startsWith("urn:") || r.startsWith("http")) {
                continue;
            }
            if (packet.resolve(ref).isEmpty()) {
                return Optional.of("dangling reference " + r + ": not in the packet");
            }
        }
        if (l.structuralError() != null) {
            return Optional.of("not valid FHIR R4: " + l.structuralError());
        }
        if (validate == Validation.FULL) {
            List<String> errors = validation.errors(l.resource());
            if (!errors.isEmpty()) {
                return Optional.of("fails FHIR R4 validation: " + String.join("; ", errors.stream().limit(3).toList()));
            }
        }
        List<FieldProblem> problems = charts.check(t.data());
        if (!problems.isEmpty()) {
            return Optional.of("cannot go into the chart: " + String.join("; ", problems.stream()
                    .map(p -> p.field() + " " + p.message()).toList()));
        }
        return Optional.empty();
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

    private static Failure failure(Line l, String why) {
        return new Failure(l.type(), l.id(), l.file(), l.line(), why);
    }

    private record MapRow(UUID patientId, UUID entryId, String hash, String entryKind) {
    }

    /** What the write did to one resource, and where Relief keeps it. */
    private record Written(Status status, String location) {
    }

    private static void skip(ImportReport report, Line l, String reason) {
        report.skip(l.type(), reason);
        report.outcome(new ImportReport.Outcome(l.file(), l.line(), l.type(), Status.SKIPPED, null, reason));
    }

    private static void counted(ImportReport report, Line l, Status status, MapRow row) {
        report.count(l.type(), status);
        report.outcome(new ImportReport.Outcome(l.file(), l.line(), l.type(), status,
                location(row.entryKind(), l.resource() instanceof Patient ? row.patientId() : row.entryId()), null));
    }

    /** Where an imported resource is served: the FHIR type Relief exports its chart entry kind as. */
    private static String location(String entryKindSlug, UUID id) {
        String type = switch (entryKindSlug == null ? "" : entryKindSlug) {
            case "demographics" -> "Patient";
            case "problems" -> "Condition";
            case "medications" -> "MedicationStatement";
            case "treatments" -> "Procedure";
            case "allergies" -> "AllergyIntolerance";
            case "encounters" -> "Encounter";
            case "imaging" -> "ImagingStudy";
            case "documents" -> "DocumentReference";
            default -> null;
        };
        return type == null ? null : type + "/" + id;
    }

    private static String key(Line l) {
        return l.type() + "/" + l.id();
    }

    private Map<String, MapRow> mapRows(String source, Line patientLine, java.util.Collection<Line> lines) {
        List<String> ids = new ArrayList<>();
        ids.add(patientLine.id());
        lines.forEach(l -> ids.add(l.id()));
        Map<String, MapRow> rows = new HashMap<>();
        jdbc.sql("""
                select resource_type, resource_id, patient_id, entry_id, content_hash, entry_kind from fhir_source_map
                where source = :source and resource_id in (:ids)""")
                .param("source", source).param("ids", ids)
                .query(rs -> {
                    rows.put(rs.getString("resource_type") + "/" + rs.getString("resource_id"),
                            new MapRow(rs.getObject("patient_id", UUID.class), rs.getObject("entry_id", UUID.class),
                                    rs.getString("content_hash"), rs.getString("entry_kind")));
                });
        return rows;
    }

    private record MapUpsert(Line line, EntryKind<?> kind, UUID entryId) {
    }

    /** The patient's rows of the import map in one statement (a statement per resource was a round trip each). */
    private void upsert(String source, UUID patientId, List<MapUpsert> rows) {
        jdbc.sql("""
                insert into fhir_source_map (source, resource_type, resource_id, patient_id, entry_kind, entry_id,
                                             content_hash)
                select :source, t, i, :patient, k, e, h
                from unnest(:types::text[], :ids::text[], :kinds::text[], :entries::uuid[], :hashes::text[])
                     as r(t, i, k, e, h)
                on conflict (source, resource_type, resource_id) do update
                set content_hash = excluded.content_hash, entry_id = excluded.entry_id, imported_at = now()""")
                .param("source", source).param("patient", patientId)
                .param("types", rows.stream().map(r -> r.line().type()).toArray(String[]::new))
                .param("ids", rows.stream().map(r -> r.line().id()).toArray(String[]::new))
                .param("kinds", rows.stream().map(r -> r.kind().slug()).toArray(String[]::new))
                .param("entries", rows.stream().map(r -> r.entryId().toString()).toArray(String[]::new))
                .param("hashes", rows.stream().map(r -> ApiTokens.hash(r.line().json())).toArray(String[]::new))
                .update();
    }
}
