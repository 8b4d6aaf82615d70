package org.relief.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relief.assessment.SafetyFlag.Concern;
import org.relief.assessment.SafetyFlag.Risk;

/** The scoring rules, each as published (sources in {@link Instruments}). Plain Java: no Spring, no SQL. */
final class Scorers {

    private Scorers() {}

    /** Sum of every item; no total unless every item is answered. */
    static final Scorer SUM_ALL = (instrument, answers) -> {
        Answers a = Answers.of(instrument, answers);
        if (!a.missing().isEmpty()) {
            return a.incomplete(instrument, "Scored only when every item is answered.");
        }
        double total =
                a.sum(instrument.items().stream().map(Instrument.Item::id).toList());
        return a.score(instrument, total, Map.of(), List.of(), List.of());
    };

    /** Mean of every item (PEG); no score unless all are answered. */
    static final Scorer MEAN_ALL = (instrument, answers) -> {
        Answers a = Answers.of(instrument, answers);
        if (!a.missing().isEmpty()) {
            return a.incomplete(instrument, "Scored only when every item is answered.");
        }
        double mean = a.sum(ids(instrument)) / instrument.items().size();
        return a.score(instrument, round2(mean), Map.of(), List.of(), List.of());
    };

    /** PHQ-9: sum of 9 items; item 9 above 0 starts the safety protocol whatever the total (or completeness). */
    static final Scorer PHQ9 = (instrument, answers) -> {
        Answers a = Answers.of(instrument, answers);
        List<SafetyFlag> flags = new ArrayList<>();
        Integer item9 = answers.get("q9");
        if (item9 != null && item9 > 0) {
            flags.add(new SafetyFlag(
                    Concern.SUICIDAL_IDEATION,
                    Risk.UNRATED,
                    "PHQ-9 item 9 answered \""
                            + instrument
                                    .item("q9")
                                    .flatMap(i -> i.option(item9))
                                    .map(Instrument.Option::label)
                                    .orElse(String.valueOf(item9))
                            + "\" (thoughts of being better off dead or of self-harm)",
                    "PHQ-9 item 9 > 0: same-visit safety follow-up whatever the total (Kroenke 2001)"));
        }
        if (!a.missing().isEmpty()) {
            Score s = a.incomplete(instrument, "Scored only when all 9 items are answered.");
            return new Score(null, null, Map.of(), s.answered(), s.missing(), flags, s.notes());
        }
        return a.score(instrument, a.sum(ids(instrument)), Map.of(), flags, List.of());
    };

    /**
     * Oswestry Disability Index: each answered section scores 0-5; index = sum / (5 x sections answered) x 100, so
     * a skipped section (often "sex life") is left out of both sum and maximum (Fairbank & Pynsent 2000).
     */
    static final Scorer ODI = (instrument, answers) -> {
        Answers a = Answers.of(instrument, answers);
        if (a.answered() == 0) {
            return a.incomplete(instrument, "No section answered.");
        }
        double index = a.sum(ids(instrument)) / (5.0 * a.answered()) * 100;
        List<String> notes = a.missing().isEmpty()
                ? List.of()
                : List.of(a.missing().size() + " section(s) skipped: index = sum / (5 x " + a.answered()
                        + " answered) x 100, as published.");
        return a.score(instrument, round2(index), Map.of(), List.of(), notes);
    };

    /** Pain Catastrophizing Scale: total of 13 items and its three subscales (Sullivan). */
    static final Scorer PCS = (instrument, answers) -> {
        Answers a = Answers.of(instrument, answers);
        if (!a.missing().isEmpty()) {
            return a.incomplete(instrument, "Scored only when all 13 items are answered.");
        }
        Map<String, Double> sub = new LinkedHashMap<>();
        sub.put("Rumination", a.sum(List.of("q8", "q9", "q10", "q11")));
        sub.put("Magnification", a.sum(List.of("q6", "q7", "q13")));
        sub.put("Helplessness", a.sum(List.of("q1", "q2", "q3", "q4", "q5", "q12")));
        double total = a.sum(ids(instrument));
        return a.score(instrument, total, sub, List.of(), List.of());
    };

    /**
     * Brief Pain Inventory (short form): severity = mean of worst, least, average and now (all four needed);
     * interference = mean of the 7 interference items, given when at least 4 of 7 are answered (BPI User Guide).
     * The main score is interference, whose meaningful change is 1 point (IMMPACT).
     */
    static final Scorer BPI = (instrument, answers) -> {
        Answers a = Answers.of(instrument, answers);
        List<String> severityItems = List.of("worst", "least", "average", "now");
        List<String> interferenceItems =
                ids(instrument).stream().filter(id -> id.startsWith("i_")).toList();
        Map<String, Double> sub = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        if (severityItems.stream().allMatch(answers::containsKey)) {
            sub.put("Severity", round2(a.sum(severityItems) / 4));
        } else {
            notes.add("Severity needs all four severity items.");
        }
        long interferenceAnswered =
                interferenceItems.stream().filter(answers::containsKey).count();
        Double interference = null;
        if (interferenceAnswered >= 4) {
            interference = round2(a.sum(interferenceItems) / interferenceAnswered);
            sub.put("Interference", interference);
        } else {
            notes.add("Interference needs at least 4 of its 7 items (" + interferenceAnswered + " answered).");
        }
        return a.score(instrument, interference, sub, List.of(), notes);
    };

    /**
     * C-SSRS screener. Q3-Q5 are asked only after a "yes" to Q2, and "within the past 3 months" only after a
     * "yes" to Q6. Risk: high for Q4, Q5, or behaviour within 3 months; moderate for Q3; low for Q1-Q2 alone. Any
     * "yes" starts the safety protocol. The score is the risk level as a number (0 none, 1 low, 2 moderate,
     * 3 high) so it can be plotted. Mapping from CLINICAL_RULES §11 (marked UNVERIFIED there).
     */
    static final Scorer CSSRS = (instrument, answers) -> {
        boolean q1 = yes(answers, "q1");
        boolean q2 = yes(answers, "q2");
        boolean q6 = yes(answers, "q6");
        List<String> required = new ArrayList<>(List.of("q1", "q2", "q6"));
        if (q2) {
            required.addAll(List.of("q3", "q4", "q5"));
        }
        if (q6) {
            required.add("q6_recent");
        }
        List<String> missing =
                required.stream().filter(id -> !answers.containsKey(id)).toList();
        Risk risk;
        List<String> reasons = new ArrayList<>();
        if (q2 && (yes(answers, "q4") || yes(answers, "q5")) || q6 && yes(answers, "q6_recent")) {
            risk = Risk.HIGH;
        } else if (q2 && yes(answers, "q3")) {
            risk = Risk.MODERATE;
        } else if (q1 || q2) {
            risk = Risk.LOW;
        } else {
            risk = q6 ? Risk.UNRATED : null;
        }
        for (String id : List.of("q1", "q2", "q3", "q4", "q5", "q6", "q6_recent")) {
            if (yes(answers, id)) {
                reasons.add(instrument.item(id).map(Instrument.Item::label).orElse(id));
            }
        }
        List<String> notes = new ArrayList<>();
        if (q6 && !yes(answers, "q6_recent") && risk == Risk.UNRATED) {
            notes.add("Behaviour reported, not within the past 3 months: the mapping names no level for this; "
                    + "the clinician judges the risk in the follow-up.");
        }
        List<SafetyFlag> flags = risk == null
                ? List.of()
                : List.of(new SafetyFlag(
                        Concern.SUICIDAL_IDEATION,
                        risk,
                        "C-SSRS: " + String.join("; ", reasons),
                        "C-SSRS screener, any positive answer; risk mapping from the rules reference, section 11 "
                                + "(UNVERIFIED)"));
        double level = risk == null
                ? 0
                : switch (risk) {
                    case UNRATED, LOW -> 1;
                    case MODERATE -> 2;
                    case HIGH -> 3;
                };
        String band = risk == null
                ? "No risk indicated"
                : risk == Risk.UNRATED
                        ? "Positive (level not mapped)"
                        : risk.name().charAt(0) + risk.name().substring(1).toLowerCase() + " risk";
        int answered = (int) answers.keySet().stream()
                .filter(k -> instrument.item(k).isPresent())
                .count();
        if (!missing.isEmpty()) {
            notes.add("Unanswered: " + String.join(", ", missing) + ".");
        }
        return new Score(
                missing.isEmpty() ? level : null,
                missing.isEmpty() ? band : null,
                Map.of(),
                answered,
                missing,
                flags,
                notes);
    };

    private static boolean yes(Map<String, Integer> answers, String id) {
        Integer v = answers.get(id);
        return v != null && v == 1;
    }

    private static List<String> ids(Instrument instrument) {
        return instrument.items().stream().map(Instrument.Item::id).toList();
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Answers checked against the instrument: unknown items or out-of-range values are refused. */
    private record Answers(Map<String, Integer> values, List<String> missing) {

        static Answers of(Instrument instrument, Map<String, Integer> answers) {
            for (var e : answers.entrySet()) {
                Instrument.Item item = instrument
                        .item(e.getKey())
                        .orElseThrow(() ->
                                new IllegalArgumentException(e.getKey() + ": not an item of " + instrument.code()));
                if (item.option(e.getValue()).isEmpty()) {
                    throw new IllegalArgumentException(e.getKey() + ": " + e.getValue() + " is not an answer option");
                }
            }
            List<String> missing = instrument.items().stream()
                    .map(Instrument.Item::id)
                    .filter(id -> !answers.containsKey(id))
                    .toList();
            return new Answers(answers, missing);
        }

        int answered() {
            return values.size();
        }

        double sum(List<String> ids) {
            return ids.stream().mapToInt(id -> values.getOrDefault(id, 0)).sum();
        }

        Score incomplete(Instrument instrument, String why) {
            return new Score(
                    null,
                    null,
                    Map.of(),
                    answered(),
                    missing,
                    List.of(),
                    List.of(why + " " + missing.size() + " unanswered."));
        }

        Score score(
                Instrument instrument,
                Double total,
                Map<String, Double> sub,
                List<SafetyFlag> flags,
                List<String> notes) {
            String band = total == null
                    ? null
                    : instrument.band(total).map(Instrument.Band::label).orElse(null);
            return new Score(total, band, sub, answered(), missing, flags, notes);
        }
    }
}
