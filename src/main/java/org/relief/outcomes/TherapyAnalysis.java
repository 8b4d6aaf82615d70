package org.relief.outcomes;

import java.time.LocalDate;
import java.util.List;

/**
 * What the per-patient analysis found for one measure: the method (in words, with its source), the baseline, every
 * coefficient with its interval, a verdict per therapy (or per group of therapies that cannot be told apart), the
 * notes on what could not be estimated and why, and the interaction ("possible synergy") findings per pair.
 */
public record TherapyAnalysis(
        Measure measure,
        int readings,
        LocalDate from,
        LocalDate to,
        double baseline,
        double meaningfulChange,
        Method method,
        List<Coefficient> coefficients,
        List<TherapyEffect> effects,
        List<Note> notes,
        List<Interaction> interactions) {

    /** How a figure was computed: a short name, the text a person reads, and the source. */
    public record Method(String name, String text, String source) {}

    /** One estimated figure with its two-sided interval (level: points; slope: points per week). */
    public record Coefficient(
            String key, String label, double estimate, double lower, double upper, double standardError, String unit) {

        /** Whether the interval excludes zero. */
        public boolean excludesZero() {
            return lower > 0 || upper < 0;
        }
    }

    /**
     * What the series says about one therapy (or a group started too close together to tell apart). The verdict is
     * judged on {@code judgedLevelChange}: the change in level while the therapy was given (a model with each therapy
     * on or off and a common trend), with an interval simultaneous across every judgement of the analysis (each
     * therapy and each pair estimated; Bonferroni), so that the chance of any false verdict for the patient stays
     * within the policy's confidence level; {@code levelChange} and {@code slopeChange} are the segmented
     * regression's change at the start (Turner), with ordinary intervals, shown as description.
     */
    public record TherapyEffect(
            String label,
            List<String> therapies,
            LocalDate start,
            LocalDate stop,
            Coefficient levelChange,
            Coefficient slopeChange,
            Coefficient stopLevelChange,
            Coefficient stopSlopeChange,
            Coefficient judgedLevelChange,
            Verdict verdict,
            String reason) {}

    public enum Verdict {
        IMPROVED("Improved"),
        WORSENED("Worsened"),
        NO_CLEAR_CHANGE("No clear change"),
        NOT_ESTIMABLE("Not enough data");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Something the analysis could not do, or did differently, and why. */
    public record Note(Kind kind, List<String> therapies, String text) {
        public enum Kind {
            NOT_SEPARABLE,
            NOT_ESTIMABLE,
            STOP_NOT_MODELLED,
            LIMITATION
        }
    }

    /**
     * The interaction of two therapies (or groups): whether giving them together did more than the sum of each
     * alone. {@code estimate} is null when nothing was estimated; its interval is simultaneous across every
     * judgement of the analysis (Bonferroni), like the therapies' verdicts. {@code needed} says what
     * data would allow an estimate.
     */
    public record Interaction(
            String first,
            String second,
            Status status,
            Coefficient estimate,
            double meaningfulChange,
            String reason,
            String needed,
            Method method) {}

    public enum Status {
        POSSIBLE_SYNERGY("Possible synergy"),
        NO_SYNERGY_SHOWN("No synergy shown"),
        NOT_ENOUGH_DATA("Not enough data"),
        NOT_SEPARABLE("Not separable"),
        NOT_JUDGED("Not judged (no meaningful-change figure)");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The interaction finding for two therapies named in either order, or null. */
    public Interaction interaction(String a, String b) {
        for (Interaction i : interactions) {
            if ((i.first().equals(a) && i.second().equals(b))
                    || (i.first().equals(b) && i.second().equals(a))) {
                return i;
            }
        }
        return null;
    }

    /** The effect whose therapies include this one, or null. */
    public TherapyEffect effectOf(String therapy) {
        for (TherapyEffect e : effects) {
            if (e.therapies().contains(therapy)) {
                return e;
            }
        }
        return null;
    }
}
