package org.relief.outcomes;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.relief.outcomes.TherapyAnalysis.Coefficient;
import org.relief.outcomes.TherapyAnalysis.Interaction;
import org.relief.outcomes.TherapyAnalysis.Method;
import org.relief.outcomes.TherapyAnalysis.Note;
import org.relief.outcomes.TherapyAnalysis.Status;
import org.relief.outcomes.TherapyAnalysis.TherapyEffect;
import org.relief.outcomes.TherapyAnalysis.Verdict;

/**
 * Per-patient interrupted time series (segmented regression; CLINICAL_RULES §12, Turner et al., BMC Med Res
 * Methodol 2021). The model: a baseline level and weekly trend, and at each therapy's start a change in level and a
 * change in weekly slope (and the same at its stop, when the stop can be told apart). Intervals at the policy's
 * confidence level; the fitting is {@link Ar1Regression}'s (OLS under 12 readings, AR(1) GLS otherwise, with robust
 * Newey-West standard errors). A therapy's verdict is judged on its change in level while given (a second model with
 * each therapy on or off and a common trend), not on the jump at its start, with intervals simultaneous across the
 * analysis' judgements.
 *
 * <p>Rules applied before anything is estimated, all with the policy's minimum readings per segment (12 by default):
 * <ul>
 *   <li>a therapy needs that many readings before and after its start, otherwise it is "not enough data";</li>
 *   <li>therapies whose starts have fewer readings between them are "not separable": their effect is estimated
 *       together, as one change, and the note says why;</li>
 *   <li>a stop is modelled only with that many readings on each side of it and away from every other change;</li>
 *   <li>an interaction ("possible synergy") is estimated only for two therapies started apart (separable) when each
 *       of the four combinations (neither, each alone, both) has that many readings; it is flagged only when the
 *       extra change exceeds the measure's meaningful-change figure and its interval excludes zero.</li>
 * </ul>
 * Plain Java; stateless apart from the policy, so one instance may serve every caller.
 */
public final class SegmentedRegression {
    // Why over 300 lines: one statistical method (design, fits, verdicts, interactions), much of it the javadoc that
    // states the method.

    static final String TURNER = "Turner et al., BMC Med Res Methodol 2021"; // CLINICAL_RULES §12

    private final OutcomesPolicy policy;

    public SegmentedRegression(OutcomesPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** A therapy or a group of therapies estimated as one change. */
    private record Group(
            String label,
            List<String> therapies,
            List<Exposure> members,
            LocalDate start,
            LocalDate stop,
            boolean stopModelled) {

        boolean activeOn(LocalDate d) {
            return !d.isBefore(start) && (stop == null || d.isBefore(stop));
        }
    }

    private record Column(String key, String label, String unit) {}

    /** Analyses one series against the therapies given. */
    public TherapyAnalysis analyse(OutcomeSeries series, List<Exposure> exposures) {
        Objects.requireNonNull(series, "series");
        int minPts = policy.minPointsPerSegment();
        List<OutcomeSeries.Reading> rs = series.readings();
        int n = rs.size();
        if (n == 0) {
            throw new IllegalArgumentException("the series has no readings");
        }
        LocalDate first = rs.get(0).date();
        LocalDate last = rs.get(n - 1).date();
        List<Exposure> sorted = new ArrayList<>(exposures);
        sorted.sort(Comparator.comparing(Exposure::start).thenComparing(Exposure::therapy));
        Map<Exposure, String> labels = labels(sorted);

        double baseline = baseline(series, sorted);
        MeaningfulChange mc = policy.minimalChange(series.measure());
        double figure = mc == null ? Double.NaN : mc.figure(baseline);

        List<Note> notes = new ArrayList<>();
        List<TherapyEffect> effects = new ArrayList<>();
        Map<String, String> notEstimable = new LinkedHashMap<>();
        List<Exposure> candidates = new ArrayList<>();
        for (Exposure e : sorted) {
            String label = labels.get(e);
            int before = series.countBetween(null, e.start());
            int after = series.countBetween(e.start(), null);
            String why = null;
            if (before < minPts) {
                why = label + ": " + before + " reading" + (before == 1 ? "" : "s") + " before it started (" + minPts
                        + " needed to know the level it changed from)";
            } else if (after < minPts) {
                why = label + ": " + after + " reading" + (after == 1 ? "" : "s") + " since it started (" + minPts
                        + " needed)" + more(series, minPts - after);
            }
            if (why != null) {
                notEstimable.put(label, why);
                notes.add(new Note(Note.Kind.NOT_ESTIMABLE, List.of(label), why));
                effects.add(new TherapyEffect(
                        label,
                        List.of(label),
                        e.start(),
                        e.stop(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        Verdict.NOT_ESTIMABLE,
                        why));
            } else {
                candidates.add(e);
            }
        }

        // Separability: starts with fewer than the minimum readings between them form one group.
        List<List<Exposure>> raw = new ArrayList<>();
        for (Exposure e : candidates) {
            if (!raw.isEmpty()) {
                List<Exposure> g = raw.get(raw.size() - 1);
                Exposure prev = g.get(g.size() - 1);
                if (series.countBetween(prev.start(), e.start()) < minPts) {
                    g.add(e);
                    continue;
                }
            }
            List<Exposure> g = new ArrayList<>();
            g.add(e);
            raw.add(g);
        }
        Map<String, String> separabilityReason = new HashMap<>();
        List<Group> groups = new ArrayList<>();
        for (List<Exposure> g : raw) {
            List<String> names = g.stream().map(labels::get).toList();
            LocalDate start = g.get(0).start();
            LocalDate stop = g.stream().allMatch(x -> x.stop() != null)
                    ? g.stream()
                            .map(Exposure::stop)
                            .max(Comparator.naturalOrder())
                            .orElseThrow()
                    : null;
            if (g.size() > 1) {
                Exposure lastMember = g.get(g.size() - 1);
                long days = ChronoUnit.DAYS.between(start, lastMember.start());
                int between = series.countBetween(start, lastMember.start());
                String why = String.join(" and ", names) + " started " + days + " day" + (days == 1 ? "" : "s")
                        + " apart, with " + between + " reading" + (between == 1 ? "" : "s") + " between their starts ("
                        + minPts + " needed to tell their effects apart): their effect is estimated together, as one "
                        + "change, and not for each alone";
                notes.add(new Note(Note.Kind.NOT_SEPARABLE, names, why));
                for (String nm : names) {
                    separabilityReason.put(nm, why);
                }
            }
            groups.add(new Group(String.join(" + ", names), names, g, start, stop, false));
        }

        // Stops: modelled only with enough readings on each side and away from every other change.
        List<LocalDate> events = new ArrayList<>();
        groups.forEach(g -> events.add(g.start()));
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            if (g.stop() == null || g.stop().isAfter(last)) {
                continue;
            }
            String why = null;
            int after = series.countBetween(g.stop(), null);
            int during = series.countBetween(g.start(), g.stop());
            if (after < minPts) {
                why = after + " readings after it (" + minPts + " needed)";
            } else if (during < minPts) {
                why = during + " readings while it was given (" + minPts + " needed)";
            } else {
                for (LocalDate ev : events) {
                    if (ev.equals(g.start())) {
                        continue;
                    }
                    LocalDate a = ev.isBefore(g.stop()) ? ev : g.stop();
                    LocalDate b = ev.isBefore(g.stop()) ? g.stop() : ev;
                    if (series.countBetween(a, b) < minPts) {
                        why = "it is too close to another change on " + ev + " (" + minPts
                                + " readings needed between them)";
                        break;
                    }
                }
            }
            if (why == null) {
                groups.set(i, new Group(g.label(), g.therapies(), g.members(), g.start(), g.stop(), true));
                events.add(g.stop());
            } else {
                notes.add(new Note(
                        Note.Kind.STOP_NOT_MODELLED,
                        g.therapies(),
                        g.label() + " stopped on " + g.stop()
                                + " but the stop is not modelled: " + why
                                + ". Readings after the stop are read as if it "
                                + "continued."));
            }
        }

        // The design matrix.
        List<Column> cols = new ArrayList<>();
        cols.add(new Column(
                "baseline.level",
                "Baseline level (at the first reading)",
                series.measure().unit()));
        cols.add(new Column("baseline.trend", "Baseline trend", "points per week"));
        for (Group g : groups) {
            cols.add(new Column(g.label() + ".level", g.label() + ": change in level at start", "points"));
            cols.add(new Column(g.label() + ".slope", g.label() + ": change in slope from start", "points per week"));
            if (g.stopModelled()) {
                cols.add(new Column(g.label() + ".stop-level", g.label() + ": change in level at stop", "points"));
                cols.add(new Column(
                        g.label() + ".stop-slope", g.label() + ": change in slope from stop", "points per week"));
            }
        }
        double[] y = new double[n];
        double[][] x = new double[n][cols.size()];
        for (int i = 0; i < n; i++) {
            LocalDate d = rs.get(i).date();
            y[i] = rs.get(i).value();
            x[i][0] = 1;
            x[i][1] = weeks(first, d);
            int c = 2;
            for (Group g : groups) {
                x[i][c++] = d.isBefore(g.start()) ? 0 : 1;
                x[i][c++] = Math.max(0, weeks(g.start(), d));
                if (g.stopModelled()) {
                    x[i][c++] = d.isBefore(g.stop()) ? 0 : 1;
                    x[i][c++] = Math.max(0, weeks(g.stop(), d));
                }
            }
        }

        Ar1Regression.Fit fit;
        try {
            fit = Ar1Regression.fit(y, x, policy.minPointsForAutocorrelation(), policy.confidence());
        } catch (Ar1Regression.NotEstimable ex) {
            Method m = new Method(
                    "Not estimated", "The segmented regression could not be fitted: " + ex.getMessage() + ".", TURNER);
            for (Group g : groups) {
                effects.add(new TherapyEffect(
                        g.label(),
                        g.therapies(),
                        g.start(),
                        g.stop(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        Verdict.NOT_ESTIMABLE,
                        ex.getMessage()));
            }
            notes.add(new Note(Note.Kind.NOT_ESTIMABLE, List.of(), ex.getMessage()));
            return new TherapyAnalysis(
                    series.measure(),
                    n,
                    first,
                    last,
                    baseline,
                    figure,
                    m,
                    List.of(),
                    effects,
                    notes,
                    pairsNotEstimated(
                            sorted,
                            labels,
                            notEstimable,
                            separabilityReason,
                            "the series could not " + "be fitted: " + ex.getMessage()));
        }
        List<Coefficient> coefs = new ArrayList<>();
        for (int j = 0; j < cols.size(); j++) {
            Column col = cols.get(j);
            coefs.add(new Coefficient(
                    col.key(),
                    col.label(),
                    fit.beta()[j],
                    fit.lower(j),
                    fit.upper(j),
                    fit.standardErrors()[j],
                    col.unit()));
        }
        Method method = segmentedMethod(fit, n);
        if (!fit.autocorrelation()) {
            notes.add(new Note(
                    Note.Kind.LIMITATION,
                    List.of(),
                    "Only " + n + " readings: fitted without modelling "
                            + "autocorrelation, so the intervals run too narrow (" + TURNER + ")."));
        }
        int c = 2;
        int claims = groups.size() + estimablePairs(series, groups);
        int stepCols = 2 + groups.size();
        Ar1Regression.Fit step = stepFit(series, groups);
        double tk = fit.tQuantile(policy.confidence(), claims);
        for (Group g : groups) {
            Coefficient level = coefs.get(c++);
            double[] avg = step == null
                    ? new double[] {Double.NaN, Double.NaN}
                    : step.contrast(unit(stepCols, 2 + groups.indexOf(g)));
            Coefficient judged = new Coefficient(
                    g.label() + ".while-given",
                    g.label() + ": change in level while given (interval simultaneous across the " + claims
                            + " judgements of this analysis)",
                    avg[0],
                    avg[0] - tk * avg[1],
                    avg[0] + tk * avg[1],
                    avg[1],
                    "points");
            Coefficient slope = coefs.get(c++);
            Coefficient stopLevel = null;
            Coefficient stopSlope = null;
            if (g.stopModelled()) {
                stopLevel = coefs.get(c++);
                stopSlope = coefs.get(c++);
            }
            Verdict v = step == null ? Verdict.NOT_ESTIMABLE : verdict(judged, figure);
            effects.add(new TherapyEffect(
                    g.label(),
                    g.therapies(),
                    g.start(),
                    g.stop(),
                    level,
                    slope,
                    stopLevel,
                    stopSlope,
                    judged,
                    v,
                    reason(g, level, judged, claims, slope, v, figure, mc, separabilityReason)));
        }
        effects.sort(Comparator.comparing(TherapyEffect::start));

        List<Interaction> interactions =
                interactions(series, sorted, labels, groups, notEstimable, separabilityReason, figure, mc, baseline);
        return new TherapyAnalysis(
                series.measure(), n, first, last, baseline, figure, method, coefs, effects, notes, interactions);
    }

    private List<Interaction> interactions(
            OutcomeSeries series,
            List<Exposure> sorted,
            Map<Exposure, String> labels,
            List<Group> groups,
            Map<String, String> notEstimable,
            Map<String, String> separabilityReason,
            double figure,
            MeaningfulChange mc,
            double baseline) {
        int minPts = policy.minPointsPerSegment();
        List<Interaction> out = new ArrayList<>();
        Method method = interactionMethod(mc, figure);
        int claims = groups.size() + estimablePairs(series, groups);
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                String a = labels.get(sorted.get(i));
                String b = labels.get(sorted.get(j));
                Group ga = groupOf(groups, a);
                Group gb = groupOf(groups, b);
                if (ga == null || gb == null) {
                    String why = ga == null ? notEstimable.get(a) : notEstimable.get(b);
                    out.add(new Interaction(
                            a,
                            b,
                            Status.NOT_ENOUGH_DATA,
                            null,
                            figure,
                            "Not enough data: " + why,
                            "At least " + minPts + " readings before and after each start.",
                            method));
                    continue;
                }
                if (ga == gb) {
                    out.add(new Interaction(
                            a,
                            b,
                            Status.NOT_SEPARABLE,
                            null,
                            figure,
                            "Not separable: " + separabilityReason.get(a),
                            "Start one therapy at least " + minPts + " readings before the other.",
                            method));
                    continue;
                }
                out.add(interaction(series, groups, ga, gb, a, b, figure, mc, method, minPts, claims));
            }
        }
        return out;
    }

    private Interaction interaction(
            OutcomeSeries series,
            List<Group> groups,
            Group ga,
            Group gb,
            String a,
            String b,
            double figure,
            MeaningfulChange mc,
            Method method,
            int minPts,
            int claims) {
        int[] cells = cells(series, ga, gb);
        String[] cellNames = {
            "neither " + ga.label() + " nor " + gb.label(),
            ga.label() + " without " + gb.label(),
            gb.label() + " without " + ga.label(),
            ga.label() + " and " + gb.label() + " together"
        };
        List<String> short_ = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            if (cells[k] < minPts) {
                short_.add(cellNames[k] + ": " + cells[k] + " of " + minPts + more(series, minPts - cells[k]));
            }
        }
        if (!short_.isEmpty()) {
            String needed = "At least " + minPts + " readings in each of the four combinations (neither, each alone, "
                    + "both); short: " + String.join("; ", short_) + ".";
            String why = "Not enough data: an extra effect of giving " + ga.label() + " and " + gb.label()
                    + " together can only be told from the sum of each alone when each has also been given without "
                    + "the other.";
            return new Interaction(a, b, Status.NOT_ENOUGH_DATA, null, figure, why, needed, method);
        }
        List<OutcomeSeries.Reading> rs = series.readings();
        int n = rs.size();
        LocalDate first = rs.get(0).date();
        int p = 3 + groups.size();
        double[] y = new double[n];
        double[][] x = new double[n][p];
        int ia = groups.indexOf(ga);
        int ib = groups.indexOf(gb);
        for (int i = 0; i < n; i++) {
            LocalDate d = rs.get(i).date();
            y[i] = rs.get(i).value();
            x[i][0] = 1;
            x[i][1] = weeks(first, d);
            for (int g = 0; g < groups.size(); g++) {
                x[i][2 + g] = groups.get(g).activeOn(d) ? 1 : 0;
            }
            x[i][p - 1] = x[i][2 + ia] * x[i][2 + ib];
        }
        Ar1Regression.Fit fit;
        try {
            fit = Ar1Regression.fit(y, x, policy.minPointsForAutocorrelation(), policy.confidence());
        } catch (Ar1Regression.NotEstimable ex) {
            return new Interaction(
                    a,
                    b,
                    Status.NOT_ENOUGH_DATA,
                    null,
                    figure,
                    "Not enough data: " + ex.getMessage(),
                    "Readings in periods where the therapies' combinations differ.",
                    method);
        }
        int k = p - 1;
        double tq = fit.tQuantile(policy.confidence(), claims);
        double se = fit.standardErrors()[k];
        Coefficient est = new Coefficient(
                ga.label() + " x " + gb.label(),
                "Extra change with " + ga.label() + " and " + gb.label() + " together (beyond each alone)",
                fit.beta()[k],
                fit.beta()[k] - tq * se,
                fit.beta()[k] + tq * se,
                se,
                "points");
        String interval = fmt(est.estimate()) + " points (" + pct() + " interval " + fmt(est.lower()) + " to "
                + fmt(est.upper())
                + (claims > 1 ? ", simultaneous across the " + claims + " judgements of this analysis" : "") + ")";
        if (Double.isNaN(figure)) {
            return new Interaction(
                    a,
                    b,
                    Status.NOT_JUDGED,
                    est,
                    figure,
                    "Extra change together: " + interval + ". " + mc.source() + ".",
                    null,
                    method);
        }
        Method m = withRho(method, fit);
        if (est.upper() < 0 && est.estimate() <= -figure) {
            return new Interaction(
                    a,
                    b,
                    Status.POSSIBLE_SYNERGY,
                    est,
                    figure,
                    "Possible synergy: " + ga.label()
                            + " + " + gb.label() + ", extra change together " + interval
                            + ", beyond the meaningful change of "
                            + fmt(figure) + " points (" + mc.describe() + ").",
                    null,
                    m);
        }
        String why;
        if (!est.excludesZero()) {
            why = "the interval includes zero";
        } else if (est.lower() > 0) {
            why = "together they did worse than the sum of each alone";
        } else {
            why = "the extra change is smaller than the meaningful change of " + fmt(figure) + " points ("
                    + mc.describe() + ")";
        }
        return new Interaction(
                a,
                b,
                Status.NO_SYNERGY_SHOWN,
                est,
                figure,
                "No synergy shown: extra change together " + interval + "; " + why + ".",
                null,
                m);
    }

    private static double[] unit(int size, int at) {
        double[] u = new double[size];
        u[at] = 1;
        return u;
    }

    /**
     * The model a therapy is judged on: the series' level with each therapy (or group) on or off and a common weekly
     * trend, fitted like the segmented one (AR(1) GLS, rho by REML, robust standard errors). Its coefficient for a
     * therapy is the change in level while it was given, estimated from every reading on and off it; null when it
     * cannot be fitted.
     */
    private Ar1Regression.Fit stepFit(OutcomeSeries series, List<Group> groups) {
        List<OutcomeSeries.Reading> rs = series.readings();
        int n = rs.size();
        LocalDate first = rs.get(0).date();
        double[] y = new double[n];
        double[][] x = new double[n][2 + groups.size()];
        for (int i = 0; i < n; i++) {
            LocalDate d = rs.get(i).date();
            y[i] = rs.get(i).value();
            x[i][0] = 1;
            x[i][1] = weeks(first, d);
            for (int g = 0; g < groups.size(); g++) {
                x[i][2 + g] = groups.get(g).activeOn(d) ? 1 : 0;
            }
        }
        try {
            return Ar1Regression.fit(y, x, policy.minPointsForAutocorrelation(), policy.confidence());
        } catch (Ar1Regression.NotEstimable e) {
            return null;
        }
    }

    /** Pairs of groups whose four combinations all have the minimum readings (those get an interaction estimate). */
    private int estimablePairs(OutcomeSeries series, List<Group> groups) {
        int minPts = policy.minPointsPerSegment();
        int estimable = 0;
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                int[] cells = cells(series, groups.get(i), groups.get(j));
                if (java.util.Arrays.stream(cells).allMatch(k -> k >= minPts)) {
                    estimable++;
                }
            }
        }
        return estimable;
    }

    private static int[] cells(OutcomeSeries series, Group ga, Group gb) {
        int[] cells = new int[4];
        for (OutcomeSeries.Reading r : series.readings()) {
            cells[(ga.activeOn(r.date()) ? 1 : 0) + (gb.activeOn(r.date()) ? 2 : 0)]++;
        }
        return cells;
    }

    private List<Interaction> pairsNotEstimated(
            List<Exposure> sorted,
            Map<Exposure, String> labels,
            Map<String, String> notEstimable,
            Map<String, String> separabilityReason,
            String why) {
        List<Interaction> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                String a = labels.get(sorted.get(i));
                String b = labels.get(sorted.get(j));
                String sep = separabilityReason.get(a);
                boolean together = sep != null && sep.equals(separabilityReason.get(b));
                out.add(new Interaction(
                        a,
                        b,
                        together ? Status.NOT_SEPARABLE : Status.NOT_ENOUGH_DATA,
                        null,
                        Double.NaN,
                        together ? "Not separable: " + sep : "Not enough data: " + why,
                        null,
                        null));
            }
        }
        return out;
    }

    private static Group groupOf(List<Group> groups, String therapy) {
        for (Group g : groups) {
            if (g.therapies().contains(therapy)) {
                return g;
            }
        }
        return null;
    }

    private Verdict verdict(Coefficient level, double figure) {
        boolean big = Double.isNaN(figure) || Math.abs(level.estimate()) >= figure;
        if (level.upper() < 0 && big) {
            return Verdict.IMPROVED;
        }
        if (level.lower() > 0 && big) {
            return Verdict.WORSENED;
        }
        return Verdict.NO_CLEAR_CHANGE;
    }

    private String reason(
            Group g,
            Coefficient level,
            Coefficient judged,
            int k,
            Coefficient slope,
            Verdict v,
            double figure,
            MeaningfulChange mc,
            Map<String, String> sep) {
        StringBuilder sb = new StringBuilder();
        sb.append("Change in level at start ")
                .append(fmt(level.estimate()))
                .append(" points (")
                .append(pct())
                .append(" interval ")
                .append(fmt(level.lower()))
                .append(" to ")
                .append(fmt(level.upper()))
                .append("); change in slope ")
                .append(fmt(slope.estimate()))
                .append(" points per week (")
                .append(fmt(slope.lower()))
                .append(" to ")
                .append(fmt(slope.upper()))
                .append("). ");
        sb.append("Judged on the change in level while it was given (every reading on and off it, common trend): ")
                .append(fmt(judged.estimate()))
                .append(" points (")
                .append(
                        k > 1
                                ? "interval simultaneous across the " + k + " judgements of this analysis, "
                                : "interval ")
                .append(fmt(judged.lower()))
                .append(" to ")
                .append(fmt(judged.upper()))
                .append("). ");
        if (Double.isNaN(figure)) {
            sb.append(mc == null ? "No meaningful-change figure for this measure." : mc.source())
                    .append('.');
        } else if (v == Verdict.NO_CLEAR_CHANGE) {
            sb.append(
                    judged.excludesZero()
                            ? "Smaller than the meaningful change of " + fmt(figure) + " points."
                            : "The interval includes zero.");
        } else {
            sb.append("Beyond the meaningful change of ")
                    .append(fmt(figure))
                    .append(" points (")
                    .append(mc.describe())
                    .append(").");
        }
        if (g.therapies().size() > 1) {
            sb.append(" Not separable: ").append(sep.get(g.therapies().get(0))).append('.');
        }
        return sb.toString();
    }

    private Method segmentedMethod(Ar1Regression.Fit fit, int n) {
        String common = "Segmented regression (interrupted time series): a baseline level and weekly trend, and at "
                + "each therapy's start (and stop, where it can be told apart) a change in level and a change in weekly "
                + "slope. " + pct() + " intervals use Student's t with " + fit.degreesOfFreedom()
                + " degrees of freedom; each standard error is the larger of the model's and a Newey-West one "
                + "(Bartlett kernel, " + Ar1Regression.bandwidth(n) + " lags, on the transformed series: Andrews & "
                + "Monahan 1992), so autocorrelation the AR(1) model misses (whole-number scores add rounding noise, "
                + "which lowers the fitted rho) cannot narrow the interval. A therapy is judged on its change in "
                + "level while it was given, from a second model of the same kind with each therapy on or off and a "
                + "common weekly trend (every reading on and off it counts), not on the jump at its first day: the "
                + "jump is where two fitted lines are extrapolated to meet, the least certain point of the fit, and "
                + "a few days' dip in the noise there read as an improvement that never lasted. Verdicts (improved, "
                + "worsened, possible synergy) use "
                + "intervals simultaneous across every judgement of the analysis (Bonferroni: each therapy and "
                + "each pair estimated), so the chance of any false verdict for this patient stays within "
                + pct() + " confidence. ";
        if (!fit.autocorrelation()) {
            return new Method(
                    "Segmented regression, ordinary least squares",
                    common + "Fitted by ordinary least "
                            + "squares because the series has fewer than " + policy.minPointsForAutocorrelation()
                            + " readings (" + n
                            + "): autocorrelation is not modelled and the intervals run too narrow; read "
                            + "them as optimistic.",
                    TURNER);
        }
        return new Method(
                "Segmented regression, generalised least squares with AR(1) errors",
                common
                        + "Fitted by generalised least squares with first-order autoregressive (AR(1)) errors: the "
                        + "autocorrelation rho = " + fmt(fit.rho())
                        + " is the restricted maximum likelihood (REML) estimate, "
                        + "as Turner et al. recommend for longer series, and the model is fitted on the Prais-Winsten-"
                        + "transformed series (exactly GLS with that covariance), one degree of freedom spent on rho. "
                        + "Readings are treated as evenly spaced (gaps in a diary shorten the apparent distance between "
                        + "readings). ",
                TURNER);
    }

    private Method interactionMethod(MeaningfulChange mc, double figure) {
        int minPts = policy.minPointsPerSegment();
        String fig = Double.isNaN(figure)
                ? "no meaningful-change figure exists for this measure, so nothing is " + "flagged"
                : "the meaningful-change figure is " + fmt(figure) + " points (" + mc.describe() + "; " + mc.source()
                        + ")";
        return new Method(
                "Interaction (possible synergy)",
                "A second model of the series' level with each therapy "
                        + "on or off and a common weekly trend, plus a term for the two given together: that term is the "
                        + "extra change beyond the sum of each alone. Fitted like the segmented regression (AR(1) "
                        + "generalised least squares, rho by REML, from " + policy.minPointsForAutocorrelation()
                        + " readings). "
                        + "Estimated "
                        + "only when the two started apart and each of the four combinations (neither, each alone, both) "
                        + "has at least " + minPts
                        + " readings; flagged \"possible synergy\" only when the extra change is a "
                        + "benefit at least as large as the meaningful-change figure and its " + pct()
                        + " interval excludes zero (simultaneous across every judgement of the analysis, Bonferroni); "
                        + fig
                        + ".",
                TURNER);
    }

    private static Method withRho(Method m, Ar1Regression.Fit fit) {
        if (!fit.autocorrelation()) {
            return new Method(
                    m.name(),
                    m.text() + " This series was too short to model autocorrelation: the "
                            + "interval runs too narrow.",
                    m.source());
        }
        return new Method(m.name(), m.text() + " Here rho = " + fmt(fit.rho()) + ".", m.source());
    }

    private String more(OutcomeSeries series, int more) {
        List<OutcomeSeries.Reading> rs = series.readings();
        if (more <= 0 || rs.size() < 2) {
            return "";
        }
        long span =
                ChronoUnit.DAYS.between(rs.get(0).date(), rs.get(rs.size() - 1).date());
        double perDay = (rs.size() - 1) / (double) Math.max(1, span);
        long days = (long) Math.ceil(more / perDay);
        return " (" + more + " more, about " + days + " day" + (days == 1 ? "" : "s")
                + " at the current pace of readings)";
    }

    private String pct() {
        return OutcomesPolicy.num(policy.value(OutcomesPolicy.CONFIDENCE_PERCENT)) + " %";
    }

    private static double baseline(OutcomeSeries series, List<Exposure> sorted) {
        LocalDate firstStart = sorted.isEmpty() ? null : sorted.get(0).start();
        double sum = 0;
        int k = 0;
        for (OutcomeSeries.Reading r : series.readings()) {
            if (firstStart == null || r.date().isBefore(firstStart)) {
                sum += r.value();
                k++;
            }
        }
        return k == 0 ? series.readings().get(0).value() : sum / k;
    }

    private static Map<Exposure, String> labels(List<Exposure> sorted) {
        Map<String, Integer> count = new HashMap<>();
        sorted.forEach(e -> count.merge(e.therapy(), 1, Integer::sum));
        Map<Exposure, String> out = new LinkedHashMap<>();
        for (Exposure e : sorted) {
            out.put(e, count.get(e.therapy()) > 1 ? e.therapy() + " (from " + e.start() + ")" : e.therapy());
        }
        return out;
    }

    static double weeks(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) / 7.0;
    }

    static String fmt(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }
}
