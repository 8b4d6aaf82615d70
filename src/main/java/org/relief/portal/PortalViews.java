package org.relief.portal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.Purpose;
import org.relief.outcomes.Exposure;
import org.relief.outcomes.Measure;
import org.relief.outcomes.OutcomeSeries;
import org.relief.outcomes.OutcomesService;
import org.relief.plan.PlanVersion;
import org.relief.plan.Plans;
import org.relief.plan.Therapy;
import org.relief.plan.TherapyCatalog;
import org.relief.procedure.BeforeProcedure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient's reading pages: My plan (the newest signed plan in plain words, with the catalogue's patient text for
 * each therapy and what changed since the signed version before it, and why) and My progress (their pain and PEG over
 * time from {@link OutcomesService}, beside the therapy timeline) and Before your procedure (an ordered procedure
 * with the blood-thinner instructions stored with its order, {@link BeforeProcedure}). Read-only; audited through
 * the guard.
 */
@Service
public class PortalViews {

    private final ChartAccess access;
    private final Plans plans;
    private final OutcomesService outcomes;
    private final BeforeProcedure procedures;

    PortalViews(ChartAccess access, Plans plans, OutcomesService outcomes, BeforeProcedure procedures) {
        this.access = access;
        this.plans = plans;
        this.outcomes = outcomes;
        this.procedures = procedures;
    }

    /**
     * An ordered procedure as the patient reads it: the order (with its stored blood-thinner instructions) and the
     * catalogue's patient text for that procedure, null when the catalogue has none.
     */
    public record PlainProcedure(BeforeProcedure.Upcoming order, String name, String whatToExpect) {}

    /** Procedures still to come, soonest first, with what to do before them (audited read, the order's decision). */
    @Transactional(readOnly = true)
    public List<PlainProcedure> beforeProcedures(Actor actor, UUID patientId) {
        return procedures.upcoming(actor, patientId).stream()
                .map(u -> {
                    Optional<Therapy> c = TherapyCatalog.ALL.stream()
                            .filter(t -> u.type().name().equals(t.procedureType()))
                            .findFirst();
                    return new PlainProcedure(
                            u, u.type().label(), c.map(Therapy::whatToExpect).orElse(null));
                })
                .toList();
    }

    /** A therapy of the plan as the patient reads it. */
    public record PlainTherapy(
            String name,
            String who,
            String howOften,
            String howLong,
            String course,
            String whatToExpect,
            LocalDate start,
            LocalDate end) {}

    /** The signed plan in plain words; {@code changes} lists what changed from the signed version before. */
    public record MyPlan(
            PlanVersion signed,
            List<PlanVersion.Goal> goals,
            List<PlainTherapy> therapies,
            List<String> changes,
            String why) {

        public boolean exists() {
            return signed != null;
        }
    }

    /** One measure over time: weekly means (oldest first), the chart's points, and where each therapy started. */
    public record Trend(String label, List<Week> weeks, String points, double max, List<Marker> starts) {}

    /** A therapy's start on the chart: its x (0-100) and what started. */
    public record Marker(double x, String therapy, LocalDate start) {}

    /** A week's mean reading. */
    public record Week(LocalDate from, double mean, int readings) {

        public String rounded() {
            return String.format(Locale.ROOT, "%.1f", mean);
        }
    }

    /** My progress: pain and PEG by week, and when each therapy ran. */
    public record Progress(Trend pain, Trend peg, List<Exposure> therapies) {}

    /** The newest signed plan, in plain words (audited read). */
    @Transactional(readOnly = true)
    public MyPlan plan(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.read("my plan"));
        List<PlanVersion> signed = plans.versions(actor, patientId).stream()
                .filter(PlanVersion::signed)
                .toList();
        if (signed.isEmpty()) {
            return new MyPlan(null, List.of(), List.of(), List.of(), null);
        }
        PlanVersion now = signed.get(0);
        List<PlainTherapy> therapies =
                now.therapies().stream().map(PortalViews::plain).toList();
        List<String> changes = new ArrayList<>();
        if (signed.size() > 1) {
            changes.addAll(changes(signed.get(1), now));
        }
        return new MyPlan(now, now.goals(), therapies, changes, signed.size() > 1 ? now.changeReason() : null);
    }

    /** Pain (NRS) and PEG by week, and the therapy timeline, from the outcomes module (audited read). */
    @Transactional(readOnly = true)
    public Progress progress(Actor actor, UUID patientId) {
        var pain = outcomes.analyse(actor, patientId, Measure.NRS);
        var peg = outcomes.analyse(actor, patientId, Measure.PEG);
        return new Progress(
                trend("Pain (0 = none, 10 = worst)", pain.series(), pain.exposures()),
                trend("Pain and how it gets in the way (PEG, 0-10)", peg.series(), pain.exposures()),
                pain.exposures());
    }

    /** Education: each therapy of the signed plan with the catalogue's text for patients. */
    @Transactional(readOnly = true)
    public List<PlainTherapy> education(Actor actor, UUID patientId) {
        return plan(actor, patientId).therapies();
    }

    static PlainTherapy plain(PlanVersion.PlannedTherapy t) {
        Optional<Therapy> c = TherapyCatalog.byCode(t.therapyCode());
        return new PlainTherapy(
                t.therapyName(),
                t.ownerName(),
                t.frequency(),
                t.duration(),
                c.map(Therapy::typicalCourse).orElse(null),
                c.map(Therapy::whatToExpect).orElse(null),
                t.startDate(),
                t.endDate());
    }

    /** What changed between two signed versions, in words: therapies added and stopped, goals changed. */
    static List<String> changes(PlanVersion before, PlanVersion after) {
        Set<String> was = names(before);
        Set<String> is = names(after);
        List<String> out = new ArrayList<>();
        is.stream().filter(n -> !was.contains(n)).forEach(n -> out.add("Added: " + n));
        was.stream().filter(n -> !is.contains(n)).forEach(n -> out.add("Stopped: " + n));
        Set<String> goalsBefore = new LinkedHashSet<>();
        before.goals().forEach(g -> goalsBefore.add(g.description()));
        Set<String> goalsAfter = new LinkedHashSet<>();
        after.goals().forEach(g -> goalsAfter.add(g.description()));
        goalsAfter.stream().filter(g -> !goalsBefore.contains(g)).forEach(g -> out.add("New goal: " + g));
        goalsBefore.stream()
                .filter(g -> !goalsAfter.contains(g))
                .forEach(g -> out.add("Goal no longer in the plan: " + g));
        if (out.isEmpty()) {
            out.add("The therapies and goals are the same; details such as how often or when may have changed.");
        }
        return out;
    }

    private static Set<String> names(PlanVersion v) {
        Set<String> names = new LinkedHashSet<>();
        v.therapies().forEach(t -> names.add(t.therapyName()));
        return names;
    }

    /** Weekly means (weeks start on the first reading's day) and an SVG polyline, 0..max mapped to 100..0. */
    static Trend trend(String label, OutcomeSeries series, List<Exposure> exposures) {
        Map<LocalDate, double[]> weeks = new TreeMap<>();
        List<OutcomeSeries.Reading> readings = series.readings();
        if (!readings.isEmpty()) {
            LocalDate first = readings.get(0).date();
            for (OutcomeSeries.Reading r : readings) {
                long week = ChronoUnit.DAYS.between(first, r.date()) / 7;
                double[] sum = weeks.computeIfAbsent(first.plusWeeks(week), d -> new double[2]);
                sum[0] += r.value();
                sum[1]++;
            }
        }
        List<Week> list = new ArrayList<>();
        weeks.forEach((d, s) -> list.add(new Week(d, s[0] / s[1], (int) s[1])));
        double max = series.measure().max();
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < list.size(); i++) {
            double x = list.size() == 1 ? 50 : 100.0 * i / (list.size() - 1);
            double y = 100 - 100 * list.get(i).mean() / max;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        List<Marker> starts = new ArrayList<>();
        if (list.size() > 1) {
            LocalDate first = list.get(0).from();
            long span = ChronoUnit.DAYS.between(first, list.get(list.size() - 1).from());
            for (Exposure e : exposures) {
                long at = ChronoUnit.DAYS.between(first, e.start());
                if (at >= 0 && at <= span) {
                    starts.add(new Marker(100.0 * at / span, e.therapy(), e.start()));
                }
            }
        }
        return new Trend(label, list, points.toString().strip(), max, starts);
    }
}
