package org.relief.letters;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.relief.assessment.Assessments;
import org.relief.assessment.Instrument;
import org.relief.assessment.InstrumentResponse;
import org.relief.assessment.Instruments;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.Purpose;
import org.relief.careteam.Staff;
import org.relief.careteam.StaffDirectory;
import org.relief.outcomes.Measure;
import org.relief.outcomes.OutcomesService;
import org.relief.patient.Chart;
import org.relief.patient.ChartService;
import org.relief.patient.Codes.MedicationStatus;
import org.relief.patient.PatientSummary;
import org.relief.patient.Step;
import org.relief.patient.StepChange;
import org.relief.plan.PlanVersion;
import org.relief.plan.Plans;
import org.relief.plan.Therapy;
import org.relief.plan.TherapyCatalog;
import org.relief.procedure.Documentation;
import org.relief.procedure.Orders;
import org.relief.procedure.ProcedureKinds;
import org.relief.procedure.ProcedureOrder;
import org.relief.record.Versioned;
import org.relief.shared.Labels;
import org.relief.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient's other printable documents, rendered from signed and documented records when asked for (the same
 * records give the same bytes; each is dated by its record): the procedure report, the patient's plan in plain
 * language and the discharge summary. Each read opens the chart through the guard (audited).
 */
@Service
public class Reports {
    // Why over 300 lines: three documents (procedure report, plan, discharge summary) sharing the guard and the
    // model set-up; next split: one class per document.

    private final ChartAccess access;
    private final ChartService charts;
    private final Orders orders;
    private final Plans plans;
    private final Assessments assessments;
    private final OutcomesService outcomes;
    private final StaffDirectory staff;
    private final Documents documents;
    private final org.relief.patient.Patients patients;
    private final ConsultLetters consultLetters;

    Reports(
            ChartAccess access,
            ChartService charts,
            Orders orders,
            Plans plans,
            Assessments assessments,
            OutcomesService outcomes,
            StaffDirectory staff,
            Documents documents,
            org.relief.patient.Patients patients,
            ConsultLetters consultLetters) {
        this.patients = patients;
        this.consultLetters = consultLetters;
        this.access = access;
        this.charts = charts;
        this.orders = orders;
        this.plans = plans;
        this.assessments = assessments;
        this.outcomes = outcomes;
        this.staff = staff;
        this.documents = documents;
    }

    /** A procedure performed, for the letters page's list. */
    public record ProcedureItem(UUID entryId, LocalDate performedOn, String label) {}

    /** What the letters page offers besides the consult letter. */
    public record Available(List<ProcedureItem> procedures, boolean plan, boolean discharged) {}

    @Transactional(readOnly = true)
    public Available available(Actor actor, UUID patientId) {
        List<ProcedureItem> procedures = charts.entries(actor, patientId, ProcedureKinds.PERFORMED).stream()
                .map(v -> new ProcedureItem(v.entryId(), v.data().performedOn(), procedureLabel(v.data())))
                .toList();
        boolean plan = signedPlan(actor, patientId).isPresent();
        boolean discharged = charts.chart(actor, patientId).patient().step() == Step.DISCHARGED;
        return new Available(procedures, plan, discharged);
    }

    /** The report of a procedure performed (the latest when none is named); empty when none is documented. */
    @Transactional(readOnly = true)
    public Optional<byte[]> procedureReport(Actor actor, UUID patientId, UUID procedureId) {
        access.open(actor, patientId, Purpose.read("procedure report"));
        List<Versioned<Documentation.Performed>> performed = charts.entries(actor, patientId, ProcedureKinds.PERFORMED);
        Optional<Versioned<Documentation.Performed>> chosen = procedureId == null
                ? performed.stream().max(Comparator.comparing(v -> v.data().performedOn()))
                : Optional.of(performed.stream()
                        .filter(v -> v.entryId().equals(procedureId))
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException("No procedure " + procedureId + " on this chart")));
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Versioned<Documentation.Performed> v = chosen.get();
        Documentation.Performed p = v.data();
        ProcedureOrder order = p.orderId() == null
                ? null
                : orders.orders(actor, patientId).stream()
                        .filter(o -> o.id().equals(p.orderId()))
                        .findFirst()
                        .orElse(null);
        List<Documentation.FollowUp> followUps = charts.entries(actor, patientId, ProcedureKinds.FOLLOW_UP).stream()
                .map(Versioned::data)
                .filter(f -> f.procedureId().equals(v.entryId()))
                .sorted(Comparator.comparing(Documentation.FollowUp::followedUpOn))
                .toList();
        Map<String, Object> model = base(patientId, "Procedure report: " + procedureLabel(p));
        model.put("procedure", p);
        model.put("procedureLabel", procedureLabel(p));
        model.put("order", order);
        model.put("indication", order == null ? null : Labels.of(order.order().indication()));
        model.put(
                "outcomes",
                order == null
                        ? List.of()
                        : order.outcomes().stream()
                                .map(o -> List.of(o.rule(), Labels.of(o.decision()), o.reason(), nz(o.source())))
                                .toList());
        model.put("guidance", Labels.of(p.imageGuidance()));
        model.put(
                "followUps",
                followUps.stream()
                        .map(f -> List.of(
                                Labels.of(f.point()),
                                f.followedUpOn().toString(),
                                f.reliefPercent() + " %",
                                f.reliefLastedWeeks() == null ? "-" : f.reliefLastedWeeks() + " weeks",
                                f.nrs() == null ? "-" : f.nrs() + " of 10"))
                        .toList());
        model.put("documentedBy", name(v.recordedBy()));
        model.put("date", p.performedOn());
        return Optional.of(documents.pdf("procedure", model, p.performedOn()));
    }

    /** The patient's plan in plain language (the latest signed version); empty when no plan is signed. */
    @Transactional(readOnly = true)
    public Optional<byte[]> patientPlan(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.read("patient's plan (print)"));
        Optional<PlanVersion> plan = signedPlan(actor, patientId);
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        PlanVersion v = plan.get();
        LocalDate signedOn = LocalDate.ofInstant(v.signedAt(), ZoneId.systemDefault());
        Map<String, Object> model = base(patientId, "My plan");
        model.put("plan", v);
        model.put("signedOn", signedOn);
        model.put("signedBy", name(v.signedBy()));
        model.put(
                "therapies",
                v.therapies().stream()
                        .map(t -> new PlainTherapy(
                                t.therapyName(),
                                t.ownerName(),
                                t.frequency(),
                                t.duration(),
                                t.startDate(),
                                TherapyCatalog.byCode(t.therapyCode())
                                        .map(Therapy::whatToExpect)
                                        .orElse(null)))
                        .toList());
        return Optional.of(documents.pdf("plan", model, signedOn));
    }

    /** A therapy as the patient reads it. */
    public record PlainTherapy(
            String name, String with, String howOften, String howLong, LocalDate from, String whatToExpect) {}

    /**
     * The discharge summary: the course (steps, plan versions, procedures), the pain trajectory plot, each
     * instrument's final score against its baseline, the medications at discharge. Dated the day of discharge (or
     * of the latest step, "to date", when the patient is still in care).
     */
    @Transactional(readOnly = true)
    public Optional<byte[]> dischargeSummary(Actor actor, UUID patientId) {
        Chart chart = charts.chart(actor, patientId); // the guard, audited
        List<StepChange> steps = chart.steps().stream()
                .sorted(Comparator.comparing(StepChange::at))
                .toList();
        LocalDate dated = steps.stream()
                .map(StepChange::at)
                .max(Comparator.naturalOrder())
                .map(at -> LocalDate.ofInstant(at, ZoneId.systemDefault()))
                .orElse(chart.demographics().data().birthDate());
        boolean discharged = chart.patient().step() == Step.DISCHARGED;
        Map<String, Object> model = base(patientId, "Discharge summary");
        model.put("discharged", discharged);
        model.put("date", dated);
        model.put(
                "steps",
                steps.stream()
                        .map(s -> List.of(
                                LocalDate.ofInstant(s.at(), ZoneId.systemDefault())
                                        .toString(),
                                s.step().label(),
                                nz(s.note())))
                        .toList());
        model.put(
                "planVersions",
                plans.versions(actor, patientId).stream()
                        .filter(PlanVersion::signed)
                        .sorted(Comparator.comparingInt(PlanVersion::version))
                        .map(p -> List.of(
                                "version " + p.version(),
                                LocalDate.ofInstant(p.signedAt(), ZoneId.systemDefault())
                                        .toString(),
                                String.join(
                                        ", ",
                                        p.therapies().stream()
                                                .map(PlanVersion.PlannedTherapy::therapyName)
                                                .toList())))
                        .toList());
        model.put(
                "procedures",
                charts.entries(actor, patientId, ProcedureKinds.PERFORMED).stream()
                        .map(Versioned::data)
                        .sorted(Comparator.comparing(Documentation.Performed::performedOn))
                        .map(p -> List.of(p.performedOn().toString(), procedureLabel(p)))
                        .toList());
        var nrs = outcomes.analyse(actor, patientId, Measure.NRS);
        model.put(
                "trajectory",
                nrs.series().size() < 2 ? null : Charts.trajectory(nrs.series(), nrs.exposures(), Measure.NRS.label()));
        model.put("trajectoryText", trajectoryText(nrs.series()));
        // what helped: the outcomes analysis of the same series, as the Outcomes page shows it
        model.put(
                "helped",
                nrs.analysis() == null
                        ? List.of()
                        : nrs.analysis().effects().stream()
                                .map(e -> List.of(
                                        e.label(),
                                        e.verdict().label(),
                                        e.levelChange() == null
                                                ? "-"
                                                : signed(e.levelChange().estimate()) + " ("
                                                        + signed(e.levelChange().lower()) + " to "
                                                        + signed(e.levelChange().upper()) + ") points",
                                        nz(e.reason())))
                                .toList());
        model.put("helpedMissing", nrs.analysis() == null ? nrs.empty() : null);
        model.put("recommendations", consultLetters.signedRequests(patientId).orElse(null));
        model.put("scores", scores(actor, patientId));
        model.put(
                "medications",
                chart.medications().stream()
                        .map(Versioned::data)
                        .filter(m -> m.status() == MedicationStatus.ACTIVE)
                        .map(m -> m.name() + " " + m.dose() + ", " + m.frequency() + ", " + m.route())
                        .toList());
        return Optional.of(documents.pdf("discharge", model, dated));
    }

    /** First (baseline) and last score of each instrument with at least one scored response. */
    private List<List<String>> scores(Actor actor, UUID patientId) {
        List<List<String>> rows = new ArrayList<>();
        for (var e : assessments.history(actor, patientId).entrySet()) {
            List<InstrumentResponse> scored =
                    e.getValue().stream().filter(r -> r.total() != null).toList();
            if (scored.isEmpty()) {
                continue;
            }
            InstrumentResponse first = scored.get(0);
            InstrumentResponse last = scored.get(scored.size() - 1);
            rows.add(List.of(
                    Instruments.byCode(e.getKey()).map(Instrument::name).orElse(e.getKey()),
                    ConsultFactsReader.number(first.total()) + " (" + first.administeredOn() + ")",
                    ConsultFactsReader.number(last.total()) + " (" + last.administeredOn() + ")",
                    last.band() == null ? "-" : last.band()));
        }
        return rows;
    }

    private static String trajectoryText(org.relief.outcomes.OutcomeSeries series) {
        if (series.size() == 0) {
            return "No pain scores were recorded.";
        }
        var first = series.readings().get(0);
        var last = series.readings().get(series.size() - 1);
        return series.size() + " pain scores (NRS) from " + first.date() + " to " + last.date() + ": first "
                + ConsultFactsReader.number(first.value()) + ", last " + ConsultFactsReader.number(last.value()) + ".";
    }

    private static String signed(double d) {
        return (d > 0 ? "+" : d < 0 ? "\u2212" : "") + String.format(java.util.Locale.ROOT, "%.1f", Math.abs(d));
    }

    private Map<String, Object> base(UUID patientId, String title) {
        PatientSummary patient = patients.summary(patientId);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", title + ": " + patient.displayName());
        model.put("heading", title);
        model.put("patient", patient);
        model.put("draft", false);
        return model;
    }

    private Optional<PlanVersion> signedPlan(Actor actor, UUID patientId) {
        return plans.versions(actor, patientId).stream()
                .filter(PlanVersion::signed)
                .max(Comparator.comparingInt(PlanVersion::version));
    }

    static String procedureLabel(Documentation.Performed p) {
        return Labels.of(p.type()) + ", " + Labels.of(p.region()).toLowerCase() + ", "
                + Labels.of(p.side()).toLowerCase() + ", " + p.levels() + (p.levels() == 1 ? " level" : " levels");
    }

    private String name(String username) {
        return username == null
                ? null
                : staff.findByUsername(username).map(Staff::displayName).orElse(username);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
