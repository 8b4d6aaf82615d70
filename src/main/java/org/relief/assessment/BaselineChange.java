package org.relief.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * How a response compares with the patient's baseline (the first scored response of the instrument), not only with
 * the reading before it: a slow fall from 7 to 4 over three months is one step of 1 point at a time but 43% overall.
 *
 * <p>Meaningful is the instrument's own meaningful-change figure (shared/CLINICAL_RULES.md §11, e.g. NRS: 2 points
 * or 30%, Farrar 2001). For pain intensity (NRS) an improvement is also graded by IMMPACT (Dworkin et al., J Pain
 * 2008, as §11 gives it): a reduction of 10-20% minimal, >= 30% moderate, >= 50% substantial. Relief grades
 * >= 50% substantial, >= 30% moderate, >= 10% minimal; no other numbers are used.
 *
 * @param baselineOn the date of the baseline response
 * @param baseline the baseline score
 * @param points the change in points (negative: lower score, better for every instrument here)
 * @param percent the change as a percentage of the baseline (null when the baseline is 0)
 * @param direction "improved" or "worsened" when the change reaches the meaningful-change figure, else null
 * @param grade for an NRS improvement, the IMMPACT grade ("substantial", "moderate", "minimal"), else null
 */
public record BaselineChange(
        LocalDate baselineOn, double baseline, double points, Double percent, String direction, String grade) {

    /** IMMPACT 2008 grades of pain-intensity reduction, as shared/CLINICAL_RULES.md §11 gives them (percent, word). */
    static final List<Map.Entry<Double, String>> IMMPACT_PAIN =
            List.of(Map.entry(50.0, "substantial"), Map.entry(30.0, "moderate"), Map.entry(10.0, "minimal"));

    static final String IMMPACT_SOURCE =
            "IMMPACT (Dworkin et al., J Pain 2008): 10-20% minimal, >= 30% moderate, " + ">= 50% substantial";

    /** The change from {@code baseline} to {@code total} for the instrument. */
    public static BaselineChange of(Instrument instrument, LocalDate baselineOn, double baseline, double total) {
        double points = total - baseline;
        Double percent = baseline > 0 ? points / baseline * 100 : null;
        String direction = null;
        if (instrument.meaningfulChange() != null
                && instrument.meaningfulChange().isMeaningful(baseline, total)) {
            direction = total < baseline ? "improved" : "worsened";
        }
        String grade = null;
        if (instrument.code().equals(Instruments.NRS.code()) && percent != null && points < 0) {
            double reduction = -percent;
            grade = IMMPACT_PAIN.stream()
                    .filter(g -> reduction + 1e-9 >= g.getKey())
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
        return new BaselineChange(baselineOn, baseline, points, percent, direction, grade);
    }

    /** The percentage rounded to a whole number, signed ("-43%"), or "" without one. */
    public String percentShown() {
        if (percent == null) {
            return "";
        }
        long p = Math.round(percent);
        return (p > 0 ? "+" : "") + p + "%";
    }

    /** The points change, signed ("-3", "+1.5"). */
    public String pointsShown() {
        String n = points == Math.rint(points)
                ? String.valueOf((long) points)
                : String.valueOf(Math.round(points * 100) / 100.0);
        return points > 0 ? "+" + n : n;
    }

    /** What a person reads: "substantial improvement", "moderate improvement (clinically important)", ... */
    public String summary() {
        if (grade != null) {
            return grade + " improvement" + ("improved".equals(direction) ? " (clinically important)" : "");
        }
        if (direction != null) {
            return "meaningfully " + direction;
        }
        return "no meaningful change";
    }
}
