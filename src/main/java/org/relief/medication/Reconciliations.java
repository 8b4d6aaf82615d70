package org.relief.medication;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relief.audit.AuditAction;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.OpenChart;
import org.relief.careteam.Permission;
import org.relief.careteam.Purpose;
import org.relief.medication.MedicationKinds.Stored;
import org.relief.medication.Reconciliation.Decision;
import org.relief.medication.Reconciliation.Line;
import org.relief.medication.Reconciliation.LineForm;
import org.relief.medication.Reconciliation.Source;
import org.relief.patient.ChartService;
import org.relief.patient.Codes.MedicationStatus;
import org.relief.patient.EntryKind;
import org.relief.record.RecordKind;
import org.relief.record.RecordStore;
import org.relief.record.Versioned;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.relief.shared.VersionConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Medication reconciliation at intake and at each visit: the referral's list (the chart's free-text medications,
 * typed or imported from FHIR MedicationStatement / MedicationRequest) beside the current structured list; a
 * prescriber ({@link Permission#WRITE_MEDICATIONS}, through the guard) decides every line in one go, and the
 * reconciliation is stored as a versioned record with each line's decision, reason and result. Nothing is lost: a
 * confirmed or changed free-text line becomes a structured medication that names it (the free text stays readable), a
 * stopped one is corrected to "stopped" on the chart (a new version), one left alone stays "to reconcile". Every
 * line is checked before anything is written; a line whose version changed meanwhile is a conflict and nothing is
 * stored.
 */
@Service
public class Reconciliations {
    // Why over 300 lines: every line of both lists is checked before any is applied, and each source and decision
    // applies differently; next split: the free-text prefill.

    private final RecordStore store;
    private final RecordKind<Reconciliation> kind;
    private final Medications medications;
    private final ChartAccess access;
    private final ChartService charts;
    private final Clock clock;
    private final jakarta.validation.Validator validator;

    Reconciliations(
            RecordStore store,
            RecordKind<Reconciliation> medicationReconciliations,
            Medications medications,
            ChartAccess access,
            ChartService charts,
            Clock clock,
            jakarta.validation.Validator validator) {
        this.store = store;
        this.kind = medicationReconciliations;
        this.medications = medications;
        this.access = access;
        this.charts = charts;
        this.clock = clock;
        this.validator = validator;
    }

    /** A stored reconciliation as shown. */
    public record Done(
            UUID entryId, int version, Reconciliation reconciliation, String recordedBy, java.time.Instant recordedAt) {

        public long count(Decision d) {
            return reconciliation.lines().stream()
                    .filter(l -> l.decision() == d)
                    .count();
        }
    }

    /**
     * The screen: the referral's list (free text still to reconcile) and the current structured list, each line with
     * a form prefilled (free text: the ingredient and strength where the words name them exactly; structured: as it
     * is), and the reconciliations done before.
     */
    public record Worklist(
            List<Medications.ToReconcile> referralList,
            List<Medications.Entry> current,
            Reconciliation.Form form,
            List<Done> done,
            LocalDate today) {}

    @Transactional(readOnly = true)
    public Worklist worklist(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.read("medication reconciliation"));
        LocalDate today = LocalDate.now(clock);
        List<Medications.Entry> all = medications.entries(patientId);
        List<Medications.ToReconcile> referral = medications.toReconcile(patientId, all);
        List<Medications.Entry> current =
                all.stream().filter(e -> e.medication().takenOn(today)).toList();
        List<LineForm> lines = new ArrayList<>();
        referral.forEach(
                t -> lines.add(new LineForm(Source.REFERRAL_LIST, t.entryId(), t.version(), null, null, prefill(t))));
        current.forEach(e -> lines.add(new LineForm(
                Source.CURRENT,
                e.entryId(),
                e.version(),
                null,
                null,
                MedicationForm.of(e.medication(), e.sigText(), null))));
        return new Worklist(referral, current, new Reconciliation.Form(null, null, lines), done(patientId), today);
    }

    /** The reconciliations done for the patient, newest first. */
    @Transactional(readOnly = true)
    public List<Done> list(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.read("medication reconciliations"));
        return done(patientId);
    }

    /** Opens the chart for a reconciliation (403, audited, for a role that may not); nothing is stored. */
    @Transactional(readOnly = true)
    public void requireMayReconcile(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.write("reconcile medications"), Permission.WRITE_MEDICATIONS);
    }

    /**
     * Records a reconciliation. Every line of both lists must be decided; the problems name the form's fields
     * ({@code lines[2].reason}, {@code lines[0].medication.sig}); nothing is stored unless there is none.
     *
     * @throws VersionConflictException when a line changed since the prescriber opened the screen
     */
    @Transactional
    public Done reconcile(Actor actor, UUID patientId, Reconciliation.Form form) {
        OpenChart chart =
                access.open(actor, patientId, Purpose.write("reconcile medications"), Permission.WRITE_MEDICATIONS);
        LocalDate today = LocalDate.now(clock);
        List<FieldProblem> problems = new ArrayList<>();
        if (form == null) {
            throw new InvalidInputException(List.of(new FieldProblem("lines", "send the reconciliation")));
        }
        validator
                .validate(form)
                .forEach(v -> problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage())));
        if (form.occasion() == null) {
            problems.add(new FieldProblem("occasion", "say whether this is the intake or a visit"));
        }
        List<Medications.Entry> all = medications.entries(patientId);
        Map<UUID, Medications.ToReconcile> referral = new HashMap<>();
        medications.toReconcile(patientId, all).forEach(t -> referral.put(t.entryId(), t));
        Map<UUID, Medications.Entry> current = new HashMap<>();
        all.stream().filter(e -> e.medication().takenOn(today)).forEach(e -> current.put(e.entryId(), e));
        List<LineForm> lines = form.lines() == null ? List.of() : form.lines();
        Set<UUID> seen = new HashSet<>();
        List<Medication> read = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            read.add(check(actor, patientId, i, lines.get(i), referral, current, seen, problems));
        }
        List<String> missing = new ArrayList<>();
        referral.values().stream().filter(t -> !seen.contains(t.entryId())).forEach(t -> missing.add(t.name()));
        current.values().stream().filter(e -> !seen.contains(e.entryId())).forEach(e -> missing.add(e.name()));
        if (!missing.isEmpty()) {
            problems.add(new FieldProblem(
                    "lines",
                    "every line must be decided; not in this reconciliation: " + String.join(", ", missing)
                            + " (the list may have changed since you opened it: open it again)"));
        }
        if (lines.isEmpty() && missing.isEmpty()) {
            problems.add(new FieldProblem("lines", "there is no medication to reconcile"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            out.add(apply(chart, actor, patientId, lines.get(i), read.get(i), referral, current, today));
        }
        Reconciliation r = new Reconciliation(form.occasion(), today, out, blankToNull(form.note()));
        Versioned<Reconciliation> saved = store.insertFirst(kind, patientId, UUID.randomUUID(), r, actor.username());
        chart.audit(
                AuditAction.CREATE,
                "medication reconciliation " + saved.entryId() + " ("
                        + form.occasion().label() + "): " + out.size() + " lines");
        return done(saved);
    }

    /** Checks one line; returns the medication it sends when one is needed (else null). */
    private Medication check(
            Actor actor,
            UUID patientId,
            int i,
            LineForm line,
            Map<UUID, Medications.ToReconcile> referral,
            Map<UUID, Medications.Entry> current,
            Set<UUID> seen,
            List<FieldProblem> problems) {
        String at = "lines[" + i + "].";
        if (line == null || line.source() == null || line.entryId() == null) {
            problems.add(new FieldProblem(at + "entryId", "name the medication of this line"));
            return null;
        }
        if (!seen.add(line.entryId())) {
            problems.add(new FieldProblem(at + "entryId", "this medication is in the reconciliation twice"));
            return null;
        }
        Integer listed = line.source() == Source.REFERRAL_LIST
                ? versionOf(referral.get(line.entryId()))
                : versionOf(current.get(line.entryId()));
        if (listed == null) {
            problems.add(new FieldProblem(
                    at + "entryId",
                    line.source() == Source.REFERRAL_LIST
                            ? "is not a free-text medication of this chart still to reconcile"
                            : "is not a structured medication taken now"));
            return null;
        }
        if (line.version() == null) {
            problems.add(new FieldProblem(at + "version", "say which version you reconciled (the one you read)"));
        } else if (!line.version().equals(listed)) {
            throw new VersionConflictException(
                    line.entryId(), line.version(), listed, recordedBy(line, referral, current));
        }
        Decision d = line.decision();
        if (d == null) {
            problems.add(new FieldProblem(at + "decision", "choose confirmed, changed or stopped"));
            return null;
        }
        if (d == Decision.LEFT_TO_RECONCILE && line.source() == Source.CURRENT) {
            problems.add(new FieldProblem(at + "decision", "a structured medication is confirmed, changed or stopped"));
        }
        boolean reasonNeeded = d != Decision.CONFIRMED;
        if (reasonNeeded && (line.reason() == null || line.reason().isBlank())) {
            problems.add(
                    new FieldProblem(at + "reason", "say why it is " + d.label().toLowerCase(Locale.ROOT)));
        }
        boolean needsMedication =
                d == Decision.CHANGED || (d == Decision.CONFIRMED && line.source() == Source.REFERRAL_LIST);
        if (!needsMedication) {
            return null;
        }
        MedicationForm m = line.medication();
        if (m == null) {
            problems.add(new FieldProblem(at + "medication", "give the medication as it is taken"));
            return null;
        }
        // a structured line keeps the free-text entry it structures (changed() keeps it): not checked again here
        MedicationForm form = m.structuring(line.source() == Source.REFERRAL_LIST ? line.entryId() : null);
        try {
            return medications.read(actor, patientId, form, at + "medication.", List.of());
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private Line apply(
            OpenChart chart,
            Actor actor,
            UUID patientId,
            LineForm line,
            Medication m,
            Map<UUID, Medications.ToReconcile> referral,
            Map<UUID, Medications.Entry> current,
            LocalDate today) {
        String reason = blankToNull(line.reason());
        if (line.source() == Source.REFERRAL_LIST) {
            Medications.ToReconcile t = referral.get(line.entryId());
            String listed = t.asWritten();
            return switch (line.decision()) {
                case CONFIRMED, CHANGED -> {
                    Versioned<Stored> saved = medications.insert(
                            chart, actor, patientId, m, line.medication().structuring(t.entryId()));
                    yield line(line, listed, reason, saved.entryId(), structured(saved));
                }
                case STOPPED -> {
                    var entry = charts.entry(actor, patientId, EntryKind.MEDICATION, t.entryId());
                    var d = entry.data();
                    charts.correct(
                            actor,
                            patientId,
                            EntryKind.MEDICATION,
                            t.entryId(),
                            line.version(),
                            new org.relief.patient.Medication(
                                    d.name(),
                                    d.rxnormCode(),
                                    d.drugClass(),
                                    d.dose(),
                                    d.frequency(),
                                    d.route(),
                                    d.startDate(),
                                    MedicationStatus.STOPPED),
                            "stopped at medication reconciliation: " + reason);
                    yield line(line, listed, reason, null, "not taken: stopped");
                }
                case LEFT_TO_RECONCILE -> line(line, listed, reason, null, "stays as written, to reconcile");
            };
        }
        Medications.Entry e = current.get(line.entryId());
        String listed = e.name() + ", " + e.sigWords();
        Versioned<Stored> now = medications.own(patientId, e.entryId());
        return switch (line.decision()) {
            case CONFIRMED -> line(line, listed, reason, e.entryId(), "unchanged");
            case CHANGED -> {
                Versioned<Stored> saved = medications.changed(
                        chart,
                        actor,
                        now,
                        line.version(),
                        m,
                        line.medication().sig(),
                        reason,
                        "changed at reconciliation");
                yield line(line, listed, reason, saved.entryId(), structured(saved));
            }
            case STOPPED -> {
                Versioned<Stored> saved = medications.stopped(
                        chart, actor, now, line.version(), today, "stopped at reconciliation: " + reason);
                yield line(line, listed, reason, saved.entryId(), "stopped on " + today);
            }
            case LEFT_TO_RECONCILE -> throw new IllegalStateException("refused by check");
        };
    }

    private static Line line(LineForm l, String listed, String reason, UUID result, String words) {
        return new Line(l.source(), l.entryId(), l.version(), listed, l.decision(), reason, result, words);
    }

    private static String structured(Versioned<Stored> v) {
        Medications.Entry e = Medications.entry(v);
        return e.name() + ", " + e.sigWords();
    }

    private static Integer versionOf(Medications.ToReconcile t) {
        return t == null ? null : t.version();
    }

    private static Integer versionOf(Medications.Entry e) {
        return e == null ? null : e.version();
    }

    private static String recordedBy(
            LineForm line, Map<UUID, Medications.ToReconcile> referral, Map<UUID, Medications.Entry> current) {
        return line.source() == Source.REFERRAL_LIST
                ? referral.get(line.entryId()).recordedBy()
                : current.get(line.entryId()).recordedBy();
    }

    private List<Done> done(UUID patientId) {
        return store.current(kind, patientId).stream()
                .map(Reconciliations::done)
                .toList();
    }

    private static Done done(Versioned<Reconciliation> v) {
        return new Done(v.entryId(), v.version(), v.data(), v.recordedBy(), v.recordedAt());
    }

    private static final Pattern STRENGTH =
            Pattern.compile("\\b(\\d+(?:\\.\\d+)?)\\s*(mg/ml|mcg/h|mcg|mg|g)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * A free-text line as a form to complete: the catalogue's ingredient the name names (whole word), and the
     * strength only when the name states exactly one amount with its unit ("Oxycodone hydrochloride 5 MG Oral
     * Tablet": 5 mg; the dose field is the dose taken, not the strength); the sig is left for the prescriber (never
     * guessed from "every 4 h"). Prescribed outside (it comes from the referral).
     */
    MedicationForm prefill(Medications.ToReconcile t) {
        String lower = t.name() == null ? "" : t.name().toLowerCase(Locale.ROOT);
        String ingredient = medications.ingredients().stream()
                .map(IngredientCatalogue.Entry::name)
                .filter(n -> lower.matches(".*\\b" + Pattern.quote(n.toLowerCase(Locale.ROOT)) + "\\b.*"))
                .findFirst()
                .orElse("");
        BigDecimal strength = null;
        StrengthUnit unit = null;
        Matcher m = STRENGTH.matcher(lower);
        if (m.find() && !m.find(m.end())) {
            m.reset().find();
            strength = new BigDecimal(m.group(1));
            unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "mg" -> StrengthUnit.MG;
                case "mcg" -> StrengthUnit.MCG;
                case "g" -> StrengthUnit.G;
                case "mg/ml" -> StrengthUnit.MG_PER_ML;
                default -> StrengthUnit.MCG_PER_HOUR;
            };
        }
        return new MedicationForm(
                ingredient,
                strength,
                unit,
                null,
                null,
                null,
                null,
                null,
                "",
                t.startDate(),
                null,
                false,
                null,
                null,
                t.entryId());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
