package org.relief.outcomes;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.relief.assessment.Assessments;
import org.relief.assessment.InstrumentResponse;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.Purpose;
import org.relief.patient.ChartService;
import org.relief.plan.PlanVersion;
import org.relief.plan.Plans;
import org.relief.plan.TherapyCatalog;
import org.relief.procedure.ProcedureKinds;
import org.springframework.stereotype.Service;

/**
 * The thin service over the analysis: for one patient and one measure it reads the instrument totals (assessment
 * module) and the therapies of the signed plan versions (plan module) through their services, and runs
 * {@link SegmentedRegression}. Read-only on other modules' data; every read is audited through the guard.
 */
@Service
public class OutcomesService {

    private final ChartAccess access;
    private final Assessments assessments;
    private final Plans plans;
    private final ChartService chart;
    private final SegmentedRegression regression = new SegmentedRegression(OutcomesPolicy.defaults());
    private final ProcedureResponse procedureResponse = new ProcedureResponse(OutcomesPolicy.defaults());

    OutcomesService(ChartAccess access, Assessments assessments, Plans plans, ChartService chart) {
        this.access = access;
        this.assessments = assessments;
        this.plans = plans;
        this.chart = chart;
    }

    /**
     * What the page and the API show: the series, the therapies, and the analysis (null when too few readings); the
     * procedures done here as markers (kind, region, levels, side), the NRS scores documented at procedures (NRS
     * only; shown, not analysed), the goals of the newest signed plan on this measure, and the response to each
     * procedure per site.
     */
    public record PatientOutcomes(
            UUID patientId,
            Measure measure,
            OutcomeSeries series,
            List<Exposure> exposures,
            TherapyAnalysis analysis,
            String empty,
            List<ProcedureMark> procedures,
            List<ProcedureScore> procedureScores,
            List<GoalLine> goals,
            List<ProcedureResponse.Site> procedureResponses) {}

    /** A procedure done here, as a marker on the trajectory. */
    public record ProcedureMark(LocalDate date, String kind, String region, String levels, String side, String label) {}

    /** An NRS score documented at a procedure (before, after, or at a follow-up). */
    public record ProcedureScore(LocalDate date, double nrs, String when) {}

    /** A goal of the newest signed plan on the measure shown: its target as a line, with its words and date. */
    public record GoalLine(double target, String description, LocalDate targetDate) {}

    /** The instrument code each measure is read from (assessment module, CLINICAL_RULES §11). */
    static String instrumentCode(Measure m) {
        return switch (m) {
            case NRS -> "NRS";
            case PEG -> "PEG";
            case ODI -> "ODI";
            case PHQ9 -> "PHQ9";
        };
    }

    /** Runs the analysis for one patient and measure (audited read; refused off-team like every chart read). */
    public PatientOutcomes analyse(Actor actor, UUID patientId, Measure measure) {
        Objects.requireNonNull(measure, "measure");
        access.open(actor, patientId, Purpose.read("outcomes analysis (" + measure.name() + ")"));
        OutcomeSeries series =
                series(measure, assessments.history(actor, patientId).getOrDefault(instrumentCode(measure), List.of()));
        List<PlanVersion> versions = plans.versions(actor, patientId);
        List<Exposure> exposures = exposures(versions);
        var performed = chart.entries(actor, patientId, ProcedureKinds.PERFORMED);
        var followUps = chart.entries(actor, patientId, ProcedureKinds.FOLLOW_UP);
        List<ProcedureMark> marks = ProcedureHistory.markers(performed).stream()
                .map(m -> new ProcedureMark(m.date(), m.kind(), m.region(), m.levels(), m.side(), m.label()))
                .toList();
        List<ProcedureScore> scores = measure == Measure.NRS
                ? ProcedureHistory.scores(performed, followUps).stream()
                        .map(x -> new ProcedureScore(x.date(), x.nrs(), x.when()))
                        .toList()
                : List.of();
        List<GoalLine> goals = goals(versions, measure);
        List<ProcedureResponse.Site> responses =
                procedureResponse.bySite(ProcedureHistory.followed(performed, followUps));
        int minimum = 2 * OutcomesPolicy.defaults().minPointsPerSegment();
        String empty = null;
        TherapyAnalysis analysis = null;
        if (series.size() < minimum) {
            empty = series.size() + " reading" + (series.size() == 1 ? "" : "s") + " of " + measure.label()
                    + " so far; the analysis needs at least " + minimum + " (" + (minimum / 2)
                    + " before and " + (minimum / 2) + " after a therapy starts; policy value "
                    + OutcomesPolicy.MIN_POINTS_PER_SEGMENT + ")";
        } else if (exposures.isEmpty()) {
            empty = "No therapy with a start date in a signed plan yet: there is nothing to judge.";
        } else {
            analysis = regression.analyse(series, exposures);
        }
        return new PatientOutcomes(
                patientId, measure, series, exposures, analysis, empty, marks, scores, goals, responses);
    }

    /** The goals of the newest signed plan version whose measure is this one ("NRS", "PEG", "ODI", "PHQ-9"). */
    static List<GoalLine> goals(List<PlanVersion> versionsNewestFirst, Measure measure) {
        return versionsNewestFirst.stream()
                .filter(PlanVersion::signed)
                .max(Comparator.comparingInt(PlanVersion::version))
                .map(v -> v.goals().stream()
                        .filter(g -> g.target() != null && g.measure() != null)
                        .filter(g -> g.measure()
                                .strip()
                                .toUpperCase(java.util.Locale.ROOT)
                                .replace("-", "")
                                .equals(measure.name()))
                        .map(g -> new GoalLine(g.target().doubleValue(), g.description(), g.targetDate()))
                        .toList())
                .orElse(List.of());
    }

    /**
     * The series: each scored response's total by the day it was given; a day with more than one reading is
     * summarised by their mean (the analysis takes one reading a day).
     */
    static OutcomeSeries series(Measure measure, List<InstrumentResponse> responses) {
        Map<LocalDate, double[]> byDay = new TreeMap<>();
        for (InstrumentResponse r : responses) {
            if (r.total() == null || r.administeredOn() == null) {
                continue;
            }
            double[] sum = byDay.computeIfAbsent(r.administeredOn(), d -> new double[2]);
            sum[0] += r.total();
            sum[1]++;
        }
        List<OutcomeSeries.Reading> readings = new ArrayList<>();
        byDay.forEach((d, s) -> readings.add(new OutcomeSeries.Reading(d, s[0] / s[1])));
        return new OutcomeSeries(measure, readings);
    }

    /**
     * The therapies given, from the signed plan versions (oldest first): a therapy starts on the earliest start date
     * any version gives it; it stops on the end date of the newest version that lists it, or, when a later signed
     * version drops it, on the day that version was signed. Interventional therapies (procedures) are single events,
     * not exposures with a level change, so they are left out here.
     */
    static List<Exposure> exposures(List<PlanVersion> versionsNewestFirst) {
        List<PlanVersion> signed = versionsNewestFirst.stream()
                .filter(PlanVersion::signed)
                .sorted(Comparator.comparingInt(PlanVersion::version))
                .toList();
        Map<String, LocalDate[]> spans = new LinkedHashMap<>();
        for (PlanVersion v : signed) {
            LocalDate signedOn = v.signedAt() == null ? null : LocalDate.ofInstant(v.signedAt(), ZoneOffset.UTC);
            List<String> listed = new ArrayList<>();
            for (PlanVersion.PlannedTherapy t : v.therapies()) {
                boolean interventional = TherapyCatalog.byCode(t.therapyCode())
                        .map(org.relief.plan.Therapy::interventional)
                        .orElse(false);
                if (interventional || t.startDate() == null) {
                    continue;
                }
                String name = t.therapyName();
                listed.add(name);
                // the plan's end date is the last day given; an exposure stops on the first day no longer given
                LocalDate stop = t.endDate() == null ? null : t.endDate().plusDays(1);
                LocalDate[] span = spans.get(name);
                if (span == null) {
                    spans.put(name, new LocalDate[] {t.startDate(), stop});
                } else {
                    span[0] = span[0].isBefore(t.startDate()) ? span[0] : t.startDate();
                    span[1] = stop;
                }
            }
            for (Map.Entry<String, LocalDate[]> e : spans.entrySet()) {
                LocalDate[] span = e.getValue();
                if (!listed.contains(e.getKey()) && span[1] == null && signedOn != null && signedOn.isAfter(span[0])) {
                    span[1] = signedOn;
                }
            }
        }
        List<Exposure> out = new ArrayList<>();
        spans.forEach((name, span) -> out.add(new Exposure(
                name, span[0], span[1] != null && !span[1].isAfter(span[0]) ? span[0].plusDays(1) : span[1])));
        return out;
    }
}
