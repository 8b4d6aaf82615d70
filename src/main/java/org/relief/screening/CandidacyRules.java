package org.relief.screening;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Is interventional care right for this person now? The clinic's own description (rules reference section 1):
 * chronic, intractable pain (3 months or more) with traditional treatment tried without enough improvement, or pain
 * medication alone not enough, or the cause still unknown after earlier physicians -> candidate; psychosis or
 * suicidal ideation present -> mental health first; the entry work-up the clinic expects includes an x-ray or MRI.
 * Plain Java: facts in, a decision with every reason and its source out.
 */
public final class CandidacyRules {

    static final String SOURCE = "Clinic practice description (rules reference section 1)";
    static final String CHRONIC_SOURCE = "Rules reference section 1: chronic = pain lasting 3 months or more";

    /** The outcome of the screen. */
    public enum Outcome { CANDIDATE, NOT_YET, DEFER_MENTAL_HEALTH }

    /** How a reason bears on the outcome. */
    public enum Bearing { MET, NOT_MET, MISSING, SAFETY }

    /** One reason, with its source. */
    public record Reason(Bearing bearing, String text, String source) {
    }

    /** The screen's answer: outcome, reasons, and the policy values it used. */
    public record Decision(Outcome outcome, List<Reason> reasons, Map<String, String> policyValues) {
    }

    /**
     * What the screen reads from the chart.
     *
     * @param painOnset earliest onset of an active pain problem, null when no onset is recorded
     * @param specificPainDiagnosis whether a pain problem other than "chronic pain" codes names a cause
     * @param failedTreatments prior treatments with no or partial result (therapy names)
     * @param activePainMedications active pain medications (names)
     * @param imagingStudies how many imaging studies are on file
     * @param safetyConcerns open safety alerts or an active hold, in words (empty when none)
     */
    public record Facts(LocalDate today, LocalDate painOnset, boolean specificPainDiagnosis,
            List<String> failedTreatments, List<String> activePainMedications, int imagingStudies,
            List<String> safetyConcerns) {
    }

    private final int chronicMonths;

    public CandidacyRules(int chronicMonths) {
        this.chronicMonths = chronicMonths;
    }

    public Decision decide(Facts f) {
        List<Reason> reasons = new ArrayList<>();
        Map<String, String> policy = Map.of("chronic pain (months)", String.valueOf(chronicMonths));
        for (String concern : f.safetyConcerns()) {
            reasons.add(new Reason(Bearing.SAFETY, concern + ": mental health care first; the deferral is "
                    + "revisited, not final.", SOURCE));
        }

        boolean chronic = false;
        if (f.painOnset() == null) {
            reasons.add(new Reason(Bearing.MISSING, "No onset date on the pain problems: how long the pain has "
                    + "lasted is unknown.", CHRONIC_SOURCE));
        } else {
            LocalDate chronicFrom = f.painOnset().plusMonths(chronicMonths);
            long weeks = ChronoUnit.WEEKS.between(f.painOnset(), f.today());
            chronic = !chronicFrom.isAfter(f.today());
            reasons.add(new Reason(chronic ? Bearing.MET : Bearing.NOT_MET,
                    "Pain since " + f.painOnset() + " (" + weeks + " weeks): " + (chronic ? "chronic" : "not yet "
                            + chronicMonths + " months") + ".", CHRONIC_SOURCE));
        }

        boolean anyEntry = false;
        if (!f.failedTreatments().isEmpty()) {
            anyEntry = true;
            reasons.add(new Reason(Bearing.MET, "Traditional treatment tried without enough improvement: "
                    + String.join(", ", f.failedTreatments()) + ".", SOURCE));
        }
        if (!f.activePainMedications().isEmpty() && chronic) {
            anyEntry = true;
            reasons.add(new Reason(Bearing.MET, "Pain persists on medication: "
                    + String.join(", ", f.activePainMedications()) + ".", SOURCE));
        }
        if (!f.specificPainDiagnosis()) {
            anyEntry = true;
            reasons.add(new Reason(Bearing.MET, "No specific cause on the problem list: the cause is still "
                    + "unknown.", SOURCE));
        }
        if (!anyEntry) {
            reasons.add(new Reason(Bearing.MISSING, "None recorded yet: a treatment tried without enough relief, "
                    + "medication not enough, or an unknown cause.", SOURCE));
        }

        boolean imaging = f.imagingStudies() > 0;
        reasons.add(new Reason(imaging ? Bearing.MET : Bearing.MISSING, imaging
                ? f.imagingStudies() + " imaging stud" + (f.imagingStudies() == 1 ? "y" : "ies") + " on file."
                : "No x-ray or MRI on file; the clinic expects one with the referral.", SOURCE));

        Outcome outcome;
        if (!f.safetyConcerns().isEmpty()) {
            outcome = Outcome.DEFER_MENTAL_HEALTH;
        } else if (chronic && anyEntry && imaging) {
            outcome = Outcome.CANDIDATE;
        } else {
            outcome = Outcome.NOT_YET;
        }
        return new Decision(outcome, reasons, policy);
    }
}
