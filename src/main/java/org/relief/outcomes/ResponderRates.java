package org.relief.outcomes;

import java.util.List;
import java.util.Objects;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Responder rates for realistic expectations and the cohort view: of N similar patients, how many improved by at
 * least 30 % and 50 % (CLINICAL_RULES §11: Farrar 2001, IMMPACT 2008) and by the measure's individually important
 * change, each with a Wilson score interval (Wilson 1927; normal quantile from Hipparchus). Below the policy's
 * minimum number of similar patients nothing is estimated: "too few similar patients". Plain Java.
 */
public final class ResponderRates {

    /** One patient's baseline and follow-up score on the same measure (lower is better). */
    public record Pair(double baseline, double followUp) {}

    /** A proportion with its interval (fractions 0-1). */
    public record Interval(double estimate, double lower, double upper) {}

    /** One responder rate: who counts, how many of how many, the share in percent and its interval in percent. */
    public record Rate(
            String label,
            int responders,
            int n,
            double percent,
            double lowerPercent,
            double upperPercent,
            String source) {}

    /**
     * The result. When {@code tooFew} the rates are null and {@code message} says how many were found and how many
     * are needed. {@code excluded}: patients whose baseline was 0 (no improvement can be measured).
     */
    public record Result(
            Measure measure,
            int n,
            int excluded,
            boolean tooFew,
            String message,
            Rate moderate,
            Rate substantial,
            Rate meaningful) {}

    private final OutcomesPolicy policy;

    public ResponderRates(OutcomesPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The Wilson score interval for {@code x} successes in {@code n} trials at the given two-sided confidence. */
    public static Interval wilson(int x, int n, double confidence) {
        if (n <= 0 || x < 0 || x > n) {
            throw new IllegalArgumentException("need 0 <= x <= n and n > 0");
        }
        double z = new NormalDistribution(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double p = x / (double) n;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        return new Interval(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    public Result of(Measure measure, List<Pair> pairs) {
        int min = (int) Math.round(policy.value(OutcomesPolicy.MIN_SIMILAR_PATIENTS));
        List<Pair> usable = pairs.stream().filter(p -> p.baseline() > 0).toList();
        int n = usable.size();
        int excluded = pairs.size() - n;
        if (n < min) {
            return new Result(
                    measure,
                    n,
                    excluded,
                    true,
                    "Too few similar patients: " + n + " found, " + min + " needed ("
                            + policy.get(OutcomesPolicy.MIN_SIMILAR_PATIENTS).source() + ").",
                    null,
                    null,
                    null);
        }
        double moderate = policy.value(OutcomesPolicy.RESPONDER_MODERATE_PERCENT);
        double substantial = policy.value(OutcomesPolicy.RESPONDER_SUBSTANTIAL_PERCENT);
        int m = 0;
        int s = 0;
        int mc = 0;
        MeaningfulChange imp = policy.importantChange(measure);
        boolean hasMc = imp != null && imp.defined();
        for (Pair p : usable) {
            double improvement = p.baseline() - p.followUp();
            double pct = improvement / p.baseline() * 100;
            if (pct >= moderate) {
                m++;
            }
            if (pct >= substantial) {
                s++;
            }
            if (hasMc && improvement >= imp.figure(p.baseline())) {
                mc++;
            }
        }
        Rate rm = rate(
                "At least " + OutcomesPolicy.num(moderate) + " % improvement",
                m,
                n,
                policy.get(OutcomesPolicy.RESPONDER_MODERATE_PERCENT).source());
        Rate rs = rate(
                "At least " + OutcomesPolicy.num(substantial) + " % improvement",
                s,
                n,
                policy.get(OutcomesPolicy.RESPONDER_SUBSTANTIAL_PERCENT).source());
        Rate rmc = hasMc ? rate("At least the important change (" + imp.describe() + ")", mc, n, imp.source()) : null;
        String msg = "Of " + n + " similar patients, " + fmtPct(rm) + " reached a " + OutcomesPolicy.num(moderate)
                + " % improvement and " + fmtPct(rs) + " a " + OutcomesPolicy.num(substantial) + " % improvement.";
        return new Result(measure, n, excluded, false, msg, rm, rs, rmc);
    }

    private Rate rate(String label, int x, int n, String source) {
        Interval i = wilson(x, n, policy.confidence());
        return new Rate(label, x, n, i.estimate() * 100, i.lower() * 100, i.upper() * 100, source);
    }

    private String fmtPct(Rate r) {
        return String.format(
                java.util.Locale.ROOT,
                "%.0f %% (%s %% interval %.0f-%.0f %%)",
                r.percent(),
                OutcomesPolicy.num(policy.value(OutcomesPolicy.CONFIDENCE_PERCENT)),
                r.lowerPercent(),
                r.upperPercent());
    }
}
