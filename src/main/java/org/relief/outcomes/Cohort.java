package org.relief.outcomes;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Cohort statistics over patients treated here (plain Java): realistic expectations for one patient ("of N patients
 * like this one treated with the same combination, X % reached a 30 % improvement and Y % a 50 % improvement at 3 / 6
 * months") and the clinic's responder rates per therapy and per combination, stratified by baseline. Each patient
 * counts once, with their first signed plan: the combination is its set of therapies, time runs from the day the
 * first of them started, the baseline is the mean NRS in the policy's baseline window before that day and the score
 * at 3 or 6 months the mean NRS within the follow-up window around day 91 or 182. Responder rates and their Wilson
 * intervals are {@link ResponderRates}' (CLINICAL_RULES §11: >= 30 % moderate, >= 50 % substantial, Farrar 2001,
 * IMMPACT 2008). No interval is given below the policy's minimum number of patients ("too few similar patients").
 */
public final class Cohort {
    // Why over 300 lines: one method (members, similarity, expectations, the stratified table), mostly its words.

    /** 3 and 6 months, in days after the plan started (91 and 182: a quarter and a half of 365). */
    public static final int[] MONTH_DAYS = {91, 182};

    /** One patient of the cohort. Scores are null where the window held no reading. */
    public record Member(
            UUID patientId,
            int age,
            String diagnosisGroup,
            int priorWithoutRelief,
            List<String> combination,
            LocalDate start,
            Double baselineNrs,
            Double baselinePeg,
            Double nrsAt3,
            Double nrsAt6) {
        public Member {
            combination = List.copyOf(combination);
        }

        Double at(int months) {
            return months == 3 ? nrsAt3 : months == 6 ? nrsAt6 : null;
        }
    }

    /** The patient expectations are given for, and the combination proposed. */
    public record Target(
            int age, String diagnosisGroup, int priorWithoutRelief, Double baselinePeg, List<String> combination) {
        public Target {
            combination = combination.stream().sorted().toList();
        }
    }

    /** Expectations at one time point: the responder rates of the similar patients with a score then. */
    public record At(int months, ResponderRates.Result rates) {}

    /**
     * Realistic expectations: the criteria in words, how many similar patients there are, and the rates at 3 and 6
     * months (each {@code tooFew} below the minimum).
     */
    public record Expectation(
            List<String> criteria, int similar, List<At> at, String text, String plainText, String method) {}

    /** One row of the cohort view: a therapy (any combination holding it) or a combination, at one time point. */
    public record Row(
            String kind,
            String label,
            int n,
            ResponderRates.Result overall,
            List<ResponderRates.Result> strata,
            String tooFew) {}

    /** The cohort view: its rows, the baseline strata in words, and the method. */
    public record Table(int months, int patients, List<String> strata, List<Row> rows, String method, Measure measure) {

        /** NRS tables give the 30 % and 50 % rates; the other measures the meaningful change (policy's figure). */
        public boolean percentRates() {
            return measure == Measure.NRS;
        }
    }

    private final OutcomesPolicy policy;
    private final ResponderRates rates;

    public Cohort(OutcomesPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.rates = new ResponderRates(policy);
    }

    /** Age in whole years on a day. */
    public static int age(LocalDate birth, LocalDate on) {
        return Period.between(birth, on).getYears();
    }

    /** The age band of an age in words, e.g. "50-59". */
    public String ageBand(int age) {
        int w = (int) Math.round(policy.value(OutcomesPolicy.AGE_BAND_YEARS));
        int lo = age / w * w;
        return lo + "-" + (lo + w - 1);
    }

    static String priorCategory(int n) {
        return n == 0 ? "none" : n == 1 ? "1" : "2 or more";
    }

    /** Realistic expectations for the target from the cohort (the target patient is not among the members). */
    public Expectation expect(Target t, List<Member> members) {
        List<String> criteria = new ArrayList<>();
        List<Predicate<Member>> tests = new ArrayList<>();
        criteria.add("treated with the same combination: " + String.join(" + ", t.combination()));
        tests.add(m -> m.combination().equals(t.combination()));
        if (t.diagnosisGroup() != null) {
            criteria.add("the same diagnosis group (ICD-10 " + t.diagnosisGroup() + ")");
            tests.add(m -> t.diagnosisGroup().equals(m.diagnosisGroup()));
        } else {
            criteria.add("diagnosis group not compared (no active problem recorded for this patient)");
        }
        String band = ageBand(t.age());
        criteria.add("the same age band (" + band + " years; "
                + policy.get(OutcomesPolicy.AGE_BAND_YEARS).source() + ")");
        tests.add(m -> ageBand(m.age()).equals(band));
        String prior = priorCategory(t.priorWithoutRelief());
        criteria.add("the same number of prior treatments that brought no relief (" + prior + ")");
        tests.add(m -> priorCategory(m.priorWithoutRelief()).equals(prior));
        MeaningfulChange peg = policy.minimalChange(Measure.PEG);
        if (t.baselinePeg() != null) {
            double w = peg.figure(t.baselinePeg());
            criteria.add("a baseline PEG within " + OutcomesPolicy.num(w) + " point of this patient's "
                    + String.format(Locale.ROOT, "%.1f", t.baselinePeg()) + " (the PEG meaningful change; "
                    + peg.source() + ")");
            tests.add(m -> m.baselinePeg() != null && Math.abs(m.baselinePeg() - t.baselinePeg()) <= w + 1e-9);
        } else {
            criteria.add("baseline PEG not compared (no PEG recorded for this patient before the plan)");
        }
        Predicate<Member> similar = tests.stream().reduce(x -> true, Predicate::and);
        List<Member> like = members.stream().filter(similar).toList();
        List<At> at = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        int min = (int) Math.round(policy.value(OutcomesPolicy.MIN_SIMILAR_PATIENTS));
        for (int months : new int[] {3, 6}) {
            List<ResponderRates.Pair> pairs = pairs(like, months);
            ResponderRates.Result r = rates.of(Measure.NRS, pairs);
            at.add(new At(months, r));
            if (r.tooFew()) {
                text.append("At ")
                        .append(months)
                        .append(" months: too few similar patients (")
                        .append(r.n())
                        .append(" with a pain score then; ")
                        .append(min)
                        .append(" needed). ");
            } else {
                String mod = OutcomesPolicy.num(policy.value(OutcomesPolicy.RESPONDER_MODERATE_PERCENT));
                String sub = OutcomesPolicy.num(policy.value(OutcomesPolicy.RESPONDER_SUBSTANTIAL_PERCENT));
                text.append("At ")
                        .append(months)
                        .append(" months, of ")
                        .append(r.n())
                        .append(" patients like this one treated with a similar combination, ")
                        .append(pct(r.moderate()))
                        .append(" reached a ")
                        .append(mod)
                        .append(" % improvement and ")
                        .append(pct(r.substantial()))
                        .append(" a ")
                        .append(sub)
                        .append(" % improvement. ");
                plain.append("About ")
                        .append(round(r.moderate().percent()))
                        .append(" in 100 people like you")
                        .append(" had at least ")
                        .append(mod)
                        .append(" % less pain after ")
                        .append(months)
                        .append(" months, and about ")
                        .append(round(r.substantial().percent()))
                        .append(" in 100 at least ")
                        .append(sub)
                        .append(" % less (from ")
                        .append(r.n())
                        .append(" people treated here). ");
            }
        }
        if (plain.isEmpty()) {
            plain.append("We have not yet treated enough people like you with this combination to say what to "
                    + "expect. Your team will talk with you about what is realistic.");
        } else {
            plain.append("Everyone is different: these are past results, not a promise.");
        }
        return new Expectation(
                criteria,
                like.size(),
                at,
                text.toString().strip(),
                plain.toString().strip(),
                common("3 and 6 months (day " + MONTH_DAYS[0] + " and " + MONTH_DAYS[1] + ")")
                        + " Similar patients are found by the criteria listed; this patient is not among them. Past "
                        + "results of patients treated here, not a promise.");
    }

    /** The clinic's responder rates at 3 or 6 months, per therapy and per combination, stratified by baseline. */
    public Table table(List<Member> members, int months) {
        return table(members, months, Measure.NRS);
    }

    /**
     * The same for another measure: the members' scores ({@code baselineNrs}, {@code nrsAt3}, {@code nrsAt6}) then
     * hold that measure's means in the same windows, and a responder is a patient whose improvement reached the
     * measure's important change ({@link OutcomesPolicy#importantChange}: ODI 10 points or 30 %, Ostelo 2008; PEG 1
     * point, Reed 2023; CLINICAL_RULES §11). NRS keeps its 30 % and 50 % rates (IMMPACT 2008).
     */
    public Table table(List<Member> members, int months, Measure measure) {
        String short_ = shortName(measure);
        List<Member> with = members.stream()
                .filter(m -> m.baselineNrs() != null && m.baselineNrs() > 0 && m.at(months) != null)
                .toList();
        double[] cuts = thirds(with);
        List<String> strata = new ArrayList<>();
        for (int k = 0; k <= cuts.length; k++) {
            strata.add(
                    cuts.length == 0
                            ? "every baseline " + short_
                            : k == 0
                                    ? "baseline " + short_ + " below " + fmt(cuts[0])
                                    : k == cuts.length
                                            ? "baseline " + short_ + " " + fmt(cuts[k - 1]) + " and above"
                                            : "baseline " + short_ + " " + fmt(cuts[k - 1]) + " to below "
                                                    + fmt(cuts[k]));
        }
        Map<String, List<Member>> byCombination = new LinkedHashMap<>();
        Map<String, List<Member>> byTherapy = new LinkedHashMap<>();
        for (Member m : with) {
            byCombination
                    .computeIfAbsent(String.join(" + ", m.combination()), k -> new ArrayList<>())
                    .add(m);
            for (String t : m.combination()) {
                byTherapy.computeIfAbsent(t, k -> new ArrayList<>()).add(m);
            }
        }
        List<Row> rows = new ArrayList<>();
        byTherapy.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e ->
                        rows.add(row("Therapy (in any combination)", e.getKey(), e.getValue(), months, cuts, measure)));
        byCombination.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<Member>> e) ->
                                e.getValue().size())
                        .reversed()
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> rows.add(row("Combination", e.getKey(), e.getValue(), months, cuts, measure)));
        String when = months + " months (day " + (months == 3 ? MONTH_DAYS[0] : MONTH_DAYS[1]) + ")";
        MeaningfulChange important = policy.importantChange(measure);
        String method = (measure == Measure.NRS
                        ? common(when)
                        : common(
                                when,
                                short_,
                                "an improvement of at least the important change in the " + measure.label() + " ("
                                        + important.describe() + "; " + important.source() + ")"))
                + " Adjusted for baseline by stratification: the rates are also shown within thirds of the "
                + "cohort's baseline " + short_
                + " (cut points from these data, not a clinical figure), so a therapy given "
                + "mostly to patients in more pain is compared within like baselines. A therapy's row counts every "
                + "patient whose combination held it, so rows overlap; the combination rows do not.";
        return new Table(months, with.size(), strata, rows, method, measure);
    }

    /** The method in words, every figure with its policy value and source. */
    private String common(String when) {
        return common(
                when,
                "NRS",
                "at least " + OutcomesPolicy.num(policy.value(OutcomesPolicy.RESPONDER_MODERATE_PERCENT)) + " % and "
                        + OutcomesPolicy.num(policy.value(OutcomesPolicy.RESPONDER_SUBSTANTIAL_PERCENT))
                        + " % less pain ("
                        + policy.get(OutcomesPolicy.RESPONDER_MODERATE_PERCENT).source() + "; "
                        + policy.get(OutcomesPolicy.RESPONDER_SUBSTANTIAL_PERCENT)
                                .source() + ")");
    }

    private String common(String when, String measure, String responders) {
        return "Each patient counts once, with their first signed plan: the combination is its set of therapies, "
                + "time runs from the day the first of them started. Baseline: mean " + measure + " in the "
                + OutcomesPolicy.num(policy.value(OutcomesPolicy.BASELINE_WINDOW_DAYS)) + " days before ("
                + policy.get(OutcomesPolicy.BASELINE_WINDOW_DAYS).source() + "); at " + when + ": mean " + measure
                + " within "
                + OutcomesPolicy.num(policy.value(OutcomesPolicy.FOLLOW_UP_WINDOW_DAYS)) + " days either side ("
                + policy.get(OutcomesPolicy.FOLLOW_UP_WINDOW_DAYS).source() + "). Responders: " + responders
                + ", with Wilson score "
                + OutcomesPolicy.num(policy.value(OutcomesPolicy.CONFIDENCE_PERCENT)) + " % intervals (Wilson "
                + "1927). Below " + OutcomesPolicy.num(policy.value(OutcomesPolicy.MIN_SIMILAR_PATIENTS))
                + " patients no rate is given (policy value " + OutcomesPolicy.MIN_SIMILAR_PATIENTS + ", on the "
                + "admin policy page: "
                + policy.get(OutcomesPolicy.MIN_SIMILAR_PATIENTS).source() + ").";
    }

    /** The measure's short name for strata and the method ("NRS", "PEG", "ODI"). */
    public static String shortName(Measure measure) {
        return measure == Measure.PHQ9 ? "PHQ-9" : measure.name();
    }

    private Row row(String kind, String label, List<Member> ms, int months, double[] cuts, Measure measure) {
        ResponderRates.Result overall = rates.of(measure, pairs(ms, months));
        List<ResponderRates.Result> strata = new ArrayList<>();
        for (int s = 0; s <= cuts.length; s++) {
            int k = s;
            strata.add(rates.of(
                    measure,
                    pairs(
                            ms.stream()
                                    .filter(m -> stratum(m.baselineNrs(), cuts) == k)
                                    .toList(),
                            months)));
        }
        return new Row(kind, label, ms.size(), overall, strata, overall.tooFew() ? overall.message() : null);
    }

    private static int stratum(double baseline, double[] cuts) {
        int k = 0;
        while (k < cuts.length && baseline >= cuts[k]) {
            k++;
        }
        return k;
    }

    /**
     * The cut points between thirds of the baselines, each used once and only where it splits (many equal baselines
     * give fewer strata; every baseline the same: none).
     */
    private static double[] thirds(List<Member> ms) {
        double[] b = ms.stream().mapToDouble(Member::baselineNrs).sorted().toArray();
        if (b.length == 0) {
            return new double[0];
        }
        return java.util.stream.DoubleStream.of(b[b.length / 3], b[2 * b.length / 3])
                .filter(c -> c > b[0])
                .distinct()
                .toArray();
    }

    private static List<ResponderRates.Pair> pairs(List<Member> ms, int months) {
        return ms.stream()
                .filter(m -> m.baselineNrs() != null && m.at(months) != null)
                .map(m -> new ResponderRates.Pair(m.baselineNrs(), m.at(months)))
                .toList();
    }

    private String pct(ResponderRates.Rate r) {
        return String.format(
                Locale.ROOT,
                "%.0f %% (%s %% interval %.0f-%.0f %%)",
                r.percent(),
                OutcomesPolicy.num(policy.value(OutcomesPolicy.CONFIDENCE_PERCENT)),
                r.lowerPercent(),
                r.upperPercent());
    }

    private static long round(double percent) {
        return Math.round(percent);
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
