package org.relief.screening;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Is interventional care right for this person now? The clinic's own description (rules reference section 1):
 * chronic, intractable pain (3 months or more) with traditional treatment tried without enough improvement, or pain
 * medication alone not enough, or the cause still unknown after earlier physicians -> candidate; psychosis or
 * suicidal ideation present -> mental health first; the entry work-up the clinic expects includes an x-ray or MRI.
 * Plain Java in the shape of the procedure rules: one small named {@link Rule} per check, each giving one reason
 * with its bearing and source; the outcome follows the heaviest bearing.
 */
public final class CandidacyRules {

    static final String SOURCE = "Clinic practice description (rules reference section 1)";
    static final String CHRONIC_SOURCE = "Rules reference section 1: chronic = pain lasting 3 months or more";

    /** The rules' names. */
    static final String SAFETY_RULE = "Safety";

    static final String CHRONIC_PAIN_RULE = "Chronic pain";
    static final String TREATMENT_TRIED_RULE = "Entry: treatment tried";
    static final String MEDICATION_NOT_ENOUGH_RULE = "Entry: medication not enough";
    static final String CAUSE_UNKNOWN_RULE = "Entry: cause unknown";
    static final String NO_ENTRY_YET_RULE = "Entry";
    static final String IMAGING_RULE = "Entry work-up: imaging";

    /** The outcome of the screen. */
    public enum Outcome {
        CANDIDATE,
        NOT_YET,
        DEFER_MENTAL_HEALTH
    }

    /** How a reason bears on the outcome, in increasing order of weight: the outcome follows the heaviest. */
    public enum Bearing {
        MET,
        NOT_MET,
        MISSING,
        SAFETY
    }

    /**
     * One rule's answer.
     *
     * @param rule the rule's name, as a person reads it
     * @param bearing how it bears on the outcome
     * @param text why, in words
     * @param source where the rule comes from
     */
    public record Reason(String rule, Bearing bearing, String text, String source) {}

    /** The screen's answer: outcome, reasons, and the policy values it used. */
    public record Decision(Outcome outcome, List<Reason> reasons, Map<String, String> policyValues) {}

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
    public record Facts(
            LocalDate today,
            LocalDate painOnset,
            boolean specificPainDiagnosis,
            List<String> failedTreatments,
            List<String> activePainMedications,
            int imagingStudies,
            List<String> safetyConcerns) {}

    /**
     * One named check of the screen, in the shape of the procedure rules ({@code procedure.rules.Rule}): facts in,
     * one reason (its bearing, words and source) out, or null when it has nothing to say about this person.
     */
    @FunctionalInterface
    interface Rule {

        Reason check(Facts facts, int chronicMonths);
    }

    /** Each open safety concern (an alert or an active hold): mental health care first (section 1). */
    static Rule safetyConcern(String concern) {
        return (f, months) -> new Reason(
                SAFETY_RULE,
                Bearing.SAFETY,
                concern + ": mental health care first; the " + "deferral is revisited, not final.",
                SOURCE);
    }

    /** Chronic = pain lasting 3 months or more (the policy value), from the earliest onset of a pain problem. */
    static final Rule CHRONIC_PAIN = (f, months) -> {
        if (f.painOnset() == null) {
            return new Reason(
                    CHRONIC_PAIN_RULE,
                    Bearing.MISSING,
                    "No onset date on the pain problems: how long the " + "pain has lasted is unknown.",
                    CHRONIC_SOURCE);
        }
        long weeks = ChronoUnit.WEEKS.between(f.painOnset(), f.today());
        boolean chronic = chronic(f, months);
        return new Reason(
                CHRONIC_PAIN_RULE,
                chronic ? Bearing.MET : Bearing.NOT_MET,
                "Pain since " + f.painOnset() + " (" + weeks + " weeks): "
                        + (chronic ? "chronic" : "not yet " + months + " months") + ".",
                CHRONIC_SOURCE);
    };

    /** Entry: traditional treatment tried without enough improvement (conservative care documented as failed). */
    static final Rule TREATMENT_TRIED = (f, months) -> f.failedTreatments().isEmpty()
            ? null
            : new Reason(
                    TREATMENT_TRIED_RULE,
                    Bearing.MET,
                    "Traditional treatment tried without enough " + "improvement: "
                            + String.join(", ", f.failedTreatments()) + ".",
                    SOURCE);

    /** Entry: pain medication alone not enough (an active pain medication while the pain is chronic). */
    static final Rule MEDICATION_NOT_ENOUGH = (f, months) -> medicationNotEnough(f, months)
            ? new Reason(
                    MEDICATION_NOT_ENOUGH_RULE,
                    Bearing.MET,
                    "Pain persists on medication: " + String.join(", ", f.activePainMedications()) + ".",
                    SOURCE)
            : null;

    /** Entry: the cause is still unknown (no specific cause on the problem list). */
    static final Rule CAUSE_UNKNOWN = (f, months) -> f.specificPainDiagnosis()
            ? null
            : new Reason(
                    CAUSE_UNKNOWN_RULE,
                    Bearing.MET,
                    "No specific cause on the problem list: the cause is " + "still unknown.",
                    SOURCE);

    /** Entry: none of the three entries is recorded yet. */
    static final Rule NO_ENTRY_YET = (f, months) ->
            !f.failedTreatments().isEmpty() || medicationNotEnough(f, months) || !f.specificPainDiagnosis()
                    ? null
                    : new Reason(
                            NO_ENTRY_YET_RULE,
                            Bearing.MISSING,
                            "None recorded yet: a treatment tried without enough "
                                    + "relief, medication not enough, or an unknown cause.",
                            SOURCE);

    /** The entry work-up the clinic expects: an x-ray or MRI with the referral. */
    static final Rule IMAGING = (f, months) -> f.imagingStudies() > 0
            ? new Reason(
                    IMAGING_RULE,
                    Bearing.MET,
                    f.imagingStudies() + " imaging stud" + (f.imagingStudies() == 1 ? "y" : "ies") + " on file.",
                    SOURCE)
            : new Reason(
                    IMAGING_RULE,
                    Bearing.MISSING,
                    "No x-ray or MRI on file; the clinic expects one with the " + "referral.",
                    SOURCE);

    /** The rules after the safety concerns, in the order their reasons are shown. */
    static final List<Rule> ALL =
            List.of(CHRONIC_PAIN, TREATMENT_TRIED, MEDICATION_NOT_ENOUGH, CAUSE_UNKNOWN, NO_ENTRY_YET, IMAGING);

    private final int chronicMonths;

    public CandidacyRules(int chronicMonths) {
        this.chronicMonths = chronicMonths;
    }

    /**
     * Runs every rule; the outcome follows the heaviest bearing, as the procedure engine's decision does: a safety
     * concern defers to mental health, anything not met or missing is "not yet", all met is a candidate.
     */
    public Decision decide(Facts f) {
        List<Rule> rules = new ArrayList<>();
        f.safetyConcerns().forEach(c -> rules.add(safetyConcern(c)));
        rules.addAll(ALL);
        List<Reason> reasons = rules.stream()
                .map(r -> r.check(f, chronicMonths))
                .filter(Objects::nonNull)
                .toList();
        Bearing heaviest =
                reasons.stream().map(Reason::bearing).max(Enum::compareTo).orElse(Bearing.MET);
        Outcome outcome = switch (heaviest) {
            case SAFETY -> Outcome.DEFER_MENTAL_HEALTH;
            case NOT_MET, MISSING -> Outcome.NOT_YET;
            case MET -> Outcome.CANDIDATE;
        };
        return new Decision(outcome, reasons, Map.of("chronic pain (months)", String.valueOf(chronicMonths)));
    }

    private static boolean chronic(Facts f, int months) {
        return f.painOnset() != null && !f.painOnset().plusMonths(months).isAfter(f.today());
    }

    private static boolean medicationNotEnough(Facts f, int months) {
        return !f.activePainMedications().isEmpty() && chronic(f, months);
    }
}
