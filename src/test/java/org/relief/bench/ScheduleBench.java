package org.relief.bench;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverJob;
import ai.timefold.solver.core.api.solver.SolverManager;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.relief.scheduling.Equipment;
import org.relief.scheduling.RoomKind;
import org.relief.scheduling.ScheduleOptimiser;
import org.relief.scheduling.solver.SchedulePlan;
import org.relief.scheduling.solver.Slot;
import org.relief.scheduling.solver.StaffWindow;
import org.relief.scheduling.solver.Visit;

/**
 * The scheduling optimiser benchmark (issue 14: 300 signed plans, 8 clinicians, 2 procedure suites, 4 weeks -> 0 hard
 * violations within 30 s on a 2-core machine). No database, no network: a synthetic, seeded problem built from the
 * optimiser's own domain classes ({@link Visit}, {@link Slot}, {@link StaffWindow}) the way {@link ScheduleOptimiser}
 * builds them, solved with {@link ScheduleOptimiser#solverConfig} (the same ConstraintProvider and configuration) with
 * the time limit given (default 30 s) and no unimproved-time stop, so it uses the whole limit.
 *
 * <p>The clinic is the demo clinic's (its seeded rooms: 2 consult rooms, 1 physical therapy gym, an acupuncture room, a
 * procedure room, 2 fluoroscopy suites; opening hours Mon-Fri 08:00-17:00; the seeded appointment types' durations:
 * ESI 45 min + 30 min recovery, PT 45 min, CBT 50 min). 8 clinicians: 2 physicians, 3 physical therapists, 3 mental
 * health therapists, each working the opening hours, with a seeded few days of absence. Each plan: PT 2x a week and
 * CBT weekly (one visit per week slot, as the optimiser reads the frequency) and one ESI whose days the rule engine
 * blocks are given as facts with reasons, as {@code Orders.checkDays} gives them: some patients had an ESI recently
 * (the 21-day interval of the issue blocks the days until it has passed), some are on apixaban (a hold of 3 days
 * blocks the first days: the low end of CLINICAL_RULES.md's 3-5 d, a synthetic fact, not a rule computed here), a
 * few are on a safety hold (every day blocked). The patient's available weekdays are 3 to 5 of Mon-Fri.
 *
 * <p>The visit's slot may stay empty (a medium penalty), so the solver's starting point - nothing placed - already has
 * 0 hard violations; the figure that matters is the hard score of the best solution at the limit, and the time the
 * construction heuristic took to try every visit once.
 *
 * <p>Usage: {@code bench/schedule.sh [plans] [seconds] [seed]}. Prints its figures; asserts nothing.
 */
public final class ScheduleBench {
    // Why over 300 lines: the synthetic clinic, the plans and the figures printed are one benchmark, read top to
    // bottom.

    private static final int DAYS = ScheduleOptimiser.WEEKS * 7;
    private static final int OPENS = 8 * 60;
    private static final int CLOSES = 17 * 60;
    private static final int STEP = 30;

    private record Room(UUID id, RoomKind kind, Set<Equipment> equipment) {}

    private record Type(String code, int minutes, int recovery, Set<RoomKind> kinds, Set<Equipment> equipment) {}

    private ScheduleBench() {}

    public static void main(String[] args) throws Exception {
        int plans = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 14L;
        Random random = new Random(seed);
        LocalDate first = LocalDate.of(2026, 3, 2); // a Monday: a fixed horizon, so the run is repeatable

        List<Room> rooms = List.of(
                new Room(id("room", 1), RoomKind.CONSULT, Set.of(Equipment.TREATMENT_TABLE)),
                new Room(id("room", 2), RoomKind.CONSULT, Set.of()),
                new Room(
                        id("room", 3),
                        RoomKind.PT_GYM,
                        Set.of(Equipment.EXERCISE_EQUIPMENT, Equipment.TREATMENT_TABLE)),
                new Room(id("room", 4), RoomKind.ACUPUNCTURE, Set.of(Equipment.TREATMENT_TABLE)),
                new Room(id("room", 5), RoomKind.PROCEDURE, Set.of(Equipment.PROCEDURE_TABLE, Equipment.ULTRASOUND)),
                new Room(id("room", 6), RoomKind.FLUOROSCOPY, Set.of(Equipment.FLUOROSCOPY, Equipment.PROCEDURE_TABLE)),
                new Room(
                        id("room", 7), RoomKind.FLUOROSCOPY, Set.of(Equipment.FLUOROSCOPY, Equipment.PROCEDURE_TABLE)));
        Type esi = new Type("ESI", 45, 30, Set.of(RoomKind.FLUOROSCOPY), Set.of(Equipment.FLUOROSCOPY));
        Type pt = new Type("PT_SESSION", 45, 0, Set.of(RoomKind.PT_GYM), Set.of(Equipment.EXERCISE_EQUIPMENT));
        Type cbt = new Type("CBT_SESSION", 50, 0, Set.of(RoomKind.CONSULT), Set.of());
        List<UUID> physicians = List.of(id("staff", 1), id("staff", 2));
        List<UUID> therapists = List.of(id("staff", 3), id("staff", 4), id("staff", 5));
        List<UUID> psychologists = List.of(id("staff", 6), id("staff", 7), id("staff", 8));

        List<LocalDate> horizon = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            horizon.add(first.plusDays(i));
        }
        // working hours: the opening hours on weekdays, minus two seeded days of absence per clinician
        List<StaffWindow> windows = new ArrayList<>();
        int workingMinutes = 0;
        for (UUID s : concat(physicians, therapists, psychologists)) {
            Set<Integer> absent = new java.util.HashSet<>(List.of(random.nextInt(DAYS), random.nextInt(DAYS)));
            for (int i = 0; i < DAYS; i++) {
                if (open(horizon.get(i)) && !absent.contains(i)) {
                    windows.add(new StaffWindow(s, horizon.get(i), OPENS, CLOSES));
                    workingMinutes += CLOSES - OPENS;
                }
            }
        }
        // one candidate list per type (the optimiser builds an equal list per visit; a shared one saves memory only)
        List<Slot> esiSlots = candidates(esi, physicians, rooms, horizon);
        List<Slot> ptSlots = candidates(pt, therapists, rooms, horizon);
        List<Slot> cbtSlots = candidates(cbt, psychologists, rooms, horizon);

        List<Visit> visits = new ArrayList<>();
        int recentEsi = 0;
        int apixaban = 0;
        int safetyHold = 0;
        List<DayOfWeek> weekdays =
                List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        for (int p = 0; p < plans; p++) {
            UUID patient = id("patient", p);
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            int available = 3 + random.nextInt(3);
            List<DayOfWeek> shuffled = new ArrayList<>(weekdays);
            java.util.Collections.shuffle(shuffled, random);
            days.addAll(shuffled.subList(0, available));
            Map<LocalDate, String> blocked = new LinkedHashMap<>();
            double r = random.nextDouble();
            if (r < 0.03) {
                safetyHold++;
                horizon.forEach(d -> blocked.put(d, "A safety hold is active: nothing interventional."));
            } else if (r < 0.33) {
                recentEsi++;
                int daysAgo = 1 + random.nextInt(20);
                for (int i = 0; i < 21 - daysAgo; i++) {
                    blocked.put(
                            horizon.get(i),
                            "The last epidural steroid injection was less than 21 days before (" + daysAgo
                                    + " days before the first day).");
                }
            } else if (r < 0.53) {
                apixaban++;
                for (int i = 0; i < 3; i++) {
                    blocked.put(horizon.get(i), "Apixaban is not yet held long enough before the injection.");
                }
            }
            UUID ptOwner = therapists.get(p % therapists.size());
            UUID cbtOwner = psychologists.get(p % psychologists.size());
            UUID physician = physicians.get(p % physicians.size());
            visits.add(visit(patient, "ESI", 0, -1, 0, physician, esi, blocked, days, esiSlots, p));
            for (int w = 0; w < ScheduleOptimiser.WEEKS; w++) {
                for (int k = 0; k < 2; k++) {
                    visits.add(visit(patient, "PT", -1, w, 1 + w * 2 + k, ptOwner, pt, Map.of(), days, ptSlots, p));
                }
                visits.add(visit(patient, "CBT", -1, w, 9 + w, cbtOwner, cbt, Map.of(), days, cbtSlots, p));
            }
        }
        SchedulePlan problem = new SchedulePlan(windows, List.of(), visits);

        int askedMinutes = plans * (esi.minutes() + 8 * pt.minutes() + 4 * cbt.minutes());
        System.out.printf(
                "Problem: %d plans, %d visits (%d ESI, %d PT, %d CBT), 8 clinicians (2 physicians, 3 physical"
                        + " therapists, 3 mental health therapists), %d rooms (2 fluoroscopy suites), %d days from %s,"
                        + " seed %d%n",
                plans, visits.size(), plans, plans * 8, plans * 4, rooms.size(), DAYS, first, seed);
        System.out.printf(
                "  candidate slots per visit: ESI %d, PT %d, CBT %d; ESI days blocked by the rules: %d recent ESI,"
                        + " %d apixaban hold, %d safety hold%n",
                esiSlots.size(), ptSlots.size(), cbtSlots.size(), recentEsi, apixaban, safetyHold);
        System.out.printf(
                "  load: %d visits asked over %.0f clinician-hours = %.2f visits per clinician-hour"
                        + " (%.0f%% of the clinicians' hours asked for)%n",
                visits.size(),
                workingMinutes / 60.0,
                visits.size() / (workingMinutes / 60.0),
                100.0 * askedMinutes / workingMinutes);

        int openDays = (int) horizon.stream().filter(ScheduleBench::open).count();
        System.out.printf(
                "  room capacity on the 30-minute grid (one appointment per room at a time): ESI %d (2 suites),"
                        + " PT %d (1 gym), CBT %d (2 consult rooms) visits in the %d open days%n",
                2 * openDays * perRoomDay(esi), openDays * perRoomDay(pt), 2 * openDays * perRoomDay(cbt), openDays);

        AtomicLong started = new AtomicLong();
        AtomicLong firstFeasible = new AtomicLong(-1);
        AtomicReference<HardMediumSoftScore> firstFeasibleScore = new AtomicReference<>();
        AtomicLong firstFeasibleUnplaced = new AtomicLong();
        AtomicLong bestEvents = new AtomicLong();
        AtomicLong initialized = new AtomicLong(-1);
        AtomicReference<String> initializedScore = new AtomicReference<>();
        try (SolverManager<SchedulePlan, String> manager = SolverManager.create(
                SolverFactory.create(ScheduleOptimiser.solverConfig(Duration.ofSeconds(seconds), null)))) {
            started.set(System.nanoTime());
            SolverJob<SchedulePlan, String> job = manager.solveBuilder()
                    .withProblemId("bench")
                    .withProblem(problem)
                    .withBestSolutionEventConsumer(event -> {
                        bestEvents.incrementAndGet();
                        HardMediumSoftScore s = event.solution().getScore();
                        if (s != null && s.hardScore() == 0 && firstFeasible.get() < 0) {
                            firstFeasible.set((System.nanoTime() - started.get()) / 1_000_000);
                            firstFeasibleScore.set(s);
                            firstFeasibleUnplaced.set(event.solution().getVisits().stream()
                                    .filter(v -> v.getSlot() == null)
                                    .count());
                        }
                    })
                    .withFirstInitializedSolutionEventConsumer(event -> {
                        initialized.set((System.nanoTime() - started.get()) / 1_000_000);
                        SchedulePlan p = event.solution();
                        initializedScore.set(p.getScore() + ", "
                                + p.getVisits().stream()
                                        .filter(v -> v.getSlot() != null)
                                        .count() + " visits placed"
                                + (event.isTerminatedEarly() ? " (construction cut short by the limit)" : ""));
                    })
                    .run();
            SchedulePlan best = job.getFinalBestSolution();
            long wallMillis = (System.nanoTime() - started.get()) / 1_000_000;
            HardMediumSoftScore score = best.getScore();
            long placed =
                    best.getVisits().stream().filter(v -> v.getSlot() != null).count();
            Map<String, long[]> byTherapy = new LinkedHashMap<>();
            for (Visit v : best.getVisits()) {
                long[] c = byTherapy.computeIfAbsent(v.therapyCode(), k -> new long[2]);
                c[v.getSlot() == null ? 1 : 0]++;
            }
            System.out.printf("Solved for %d ms (limit %d s)%n", wallMillis, seconds);
            System.out.printf(
                    "  score: %d hard / %d medium / %d soft%n",
                    score.hardScore(), score.mediumScore(), score.softScore());
            System.out.printf("  0 hard violations: %s%n", score.hardScore() == 0 ? "yes" : "NO");
            System.out.printf(
                    "  visits placed: %d, unplaced: %d of %d%n", placed, visits.size() - placed, visits.size());
            byTherapy.forEach((k, c) -> System.out.printf("    %s: %d placed, %d unplaced%n", k, c[0], c[1]));
            if (firstFeasible.get() >= 0) {
                System.out.printf(
                        "  first feasible (0 hard) best solution: after %d ms, score %s, %d visits unplaced%n",
                        firstFeasible.get(), firstFeasibleScore.get(), firstFeasibleUnplaced.get());
            } else {
                System.out.println("  first feasible (0 hard) best solution: none within the limit");
            }
            System.out.printf(
                    "  every visit tried once (construction heuristic done): after %d ms, score %s%n",
                    initialized.get(), initializedScore.get());
            System.out.printf("  best-solution events: %d%n", bestEvents.get());
            System.out.printf(
                    "  move evaluation speed: %d moves/s (%d moves evaluated); score calculation speed: %d/s%n",
                    job.getMoveEvaluationSpeed(), job.getMoveEvaluationCount(), job.getScoreCalculationSpeed());
        }
    }

    private static Visit visit(
            UUID patient,
            String therapy,
            int rank,
            int week,
            int k,
            UUID owner,
            Type type,
            Map<LocalDate, String> blocked,
            Set<DayOfWeek> days,
            List<Slot> slots,
            int p) {
        return new Visit(
                therapy + "-" + p + "-" + k,
                patient,
                therapy,
                therapy + " " + (k + 1),
                type.code(),
                rank,
                week,
                owner,
                type.recovery(),
                type.kinds(),
                type.equipment(),
                blocked,
                days,
                null,
                slots);
    }

    /** As the optimiser: every time on the 30-minute grid within the opening hours, each clinician, each room. */
    private static List<Slot> candidates(Type type, List<UUID> clinicians, List<Room> rooms, List<LocalDate> horizon) {
        List<Slot> out = new ArrayList<>();
        for (int i = 0; i < horizon.size(); i++) {
            LocalDate d = horizon.get(i);
            if (!open(d)) {
                continue;
            }
            for (int start = OPENS; start + type.minutes() <= CLOSES; start += STEP) {
                for (UUID s : clinicians) {
                    for (Room r : rooms) {
                        if (type.kinds().contains(r.kind())) {
                            out.add(new Slot(d, i, start, start + type.minutes(), s, r.id(), r.kind(), r.equipment()));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Back-to-back appointments of the type one room holds in a day, starts on the grid. */
    private static int perRoomDay(Type type) {
        int occupies = (type.minutes() + STEP - 1) / STEP * STEP;
        return (CLOSES - OPENS - type.minutes()) / occupies + 1;
    }

    private static boolean open(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static UUID id(String kind, int n) {
        return UUID.nameUUIDFromBytes((kind + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @SafeVarargs
    private static List<UUID> concat(List<UUID>... lists) {
        List<UUID> out = new ArrayList<>();
        for (List<UUID> l : lists) {
            out.addAll(l);
        }
        return out;
    }
}
