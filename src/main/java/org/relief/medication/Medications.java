package org.relief.medication;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.relief.audit.AuditAction;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.OpenChart;
import org.relief.careteam.Permission;
import org.relief.careteam.Purpose;
import org.relief.medication.MedicationKinds.Safety;
import org.relief.medication.MedicationKinds.Stored;
import org.relief.patient.Codes.MedicationStatus;
import org.relief.patient.EntryKind;
import org.relief.patient.Patients;
import org.relief.record.RecordKind;
import org.relief.record.RecordStore;
import org.relief.record.Versioned;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.relief.shared.NotFoundException;
import org.relief.shared.VersionConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's structured medications and opioid safety, on the record engine and behind the guard: every read opens
 * the chart ({@link ChartAccess#open}, audited), every write needs {@link Permission#WRITE_MEDICATIONS} and is
 * audited by what it stored. The free-text medications of the chart stay where they are and are listed "to
 * reconcile" until a structured medication names them ({@code structures}); they are not counted in the MME.
 */
@Service
public class Medications {
    // Why over 300 lines: structured medications (add, correct, void, stop), opioid safety records and the panel behind
    // one guard, with the reading the reconciliation and review reuse; next split: the safety records and the panel.

    private final RecordStore store;
    private final RecordKind<Stored> meds;
    private final RecordKind<Safety> safetyRecords;
    private final RecordKind<Reconciliation> reconciliations;
    private final ChartAccess access;
    private final Patients patients;
    private final IngredientCatalogue catalogue;
    private final MedicationCheck check;
    private final OpioidSafety safety;
    private final Clock clock;
    private final jakarta.validation.Validator validator;

    Medications(
            RecordStore store,
            RecordKind<Stored> structuredMedications,
            RecordKind<Safety> opioidSafetyRecords,
            RecordKind<Reconciliation> medicationReconciliations,
            ChartAccess access,
            Patients patients,
            IngredientCatalogue catalogue,
            MedicationCheck check,
            OpioidSafety safety,
            Clock clock,
            jakarta.validation.Validator validator) {
        this.validator = validator;
        this.store = store;
        this.meds = structuredMedications;
        this.safetyRecords = opioidSafetyRecords;
        this.reconciliations = medicationReconciliations;
        this.access = access;
        this.patients = patients;
        this.catalogue = catalogue;
        this.check = check;
        this.safety = safety;
        this.clock = clock;
    }

    /** A structured medication as shown: the medication, its sig as typed and in words, and its bookkeeping. */
    public record Entry(
            UUID entryId,
            int version,
            Medication medication,
            String sigText,
            String sigWords,
            String stopReason,
            UUID structures,
            String recordedBy,
            java.time.Instant recordedAt) {

        public String name() {
            return medication.name();
        }

        public boolean stopped(LocalDate today) {
            return !medication.takenOn(today) && medication.stop() != null;
        }
    }

    /** A free-text chart medication not yet structured: readable as it was written, not counted in the MME. */
    public record ToReconcile(
            UUID entryId,
            String name,
            String dose,
            String frequency,
            String route,
            MedicationStatus status,
            LocalDate startDate,
            int version,
            String recordedBy) {

        /** "Oxycodone 5 mg tablet, 10 mg, every 6 hours, oral" as written. */
        public String asWritten() {
            return String.join(
                    ", ",
                    java.util.stream.Stream.of(name, dose, frequency, route)
                            .filter(x -> x != null && !x.isBlank())
                            .toList());
        }
    }

    /** A safety record as shown. */
    public record SafetyRecord(
            UUID entryId,
            int version,
            SafetyRecordKind kind,
            LocalDate onDate,
            String finding,
            String flagCode,
            String flagText,
            String recordedBy,
            java.time.Instant recordedAt) {}

    /** A flag with its acknowledgement, if one was recorded since the flag applies in its current words. */
    public record FlagShown(Flag flag, SafetyRecord acknowledgement) {}

    /**
     * The opioid safety panel.
     *
     * @param summary MME lines, total, table and flags (the module's evaluation)
     * @param flags the flags with their acknowledgements
     * @param toReconcile how many free-text medications are not counted (not structured yet)
     * @param riskFactors the naloxone risk factors besides age and dose read from the problem list (ICD-10-CM), with
     *     the problems that show them
     */
    public record Panel(
            OpioidSafety.Summary summary,
            List<FlagShown> flags,
            int toReconcile,
            Map<SafetyRecordKind, SafetyRecord> lastRecords,
            NaloxoneRiskFactors.Found riskFactors) {

        public String table() {
            return summary.mme().table();
        }

        public boolean hasOpioid() {
            return !summary.mme().lines().isEmpty();
        }
    }

    /** The page: structured medications (current first), those to reconcile, the panel and the safety records. */
    public record Page(
            List<Entry> current,
            List<Entry> stopped,
            List<ToReconcile> toReconcile,
            Panel panel,
            List<SafetyRecord> records,
            LocalDate today) {}

    @Transactional(readOnly = true)
    public Page page(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.read("medications"));
        LocalDate today = LocalDate.now(clock);
        List<Entry> all = entries(patientId);
        List<ToReconcile> toReconcile = toReconcile(patientId, all);
        List<SafetyRecord> records = safetyRecords(patientId);
        return new Page(
                all.stream().filter(e -> e.medication().takenOn(today)).toList(),
                all.stream().filter(e -> !e.medication().takenOn(today)).toList(),
                toReconcile,
                panel(patientId, all, toReconcile.size(), records, today),
                records,
                today);
    }

    /** The opioid safety panel alone (the chart's compact one, the API's summary). */
    @Transactional(readOnly = true)
    public Panel panel(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.read("opioid safety summary"));
        List<Entry> all = entries(patientId);
        return panel(
                patientId, all, toReconcile(patientId, all).size(), safetyRecords(patientId), LocalDate.now(clock));
    }

    /** The structured medications, current and stopped. */
    @Transactional(readOnly = true)
    public List<Entry> list(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.read("structured medications"));
        return entries(patientId);
    }

    /** The free-text medication of the chart a structured one would replace (to prefill the form). */
    @Transactional(readOnly = true)
    public Optional<ToReconcile> toReconcile(Actor actor, UUID patientId, UUID chartEntryId) {
        access.open(actor, patientId, Purpose.read("medication to reconcile " + chartEntryId));
        return toReconcile(patientId, entries(patientId)).stream()
                .filter(t -> t.entryId().equals(chartEntryId))
                .findFirst();
    }

    /** The ingredients a person may pick, by name, with their class in words. */
    public List<IngredientCatalogue.Entry> ingredients() {
        return catalogue.entries().stream()
                .sorted(Comparator.comparing(IngredientCatalogue.Entry::name))
                .toList();
    }

    /**
     * Adds a structured medication. Every problem names the form's field ({@link MedicationForm}); nothing is stored
     * unless there is none.
     */
    @Transactional
    public Entry add(Actor actor, UUID patientId, MedicationForm form) {
        OpenChart chart = access.open(actor, patientId, Purpose.write("add medication"), Permission.WRITE_MEDICATIONS);
        Medication m = read(actor, patientId, form, null, List.of());
        return entry(insert(chart, actor, patientId, m, form));
    }

    /** Stores a medication {@link #read} accepted (version 1) and audits it; the chart is open for writing. */
    Versioned<Stored> insert(OpenChart chart, Actor actor, UUID patientId, Medication m, MedicationForm form) {
        UUID entryId = UUID.randomUUID();
        Versioned<Stored> saved = store.insertFirst(
                meds,
                patientId,
                entryId,
                Stored.of(m, form.sig().strip(), null, form.structures()),
                form.structures() == null ? null : "structures the chart's free-text entry " + form.structures(),
                actor.username());
        chart.audit(AuditAction.CREATE, "medication " + entryId + ": " + m.name() + ", " + SigText.render(m.sig()));
        return saved;
    }

    /**
     * Reads a form into a medication, or refuses it with every problem naming the form's field (prefixed by {@code
     * prefix}, e.g. "lines[2].", when not null), nothing stored. {@code extra} problems are reported with them.
     */
    Medication read(Actor actor, UUID patientId, MedicationForm form, String prefix, List<FieldProblem> extra) {
        String pre = prefix == null ? "" : prefix;
        if (form == null) {
            throw new InvalidInputException(List.of(new FieldProblem(pre + "medication", "send the medication")));
        }
        List<FieldProblem> problems = new ArrayList<>(validator.validate(form).stream()
                .map(v -> new FieldProblem(pre + v.getPropertyPath().toString(), v.getMessage()))
                .toList());
        if (!problems.isEmpty()) { // what is missing first; what does not fit once everything is there
            problems.addAll(extra);
            throw new InvalidInputException(problems);
        }
        Sig sig = SigText.read(form.sig(), problems);
        Medication m = new Medication(
                form.ingredients(catalogue),
                form.form(),
                form.route(),
                sig,
                form.start(),
                null,
                form.lastDoseTaken(),
                form.prescriber(actor.staffId(), actor.username()),
                form.indication());
        if (sig != null) {
            problems.addAll(check.problems(m));
        } else {
            check.problems(m).stream().filter(p -> !p.field().startsWith("sig")).forEach(problems::add);
        }
        if (form.structures() != null
                && toReconcile(patientId, entries(patientId)).stream()
                        .noneMatch(t -> t.entryId().equals(form.structures()))) {
            problems.add(new FieldProblem(
                    "structures", "is not a free-text medication of this chart still to " + "reconcile"));
        }
        if (!problems.isEmpty() || !extra.isEmpty()) {
            List<FieldProblem> all = new ArrayList<>(problems.stream()
                    .map(p -> new FieldProblem(pre + MedicationForm.formField(p.field()), p.message()))
                    .distinct()
                    .toList());
            all.addAll(extra);
            throw new InvalidInputException(all);
        }
        return m;
    }

    /**
     * Corrects a structured medication: the next version with what the form says (its stop, if any, is kept), based
     * on the version the person read; a newer version written meanwhile is a conflict and nothing is stored. The
     * reason is required.
     */
    @Transactional
    public Entry correct(
            Actor actor, UUID patientId, UUID entryId, Integer expectedVersion, MedicationForm form, String reason) {
        OpenChart chart = access.open(
                actor, patientId, Purpose.write("correct medication " + entryId), Permission.WRITE_MEDICATIONS);
        Versioned<Stored> current = own(patientId, entryId);
        List<FieldProblem> extra = new ArrayList<>();
        if (expectedVersion == null) {
            extra.add(new FieldProblem("version", "say which version you correct (the one you read)"));
        }
        if (reason == null || reason.isBlank()) {
            extra.add(new FieldProblem("reason", "say why it is corrected"));
        }
        // the free-text entry it structures stays the one it had (changed() keeps it); not checked again here
        MedicationForm kept = form == null ? null : form.structuring(null);
        Medication m = read(actor, patientId, kept, null, extra);
        Versioned<Stored> saved = changed(chart, actor, current, expectedVersion, m, form.sig(), reason, "corrected");
        return entry(saved);
    }

    /** The next version of a structured medication with new contents (a correction, or a change at reconciliation). */
    Versioned<Stored> changed(
            OpenChart chart,
            Actor actor,
            Versioned<Stored> current,
            int expectedVersion,
            Medication m,
            String sigText,
            String reason,
            String what) {
        Stored s = current.data();
        // "ours" stays the prescriber who prescribed it, not the person correcting the entry
        Prescriber prescriber = m.prescriber() != null
                        && m.prescriber().ours()
                        && s.prescriber() != null
                        && s.prescriber().ours()
                ? s.prescriber()
                : m.prescriber();
        Stored next = new Stored(
                m.ingredients(),
                m.form(),
                m.route(),
                m.sig(),
                sigText.strip(),
                m.start(),
                s.stopDate(),
                s.stopReason(),
                m.lastDoseTaken(),
                prescriber,
                blankToNull(m.indication()),
                s.structures());
        Versioned<Stored> saved = store.insertNext(
                meds, current.entryId(), expectedVersion, next, what + ": " + reason.strip(), actor.username());
        chart.audit(
                AuditAction.UPDATE,
                "medication " + current.entryId() + " " + what + " (version " + saved.version() + "): " + m.name()
                        + ", " + SigText.render(m.sig()) + "; " + reason.strip());
        return saved;
    }

    /**
     * Voids a structured medication entered by mistake: the next version, marked void with the reason; every earlier
     * version stays readable. A free-text entry it structured is "to reconcile" again.
     */
    @Transactional
    public void voidMedication(Actor actor, UUID patientId, UUID entryId, Integer expectedVersion, String reason) {
        OpenChart chart = access.open(
                actor, patientId, Purpose.write("void medication " + entryId), Permission.WRITE_MEDICATIONS);
        own(patientId, entryId);
        List<FieldProblem> problems = new ArrayList<>();
        if (expectedVersion == null) {
            problems.add(new FieldProblem("version", "say which version you void (the one you read)"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "say why it is voided"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        store.voidEntry(meds, entryId, expectedVersion, reason.strip(), actor.username());
        chart.audit(AuditAction.VOID, "medication " + entryId + " voided: " + reason.strip());
    }

    /** Every version of a structured medication, newest first (voided ones included). */
    @Transactional(readOnly = true)
    public List<Entry> history(Actor actor, UUID patientId, UUID entryId) {
        access.open(actor, patientId, Purpose.read("medication history " + entryId));
        if (!store.patientOf(meds, entryId).map(patientId::equals).orElse(false)) {
            throw new NotFoundException("No medication " + entryId + " for this patient");
        }
        return store.history(meds, entryId).stream().map(Medications::entry).toList();
    }

    /** The patient a structured medication belongs to, if it exists (to find whose chart to open; not a read). */
    public Optional<UUID> patientOf(UUID entryId) {
        return store.patientOf(meds, entryId);
    }

    /** One current structured medication (to prefill a correction). */
    @Transactional(readOnly = true)
    public Optional<Entry> current(Actor actor, UUID patientId, UUID entryId) {
        access.open(actor, patientId, Purpose.read("medication " + entryId));
        return entries(patientId).stream()
                .filter(e -> e.entryId().equals(entryId))
                .findFirst();
    }

    /** Opens the chart for a change of medications (403, audited, for a role that may not); nothing is stored. */
    @Transactional(readOnly = true)
    public void requireMayWrite(Actor actor, UUID patientId, String what) {
        access.open(actor, patientId, Purpose.write(what), Permission.WRITE_MEDICATIONS);
    }

    /** Stops a medication: the next version with the stop date and the reason (required). */
    @Transactional
    public Entry stop(
            Actor actor, UUID patientId, UUID entryId, Integer expectedVersion, LocalDate stopDate, String reason) {
        OpenChart chart = access.open(
                actor, patientId, Purpose.write("stop medication " + entryId), Permission.WRITE_MEDICATIONS);
        Versioned<Stored> current = own(patientId, entryId);
        List<FieldProblem> problems = new ArrayList<>();
        if (expectedVersion == null) {
            problems.add(new FieldProblem("version", "say which version you stop (the one you read)"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "say why it is stopped"));
        }
        LocalDate on = stopDate == null ? LocalDate.now(clock) : stopDate;
        if (current.data().startDate() != null && on.isBefore(current.data().startDate())) {
            problems.add(new FieldProblem(
                    "stopDate", "is before the start date " + current.data().startDate()));
        }
        if (current.data().stopDate() != null) {
            problems.add(new FieldProblem(
                    "stopDate", "it was stopped already on " + current.data().stopDate()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return entry(stopped(chart, actor, current, expectedVersion, on, reason));
    }

    /** The next version of a structured medication, stopped on {@code on} for {@code reason} (checked by the caller). */
    Versioned<Stored> stopped(
            OpenChart chart, Actor actor, Versioned<Stored> current, int expectedVersion, LocalDate on, String reason) {
        Stored s = current.data();
        Stored stopped = new Stored(
                s.ingredients(),
                s.form(),
                s.route(),
                s.sig(),
                s.sigText(),
                s.startDate(),
                on,
                reason.strip(),
                s.lastDoseTaken(),
                s.prescriber(),
                s.indication(),
                s.structures());
        Versioned<Stored> saved = store.insertNext(
                meds, current.entryId(), expectedVersion, stopped, "stopped: " + reason.strip(), actor.username());
        chart.audit(
                AuditAction.UPDATE, "medication " + current.entryId() + " stopped on " + on + ": " + reason.strip());
        return saved;
    }

    /**
     * Records naloxone offered, a PDMP check (what was found is required), a urine drug test or a treatment
     * agreement on file.
     */
    @Transactional
    public SafetyRecord record(Actor actor, UUID patientId, SafetyRecordKind kind, LocalDate onDate, String finding) {
        OpenChart chart =
                access.open(actor, patientId, Purpose.write("record " + labelOf(kind)), Permission.WRITE_MEDICATIONS);
        List<FieldProblem> problems = new ArrayList<>();
        if (kind == null || kind == SafetyRecordKind.FLAG_ACKNOWLEDGED) {
            problems.add(new FieldProblem("kind", "choose what to record"));
        }
        LocalDate today = LocalDate.now(clock);
        if (onDate == null) {
            problems.add(new FieldProblem("onDate", "give the date"));
        } else if (onDate.isAfter(today)) {
            problems.add(new FieldProblem("onDate", "is in the future"));
        }
        if (kind == SafetyRecordKind.PDMP_CHECKED && (finding == null || finding.isBlank())) {
            problems.add(new FieldProblem("finding", "say what the PDMP check found"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Versioned<Safety> saved = store.insertFirst(
                safetyRecords,
                patientId,
                UUID.randomUUID(),
                new Safety(kind, onDate, blankToNull(finding), null, null),
                actor.username());
        chart.audit(
                AuditAction.CREATE,
                kind.label() + " on " + onDate + (finding == null || finding.isBlank() ? "" : ": " + finding.strip()));
        return safetyRecord(saved);
    }

    /** Acknowledges a flag that applies now, with a reason (required): the flag stays shown, with who and why. */
    @Transactional
    public SafetyRecord acknowledge(Actor actor, UUID patientId, String flagCode, String reason) {
        OpenChart chart = access.open(
                actor, patientId, Purpose.write("acknowledge flag " + flagCode), Permission.WRITE_MEDICATIONS);
        Panel panel = panel(patientId, entries(patientId), 0, safetyRecords(patientId), LocalDate.now(clock));
        Flag flag = panel.summary().flags().stream()
                .filter(f -> f.code().equals(flagCode))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        List.of(new FieldProblem("code", "this flag does not apply to the patient now"))));
        FlagAcknowledgement ack = flag.acknowledge(reason, actor.staffId(), clock.instant());
        Versioned<Safety> saved = store.insertFirst(
                safetyRecords,
                patientId,
                UUID.randomUUID(),
                new Safety(
                        SafetyRecordKind.FLAG_ACKNOWLEDGED,
                        LocalDate.now(clock),
                        ack.reason(),
                        ack.code(),
                        ack.flagText()),
                actor.username());
        chart.audit(AuditAction.CREATE, "flag " + ack.code() + " acknowledged: " + ack.reason());
        return safetyRecord(saved);
    }

    // --- reading ---

    List<Entry> entries(UUID patientId) {
        return store.current(meds, patientId).stream().map(Medications::entry).toList();
    }

    Versioned<Stored> own(UUID patientId, UUID entryId) {
        store.latest(meds, entryId)
                .filter(Versioned::voided)
                .filter(v ->
                        store.patientOf(meds, entryId).map(patientId::equals).orElse(false))
                .ifPresent(
                        v -> { // voided meanwhile: the person's change is a conflict, not a missing entry
                            throw new VersionConflictException(entryId, v.version() - 1, v.version(), v.recordedBy());
                        });
        return store.latest(meds, entryId)
                .filter(v -> !v.voided())
                .filter(v ->
                        store.patientOf(meds, entryId).map(patientId::equals).orElse(false))
                .orElseThrow(() -> new NotFoundException("No medication " + entryId + " for this patient"));
    }

    List<ToReconcile> toReconcile(UUID patientId, List<Entry> structured) {
        Set<UUID> done = structured.stream()
                .map(Entry::structures)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toCollection(java.util.HashSet::new));
        for (Versioned<Reconciliation> r : store.current(reconciliations, patientId)) {
            r.data().lines().stream() // a line of the referral's list stopped at a reconciliation is reconciled
                    .filter(l -> l.source() == Reconciliation.Source.REFERRAL_LIST
                            && l.decision() == Reconciliation.Decision.STOPPED)
                    .forEach(l -> done.add(l.sourceEntryId()));
        }
        return store.current(EntryKind.MEDICATION.record(), patientId).stream()
                .filter(v -> !done.contains(v.entryId()))
                .map(v -> new ToReconcile(
                        v.entryId(),
                        v.data().name(),
                        v.data().dose(),
                        v.data().frequency(),
                        v.data().route(),
                        v.data().status(),
                        v.data().startDate(),
                        v.version(),
                        v.recordedBy()))
                .toList();
    }

    private List<SafetyRecord> safetyRecords(UUID patientId) {
        return store.current(safetyRecords, patientId).stream()
                .map(Medications::safetyRecord)
                .toList();
    }

    private Panel panel(UUID patientId, List<Entry> all, int toReconcile, List<SafetyRecord> records, LocalDate today) {
        Map<SafetyRecordKind, SafetyRecord> last = new java.util.EnumMap<>(SafetyRecordKind.class);
        for (SafetyRecord r : records) { // newest first
            last.putIfAbsent(r.kind(), r);
        }
        SafetyInputs inputs = SafetyInputs.nothingOnFile(today)
                .withPdmpCheck(dateOf(last, SafetyRecordKind.PDMP_CHECKED))
                .withUrineDrugTest(dateOf(last, SafetyRecordKind.URINE_DRUG_TEST))
                .withNaloxoneOffered(dateOf(last, SafetyRecordKind.NALOXONE_OFFERED))
                .withAgreement(last.containsKey(SafetyRecordKind.TREATMENT_AGREEMENT))
                .withAge(age(patientId, today));
        NaloxoneRiskFactors.Found risks =
                NaloxoneRiskFactors.read(store.current(EntryKind.PROBLEM.record(), patientId).stream()
                        .map(Versioned::data)
                        .toList());
        inputs = inputs.withRisks(
                !risks.overdoseOrSubstanceUse().isEmpty(),
                !risks.sleepApnoea().isEmpty(),
                !risks.renalOrHepatic().isEmpty());
        OpioidSafety.Summary summary =
                safety.evaluate(all.stream().map(Entry::medication).toList(), inputs);
        List<FlagShown> flags = summary.flags().stream()
                .map(f -> new FlagShown(
                        f,
                        records.stream()
                                .filter(r -> r.kind() == SafetyRecordKind.FLAG_ACKNOWLEDGED
                                        && f.code().equals(r.flagCode())
                                        && f.text().equals(r.flagText()))
                                .findFirst()
                                .orElse(null)))
                .toList();
        return new Panel(summary, flags, toReconcile, last, risks);
    }

    private Integer age(UUID patientId, LocalDate today) {
        LocalDate born = patients.summary(patientId).birthDate();
        return born == null ? null : Period.between(born, today).getYears();
    }

    private static LocalDate dateOf(Map<SafetyRecordKind, SafetyRecord> last, SafetyRecordKind kind) {
        SafetyRecord r = last.get(kind);
        return r == null ? null : r.onDate();
    }

    static Entry entry(Versioned<Stored> v) {
        Stored s = v.data();
        return new Entry(
                v.entryId(),
                v.version(),
                s.medication(),
                s.sigText(),
                SigText.render(s.sig()),
                s.stopReason(),
                s.structures(),
                v.recordedBy(),
                v.recordedAt());
    }

    private static SafetyRecord safetyRecord(Versioned<Safety> v) {
        Safety s = v.data();
        return new SafetyRecord(
                v.entryId(),
                v.version(),
                s.kind(),
                s.onDate(),
                s.finding(),
                s.flagCode(),
                s.flagText(),
                v.recordedBy(),
                v.recordedAt());
    }

    private static String labelOf(SafetyRecordKind kind) {
        return kind == null ? "opioid safety record" : kind.label().toLowerCase();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
