package org.relief.medication;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.relief.assessment.Assessments;
import org.relief.assessment.InstrumentResponse;
import org.relief.audit.AuditAction;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.OpenChart;
import org.relief.careteam.Permission;
import org.relief.careteam.Purpose;
import org.relief.medication.MedicationReview.Decision;
import org.relief.record.RecordKind;
import org.relief.record.RecordStore;
import org.relief.record.Versioned;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The periodic medication review (shared/CLINICAL_RULES.md §10 "medication review", issue 11): for each medication
 * taken, its benefit judged from the patient's own NRS / PEG scores since it started ({@link BenefitReview}, the MIDs
 * of §11 as policy), side effects reported, and the decision (continue, change dose, taper, stop; or start a
 * medication that should be prescribed) with its reason, as a versioned record. A taper is a dated plan at the
 * {@link TaperPolicy} rate whose first review date becomes the next review. Deprescribing candidates (taken for at
 * least the clinic's number of weeks with no measured benefit) are listed only once the clinic has set that number
 * ({@code relief.medication.review.candidate-weeks}); there is no default.
 */
@Service
public class MedicationReviews {
    // Why over 300 lines: the review screen's reading (judgement, prompts, last reviews) and its one write with every
    // check; next split: the taper chart and the daily dose into their own class.

    private final RecordStore store;
    private final RecordKind<MedicationReview> kind;
    private final Medications medications;
    private final ChartAccess access;
    private final Assessments assessments;
    private final Clock clock;
    private final jakarta.validation.Validator validator;
    private final Integer candidateWeeks;
    private final TaperPolicy taperPolicy = TaperPolicy.defaults();

    MedicationReviews(
            RecordStore store,
            RecordKind<MedicationReview> medicationReviewRecords,
            Medications medications,
            ChartAccess access,
            Assessments assessments,
            Clock clock,
            jakarta.validation.Validator validator,
            @Value("${relief.medication.review.candidate-weeks:#{null}}") Integer candidateWeeks) {
        this.store = store;
        this.kind = medicationReviewRecords;
        this.medications = medications;
        this.access = access;
        this.assessments = assessments;
        this.clock = clock;
        this.validator = validator;
        this.candidateWeeks = candidateWeeks;
    }

    /** A review on file. */
    public record Done(UUID entryId, int version, MedicationReview review, String recordedBy, Instant recordedAt) {}

    /**
     * One medication on the review screen.
     *
     * @param dailyMg its daily dose in mg where the sig and strength say it (prefills a taper), else null
     * @param candidate the deprescribing prompt, or null
     */
    public record Line(
            Medications.Entry entry,
            BenefitReview.Judgement judgement,
            Done lastReview,
            Done lastTaper,
            BigDecimal dailyMg,
            BenefitReview.Candidate candidate) {

        /** The last taper plan as bars of a chart (0-300 wide, 0-120 high): the dose from each step's date. */
        public List<Bar> taperBars() {
            if (lastTaper == null || lastTaper.review().taper() == null) {
                return List.of();
            }
            TaperPlan plan = lastTaper.review().taper();
            BigDecimal first =
                    plan.steps().get(0).dose().add(plan.steps().get(0).reduction());
            int n = plan.steps().size();
            double width = 300.0 / n;
            List<Bar> bars = new ArrayList<>();
            for (TaperPlan.Step step : plan.steps()) {
                double h = first.signum() == 0 ? 0 : step.dose().doubleValue() / first.doubleValue() * 100;
                bars.add(new Bar(
                        (int) Math.round((step.number() - 1) * width),
                        (int) Math.round(110 - h),
                        Math.max(1, (int) Math.floor(width) - 2),
                        (int) Math.round(h),
                        step.from() + ": " + step.dose().toPlainString() + " " + plan.unit()));
            }
            return bars;
        }
    }

    /** One bar of a taper chart. */
    public record Bar(int x, int y, int width, int height, String label) {}

    /**
     * The screen.
     *
     * @param candidatesNote why no candidate list is shown (the clinic has not set the period), or null
     */
    public record Page(
            List<Line> lines,
            String candidatesNote,
            String candidatePeriod,
            List<Done> done,
            String taperPolicy,
            String taperSource,
            LocalDate today) {}

    @Transactional(readOnly = true)
    public Page page(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.read("medication review"));
        LocalDate today = LocalDate.now(clock);
        List<ScoreReading> scores = scores(actor, patientId);
        BenefitReview benefit = new BenefitReview(policy());
        List<Done> done = done(patientId);
        List<Medications.Entry> taken = medications.entries(patientId).stream()
                .filter(e -> e.medication().takenOn(today))
                .toList();
        List<BenefitReview.Candidate> candidates = candidateWeeks == null
                ? List.of()
                : benefit.candidates(
                        taken.stream().map(Medications.Entry::medication).toList(), scores, today);
        List<Line> lines = new ArrayList<>();
        for (Medications.Entry e : taken) {
            Medication m = e.medication();
            lines.add(new Line(
                    e,
                    benefit.judge(m.start(), m.stop(), scores, today),
                    last(done, e.entryId(), null),
                    last(done, e.entryId(), Decision.TAPER),
                    dailyMg(m),
                    candidates.stream()
                            .filter(c -> c.medication() == m)
                            .findFirst()
                            .orElse(null)));
        }
        return new Page(
                lines,
                candidateWeeks == null
                        ? "Deprescribing prompts are off: the clinic has not set how many weeks a medication must be "
                                + "taken before \"no measured benefit\" lists it (relief.medication.review.candidate-"
                                + "weeks; no guideline gives the number)."
                        : null,
                candidateWeeks == null ? null : policy().candidateWeeks().shown(),
                done,
                taperPolicy.shown(),
                taperPolicy.ratePercent().source(),
                today);
    }

    /** The reviews on file, newest first. */
    @Transactional(readOnly = true)
    public List<Done> list(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.read("medication reviews"));
        return done(patientId);
    }

    /** Opens the chart for a review (403, audited, for a role that may not); nothing is stored. */
    @Transactional(readOnly = true)
    public void requireMayReview(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.write("review medications"), Permission.WRITE_MEDICATIONS);
    }

    /**
     * Records a review. Problems name the form's fields; nothing is stored unless there is none. A stop is also the
     * next version of the medication, stopped today with the reason (409 if it changed since it was read).
     */
    @Transactional
    public Done record(Actor actor, UUID patientId, MedicationReview.Form form) {
        OpenChart chart =
                access.open(actor, patientId, Purpose.write("review medications"), Permission.WRITE_MEDICATIONS);
        if (form == null) {
            throw new InvalidInputException(List.of(new FieldProblem("decision", "send the review")));
        }
        LocalDate today = LocalDate.now(clock);
        List<FieldProblem> problems = new ArrayList<>();
        validator
                .validate(form)
                .forEach(v -> problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage())));
        Decision d = form.decision();
        if (d == null) {
            problems.add(new FieldProblem("decision", "choose continue, change the dose, taper or stop"));
        }
        if (form.reason() == null || form.reason().isBlank()) {
            problems.add(new FieldProblem("reason", "say why"));
        }
        Medications.Entry e = null;
        if (d == Decision.START) {
            if (form.startName() == null || form.startName().isBlank()) {
                problems.add(new FieldProblem("startName", "name the medication that should be started"));
            }
        } else {
            e = form.medication() == null
                    ? null
                    : medications.entries(patientId).stream()
                            .filter(x -> x.entryId().equals(form.medication()))
                            .filter(x -> x.medication().takenOn(today))
                            .findFirst()
                            .orElse(null);
            if (e == null) {
                problems.add(new FieldProblem("medication", "is not a structured medication taken now"));
            }
        }
        if (form.nextReview() != null && !form.nextReview().isAfter(today)) {
            problems.add(new FieldProblem("nextReview", "must be after today"));
        }
        if (d == Decision.STOP && form.version() == null) {
            problems.add(new FieldProblem("version", "say which version you stop (the one you read)"));
        }
        TaperPlan taper = null;
        if (d == Decision.TAPER) {
            try {
                taper = TaperPlan.of(form.startDose(), "mg/day", form.firstDay(), form.targetDose(), taperPolicy);
            } catch (InvalidInputException bad) {
                problems.addAll(bad.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String reason = form.reason().strip();
        BenefitReview.Judgement j = e == null
                ? null
                : new BenefitReview(policy())
                        .judge(e.medication().start(), e.medication().stop(), scores(actor, patientId), today);
        if (d == Decision.STOP) {
            medications.stopped(
                    chart,
                    actor,
                    medications.own(patientId, e.entryId()),
                    form.version(),
                    today,
                    "stopped at the periodic review: " + reason);
        }
        MedicationReview review = new MedicationReview(
                e == null ? null : e.entryId(),
                e == null ? form.startName().strip() : e.name(),
                today,
                j == null ? null : j.verdict(),
                j == null ? null : j.text(),
                j == null || j.source().isEmpty() ? null : j.source(),
                blankToNull(form.sideEffects()),
                d,
                reason,
                taper,
                taper != null ? taper.reviewDates().get(0) : form.nextReview());
        Versioned<MedicationReview> saved =
                store.insertFirst(kind, patientId, UUID.randomUUID(), review, actor.username());
        chart.audit(
                AuditAction.CREATE,
                "medication review " + saved.entryId() + ": " + review.medicationName() + ", " + d.label() + ": "
                        + reason);
        return done(saved);
    }

    /** The patient's NRS and PEG scores. */
    private List<ScoreReading> scores(Actor actor, UUID patientId) {
        List<ScoreReading> out = new ArrayList<>();
        Map<String, List<InstrumentResponse>> history = assessments.history(actor, patientId);
        for (ScoreReading.Kind k : ScoreReading.Kind.values()) {
            for (InstrumentResponse r : history.getOrDefault(k.name(), List.of())) {
                if (r.total() != null && r.administeredOn() != null) {
                    out.add(new ScoreReading(k, r.administeredOn(), r.total()));
                }
            }
        }
        return out;
    }

    private ReviewPolicy policy() {
        return candidateWeeks == null
                // judging needs only the MIDs; the candidate period is not used while it is not set
                ? ReviewPolicy.of(1, "not set by the clinic")
                : ReviewPolicy.of(candidateWeeks, "the clinic's setting (relief.medication.review.candidate-weeks)");
    }

    /** The daily dose in mg of a single-ingredient medication in mg whose sig gives the doses a day, else null. */
    static BigDecimal dailyMg(Medication m) {
        if (m.ingredients().size() != 1 || m.sig() == null || m.sig().doseUnit() == null) {
            return null;
        }
        Ingredient i = m.ingredients().get(0);
        BigDecimal units = m.sig().unitsPerDay();
        if (units == null || i.unit() != StrengthUnit.MG || i.strength() == null) {
            return null;
        }
        BigDecimal mg = m.sig().doseUnit() == DoseUnit.MG
                ? units
                : m.sig().doseUnit().countable() ? units.multiply(i.strength()) : null;
        return mg == null
                ? null
                : new BigDecimal(mg.setScale(2, java.math.RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString()); // plain digits for the form ("40", never "4E+1")
    }

    private static Done last(List<Done> done, UUID medication, Decision only) {
        Optional<Done> found = done.stream() // newest first
                .filter(x -> medication.equals(x.review().medicationEntryId()))
                .filter(x -> only == null || x.review().decision() == only)
                .findFirst();
        return found.orElse(null);
    }

    private List<Done> done(UUID patientId) {
        return store.current(kind, patientId).stream()
                .map(MedicationReviews::done)
                .toList();
    }

    private static Done done(Versioned<MedicationReview> v) {
        return new Done(v.entryId(), v.version(), v.data(), v.recordedBy(), v.recordedAt());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
