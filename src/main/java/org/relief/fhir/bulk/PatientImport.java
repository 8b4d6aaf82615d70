package org.relief.fhir.bulk;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.relief.careteam.Actor;
import org.relief.fhir.FhirValidation;
import org.relief.fhir.PatientIdentifiers;
import org.relief.fhir.bulk.BulkImport.Validation;
import org.relief.fhir.bulk.ImportReport.Failure;
import org.relief.fhir.bulk.ImportReport.Status;
import org.relief.fhir.bulk.NdjsonPacket.Line;
import org.relief.fhir.translate.PatientTranslator;
import org.relief.fhir.translate.Terminology;
import org.relief.fhir.translate.Translation;
import org.relief.fhir.translate.Translators;
import org.relief.patient.ChartService;
import org.relief.patient.ChartService.ImportedEntry;
import org.relief.patient.Codes.Urgency;
import org.relief.patient.Demographics;
import org.relief.patient.EntryKind;
import org.relief.patient.Patients;
import org.relief.patient.Referral;
import org.relief.patient.Registration;
import org.relief.shared.FieldProblem;
import org.relief.shared.ForbiddenException;
import org.relief.shared.InternalErrors;
import org.relief.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import of one patient and their resources, in one transaction: all of what Relief keeps is written, or none
 * (a resource that fails, fails the patient, and the report says which one and why). What the {@link SourceMap} has
 * on file with the same {@link ContentHash} is not translated, checked or written again; a changed resource becomes
 * a new version of the entry it became the first time. {@link BulkImport} groups a packet by patient and runs
 * several of these at once.
 */
final class PatientImport {
    // Why over 300 lines: one patient's import in one transaction, with a write path per resource type.

    private static final Logger log = LoggerFactory.getLogger(PatientImport.class);

    private final FhirContext fhir;
    private final FhirValidation validation;
    private final Validation validate;
    private final Patients patients;
    private final ChartService charts;
    private final SourceMap sourceMap;
    private final TransactionTemplate tx;
    private final PatientIdentifiers identifiers;

    PatientImport(
            FhirContext fhir,
            FhirValidation validation,
            Validation validate,
            Patients patients,
            ChartService charts,
            SourceMap sourceMap,
            TransactionTemplate tx,
            PatientIdentifiers identifiers) {
        this.identifiers = identifiers;
        this.fhir = fhir;
        this.validation = validation;
        this.validate = validate;
        this.patients = patients;
        this.charts = charts;
        this.sourceMap = sourceMap;
        this.tx = tx;
    }

    /** Imports one patient's {@code lines} (their Patient among them) and records what happened in the report. */
    void importPatient(
            Actor actor, String sourceOverride, PacketReferences packet, List<Line> lines, ImportReport report) {
        Line patientLine = lines.stream()
                .filter(l -> l.resource() instanceof Patient)
                .findFirst()
                .orElseThrow();
        Patient patient = (Patient) patientLine.resource();
        String source = sourceOverride != null && !sourceOverride.isBlank()
                ? sourceOverride.strip()
                : patient.getIdentifier().stream()
                        .filter(i -> i.hasSystem())
                        .map(i -> i.getSystem())
                        .findFirst()
                        .orElse("urn:relief:bulk-import");
        // what is on file with the same content needs no translation, validation or write: a re-import is cheap
        Map<String, SourceMap.Row> onFile = mapRows(source, patientLine, lines);
        Set<Line> unchanged = new HashSet<>(lines.stream()
                .filter(l -> {
                    SourceMap.Row row = onFile.get(key(l));
                    return row != null && row.hash().equals(ContentHash.of(l.json()));
                })
                .toList());
        if (unchanged.size() == lines.size()) {
            unchanged.forEach(l -> counted(report, l, Status.UNCHANGED, onFile.get(key(l))));
            report.patientImported();
            return;
        }
        Map<Line, String> failed = new LinkedHashMap<>();
        Map<Line, Translation> pending = new LinkedHashMap<>();
        Set<Line> faulted = new HashSet<>(); // failed by the server's fault, not the resource's
        Translation demographics = PatientTranslator.toRelief(patient);
        if (demographics.skipped()) {
            failed.put(patientLine, demographics.skipReason());
        } else {
            check(patientLine, demographics, packet).ifPresent(why -> failed.put(patientLine, why));
        }
        // each resource is translated and checked on its own (read-only: the packet, the validators), so a large
        // patient's are shared across the cores; what became of each is then taken in the packet's order
        Checked[] checked = new Checked[lines.size()];
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, lines.size());
        (lines.size() >= 64 ? range.parallel() : range).forEach(i -> {
            Line l = lines.get(i);
            if (l != patientLine && !unchanged.contains(l)) {
                checked[i] = translateAndCheck(l, packet);
            }
        });
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l == patientLine) {
                continue;
            }
            if (unchanged.contains(l)) {
                pending.put(l, null);
                continue;
            }
            Checked c = checked[i];
            if (c.faulted()) {
                faulted.add(l);
            }
            if (c.failed() != null) {
                failed.put(l, c.failed());
            } else if (c.translation().skipped()) {
                skip(report, l, c.translation().skipReason());
            } else {
                pending.put(l, c.translation());
            }
        }
        if (!failed.isEmpty()) {
            Map.Entry<Line, String> first = failed.entrySet().iterator().next();
            String because = "patient " + patientLine.id() + " not imported because "
                    + first.getKey().type() + "/" + first.getKey().id() + " ("
                    + first.getKey().file() + ":" + first.getKey().line() + ") failed";
            failed.forEach((l, why) -> report.fail(faulted.contains(l) ? internal(l, why) : failure(l, why)));
            pending.keySet().forEach(l -> report.fail(failure(l, because)));
            if (!failed.containsKey(patientLine)) {
                report.fail(failure(patientLine, because));
            }
            return;
        }
        try {
            Map<Line, Written> statuses = tx.execute(
                    s -> write(actor, source, packet, lines, patientLine, (Demographics) demographics.data(), pending));
            statuses.forEach((l, w) -> {
                report.count(l.type(), w.status());
                report.outcome(new ImportReport.Outcome(l.file(), l.line(), l.type(), w.status(), w.location(), null));
            });
            report.patientImported();
        } catch (InvalidInputException | ForbiddenException e) {
            // a service's own refusal, in words meant for the sender
            log.warn("Import of patient {} rolled back: {}", patientLine.id(), e.getMessage());
            String because =
                    "patient " + patientLine.id() + " not imported (nothing of it was written): " + e.getMessage();
            report.fail(failure(patientLine, because));
            pending.keySet().forEach(l -> report.fail(failure(l, because)));
        } catch (RuntimeException e) {
            // a database error or a bug: its text (a database's names its SQL) stays in the log, under a reference
            String reference = InternalErrors.log(log, "Import of patient " + patientLine.id() + " rolled back", e);
            String because = "patient " + patientLine.id() + " not imported (nothing of it was written): "
                    + InternalErrors.sentence(reference);
            report.fail(internal(patientLine, because));
            pending.keySet().forEach(l -> report.fail(internal(l, because)));
        }
    }

    /** A resource translated and checked: its translation, or why it failed (by the server's fault or its own). */
    private record Checked(Translation translation, String failed, boolean faulted) {}

    private Checked translateAndCheck(Line l, PacketReferences packet) {
        Translation t;
        try {
            t = Translators.toRelief(l.resource(), packet::nameOf);
        } catch (RuntimeException e) {
            // a translator bug must not stop the import: the resource fails, the detail goes to the log only
            return new Checked(
                    null,
                    "could not be translated: "
                            + InternalErrors.sentence(InternalErrors.log(
                                    log,
                                    "Translating " + l.type() + "/" + l.id() + " (" + l.file() + ":" + l.line()
                                            + ") failed",
                                    e)),
                    true);
        }
        if (t.skipped()) {
            return new Checked(t, null, false);
        }
        return new Checked(t, check(l, t, packet).orElse(null), false);
    }

    private Map<Line, Written> write(
            Actor actor,
            String source,
            PacketReferences packet,
            List<Line> lines,
            Line patientLine,
            Demographics demographics,
            Map<Line, Translation> pending) {
        // one import of this source patient at a time; what is on file is read after the lock (see SourceMap.lock)
        sourceMap.lock(source, patientLine.type(), patientLine.id());
        Map<String, SourceMap.Row> onFile = mapRows(source, patientLine, pending.keySet());
        Map<Line, Written> statuses = new LinkedHashMap<>();
        SourceMap.Row patientRow = onFile.get(key(patientLine));
        UUID patientId;
        if (patientRow == null) {
            patientId = patients.register(
                            actor,
                            new Registration(
                                    demographics,
                                    referral((Patient) patientLine.resource(), lines, packet, source),
                                    actor.staffId()))
                    .id();
            statuses.put(patientLine, new Written(Status.CREATED, "Patient/" + patientId));
        } else {
            patientId = patientRow.patientId();
            if (patientRow.hash().equals(ContentHash.of(patientLine.json()))) {
                statuses.put(patientLine, new Written(Status.UNCHANGED, "Patient/" + patientId));
            } else {
                var r = charts.importEntries(
                                actor,
                                patientId,
                                source,
                                List.of(new ImportedEntry(EntryKind.DEMOGRAPHICS, patientId, demographics)))
                        .get(0);
                statuses.put(patientLine, new Written(status(r.outcome()), "Patient/" + patientId));
            }
        }
        // the sender's identifiers stay on the Patient (new ones are added): returned on read, found by
        // Patient?identifier=
        identifiers.keep(patientId, (Patient) patientLine.resource(), actor.username());
        List<SourceMap.Upsert> upserts = new ArrayList<>();
        upserts.add(upsert(patientLine, EntryKind.DEMOGRAPHICS, patientId));
        List<Line> toWrite = new ArrayList<>();
        List<ImportedEntry> entries = new ArrayList<>();
        for (Map.Entry<Line, Translation> e : pending.entrySet()) {
            SourceMap.Row row = onFile.get(key(e.getKey()));
            if (row != null && row.hash().equals(ContentHash.of(e.getKey().json()))) {
                statuses.put(e.getKey(), new Written(Status.UNCHANGED, location(row.entryKind(), row.entryId())));
            } else {
                toWrite.add(e.getKey());
                entries.add(new ImportedEntry(
                        e.getValue().kind(),
                        row == null ? null : row.entryId(),
                        e.getValue().data()));
            }
        }
        if (!entries.isEmpty()) {
            var results = charts.importEntries(actor, patientId, source, entries);
            for (int i = 0; i < toWrite.size(); i++) {
                Line l = toWrite.get(i);
                statuses.put(
                        l,
                        new Written(
                                status(results.get(i).outcome()),
                                location(
                                        entries.get(i).kind().slug(),
                                        results.get(i).entryId())));
                upserts.add(upsert(l, entries.get(i).kind(), results.get(i).entryId()));
            }
        }
        sourceMap.upsert(source, patientId, upserts);
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
    private static Referral referral(Patient p, List<Line> lines, PacketReferences packet, String source) {
        String clinician = p.getGeneralPractitioner().stream()
                .map(packet::nameOf)
                .filter(n -> n != null)
                .findFirst()
                .orElse(null);
        String practice = p.hasManagingOrganization() ? packet.nameOf(p.getManagingOrganization()) : null;
        Encounter last = lastEncounter(lines);
        if (clinician == null && last != null) {
            clinician = last.getParticipant().stream()
                    .map(x -> packet.nameOf(x.getIndividual()))
                    .filter(n -> n != null)
                    .findFirst()
                    .orElse(null);
        }
        if (practice == null && last != null && last.hasServiceProvider()) {
            practice = packet.nameOf(last.getServiceProvider());
        }
        return new Referral(
                Terminology.clip(Terminology.orNotStated(clinician), 200),
                Terminology.clip(Terminology.orNotStated(practice), 200),
                Terminology.clip(
                        "Imported from " + source + " (FHIR Bulk Data); the source gave no referral reason", 2000),
                LocalDate.now(),
                Urgency.ROUTINE);
    }

    /** The patient's latest encounter (by start), among their own resources. */
    private static Encounter lastEncounter(List<Line> lines) {
        Encounter last = null;
        for (Line l : lines) {
            if (l.resource() instanceof Encounter e
                    && e.getSubject().hasReference()
                    && (last == null || start(e).compareTo(start(last)) > 0)) {
                last = e;
            }
        }
        return last;
    }

    private static String start(Encounter e) {
        return String.valueOf(e.getPeriod().getStartElement().getValueAsString());
    }

    /** Why a resource cannot be imported: a dangling reference, a validation error, or a bad field; else empty. */
    private Optional<String> check(Line l, Translation t, PacketReferences packet) {
        for (Reference ref : fhir.newTerser().getAllPopulatedChildElementsOfType(l.resource(), Reference.class)) {
            String r = ref.getReference();
            if (r == null || r.startsWith("#") || r.startsWith("urn:") || r.startsWith("http")) {
                continue;
            }
            if (!packet.resolves(ref)) {
                return Optional.of("dangling reference " + r + ": not in the packet");
            }
        }
        if (l.structuralError() != null) {
            return Optional.of("not valid FHIR R4: " + l.structuralError());
        }
        if (validate == Validation.FULL) {
            List<String> errors = validation.errors(l.resource());
            if (!errors.isEmpty()) {
                return Optional.of("fails FHIR R4 validation: "
                        + String.join("; ", errors.stream().limit(3).toList()));
            }
        }
        List<FieldProblem> problems = charts.check(t.data());
        if (!problems.isEmpty()) {
            return Optional.of("cannot go into the chart: "
                    + String.join(
                            "; ",
                            problems.stream()
                                    .map(p -> p.field() + " " + p.message())
                                    .toList()));
        }
        return Optional.empty();
    }

    static Failure failure(Line l, String why) {
        return new Failure(l.type(), l.id(), l.file(), l.line(), why);
    }

    /** A failure that is the server's fault (see {@link Failure#internal}): its reason gives an error reference. */
    static Failure internal(Line l, String why) {
        return new Failure(l.type(), l.id(), l.file(), l.line(), why, true);
    }

    /** What the write did to one resource, and where Relief keeps it. */
    private record Written(Status status, String location) {}

    static void skip(ImportReport report, Line l, String reason) {
        skip(report, l.type(), l.file(), l.line(), reason);
    }

    static void skip(ImportReport report, String type, String file, int line, String reason) {
        report.skip(type, reason);
        report.outcome(new ImportReport.Outcome(file, line, type, Status.SKIPPED, null, reason));
    }

    private static void counted(ImportReport report, Line l, Status status, SourceMap.Row row) {
        report.count(l.type(), status);
        report.outcome(new ImportReport.Outcome(
                l.file(),
                l.line(),
                l.type(),
                status,
                location(row.entryKind(), l.resource() instanceof Patient ? row.patientId() : row.entryId()),
                null));
    }

    /** Where an imported resource is served: the FHIR type Relief exports its chart entry kind as. */
    private static String location(String entryKindSlug, UUID id) {
        String type = Translators.fhirType(entryKindSlug);
        return type == null ? null : type + "/" + id;
    }

    private static String key(Line l) {
        return SourceMap.key(l.type(), l.id());
    }

    private Map<String, SourceMap.Row> mapRows(String source, Line patientLine, java.util.Collection<Line> lines) {
        List<String> ids = new ArrayList<>();
        ids.add(patientLine.id());
        lines.forEach(l -> ids.add(l.id()));
        return sourceMap.rows(source, ids);
    }

    private static SourceMap.Upsert upsert(Line l, EntryKind<?> kind, UUID entryId) {
        return new SourceMap.Upsert(l.type(), l.id(), kind.slug(), entryId, ContentHash.of(l.json()));
    }
}
