package org.relief.portal;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.relief.assessment.Assessments;
import org.relief.audit.AuditAction;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.OpenChart;
import org.relief.careteam.Purpose;
import org.relief.medication.Medications;
import org.relief.plan.PlanVersion;
import org.relief.plan.Plans;
import org.relief.record.RecordKind;
import org.relief.record.RecordStore;
import org.relief.record.Versioned;
import org.relief.shared.FieldProblem;
import org.relief.shared.ForbiddenException;
import org.relief.shared.Inputs;
import org.relief.shared.InvalidInputException;
import org.relief.shared.VersionConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The patient's daily diary: one entry a day (today only; a day gone by without one stays missed, it is never filled
 * in), correctable the same day as the next version (record engine). Pain now is recorded as an NRS response and the
 * three PEG items as a PEG response through {@link Assessments} in the same transaction, so the outcomes trajectory
 * and the staff's instrument history read them where they read every NRS and PEG; a same-day correction corrects
 * those responses too. Only the portal's patient writes it, in their own chart ({@code SELF}).
 */
@Service
public class Diary {
    // Why over 300 lines: the diary form with its constraints, saving and same-day correction (with the NRS and PEG
    // responses they carry), the look-back with missed days and the adherence: one record kind, one service.

    /** How many days the patient's page and the staff's adherence look back (today included). */
    public static final int WINDOW_DAYS = 14;

    private final RecordStore records;
    private final RecordKind<DiaryDay> kind;
    private final ChartAccess access;
    private final Assessments assessments;
    private final Medications medications;
    private final Plans plans;
    private final Validator validator;
    private final Clock clock;

    Diary(
            RecordStore records,
            RecordKind<DiaryDay> kind,
            ChartAccess access,
            Assessments assessments,
            Medications medications,
            Plans plans,
            Validator validator,
            Clock clock) {
        this.records = records;
        this.kind = kind;
        this.access = access;
        this.assessments = assessments;
        this.medications = medications;
        this.plans = plans;
        this.validator = validator;
        this.clock = clock;
    }

    /** What a day's entry holds (stored as the diary record kind). */
    public record DiaryDay(
            LocalDate day,
            Integer painNow,
            Integer painAverage,
            Integer enjoyment,
            Integer generalActivity,
            Integer sleepQuality,
            Integer activityMinutes,
            List<Taken> medicationsTaken,
            String sideEffects,
            List<Done> therapiesDone,
            String note,
            UUID nrsResponse,
            UUID pegResponse) {}

    /** A medication of the structured list the patient took that day (its name as it was then). */
    public record Taken(UUID medication, String name) {}

    /** A therapy of the signed plan the patient did that day. */
    public record Done(String therapy, String name) {}

    /**
     * The diary form (phone first). Each 0-10 item is required and must be 0 to 10; minutes 0 to 1,440; texts are
     * short. {@code version} is the version of today's entry the patient corrects (empty for the first of the day).
     */
    public record DiaryForm(
            @NotNull(message = "choose a number from 0 to 10")
            @Min(value = 0, message = "must be 0 to 10")
            @Max(value = 10, message = "must be 0 to 10")
            Integer painNow,

            @NotNull(message = "choose a number from 0 to 10")
            @Min(value = 0, message = "must be 0 to 10")
            @Max(value = 10, message = "must be 0 to 10")
            Integer painAverage,

            @NotNull(message = "choose a number from 0 to 10")
            @Min(value = 0, message = "must be 0 to 10")
            @Max(value = 10, message = "must be 0 to 10")
            Integer enjoyment,

            @NotNull(message = "choose a number from 0 to 10")
            @Min(value = 0, message = "must be 0 to 10")
            @Max(value = 10, message = "must be 0 to 10")
            Integer generalActivity,

            @NotNull(message = "choose a number from 0 to 10")
            @Min(value = 0, message = "must be 0 to 10")
            @Max(value = 10, message = "must be 0 to 10")
            Integer sleepQuality,

            @NotNull(message = "say how many minutes (0 if none)")
            @Min(value = 0, message = "must be 0 to 1440 minutes")
            @Max(value = 1440, message = "must be 0 to 1440 minutes")
            Integer activityMinutes,

            @Size(max = 50, message = "too many medications")
            List<UUID> medicationsTaken,

            @Size(max = 1000, message = "at most 1,000 characters")
            String sideEffects,

            @Size(max = 50, message = "too many therapies") List<String> therapiesDone,

            @Size(max = 2000, message = "at most 2,000 characters")
            String note,

            Integer version) {}

    /** One day of the look-back: its entry, or missed (today: not yet). */
    public record Day(LocalDate day, Versioned<DiaryDay> entry, boolean today) {

        public boolean missed() {
            return entry == null && !today;
        }
    }

    /** What the diary page needs: today's entry (null if none yet), the days, and what can be ticked. */
    public record Page(
            LocalDate today,
            Versioned<DiaryDay> todays,
            List<Day> days,
            List<Medications.Entry> medications,
            List<PlanVersion.PlannedTherapy> therapies) {}

    /** Adherence as the chart shows it: days with an entry of the days since the diary began (at most the window). */
    public record Adherence(int daysWithEntry, int daysCounted, List<Versioned<DiaryDay>> latest, LocalDate today) {

        public boolean started() {
            return daysCounted > 0;
        }

        public int percent() {
            return daysCounted == 0 ? 0 : Math.round(100f * daysWithEntry / daysCounted);
        }
    }

    /** The patient's diary page (audited read). */
    @Transactional(readOnly = true)
    public Page page(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.read("diary"));
        LocalDate today = today();
        Map<LocalDate, Versioned<DiaryDay>> byDay = byDay(patientId);
        return new Page(
                today,
                byDay.get(today),
                days(byDay, today),
                currentMedications(actor, patientId, today),
                therapies(actor, patientId));
    }

    /**
     * Saves today's entry, or corrects it (the next version, when {@code form.version} names today's current
     * version). Bad input is refused after the guard, naming each field; nothing is stored then.
     */
    @Transactional
    public Versioned<DiaryDay> save(Actor actor, UUID patientId, DiaryForm form, Errors bound) {
        OpenChart chart = access.open(actor, patientId, Purpose.write("diary entry"));
        requirePatient(actor);
        Inputs.check(validator, form, bound);
        LocalDate today = today();
        Map<UUID, String> meds = currentMedications(actor, patientId, today).stream()
                .collect(Collectors.toMap(Medications.Entry::entryId, Medications.Entry::name, (a, b) -> a));
        Map<String, String> therapies = new LinkedHashMap<>();
        therapies(actor, patientId).forEach(t -> therapies.putIfAbsent(t.therapyCode(), t.therapyName()));
        List<FieldProblem> problems = new ArrayList<>();
        List<Taken> taken = new ArrayList<>();
        for (UUID id : distinct(form.medicationsTaken())) {
            if (!meds.containsKey(id)) {
                problems.add(new FieldProblem("medicationsTaken", "is not one of your current medications"));
                break;
            }
            taken.add(new Taken(id, meds.get(id)));
        }
        List<Done> done = new ArrayList<>();
        for (String code : distinct(form.therapiesDone())) {
            if (!therapies.containsKey(code)) {
                problems.add(new FieldProblem("therapiesDone", "is not one of the therapies in your plan"));
                break;
            }
            done.add(new Done(code, therapies.get(code)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Optional<Versioned<DiaryDay>> existing =
                Optional.ofNullable(byDay(patientId).get(today));
        Map<String, Integer> nrs = Map.of("pain", form.painNow());
        Map<String, Integer> peg = Map.of("p", form.painAverage(), "e", form.enjoyment(), "g", form.generalActivity());
        Versioned<DiaryDay> saved;
        if (existing.isEmpty()) {
            UUID nrsId = assessments.record(actor, patientId, "NRS", today, nrs).entryId();
            UUID pegId = assessments.record(actor, patientId, "PEG", today, peg).entryId();
            saved = records.insertFirst(
                    kind, patientId, UUID.randomUUID(), day(today, form, taken, done, nrsId, pegId), actor.username());
            chart.audit(AuditAction.CREATE, "diary entry for " + today);
        } else {
            Versioned<DiaryDay> current = existing.get();
            if (form.version() == null || form.version() != current.version()) {
                throw new VersionConflictException(
                        current.entryId(),
                        form.version() == null ? 0 : form.version(),
                        current.version(),
                        current.recordedBy());
            }
            String reason = "corrected the same day in the diary";
            UUID nrsId = correct(actor, patientId, current.data().nrsResponse(), today, nrs, reason);
            UUID pegId = correct(actor, patientId, current.data().pegResponse(), today, peg, reason);
            saved = records.insertNext(
                    kind,
                    current.entryId(),
                    current.version(),
                    day(today, form, taken, done, nrsId, pegId),
                    reason,
                    actor.username());
            chart.audit(AuditAction.UPDATE, "diary entry for " + today + " version " + saved.version());
        }
        return saved;
    }

    /** Diary adherence and the latest entries, for the care team's chart (audited read). */
    @Transactional(readOnly = true)
    public Adherence adherence(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.read("diary adherence"));
        return adherence(patientId);
    }

    /** Every day's current entry, oldest first, for the FHIR export (audited read). */
    @Transactional(readOnly = true)
    public List<Versioned<DiaryDay>> entries(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.read("diary entries"));
        return byDay(patientId).values().stream()
                .sorted(java.util.Comparator.comparing(v -> v.data().day()))
                .toList();
    }

    Adherence adherence(UUID patientId) {
        LocalDate today = today();
        Map<LocalDate, Versioned<DiaryDay>> byDay = byDay(patientId);
        List<Day> days = days(byDay, today);
        int counted =
                (int) days.stream().filter(d -> !d.today() || d.entry() != null).count();
        int with = (int) days.stream().filter(d -> d.entry() != null).count();
        List<Versioned<DiaryDay>> latest = byDay.values().stream()
                .sorted((a, b) -> b.data().day().compareTo(a.data().day()))
                .limit(5)
                .toList();
        return new Adherence(with, counted, latest, today);
    }

    private UUID correct(
            Actor actor, UUID patientId, UUID response, LocalDate today, Map<String, Integer> answers, String why) {
        int version = assessments.response(actor, patientId, response).version();
        return assessments
                .correct(actor, patientId, response, version, today, answers, why)
                .entryId();
    }

    private static DiaryDay day(
            LocalDate today, DiaryForm f, List<Taken> taken, List<Done> done, UUID nrsId, UUID pegId) {
        return new DiaryDay(
                today,
                f.painNow(),
                f.painAverage(),
                f.enjoyment(),
                f.generalActivity(),
                f.sleepQuality(),
                f.activityMinutes(),
                taken,
                blankToNull(f.sideEffects()),
                done,
                blankToNull(f.note()),
                nrsId,
                pegId);
    }

    /**
     * The look-back: from the first entry (or {@link #WINDOW_DAYS} days ago, whichever is later) to today, newest
     * first; a day without an entry is missed, today is "not yet".
     */
    private static List<Day> days(Map<LocalDate, Versioned<DiaryDay>> byDay, LocalDate today) {
        LocalDate from = today.minusDays(WINDOW_DAYS - 1L);
        LocalDate first = byDay.keySet().stream().min(LocalDate::compareTo).orElse(today);
        if (first.isAfter(from)) {
            from = first;
        }
        List<Day> days = new ArrayList<>();
        for (LocalDate d = today; !d.isBefore(from); d = d.minusDays(1)) {
            days.add(new Day(d, byDay.get(d), d.equals(today)));
        }
        return days;
    }

    private Map<LocalDate, Versioned<DiaryDay>> byDay(UUID patientId) {
        Map<LocalDate, Versioned<DiaryDay>> byDay = new LinkedHashMap<>();
        for (Versioned<DiaryDay> v : records.current(kind, patientId)) {
            byDay.put(v.data().day(), v);
        }
        return byDay;
    }

    private List<Medications.Entry> currentMedications(Actor actor, UUID patientId, LocalDate today) {
        return medications.list(actor, patientId).stream()
                .filter(e -> !e.stopped(today))
                .toList();
    }

    /** The therapies of the newest signed plan version (none before a plan is signed). */
    List<PlanVersion.PlannedTherapy> therapies(Actor actor, UUID patientId) {
        return plans.versions(actor, patientId).stream()
                .filter(PlanVersion::signed)
                .findFirst()
                .map(PlanVersion::therapies)
                .orElse(List.of());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The diary is the patient's own: staff read it (adherence) but never write it. */
    private static void requirePatient(Actor actor) {
        if (!actor.isPatient()) {
            throw new ForbiddenException("Only the patient keeps their diary, in the portal.");
        }
    }

    private static <T> List<T> distinct(List<T> list) {
        return list == null
                ? List.of()
                : list.stream().filter(x -> x != null).distinct().toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
