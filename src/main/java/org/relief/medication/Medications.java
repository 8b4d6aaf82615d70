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
    // Why over 300 lines: structured medications, opioid safety records and the summary behind one guard; next split:
    // the safety records.

    private final RecordStore store;
    private final RecordKind<Stored> meds;
    private final RecordKind<Safety> safetyRecords;
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
            LocalDate startDate) {}

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
     * @param riskFactorsRead false: the naloxone risk factors other than age (overdose or substance use history,
     *     sleep apnoea, renal or hepatic failure) are not read from the chart yet; the panel says so
     */
    public record Panel(
            OpioidSafety.Summary summary,
            List<FlagShown> flags,
            int toReconcile,
            Map<SafetyRecordKind, SafetyRecord> lastRecords,
            boolean riskFactorsRead) {

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
        if (form == null) {
            throw new InvalidInputException(List.of(new FieldProblem("medication", "send the medication")));
        }
        List<FieldProblem> problems = new ArrayList<>(validator.validate(form).stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .toList());
        if (!problems.isEmpty()) { // what is missing first; what does not fit once everything is there
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
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream()
                    .map(p -> new FieldProblem(MedicationForm.formField(p.field()), p.message()))
                    .distinct()
                    .toList());
        }
        Stored stored = new Stored(
                m.ingredients(),
                m.form(),
                m.route(),
                m.sig(),
                form.sig().strip(),
                m.start(),
                null,
                null,
                m.lastDoseTaken(),
                m.prescriber(),
                blankToNull(m.indication()),
                form.structures());
        UUID entryId = UUID.randomUUID();
        Versioned<Stored> saved = store.insertFirst(
                meds,
                patientId,
                entryId,
                stored,
                form.structures() == null ? null : "structures the chart's free-text entry " + form.structures(),
                actor.username());
        chart.audit(AuditAction.CREATE, "medication " + entryId + ": " + m.name() + ", " + SigText.render(m.sig()));
        return entry(saved);
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
                meds, entryId, expectedVersion, stopped, "stopped: " + reason.strip(), actor.username());
        chart.audit(AuditAction.UPDATE, "medication " + entryId + " stopped on " + on + ": " + reason.strip());
        return entry(saved);
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

    private List<Entry> entries(UUID patientId) {
        return store.current(meds, patientId).stream().map(Medications::entry).toList();
    }

    private Versioned<Stored> own(UUID patientId, UUID entryId) {
        return store.latest(meds, entryId)
                .filter(v -> !v.voided())
                .filter(v ->
                        store.patientOf(meds, entryId).map(patientId::equals).orElse(false))
                .orElseThrow(() -> new NotFoundException("No medication " + entryId + " for this patient"));
    }

    private List<ToReconcile> toReconcile(UUID patientId, List<Entry> structured) {
        Set<UUID> done = structured.stream()
                .map(Entry::structures)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        return store.current(EntryKind.MEDICATION.record(), patientId).stream()
                .filter(v -> !done.contains(v.entryId()))
                .map(v -> new ToReconcile(
                        v.entryId(),
                        v.data().name(),
                        v.data().dose(),
                        v.data().frequency(),
                        v.data().route(),
                        v.data().status(),
                        v.data().startDate()))
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
        return new Panel(summary, flags, toReconcile, last, false);
    }

    private Integer age(UUID patientId, LocalDate today) {
        LocalDate born = patients.summary(patientId).birthDate();
        return born == null ? null : Period.between(born, today).getYears();
    }

    private static LocalDate dateOf(Map<SafetyRecordKind, SafetyRecord> last, SafetyRecordKind kind) {
        SafetyRecord r = last.get(kind);
        return r == null ? null : r.onDate();
    }

    private static Entry entry(Versioned<Stored> v) {
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
