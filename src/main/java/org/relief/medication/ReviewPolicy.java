package org.relief.medication;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The numbers of the periodic review's benefit judgement: the minimal important difference (MID) per instrument
 * (shared/CLINICAL_RULES.md §11) and how long a medication must have been taken before "no measured benefit" makes it
 * a deprescribing candidate.
 *
 * <p>MIDs: NRS >= 2 points or >= 30 % (Farrar et al., Pain 2001); PEG 1.0 point, the low end of the 1.0-1.75 range
 * (Reed, J Pain 2023), as the assessment module uses. The candidate period has <b>no default</b>: neither the rules
 * reference nor issue 11 gives a number, so the clinic must set it ({@link #of}).
 *
 * @param mids the MID by instrument
 * @param candidateWeeks taken for at least this many weeks before "no measured benefit" lists a medication
 */
public record ReviewPolicy(Map<ScoreReading.Kind, Mid> mids, PolicyValue candidateWeeks) {

    /** A minimal important difference: an improvement of {@code points}, or of {@code percent} when given. */
    public record Mid(BigDecimal points, BigDecimal percent, String source) {

        /** True when going from {@code baseline} to {@code latest} (lower is better) reaches the MID. */
        public boolean reachedBy(double baseline, double latest) {
            double fall = baseline - latest;
            if (fall + 1e-9 >= points.doubleValue()) {
                return true;
            }
            return percent != null && baseline > 0 && fall / baseline * 100 + 1e-9 >= percent.doubleValue();
        }

        /** "2 points or 30 %". */
        public String shown() {
            return points.stripTrailingZeros().toPlainString() + " point"
                    + (points.compareTo(BigDecimal.ONE) == 0 ? "" : "s")
                    + (percent == null
                            ? ""
                            : " or " + percent.stripTrailingZeros().toPlainString() + " %");
        }
    }

    public ReviewPolicy {
        mids = Map.copyOf(mids);
    }

    /**
     * The MIDs of shared/CLINICAL_RULES.md §11 (the sources shown name only the published papers) and the clinic's
     * candidate period (weeks), with the clinic's source for it.
     */
    public static ReviewPolicy of(int candidateWeeks, String candidateWeeksSource) {
        if (candidateWeeks <= 0) {
            throw new IllegalArgumentException("review.candidate-weeks must be at least 1, was " + candidateWeeks);
        }
        Map<ScoreReading.Kind, Mid> mids = new EnumMap<>(ScoreReading.Kind.class);
        mids.put(
                ScoreReading.Kind.NRS,
                new Mid(new BigDecimal("2"), new BigDecimal("30"), "Farrar et al., Pain 2001: 2 points or 30 %"));
        mids.put(
                ScoreReading.Kind.PEG,
                new Mid(
                        new BigDecimal("1.0"),
                        null,
                        "Reed, J Pain 2023: meaningful change 1.0-1.75 points, the low end used"));
        return new ReviewPolicy(
                mids,
                new PolicyValue(
                        "review.candidate-weeks", BigDecimal.valueOf(candidateWeeks), "weeks", candidateWeeksSource));
    }
}
