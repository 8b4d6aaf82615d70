package org.relief.letters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.relief.assessment.Assessments;
import org.relief.assessment.Instrument;
import org.relief.assessment.InstrumentResponse;
import org.relief.assessment.Instruments;
import org.relief.careteam.Actor;
import org.relief.careteam.Staff;
import org.relief.careteam.StaffDirectory;
import org.relief.evaluation.Episode;
import org.relief.evaluation.Findings;
import org.relief.evaluation.Findings.Finding;
import org.relief.patient.ChartService;
import org.relief.patient.Codes.MedicationStatus;
import org.relief.patient.EntryKind;
import org.relief.patient.PatientSummary;
import org.relief.patient.Patients;
import org.relief.patient.Referral;
import org.relief.plan.PlanVersion;
import org.relief.plan.Plans;
import org.relief.plan.Therapy;
import org.relief.plan.TherapyCatalog;
import org.relief.record.Versioned;
import org.springframework.stereotype.Component;

/**
 * Reads what a consult letter states from signed records: the latest referral, the signed evaluation episode (its
 * exams, tests, psychological evaluation conclusion and diagnoses; never psychotherapy notes), each instrument's
 * latest score with its band, the latest signed plan version and the chart's active medications. Reads go through
 * the owning modules' services, so access is checked and audited there too.
 */
@Component
class ConsultFactsReader {

    private final Patients patients;
    private final ChartService charts;
    private final Assessments assessments;
    private final Plans plans;
    private final StaffDirectory staff;

    ConsultFactsReader(
            Patients patients, ChartService charts, Assessments assessments, Plans plans, StaffDirectory staff) {
        this.patients = patients;
        this.charts = charts;
        this.assessments = assessments;
        this.plans = plans;
        this.staff = staff;
    }

    ConsultFacts read(Actor actor, UUID patientId, Episode episode) {
        if (!episode.signed()) {
            throw new IllegalArgumentException("a consult letter states a signed evaluation only");
        }
        PatientSummary patient = patients.summary(patientId);
        Optional<Referral> referral = charts.entries(actor, patientId, EntryKind.REFERRAL).stream()
                .map(Versioned::data)
                .max(Comparator.comparing(Referral::referralDate));
        Optional<PlanVersion> plan = plans.versions(actor, patientId).stream()
                .filter(PlanVersion::signed)
                .max(Comparator.comparingInt(PlanVersion::version));
        return new ConsultFacts(
                patient.displayName(),
                patient.birthDate(),
                patient.mrn(),
                referral.map(Referral::referringClinician).orElse("The referring clinician"),
                referral.map(Referral::referringPractice).orElse(null),
                referral.map(Referral::referralDate).orElse(null),
                referral.map(Referral::reason).orElse("not recorded"),
                episode.id(),
                name(episode.signedBy()),
                date(episode.signedAt()),
                exam(episode),
                tests(episode),
                instruments(actor, patientId),
                episode.diagnoses().stream()
                        .map(Versioned::data)
                        .sorted(Comparator.comparing(Findings.Diagnosis::certainty)
                                .reversed()
                                .thenComparing(Findings.Diagnosis::icd10Code))
                        .map(d -> new ConsultFacts.DiagnosisLine(
                                d.description(),
                                d.icd10Code(),
                                d.certainty() == Findings.Certainty.CONFIRMED ? "confirmed" : "working diagnosis"))
                        .toList(),
                plan.map(PlanVersion::version).orElse(null),
                plan.map(p -> date(p.signedAt())).orElse(null),
                plan.map(p -> p.therapies().stream()
                                .map(t -> new ConsultFacts.TherapyLine(
                                        t.therapyName(),
                                        t.ownerName(),
                                        t.frequency(),
                                        t.duration(),
                                        t.startDate(),
                                        TherapyCatalog.byCode(t.therapyCode())
                                                .map(Therapy::whatToExpect)
                                                .orElse(null)))
                                .toList())
                        .orElse(List.of()),
                plan.map(p -> p.goals().stream()
                                .map(g -> new ConsultFacts.GoalLine(goal(g), g.targetDate()))
                                .toList())
                        .orElse(List.of()),
                charts.entries(actor, patientId, EntryKind.MEDICATION).stream()
                        .map(Versioned::data)
                        .filter(m -> m.status() == MedicationStatus.ACTIVE)
                        .map(m -> m.name() + " " + m.dose() + ", " + m.frequency() + ", " + m.route())
                        .toList());
    }

    /** The earliest goal date of the signed plan not before today, or null (the physician gives one). */
    LocalDate nextReview(ConsultFacts facts, LocalDate today) {
        return facts.goals().stream()
                .map(ConsultFacts.GoalLine::targetDate)
                .filter(d -> d != null && !d.isBefore(today))
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    private static List<ConsultFacts.Line> exam(Episode episode) {
        List<ConsultFacts.Line> lines = new ArrayList<>();
        for (Versioned<Findings.Exam> v : episode.exams()) {
            Findings.Exam e = v.data();
            String on = " (" + e.examDate() + ")";
            add(lines, "Range of motion" + on, e.rangeOfMotion());
            add(lines, "Neurological exam" + on, e.neurologicalExam());
            String slr = Stream.of(side("left", e.straightLegRaiseLeft()), side("right", e.straightLegRaiseRight()))
                    .filter(s -> s != null)
                    .collect(Collectors.joining(", "));
            add(lines, "Straight-leg raise" + on, slr);
            List<Finding> si = Stream.of(
                            e.faber(), e.gaenslen(), e.thighThrust(), e.compression(), e.distraction(), e.yeoman())
                    .filter(f -> f != null && f != Finding.NOT_DONE)
                    .toList();
            if (!si.isEmpty()) {
                add(
                        lines,
                        "Sacroiliac provocation tests" + on,
                        e.positiveSacroiliacTests() + " of " + si.size() + " done positive");
            }
            add(lines, "Facet loading" + on, word(e.facetLoading()));
            if (e.triggerPointsFound() != null) {
                add(
                        lines,
                        "Trigger points" + on,
                        e.triggerPointsFound() + " found"
                                + (e.triggerPointFindings() == null
                                                || e.triggerPointFindings().isBlank()
                                        ? ""
                                        : ": " + e.triggerPointFindings().strip()));
            }
        }
        episode.psychEvaluations().stream()
                .map(Versioned::data)
                .max(Comparator.comparing(Findings.PsychEvaluation::evaluatedOn))
                .ifPresent(p -> add(
                        lines,
                        "Psychological evaluation (" + p.evaluatedOn() + ")",
                        switch (p.conclusion()) {
                            case CLEARED -> "cleared for interventional care";
                            case CLEARED_WITH_CONDITIONS -> "cleared with conditions: " + p.conditions();
                            case NOT_CLEARED -> "not cleared for interventional care";
                        }));
        return lines;
    }

    private static List<ConsultFacts.Line> tests(Episode episode) {
        List<ConsultFacts.Line> lines = new ArrayList<>();
        for (Versioned<Findings.DiagnosticTest> v : episode.tests()) {
            Findings.DiagnosticTest t = v.data();
            StringBuilder text = new StringBuilder();
            text.append(
                    t.resultedOn() != null
                            ? "resulted " + t.resultedOn()
                            : "ordered " + t.orderedOn() + ", no result yet");
            if (t.result() != null && !t.result().isBlank()) {
                text.append(": ").append(t.result().strip());
            }
            if (t.reliefPercent() != null) {
                text.append("; ")
                        .append(t.reliefPercent())
                        .append(" % relief")
                        .append(t.reliefHours() == null ? "" : " for " + t.reliefHours() + " hours")
                        .append(t.blockTarget() == null ? "" : " (" + t.blockTarget() + ")");
            }
            lines.add(new ConsultFacts.Line(t.name() + " (" + kind(t.kind()) + ")", text.toString()));
        }
        return lines;
    }

    private List<ConsultFacts.InstrumentLine> instruments(Actor actor, UUID patientId) {
        List<ConsultFacts.InstrumentLine> lines = new ArrayList<>();
        assessments.history(actor, patientId).forEach((code, list) -> {
            if (list.isEmpty()) {
                return;
            }
            InstrumentResponse last = list.get(list.size() - 1);
            lines.add(new ConsultFacts.InstrumentLine(
                    Instruments.byCode(code).map(Instrument::name).orElse(code),
                    last.administeredOn(),
                    last.total() == null ? "not scored" : number(last.total()),
                    last.band()));
        });
        return lines;
    }

    private static String goal(PlanVersion.Goal g) {
        StringBuilder s = new StringBuilder(g.description());
        if (g.target() != null && g.measure() != null) {
            s.append(" (")
                    .append(g.measure())
                    .append(" ")
                    .append(plain(g.target()))
                    .append(")");
        }
        if (g.targetDate() != null) {
            s.append(", by ").append(g.targetDate());
        }
        return s.toString();
    }

    private String name(String username) {
        return username == null
                ? null
                : staff.findByUsername(username).map(Staff::displayName).orElse(username);
    }

    private static LocalDate date(java.time.Instant at) {
        return at == null ? null : LocalDate.ofInstant(at, ZoneId.systemDefault());
    }

    private static void add(List<ConsultFacts.Line> lines, String label, String text) {
        if (text != null && !text.isBlank()) {
            lines.add(new ConsultFacts.Line(label, text.strip()));
        }
    }

    private static String side(String side, Finding f) {
        return f == null || f == Finding.NOT_DONE ? null : side + " " + word(f);
    }

    private static String word(Finding f) {
        return f == null || f == Finding.NOT_DONE ? null : f == Finding.POSITIVE ? "positive" : "negative";
    }

    private static String kind(Findings.TestKind k) {
        return switch (k) {
            case IMAGING -> "imaging";
            case EMG_NERVE_CONDUCTION -> "EMG / nerve conduction";
            case LAB -> "laboratory";
            case DIAGNOSTIC_BLOCK -> "diagnostic block";
            case OTHER -> "other test";
        };
    }

    static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(Math.round(d * 100) / 100.0);
    }

    private static String plain(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }
}
