package org.relief.medication;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The periodic review's benefit judgement: has the patient's own score improved since a medication started by at
 * least the minimal important difference ({@link ReviewPolicy})? The baseline is the last score on or before the
 * start day; the comparison is the latest score after it (up to the stop day for a stopped medication). Lower is
 * better for NRS and PEG. Words are honest: a change below the MID is "no measured benefit", never "no benefit"
 * (the scores measure pain, not everything a medication may do), and with no score before or after the start the
 * benefit is "not measured".
 *
 * <p>Deprescribing candidates: medications taken for at least the policy's number of weeks whose judgement is "no
 * measured benefit". A candidate is a prompt for the review (continue, change dose, taper, stop), not a decision.
 */
public final class BenefitReview {

    private final ReviewPolicy policy;

    public BenefitReview(ReviewPolicy policy) {
        this.policy = policy;
    }

    /** The outcome. */
    public enum Verdict {
        MEASURED_BENEFIT("Improvement reaching the minimal important difference"),
        NO_MEASURED_BENEFIT("No measured benefit"),
        NOT_MEASURED("Benefit not measured");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The judgement.
     *
     * @param verdict the outcome
     * @param baseline the score the change is measured from, or null
     * @param latest the latest score since the start, or null
     * @param text the sentence a person reads
     * @param source the MID used and its source, or "" when none applied
     */
    public record Judgement(Verdict verdict, ScoreReading baseline, ScoreReading latest, String text, String source) {

        /** Improvement in points (positive = better), or null. */
        public Double improvementPoints() {
            return baseline == null || latest == null ? null : baseline.score() - latest.score();
        }
    }

    /** A medication listed for review. */
    public record Candidate(Medication medication, long weeksTaken, Judgement judgement, String text) {}

    /** The judgement for a medication started on {@code start} (stopped on {@code stop}, or null). */
    public Judgement judge(LocalDate start, LocalDate stop, List<ScoreReading> scores, LocalDate today) {
        if (start == null) {
            return new Judgement(
                    Verdict.NOT_MEASURED, null, null, "Benefit not measured: the start date is not known.", "");
        }
        LocalDate end = stop != null && stop.isBefore(today) ? stop : today;
        Judgement best = null;
        List<String> missing = new ArrayList<>();
        for (ScoreReading.Kind kind : ScoreReading.Kind.values()) {
            List<ScoreReading> series = scores.stream()
                    .filter(s -> s.kind() == kind)
                    .sorted(Comparator.comparing(ScoreReading::on))
                    .toList();
            if (series.isEmpty()) {
                continue;
            }
            ScoreReading baseline = series.stream()
                    .filter(s -> !s.on().isAfter(start))
                    .reduce((a, b) -> b)
                    .orElse(null);
            ScoreReading latest = series.stream()
                    .filter(s -> s.on().isAfter(start) && !s.on().isAfter(end))
                    .reduce((a, b) -> b)
                    .orElse(null);
            if (baseline == null || latest == null) {
                missing.add(kind.label() + ": "
                        + (baseline == null
                                ? "no score on or before the start (" + start + ")"
                                : "no score since the start (" + start + ")"));
                continue;
            }
            Judgement j = compare(kind, baseline, latest);
            if (best == null
                    || (best.verdict() != Verdict.MEASURED_BENEFIT && j.verdict() == Verdict.MEASURED_BENEFIT)) {
                best = j;
            }
        }
        if (best != null) {
            return best;
        }
        return new Judgement(
                Verdict.NOT_MEASURED,
                null,
                null,
                "Benefit not measured: "
                        + (missing.isEmpty() ? "no NRS or PEG score on file" : String.join("; ", missing)) + ".",
                "");
    }

    /** The medications taken today for at least the policy's weeks with no measured benefit. */
    public List<Candidate> candidates(List<Medication> medications, List<ScoreReading> scores, LocalDate today) {
        long weeks = policy.candidateWeeks().value().longValue();
        List<Candidate> out = new ArrayList<>();
        for (Medication m : medications) {
            if (m.start() == null || !m.takenOn(today)) {
                continue;
            }
            long taken = ChronoUnit.WEEKS.between(m.start(), today);
            if (taken < weeks) {
                continue;
            }
            Judgement j = judge(m.start(), m.stop(), scores, today);
            if (j.verdict() == Verdict.NO_MEASURED_BENEFIT) {
                out.add(new Candidate(
                        m,
                        taken,
                        j,
                        "Taken for " + taken + " weeks (review after "
                                + policy.candidateWeeks().shown()
                                + ") with no measured benefit: review it (continue, change "
                                + "dose, taper or stop). " + j.text()));
            }
        }
        return out;
    }

    private Judgement compare(ScoreReading.Kind kind, ScoreReading baseline, ScoreReading latest) {
        ReviewPolicy.Mid mid = policy.mids().get(kind);
        double fall = baseline.score() - latest.score();
        String change = kind.label() + " " + number(baseline.score()) + " on " + baseline.on() + ", "
                + number(latest.score()) + " on " + latest.on() + " (" + (fall >= 0 ? "down " : "up ")
                + number(Math.abs(fall)) + " point" + (Math.abs(fall) == 1 ? "" : "s")
                + (baseline.score() > 0 ? ", " + Math.round(Math.abs(fall) / baseline.score() * 100) + " %" : "")
                + ")";
        if (mid.reachedBy(baseline.score(), latest.score())) {
            return new Judgement(
                    Verdict.MEASURED_BENEFIT,
                    baseline,
                    latest,
                    "Improvement since the start reaches " + "the minimal important difference (" + mid.shown() + "): "
                            + change + ".",
                    mid.source());
        }
        return new Judgement(
                Verdict.NO_MEASURED_BENEFIT,
                baseline,
                latest,
                "No measured benefit: " + change
                        + ", short of the minimal important difference (" + mid.shown() + "). The scores may miss a "
                        + "benefit; ask the patient.",
                mid.source());
    }

    private static String number(double d) {
        return d == Math.rint(d)
                ? String.valueOf((long) d)
                : String.format(Locale.ROOT, "%.2f", d).replaceAll("0+$", "");
    }
}
