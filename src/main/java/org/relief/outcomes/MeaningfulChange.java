package org.relief.outcomes;

/**
 * A meaningful-change figure for one measure: a number of points, a percentage of the patient's baseline, or both
 * (then either is enough, so the figure is the smaller of the two, as in "2 points or 30 %"). Both null means the
 * clinic's rules give no figure for the measure and nothing can be judged against one.
 */
public record MeaningfulChange(Measure measure, Double points, Double percentOfBaseline, String source) {

    /** The figure in the measure's points for a patient with this baseline score, or NaN when none is defined. */
    public double figure(double baseline) {
        double f = Double.NaN;
        if (points != null) {
            f = points;
        }
        if (percentOfBaseline != null) {
            double p = Math.abs(baseline) * percentOfBaseline / 100.0;
            f = Double.isNaN(f) ? p : Math.min(f, p);
        }
        return f;
    }

    public boolean defined() {
        return points != null || percentOfBaseline != null;
    }

    /** The figure in words, e.g. "10 % of baseline" or "10 points or 30 % of baseline". */
    public String describe() {
        if (!defined()) {
            return "no meaningful-change figure";
        }
        StringBuilder sb = new StringBuilder();
        if (points != null) {
            sb.append(OutcomesPolicy.num(points)).append(" points");
        }
        if (percentOfBaseline != null) {
            sb.append(sb.length() > 0 ? " or " : "")
                    .append(OutcomesPolicy.num(percentOfBaseline))
                    .append(" % of baseline");
        }
        return sb.toString();
    }
}
