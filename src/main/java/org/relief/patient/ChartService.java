package org.relief.patient;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.careteam.CareTeams;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.OpenChart;
import org.relief.careteam.Permission;
import org.relief.careteam.Purpose;
import org.relief.careteam.TeamMember;
import org.relief.record.Reads;
import org.relief.record.RecordStore;
import org.relief.record.Versioned;
import org.relief.shared.FieldProblem;
import org.relief.shared.ForbiddenException;
import org.relief.shared.InvalidInputException;
import org.relief.shared.NotFoundException;
import org.relief.shared.PlainRead;
import org.relief.shared.VersionConflictException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading and writing a patient's chart. Every call checks the patient exists (404), that the actor may open the
 * chart (care team or break-glass, else 403) and may write this kind of entry, and appends to the audit log.
 * Storing and versioning are the record engine's ({@link RecordStore}); what is left here is the chart's own rules.
 *
 * <p>Over 300 lines because every chart operation (read, add, correct, void, import) carries its access check and
 * audit preamble; the one access guard of issue 9 ({@code ChartAccess.open}) takes those out, and the import path
 * ({@link #importEntries}) is the next to move to a class of its own.
 */
@Service
public class ChartService {
    // Why over 300 lines: the chart's generic entry operations (read, add, correct, void, history, import) for every
    // entry kind; next split: the import path.

    private static final String REIMPORTED = "re-imported from ";

    private final RecordStore store;
    private final EntryKinds kinds;
    private final Patients patients;
    private final EntryValidator validator;
    private final ChartAccess access;
    private final CareTeams teams;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<CareGuard> guards;

    ChartService(
            RecordStore store,
            EntryKinds kinds,
            Patients patients,
            EntryValidator validator,
            ChartAccess access,
            CareTeams teams,
            AuditLog audit,
            JdbcClient jdbc,
            Clock clock,
            ApplicationEventPublisher events,
            ObjectProvider<CareGuard> guards) {
        this.store = store;
        this.kinds = kinds;
        this.patients = patients;
        this.validator = validator;
        this.access = access;
        this.teams = teams;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.guards = guards;
    }

    /**
     * Refuses (audited, 403) before a form is shown that this actor could not save: the patient exists, the actor may
     * open the chart and may write this kind of entry.
     */
    @Transactional(readOnly = true)
    public void requireMayWrite(Actor actor, UUID patientId, EntryKind<?> kind, String what) {
        mayWrite(actor, patientId, kind, what);
    }

    /** The entry kind with this slug (the chart's own or another module's), or a 404 naming the section. */
    public EntryKind<?> kind(String slug) {
        return kinds.require(slug);
    }

    /**
     * Opens a form to add or correct an entry (a read of the chart, audited at once), refusing (audited, 403) an actor
     * who could not save it.
     */
    @Transactional(readOnly = true)
    public void openForm(Actor actor, UUID patientId, EntryKind<?> kind, String what) {
        access.open(actor, patientId, Purpose.read(what), kind.writePermission());
    }

    /** The whole chart, current versions: after the guard, its reads sent together (one round trip). */
    @PlainRead
    public Chart chart(Actor actor, UUID patientId) {
        Reads reads = store.reads();
        Supplier<ChartHead> head = head(actor, patientId, reads);
        var referrals = reads.current(EntryKind.REFERRAL.record(), patientId);
        var problems = reads.current(EntryKind.PROBLEM.record(), patientId);
        var imaging = reads.current(EntryKind.IMAGING.record(), patientId);
        var treatments = reads.current(EntryKind.TREATMENT.record(), patientId);
        var medications = reads.current(EntryKind.MEDICATION.record(), patientId);
        var allergies = reads.current(EntryKind.ALLERGY.record(), patientId);
        var encounters = reads.current(EntryKind.ENCOUNTER.record(), patientId);
        var steps = patients.steps(reads, patientId);
        reads.run();
        ChartHead h = head.get();
        return new Chart(
                h.patient(),
                h.access(),
                h.demographics(),
                referrals.get(),
                problems.get(),
                imaging.get(),
                treatments.get(),
                medications.get(),
                allergies.get(),
                encounters.get(),
                h.careTeam(),
                steps.get());
    }

    /**
     * The chart as its page shows it: the same guard and audit as {@link #chart} (and the documents' own read
     * permission), but each long section (problems, imaging, prior treatments, free-text medications, encounters,
     * documents) read only to its {@code newest} rows, with its total. Referrals and allergies come whole. No
     * transaction of its own ({@link PlainRead}); a ten-year history's 300 visits are counted, not read (issue 16);
     * after the guards, the reads are sent together (one round trip).
     */
    @PlainRead
    public ChartPage chartPage(Actor actor, UUID patientId, int newest) {
        Reads reads = store.reads();
        Supplier<ChartHead> head = head(actor, patientId, reads);
        mayRead(actor, patientId, EntryKind.DOCUMENT, "documents");
        var referrals = reads.current(EntryKind.REFERRAL.record(), patientId);
        var problems = reads.newest(EntryKind.PROBLEM.record(), patientId, newest);
        var imaging = reads.newest(EntryKind.IMAGING.record(), patientId, newest);
        var treatments = reads.newest(EntryKind.TREATMENT.record(), patientId, newest);
        var medications = reads.newest(EntryKind.MEDICATION.record(), patientId, newest);
        var allergies = reads.current(EntryKind.ALLERGY.record(), patientId);
        var encounters = reads.newest(EntryKind.ENCOUNTER.record(), patientId, newest);
        var documents = reads.newest(EntryKind.DOCUMENT.record(), patientId, newest);
        var steps = patients.steps(reads, patientId);
        reads.run();
        return new ChartPage(
                head.get(),
                referrals.get(),
                problems.get(),
                imaging.get(),
                treatments.get(),
                medications.get(),
                allergies.get(),
                encounters.get(),
                documents.get(),
                steps.get());
    }

    /**
     * What {@link #chart} shows about the patient besides the entries: who they are, their demographics and care team.
     * The same guard and audit as {@link #chart}.
     */
    @PlainRead
    public ChartHead head(Actor actor, UUID patientId) {
        Reads reads = store.reads();
        Supplier<ChartHead> head = head(actor, patientId, reads);
        reads.run();
        return head.get();
    }

    /** Opens the chart (the guard, the audit), then adds the head's reads; the head is there once they have run. */
    private Supplier<ChartHead> head(Actor actor, UUID patientId, Reads reads) {
        OpenChart open = access.open(actor, patientId, Purpose.read("chart"));
        var summary = patients.summary(reads, patientId);
        var demographics = reads.current(EntryKind.DEMOGRAPHICS.record(), patientId);
        List<TeamMember> team = teams.members(patientId);
        return () -> new ChartHead(
                summary.get().stream().findFirst().orElseThrow(() -> Patients.noSuch(patientId)),
                open.grant(),
                demographics.get().stream().findFirst().orElse(null),
                team);
    }

    /**
     * The current entries of one kind as {@link #entries} reads them (the same guard, read as part of the chart), for
     * a reader that keeps what it made of each version: those {@code kept} names come as their keys alone
     * ({@link RecordStore#currentUnlessKept}).
     */
    @Transactional(readOnly = true)
    public <T extends Record> List<org.relief.record.KeyedVersion<T>> currentUnlessKept(
            Actor actor, UUID patientId, EntryKind<T> kind, java.util.function.BiPredicate<UUID, Integer> kept) {
        mayRead(actor, patientId, kind, "chart");
        return store.currentUnlessKept(kind.record(), patientId, kept);
    }

    /** The current entries of one kind. */
    @Transactional(readOnly = true)
    public <T extends Record> List<Versioned<T>> entries(Actor actor, UUID patientId, EntryKind<T> kind) {
        mayRead(actor, patientId, kind, kind.label().toLowerCase());
        return store.current(kind.record(), patientId);
    }

    /**
     * Which patient an entry belongs to, for integrations that name an entry without its patient (a FHIR read). It
     * says nothing of the entry itself: the caller reads it through {@link #entry} or {@link #entries}, which check
     * access and audit.
     */
    @Transactional(readOnly = true)
    public Optional<UUID> patientOf(EntryKind<?> kind, UUID entryId) {
        return store.patientOf(kind.record(), entryId);
    }

    /** The current version of one entry. */
    @Transactional(readOnly = true)
    public <T extends Record> Versioned<T> entry(Actor actor, UUID patientId, EntryKind<T> kind, UUID entryId) {
        mayRead(actor, patientId, kind, kind.label().toLowerCase() + " " + entryId);
        return store.latest(kind.record(), entryId)
                .filter(e -> belongs(kind, entryId, patientId))
                .orElseThrow(() ->
                        new NotFoundException("No " + kind.label().toLowerCase() + " " + entryId + " in this chart"));
    }

    /** Every version of one entry, newest first (voided and corrected versions included). */
    @Transactional(readOnly = true)
    public <T extends Record> List<Versioned<T>> history(Actor actor, UUID patientId, EntryKind<T> kind, UUID entryId) {
        mayRead(actor, patientId, kind, "history of " + kind.label().toLowerCase() + " " + entryId);
        if (!belongs(kind, entryId, patientId)) {
            throw new NotFoundException("No " + kind.label().toLowerCase() + " " + entryId + " in this chart");
        }
        return store.history(kind.record(), entryId);
    }

    /** Adds a new entry (version 1). */
    @Transactional
    public <T extends Record> Versioned<T> add(Actor actor, UUID patientId, EntryKind<T> kind, T data) {
        OpenChart open = mayWrite(actor, patientId, kind, "add " + kind.label().toLowerCase());
        if (kind == EntryKind.DEMOGRAPHICS) {
            throw new ForbiddenException("Demographics exist from registration on; correct them instead.");
        }
        validator.validate(data);
        guard(actor, patientId, kind, data, null);
        Versioned<T> saved = store.insertFirst(kind.record(), patientId, UUID.randomUUID(), data, actor.username());
        open.audit(AuditAction.CREATE, kind.label().toLowerCase() + " " + saved.entryId());
        events.publishEvent(new EntryRecorded(patientId, kind, saved.entryId(), data, actor));
        return saved;
    }

    /**
     * Corrects an entry: stores the next version, keeping the old one. {@code expectedVersion} is the version the
     * actor edited; if someone else saved a newer one meanwhile, nothing is saved and a conflict is raised.
     */
    @Transactional
    public <T extends Record> Versioned<T> correct(
            Actor actor, UUID patientId, EntryKind<T> kind, UUID entryId, int expectedVersion, T data, String reason) {
        OpenChart open =
                mayWrite(actor, patientId, kind, "correct " + kind.label().toLowerCase() + " " + entryId);
        validator.validate(data);
        Versioned<T> current = currentOf(kind, entryId, patientId, expectedVersion);
        if (current.voided()) {
            throw new VersionConflictException(entryId, expectedVersion, current.version(), current.recordedBy());
        }
        guard(actor, patientId, kind, data, current.data());
        Versioned<T> saved = store.insertNext(
                kind.record(), entryId, current.version(), data, blankToNull(reason), actor.username());
        if (kind == EntryKind.DEMOGRAPHICS) {
            updateSummary(patientId, (Demographics) data);
        }
        open.audit(AuditAction.UPDATE, kind.label().toLowerCase() + " " + entryId + " version " + saved.version());
        return saved;
    }

    /** Voids a mistaken entry with a reason: a new version marked voided; every earlier version stays readable. */
    @Transactional
    public <T extends Record> Versioned<T> voidEntry(
            Actor actor, UUID patientId, EntryKind<T> kind, UUID entryId, int expectedVersion, String reason) {
        OpenChart open = mayWrite(actor, patientId, kind, "void " + kind.label().toLowerCase() + " " + entryId);
        if (kind == EntryKind.DEMOGRAPHICS) {
            throw new ForbiddenException("Demographics cannot be voided; correct them instead.");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(List.of(new FieldProblem("reason", "say why this entry is voided")));
        }
        Versioned<T> current = currentOf(kind, entryId, patientId, expectedVersion);
        if (current.voided()) {
            throw new VersionConflictException(entryId, expectedVersion, current.version(), current.recordedBy());
        }
        guards.orderedStream().forEach(g -> g.requireVoid(actor, patientId, kind, current.data()));
        Versioned<T> saved =
                store.voidEntry(kind.record(), entryId, current.version(), reason.strip(), actor.username());
        open.audit(AuditAction.VOID, kind.label().toLowerCase() + " " + entryId + ": " + reason.strip());
        return saved;
    }

    /** One entry an import writes: a new one ({@code entryId} null) or the next version of one it wrote before. */
    public record ImportedEntry(EntryKind<?> kind, UUID entryId, Record data) {}

    /** What an import did with one entry. KEPT_VOIDED: someone here voided it; a re-import does not revive it. */
    public enum ImportOutcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        KEPT_VOIDED
    }

    /** The entry an import wrote (or left alone), with its current version. */
    public record ImportResult(UUID entryId, int version, ImportOutcome outcome) {}

    /** What is wrong with a payload (empty when valid), so an importer can report one bad record and go on. */
    public List<FieldProblem> check(Record payload) {
        try {
            validator.validate(payload);
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems();
        }
    }

    /**
     * Writes what an import brought for one patient, in the caller's transaction (so a patient is imported whole or
     * not at all). The same checks as a hand entry: the patient exists, the actor may open the chart and write each
     * kind, every payload is valid. An entry written before gets a new version only when its content changed
     * (never an update in place). One audit event sums the import up, instead of one per entry.
     */
    @Transactional
    public List<ImportResult> importEntries(Actor actor, UUID patientId, String source, List<ImportedEntry> entries) {
        String what = "import from " + source;
        OpenChart open = access.open(
                actor,
                patientId,
                Purpose.write(what),
                entries.stream().map(e -> e.kind().writePermission()).distinct().toArray(Permission[]::new));
        entries.forEach(e -> validator.validate(e.data()));
        List<ImportResult> results = new java.util.ArrayList<>(entries.size());
        int[] counts = new int[ImportOutcome.values().length];
        // new entries are guarded one by one, then written in one batch per kind (a round trip per kind, not two
        // per entry: their ids are new, so there is no head to look up); the others are compared with what is on
        // file, one by one
        Map<EntryKind<?>, Map<UUID, Record>> created = new LinkedHashMap<>();
        // the guards, looked up once per import rather than through the bean factory per entry (JFR, issue 16)
        List<CareGuard> careGuards = guards.orderedStream().toList();
        for (ImportedEntry e : entries) {
            ImportResult r;
            if (e.entryId() == null) {
                if (e.kind() == EntryKind.DEMOGRAPHICS) {
                    throw new ForbiddenException("Demographics exist from registration on; correct them instead.");
                }
                for (CareGuard g : careGuards) {
                    g.requireEntry(actor, patientId, e.kind(), e.data(), null);
                }
                UUID id = UUID.randomUUID();
                created.computeIfAbsent(e.kind(), k -> new LinkedHashMap<>()).put(id, e.data());
                r = new ImportResult(id, 1, ImportOutcome.CREATED);
            } else {
                r = importOne(actor, patientId, source, e.kind(), e.entryId(), e.data());
            }
            counts[r.outcome().ordinal()]++;
            results.add(r);
        }
        created.forEach((kind, rows) -> store.insertFirstAll(kind.record(), patientId, rows, null, actor.username()));
        open.audit(
                AuditAction.CREATE,
                "imported from " + source + ": " + counts[0] + " created, " + counts[1] + " updated, " + counts[2]
                        + " unchanged, " + counts[3] + " kept voided",
                "OK");
        return results;
    }

    private <T extends Record> ImportResult importOne(
            Actor actor, UUID patientId, String source, EntryKind<T> kind, UUID entryId, Record payload) {
        T data = kind.cast(payload); // an entry on file (new ones are written in a batch by importEntries)
        Versioned<T> current = store.latest(kind.record(), entryId)
                .filter(e -> belongs(kind, entryId, patientId))
                .orElseThrow(() ->
                        new NotFoundException("No " + kind.label().toLowerCase() + " " + entryId + " in this chart"));
        if (current.voided()) {
            return new ImportResult(entryId, current.version(), ImportOutcome.KEPT_VOIDED);
        }
        if (current.data().equals(data)
                || lastImported(kind, entryId).map(v -> v.data().equals(data)).orElse(false)) {
            // the same as what the source said last time: a local correction made since stays the current version
            return new ImportResult(entryId, current.version(), ImportOutcome.UNCHANGED);
        }
        guard(actor, patientId, kind, data, current.data());
        Versioned<T> saved = store.insertNext(
                kind.record(), entryId, current.version(), data, REIMPORTED + source, actor.username());
        if (kind == EntryKind.DEMOGRAPHICS) {
            updateSummary(patientId, (Demographics) data);
        }
        return new ImportResult(entryId, saved.version(), ImportOutcome.UPDATED);
    }

    /**
     * The newest version an import wrote of an entry it created: version 1, or a version it re-imported. Versions
     * written here since (a local correction) are not the source's.
     */
    private <T extends Record> Optional<Versioned<T>> lastImported(EntryKind<T> kind, UUID entryId) {
        return store.history(kind.record(), entryId).stream()
                .filter(v -> v.version() == 1
                        || v.changeReason() != null && v.changeReason().startsWith(REIMPORTED))
                .findFirst();
    }

    /** Every {@link CareGuard} may refuse the entry (audited by the guard) before anything is stored. */
    private void guard(Actor actor, UUID patientId, EntryKind<?> kind, Record data, Record previous) {
        guards.orderedStream().forEach(g -> g.requireEntry(actor, patientId, kind, data, previous));
    }

    private void updateSummary(UUID patientId, Demographics d) {
        jdbc.sql("""
                update patient_summary set family_name = ?, given_name = ?, birth_date = ?, updated_at = ?
                where patient_id = ?""")
                .params(
                        d.familyName().strip(),
                        d.givenName().strip(),
                        d.birthDate(),
                        Timestamp.from(clock.instant()),
                        patientId)
                .update();
    }

    private <T extends Record> Versioned<T> currentOf(
            EntryKind<T> kind, UUID entryId, UUID patientId, int expectedVersion) {
        Versioned<T> current = store.latest(kind.record(), entryId)
                .filter(e -> belongs(kind, entryId, patientId))
                .orElseThrow(() ->
                        new NotFoundException("No " + kind.label().toLowerCase() + " " + entryId + " in this chart"));
        if (current.version() != expectedVersion) {
            throw new VersionConflictException(entryId, expectedVersion, current.version(), current.recordedBy());
        }
        return current;
    }

    private boolean belongs(EntryKind<?> kind, UUID entryId, UUID patientId) {
        return store.patientOf(kind.record(), entryId).map(patientId::equals).orElse(false);
    }

    private void mayRead(Actor actor, UUID patientId, EntryKind<?> kind, String what) {
        access.open(actor, patientId, Purpose.read(what), kind.readPermissions());
    }

    private OpenChart mayWrite(Actor actor, UUID patientId, EntryKind<?> kind, String what) {
        return access.open(actor, patientId, Purpose.write(what), kind.writePermission());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
