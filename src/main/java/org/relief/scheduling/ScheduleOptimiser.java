package org.relief.scheduling;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.Permission;
import org.relief.careteam.Purpose;
import org.relief.careteam.Staff;
import org.relief.plan.PlanVersion;
import org.relief.plan.Plans;
import org.relief.plan.Therapy;
import org.relief.plan.TherapyCatalog;
import org.relief.procedure.Orders;
import org.relief.procedure.ProcedureOrder;
import org.relief.procedure.rules.Decision;
import org.relief.procedure.rules.Outcome;
import org.relief.procedure.rules.RuleEngine;
import org.relief.scheduling.solver.ScheduleConstraints;
import org.relief.scheduling.solver.SchedulePlan;
import org.relief.scheduling.solver.Slot;
import org.relief.scheduling.solver.StaffWindow;
import org.relief.scheduling.solver.Taken;
import org.relief.scheduling.solver.Visit;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.relief.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The optimiser: from the patient's signed plan, a proposal for four weeks of appointments (Timefold Solver, in the
 * background, for a bounded time). Hard rules: the clinicians' hours and absences, no double booking of clinician,
 * room or patient, rooms with the equipment needed, the patient's available weekdays, the plan's frequency, and for
 * every procedure the days the procedure rule engine allows ({@link Orders#checkDays}: intervals, blood-thinner holds,
 * yearly limits, the safety hold - never computed here). Preferences: fewer trips, the therapy's own clinician, the
 * plan's order of procedures, short waits. A person accepts the proposal in whole or in part (each accepted visit is
 * booked as any booking, so the calendar's checks apply again); a visit left without a time is explained in words.
 *
 * <p>Runs are kept in this node's memory while they last (a proposal is not a record; what is accepted is).
 */
@Service
public class ScheduleOptimiser {
    // Why over 300 lines: building the problem from the plan, the rules and the calendar, following the run, and
    // explaining what could not be placed belong together; next split: the explanations.

    public static final int WEEKS = 4;
    private static final int STEP_MINUTES = 30;
    private static final Pattern PER_WEEK =
            Pattern.compile("(\\d+)\\s*(?:x|times)\\s*(?:a|per|/)?\\s*(?:week|wk)", Pattern.CASE_INSENSITIVE);

    private final Plans plans;
    private final Orders orders;
    private final Resources resources;
    private final Appointments appointments;
    private final ChartAccess access;
    private final Clock clock;
    private final Duration limit;
    private final Duration unimproved;
    /** Built on the first proposal, not at start: building the solver's model took about a third of a second. */
    private volatile SolverManager<SchedulePlan, UUID> solvers;

    private final Map<UUID, Run> runs = new ConcurrentHashMap<>();

    ScheduleOptimiser(
            Plans plans,
            Orders orders,
            Resources resources,
            Appointments appointments,
            ChartAccess access,
            Clock clock,
            @Value("${relief.scheduling.solver-limit:PT20S}") Duration limit,
            @Value("${relief.scheduling.solver-unimproved:PT5S}") Duration unimproved) {
        this.plans = plans;
        this.orders = orders;
        this.resources = resources;
        this.appointments = appointments;
        this.access = access;
        this.clock = clock;
        this.limit = limit;
        this.unimproved = unimproved;
    }

    private SolverManager<SchedulePlan, UUID> solvers() {
        SolverManager<SchedulePlan, UUID> s = solvers;
        if (s == null) {
            synchronized (this) {
                if (solvers == null) {
                    solvers = SolverManager.create(SolverFactory.create(solverConfig(limit, unimproved)));
                }
                s = solvers;
            }
        }
        return s;
    }

    /**
     * The solver configuration the optimiser runs with (the benchmark, bench/schedule.sh, uses the same one).
     *
     * @param unimproved stop sooner once the best score has not improved for this long; null: run to the limit
     */
    public static SolverConfig solverConfig(Duration limit, Duration unimproved) {
        return new SolverConfig()
                .withSolutionClass(SchedulePlan.class)
                .withEntityClasses(Visit.class)
                .withConstraintProviderClass(ScheduleConstraints.class)
                .withTerminationConfig(
                        new TerminationConfig().withSpentLimit(limit).withUnimprovedSpentLimit(unimproved));
    }

    @PreDestroy
    void stop() {
        synchronized (this) {
            if (solvers != null) {
                solvers.close();
            }
        }
    }

    /** One proposed visit as shown: where and when, or why it has no time. */
    public record Proposed(
            String id,
            String therapy,
            String type,
            LocalDate day,
            LocalTime start,
            LocalTime end,
            String clinician,
            String room,
            String why,
            String preparation) {

        public boolean placed() {
            return day != null;
        }
    }

    /** A run: its progress while it solves, its proposal when done. */
    public static final class Run {
        private final UUID id;
        private final UUID patientId;
        private final Instant started;
        private final Duration limit;
        private final List<String> notes;
        private final SchedulePlan problem;
        private volatile SchedulePlan best;
        private volatile boolean done;
        private volatile String failure;
        private volatile List<Proposed> proposal = List.of();

        Run(UUID id, UUID patientId, Instant started, Duration limit, List<String> notes, SchedulePlan problem) {
            this.id = id;
            this.patientId = patientId;
            this.started = started;
            this.limit = limit;
            this.notes = notes;
            this.problem = problem;
        }

        public UUID id() {
            return id;
        }

        public UUID patientId() {
            return patientId;
        }

        public boolean done() {
            return done;
        }

        public String failure() {
            return failure;
        }

        public List<String> notes() {
            return notes;
        }

        public List<Proposed> proposal() {
            return proposal;
        }

        /** The best score so far in words: hard rules broken, visits without a time, the preference score. */
        public String score() {
            HardMediumSoftScore s = best == null ? null : best.getScore();
            if (s == null) {
                return "no proposal yet";
            }
            return (s.hardScore() == 0 ? "no hard rule broken" : -s.hardScore() + " hard rule(s) broken") + ", "
                    + (s.mediumScore() == 0 ? "every visit placed" : -s.mediumScore() + " visit(s) without a time")
                    + ", preference penalty " + -s.softScore();
        }

        public boolean feasible() {
            return best != null && best.getScore() != null && best.getScore().hardScore() == 0;
        }

        /** Seconds left of the time allowed (0 once done). */
        public long secondsLeft() {
            if (done) {
                return 0;
            }
            return Math.max(
                    0, limit.minus(Duration.between(started, Instant.now())).toSeconds());
        }
    }

    /** What accepting did: each visit booked, or why not. */
    public record Accepted(List<Appointment> booked, List<String> refused) {}

    /**
     * Starts a run for the patient's newest signed plan.
     *
     * @param from the first day of the four weeks (tomorrow when null)
     * @param patientDays the weekdays the patient can come (every opening day when empty)
     */
    public Run start(Actor actor, UUID patientId, LocalDate from, Set<DayOfWeek> patientDays) {
        access.open(actor, patientId, Purpose.read("propose a schedule from the plan"), Permission.BOOK_APPOINTMENTS);
        LocalDate today = LocalDate.now(clock);
        LocalDate first = from == null ? today.plusDays(1) : from;
        if (first.isBefore(today) || first.isAfter(today.plusYears(1))) {
            throw new InvalidInputException(
                    List.of(new FieldProblem("from", "must be from today (" + today + ") to a year ahead")));
        }
        PlanVersion plan = plans.versions(actor, patientId).stream()
                .filter(PlanVersion::signed)
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        List.of(new FieldProblem("plan", "there is no signed plan: the physician signs one first"))));
        Set<DayOfWeek> days = patientDays == null || patientDays.isEmpty()
                ? EnumSet.allOf(DayOfWeek.class)
                : EnumSet.copyOf(patientDays);
        List<String> notes = new ArrayList<>();
        SchedulePlan problem = problem(actor, patientId, plan, first, days, notes);
        // a proposal lasts an hour; older runs are forgotten (what was accepted is booked)
        runs.values().removeIf(r -> r.done() && r.started.isBefore(Instant.now().minus(Duration.ofHours(1))));
        UUID id = UUID.randomUUID();
        Run run = new Run(id, patientId, Instant.now(), limit, notes, problem);
        runs.put(id, run);
        solvers()
                .solveBuilder()
                .withProblemId(id)
                .withProblem(problem)
                .withBestSolutionConsumer(best -> run.best = best)
                .withFinalBestSolutionConsumer(best -> {
                    run.best = best;
                    run.proposal = proposal(best, first);
                    run.done = true;
                })
                .withExceptionHandler((pid, e) -> {
                    run.failure = "The optimiser stopped: " + e.getMessage();
                    run.done = true;
                })
                .run();
        return run;
    }

    /** A run of this patient's (audited read of the chart), null when none is asked for, or 404. */
    public Run run(Actor actor, UUID patientId, UUID runId) {
        access.open(actor, patientId, Purpose.read("proposed schedule"));
        if (runId == null) {
            return null; // the page without a run: how to start one
        }
        Run run = runs.get(runId);
        if (run == null || !run.patientId().equals(patientId)) {
            throw new NotFoundException(
                    "No proposal " + runId + " for this patient (proposals last while Relief runs)");
        }
        return run;
    }

    /** Books the chosen visits of a finished proposal, each as a booking of its own (refusals reported, not fatal). */
    public Accepted accept(Actor actor, UUID patientId, UUID runId, Set<String> visitIds) {
        appointments.requireMayBook(actor, patientId, "accept a proposed schedule");
        Run run = run(actor, patientId, runId);
        if (run == null) {
            throw new InvalidInputException(List.of(new FieldProblem("run", "is required: start a proposal first")));
        }
        if (!run.done()) {
            throw new InvalidInputException(
                    List.of(new FieldProblem("run", "is still solving: wait for the proposal")));
        }
        if (visitIds == null || visitIds.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem("visit", "choose at least one visit to book")));
        }
        List<Appointment> booked = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Visit v : run.best.getVisits()) {
            if (!visitIds.contains(v.getId()) || v.getSlot() == null) {
                continue;
            }
            Slot s = v.getSlot();
            try {
                booked.add(appointments.book(
                        actor,
                        patientId,
                        new BookingForm(
                                v.typeCode(),
                                s.staffId(),
                                s.roomId(),
                                s.day(),
                                Appointments.time(s.start()),
                                null,
                                "proposed by the optimiser from the signed plan"),
                        null,
                        v.orderId()));
            } catch (BookingConflictException e) {
                refused.add(v.label() + " on " + s.day() + ": " + String.join("; ", e.reasons()));
            } catch (InvalidInputException e) {
                refused.add(v.label() + " on " + s.day() + ": " + e.getMessage());
            }
        }
        return new Accepted(booked, refused);
    }

    // ---- the problem

    private SchedulePlan problem(
            Actor actor,
            UUID patientId,
            PlanVersion plan,
            LocalDate first,
            Set<DayOfWeek> patientDays,
            List<String> notes) {
        List<LocalDate> horizon = new ArrayList<>();
        for (int i = 0; i < WEEKS * 7; i++) {
            horizon.add(first.plusDays(i));
        }
        LocalDate last = horizon.get(horizon.size() - 1);
        Map<DayOfWeek, Resources.Window> opening = resources.openingHours();
        List<StaffWindow> windows = new ArrayList<>();
        Map<UUID, Boolean> windowsDone = new LinkedHashMap<>();
        List<Visit> visits = new ArrayList<>();
        List<ProcedureOrder> standing = null;
        Set<UUID> alreadyBooked = new java.util.HashSet<>();
        List<Taken> taken = new ArrayList<>();
        for (Appointment a : appointments.takenBetween(first, last)) {
            taken.add(new Taken(
                    a.staffId(),
                    a.room().id(),
                    a.patientId(),
                    a.day(),
                    Appointments.minutes(a.start()),
                    Appointments.minutes(a.end()),
                    Appointments.minutes(a.end()) + a.type().recoveryMinutes()));
        }
        for (Appointment a : appointments.ofPatient(actor, patientId, null)) {
            if (a.booked() && a.orderId() != null) {
                alreadyBooked.add(a.orderId());
            }
        }
        int rank = 0;
        for (int t = 0; t < plan.therapies().size(); t++) {
            PlanVersion.PlannedTherapy pt = plan.therapies().get(t);
            Optional<Therapy> therapy = TherapyCatalog.byCode(pt.therapyCode());
            Optional<AppointmentType> type = resources.typeForTherapy(pt.therapyCode());
            if (type.isEmpty() || therapy.isEmpty()) {
                notes.add(pt.therapyName() + ": the clinic has no appointment type for it, so nothing is proposed");
                continue;
            }
            List<Staff> clinicians = resources.clinicians(type.get().discipline());
            for (Staff s : clinicians) {
                if (windowsDone.putIfAbsent(s.id(), true) == null) {
                    for (LocalDate d : horizon) {
                        Resources.Availability a = resources.availability(s.id(), d);
                        if (a.window() != null) {
                            windows.add(new StaffWindow(
                                    s.id(),
                                    d,
                                    Appointments.minutes(a.window().from()),
                                    Appointments.minutes(a.window().to())));
                        }
                    }
                }
            }
            Map<LocalDate, String> blocked = new LinkedHashMap<>();
            UUID orderId = null;
            int visitRank = -1;
            List<Integer> weeks = new ArrayList<>();
            if (therapy.get().interventional()) {
                if (standing == null) {
                    standing = orders.orders(actor, patientId);
                }
                Optional<ProcedureOrder> order = standing.stream()
                        .filter(o ->
                                o.order().type().name().equals(therapy.get().procedureType())
                                        && !o.cancelled()
                                        && o.recordedEntryId() == null
                                        && !alreadyBooked.contains(o.id()))
                        .findFirst();
                if (order.isEmpty()) {
                    notes.add(pt.therapyName() + ": no standing procedure order, so it is not proposed; the physician "
                            + "orders it first (the rules decide on the order)");
                    continue;
                }
                orderId = order.get().id();
                Map<LocalDate, RuleEngine.Result> decisions =
                        orders.checkDays(actor, patientId, order.get().order(), horizon);
                decisions.forEach((day, result) -> {
                    if (result.decision() == Decision.BLOCK) {
                        blocked.put(
                                day,
                                String.join(
                                        " ",
                                        result.outcomes().stream()
                                                .filter(o -> o.decision() == Decision.BLOCK)
                                                .map(Outcome::reason)
                                                .toList()));
                    }
                });
                visitRank = rank++;
                weeks.add(-1);
            } else {
                int perWeek = perWeek(pt.frequency());
                if (perWeek == 0) {
                    notes.add(pt.therapyName() + ": the frequency '"
                            + Optional.ofNullable(pt.frequency()).orElse("")
                            + "' was not read as visits a week: one visit a week is proposed");
                    perWeek = 1;
                }
                for (int w = 0; w < WEEKS; w++) {
                    for (int k = 0; k < perWeek; k++) {
                        weeks.add(w);
                    }
                }
            }
            for (int k = 0; k < weeks.size(); k++) {
                List<Slot> candidates = candidates(type.get(), clinicians, horizon, opening, pt);
                visits.add(new Visit(
                        pt.therapyCode() + "-" + t + "-" + k,
                        patientId,
                        pt.therapyCode(),
                        type.get().label() + (weeks.size() > 1 ? " (" + (k + 1) + " of " + weeks.size() + ")" : ""),
                        type.get().code(),
                        visitRank,
                        weeks.get(k),
                        pt.ownerId(),
                        type.get().recoveryMinutes(),
                        type.get().roomKinds(),
                        type.get().equipment(),
                        blocked,
                        patientDays,
                        orderId,
                        candidates));
            }
        }
        return new SchedulePlan(windows, taken, visits);
    }

    /** Every time in the opening hours, for each clinician of the discipline and each room of a kind the type uses. */
    private List<Slot> candidates(
            AppointmentType type,
            List<Staff> clinicians,
            List<LocalDate> horizon,
            Map<DayOfWeek, Resources.Window> opening,
            PlanVersion.PlannedTherapy pt) {
        List<Room> rooms = resources.rooms().stream()
                .filter(r -> type.roomKinds().contains(r.kind()))
                .toList();
        List<Slot> out = new ArrayList<>();
        for (int i = 0; i < horizon.size(); i++) {
            LocalDate d = horizon.get(i);
            Resources.Window open = opening.get(d.getDayOfWeek());
            if (open == null
                    || pt.startDate() != null && d.isBefore(pt.startDate())
                    || pt.endDate() != null && d.isAfter(pt.endDate())) {
                continue;
            }
            for (int start = Appointments.minutes(open.from());
                    start + type.minutes() <= Appointments.minutes(open.to());
                    start += STEP_MINUTES) {
                for (Staff s : clinicians) {
                    for (Room r : rooms) {
                        out.add(new Slot(d, i, start, start + type.minutes(), s.id(), r.id(), r.kind(), r.equipment()));
                    }
                }
            }
        }
        return out;
    }

    /** Visits a week read from the plan's frequency ("2x a week", "twice weekly", "weekly"); 0 when not read. */
    static int perWeek(String frequency) {
        if (frequency == null) {
            return 0;
        }
        String f = frequency.toLowerCase(java.util.Locale.ROOT);
        Matcher m = PER_WEEK.matcher(f);
        if (m.find()) {
            return Math.max(1, Math.min(3, Integer.parseInt(m.group(1))));
        }
        if (f.contains("twice") && f.contains("week")) {
            return 2;
        }
        if (f.contains("three times") && f.contains("week")) {
            return 3;
        }
        if (f.contains("weekly") || f.contains("once a week") || f.contains("every week")) {
            return 1;
        }
        return 0;
    }

    // ---- the proposal in words

    private List<Proposed> proposal(SchedulePlan best, LocalDate first) {
        List<Proposed> out = new ArrayList<>();
        Map<UUID, String> staffNames = new LinkedHashMap<>();
        Map<UUID, String> roomNames = new LinkedHashMap<>();
        resources.rooms().forEach(r -> roomNames.put(r.id(), r.name()));
        for (Visit v : best.getVisits()) {
            AppointmentType type = resources.type(v.typeCode()).orElseThrow();
            Slot s = v.getSlot();
            if (s == null) {
                out.add(new Proposed(
                        v.getId(),
                        v.therapyCode(),
                        v.label(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        explain(v, best),
                        type.preparation()));
            } else {
                out.add(new Proposed(
                        v.getId(),
                        v.therapyCode(),
                        v.label(),
                        s.day(),
                        Appointments.time(s.start()),
                        Appointments.time(s.end()),
                        staffNames.computeIfAbsent(
                                s.staffId(),
                                id -> resources
                                        .staffMember(id)
                                        .map(Staff::displayName)
                                        .orElse("")),
                        roomNames.get(s.roomId()),
                        null,
                        type.preparation()));
            }
        }
        out.sort(java.util.Comparator.comparing((Proposed p) -> p.day() == null ? LocalDate.MAX : p.day())
                .thenComparing(p -> p.start() == null ? LocalTime.MAX : p.start()));
        return out;
    }

    /** Why a visit has no time, in words: which hard rule left it no slot. */
    static String explain(Visit v, SchedulePlan plan) {
        List<Slot> all = v.getCandidates();
        if (all.isEmpty()) {
            return "no day in the four weeks is within the clinic's opening hours and the plan's dates for this therapy";
        }
        List<Slot> notBlocked =
                all.stream().filter(s -> !v.blockedDays().containsKey(s.day())).toList();
        if (notBlocked.isEmpty()) {
            String reason = v.blockedDays().values().stream().findFirst().orElse("");
            return "the procedure rules block every day of the four weeks: " + reason;
        }
        List<Slot> patientDay = notBlocked.stream()
                .filter(s -> v.patientDays().contains(s.day().getDayOfWeek()))
                .toList();
        if (patientDay.isEmpty()) {
            return "the days the rules allow are not among the patient's available weekdays";
        }
        List<Slot> inWeek = patientDay.stream()
                .filter(s -> v.week() < 0 || s.week() == v.week())
                .toList();
        if (inWeek.isEmpty()) {
            return "in week " + (v.week() + 1) + " of the four the patient's available days are blocked by the rules";
        }
        List<Slot> working = inWeek.stream()
                .filter(s -> plan.getWindows().stream()
                        .anyMatch(w -> w.staffId().equals(s.staffId())
                                && w.day().equals(s.day())
                                && w.from() <= s.start()
                                && s.end() <= w.to()))
                .toList();
        if (working.isEmpty()) {
            return "no clinician of this discipline works (or is present) on the days that remain";
        }
        return "every time that remains is already booked (clinician, room or the patient), or taken by the other "
                + "visits of this proposal";
    }
}
