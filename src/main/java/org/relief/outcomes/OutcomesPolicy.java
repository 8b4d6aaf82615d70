package org.relief.outcomes;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcomes analysis' named policy values, each with its source (CLINICAL_RULES §11 and §12). These are the
 * defaults; a clinic may change them (the service that wires this module will load them like the procedure rules'
 * policy values). Values that come from no clinical source say so in their source text.
 *
 * @param values every number by key (see {@link #defaults()} for the keys)
 * @param minimalChange the meaningful-change figure per measure used to judge a therapy or an interaction
 * @param importantChange the individually important change per measure (the band drawn around the baseline)
 */
public record OutcomesPolicy(
        Map<String, Value> values,
        Map<Measure, MeaningfulChange> minimalChange,
        Map<Measure, MeaningfulChange> importantChange) {

    /** One named value: key, number, unit and where it comes from. */
    public record Value(String key, double value, String unit, String source) {
        public Value {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(source, "source");
        }
    }

    public static final String MIN_POINTS_PER_SEGMENT = "outcomes.min-points-per-segment";
    public static final String MIN_POINTS_FOR_AUTOCORRELATION = "outcomes.min-points-for-autocorrelation";
    public static final String CONFIDENCE_PERCENT = "outcomes.confidence-percent";
    public static final String RESPONDER_MODERATE_PERCENT = "outcomes.responder-moderate-percent";
    public static final String RESPONDER_SUBSTANTIAL_PERCENT = "outcomes.responder-substantial-percent";
    public static final String MIN_SIMILAR_PATIENTS = "outcomes.min-similar-patients";
    public static final String RELIEF_LASTING_PERCENT = "outcomes.relief-lasting-percent";
    public static final String BASELINE_WINDOW_DAYS = "outcomes.baseline-window-days";
    public static final String FOLLOW_UP_WINDOW_DAYS = "outcomes.follow-up-window-days";
    public static final String AGE_BAND_YEARS = "outcomes.age-band-years";

    public OutcomesPolicy {
        values = Map.copyOf(values);
        minimalChange = Map.copyOf(minimalChange);
        importantChange = Map.copyOf(importantChange);
        for (String k : new String[] {
            MIN_POINTS_PER_SEGMENT,
            MIN_POINTS_FOR_AUTOCORRELATION,
            CONFIDENCE_PERCENT,
            RESPONDER_MODERATE_PERCENT,
            RESPONDER_SUBSTANTIAL_PERCENT,
            MIN_SIMILAR_PATIENTS,
            RELIEF_LASTING_PERCENT,
            BASELINE_WINDOW_DAYS,
            FOLLOW_UP_WINDOW_DAYS,
            AGE_BAND_YEARS
        }) {
            if (!values.containsKey(k)) {
                throw new IllegalArgumentException("policy value missing: " + k);
            }
        }
    }

    /** The defaults, with their sources. */
    public static OutcomesPolicy defaults() {
        Map<String, Value> v = new LinkedHashMap<>();
        put(
                v,
                MIN_POINTS_PER_SEGMENT,
                12,
                "readings",
                // CLINICAL_RULES §12
                "Product default, UNVERIFIED as a per-segment minimum: 12 is the series length below which "
                        + "Turner et al. (BMC Med Res Methodol 2021) find interval estimates too narrow; "
                        + "applied here to every segment a comparison rests on");
        put(
                v,
                MIN_POINTS_FOR_AUTOCORRELATION,
                12,
                "readings",
                // CLINICAL_RULES §12
                "Turner et al., BMC Med Res Methodol 2021: OLS under 12 points, "
                        + "autocorrelation-aware estimation for longer series");
        put(v, CONFIDENCE_PERCENT, 95, "%", "Conventional 95 % confidence level" /* CLINICAL_RULES §12, issue 12 */);
        put(
                v,
                RESPONDER_MODERATE_PERCENT,
                30,
                "%",
                // CLINICAL_RULES §11
                ">= 30 % is clinically important / moderate (Farrar 2001; IMMPACT 2008)");
        put(
                v,
                RESPONDER_SUBSTANTIAL_PERCENT,
                50,
                "%",
                ">= 50 % is substantial (IMMPACT 2008)" /* CLINICAL_RULES §11 */);
        put(
                v,
                MIN_SIMILAR_PATIENTS,
                20,
                "patients",
                "Product default with no clinical source (UNVERIFIED): below this many similar patients the "
                        + "expectation is not shown; a clinic admin must confirm it");
        put(
                v,
                RELIEF_LASTING_PERCENT,
                50,
                "%",
                // CLINICAL_RULES §2 and §3
                "A repeat ESI or RFA needs >= 50 % relief (LCD L33906; facet LCD "
                        + "family); relief 'lasts' while it stays at or above this");
        put(
                v,
                BASELINE_WINDOW_DAYS,
                28,
                "days",
                "Product default with no clinical source (UNVERIFIED): a patient's baseline in the cohort statistics "
                        + "is the mean of the readings in this many days before the first therapy of the plan started");
        put(
                v,
                FOLLOW_UP_WINDOW_DAYS,
                14,
                "days",
                "Product default with no clinical source (UNVERIFIED): the score at 3 or 6 months (day 91 or 182 "
                        + "after the plan started) is the mean of the readings within this many days either side");
        put(
                v,
                AGE_BAND_YEARS,
                10,
                "years",
                "Product default with no clinical source (UNVERIFIED): similar patients are in the same age band of "
                        + "this width (40-49, 50-59, ...)");
        Map<Measure, MeaningfulChange> minimal = new EnumMap<>(Measure.class);
        minimal.put(
                Measure.NRS,
                new MeaningfulChange(
                        Measure.NRS,
                        null,
                        10.0,
                        // CLINICAL_RULES §11
                        "IMMPACT 2008: 10-20 % is a minimally important change; default is the low "
                                + "end of the published range"));
        minimal.put(
                Measure.PEG,
                new MeaningfulChange(
                        Measure.PEG,
                        1.0,
                        null,
                        // CLINICAL_RULES §11
                        "Meaningful change 1.0-1.75 points (Reed, J Pain 2023); default is the low "
                                + "end of the published range"));
        minimal.put(
                Measure.ODI,
                new MeaningfulChange(
                        Measure.ODI, 10.0, 30.0, "Change of 10 points or 30 % (Ostelo 2008)" /* CLINICAL_RULES §11 */));
        minimal.put(
                Measure.PHQ9,
                new MeaningfulChange(
                        Measure.PHQ9,
                        null,
                        null,
                        // CLINICAL_RULES §11
                        "Severity bands for PHQ-9 are published (Kroenke 2001) but no meaningful-change "
                                + "figure, so no change is judged against one"));
        Map<Measure, MeaningfulChange> important = new EnumMap<>(Measure.class);
        important.put(
                Measure.NRS,
                new MeaningfulChange(
                        Measure.NRS,
                        2.0,
                        30.0,
                        "Clinically important change >= 2 points or >= 30 % (Farrar 2001)" /* CLINICAL_RULES §11 */));
        important.put(
                Measure.PEG,
                new MeaningfulChange(
                        Measure.PEG,
                        1.0,
                        null,
                        "Meaningful change 1.0-1.75 points (Reed, J Pain 2023); low end" /* CLINICAL_RULES §11 */));
        important.put(
                Measure.ODI,
                new MeaningfulChange(
                        Measure.ODI, 10.0, 30.0, "Change of 10 points or 30 % (Ostelo 2008)" /* CLINICAL_RULES §11 */));
        important.put(
                Measure.PHQ9,
                new MeaningfulChange(
                        Measure.PHQ9,
                        null,
                        null,
                        "No published meaningful-change figure for PHQ-9" /* CLINICAL_RULES §11 */));
        return new OutcomesPolicy(v, minimal, important);
    }

    private static void put(Map<String, Value> m, String key, double value, String unit, String source) {
        m.put(key, new Value(key, value, unit, source));
    }

    /** A copy with one value changed (source kept, marked as changed). */
    public OutcomesPolicy with(String key, double value) {
        Value old = values.get(key);
        if (old == null) {
            throw new IllegalArgumentException("unknown policy value: " + key);
        }
        Map<String, Value> v = new LinkedHashMap<>(values);
        v.put(
                key,
                new Value(
                        key,
                        value,
                        old.unit(),
                        "Set by the clinic (default: " + num(old.value()) + "; " + old.source() + ")"));
        return new OutcomesPolicy(v, minimalChange, importantChange);
    }

    public double value(String key) {
        return values.get(key).value();
    }

    public Value get(String key) {
        return values.get(key);
    }

    public int minPointsPerSegment() {
        return (int) Math.round(value(MIN_POINTS_PER_SEGMENT));
    }

    public int minPointsForAutocorrelation() {
        return (int) Math.round(value(MIN_POINTS_FOR_AUTOCORRELATION));
    }

    /** Two-sided confidence level as a fraction, e.g. 0.95. */
    public double confidence() {
        return value(CONFIDENCE_PERCENT) / 100.0;
    }

    public MeaningfulChange minimalChange(Measure m) {
        return minimalChange.get(m);
    }

    public MeaningfulChange importantChange(Measure m) {
        return importantChange.get(m);
    }

    /** A number without a needless ".0". */
    static String num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return String.format(java.util.Locale.ROOT, "%.2f", d);
    }
}
