package org.relief.assessment;

import java.util.List;
import java.util.Optional;

/**
 * An instrument as data: its items and answer options, how it is scored, its bands and meaningful-change figure,
 * codes, and whether its wording may be shipped. Scoring itself is in {@link Scorer}.
 *
 * @param code short code used in URLs and storage, e.g. {@code PHQ9}
 * @param name the instrument's name
 * @param purpose one line on what it measures
 * @param items the items in order
 * @param scoreLabel what the main score is called (e.g. "Total", "Disability index %")
 * @param scoreMin lowest possible main score
 * @param scoreMax highest possible main score
 * @param bands score bands, in ascending order (may be empty where the source gives none)
 * @param meaningfulChange the smallest change that counts as meaningful (null where the source gives none)
 * @param loincTotal LOINC code of the main score where known, with its verification note
 * @param wordingShipped whether the item wording ships with Relief (false: licensed; the clinic may load it)
 * @param licence the licence note shown beside the instrument
 * @param source the published scoring source
 * @param scorer the scoring rule
 */
public record Instrument(
        String code,
        String name,
        String purpose,
        List<Item> items,
        String scoreLabel,
        double scoreMin,
        double scoreMax,
        List<Band> bands,
        MeaningfulChange meaningfulChange,
        Code loincTotal,
        boolean wordingShipped,
        String licence,
        String source,
        Scorer scorer) {

    /** One question. {@code text} is null when the wording is licensed and not loaded. */
    public record Item(String id, int number, String label, String text, List<Option> options) {

        public Optional<Option> option(int value) {
            return options.stream().filter(o -> o.value() == value).findFirst();
        }
    }

    /** One answer option and the value it scores. */
    public record Option(int value, String label) {}

    /**
     * A score band as published ({@code from}-{@code to}); a score belongs to the first band whose {@code to} it does
     * not exceed, so fractional scores (an ODI of 20.5) fall in the next band up.
     */
    public record Band(double from, double to, String label) {}

    /** A code with a note on how far it was verified. */
    public record Code(String system, String code, String note) {}

    /**
     * The smallest meaningful change: {@code points} on the score, or {@code percent} of the earlier score when
     * given (either suffices), with its source. Lower scores are better for every instrument here.
     */
    public record MeaningfulChange(double points, Double percent, String source) {

        /** Whether going from {@code before} to {@code after} reaches the figure, in either direction. */
        public boolean isMeaningful(double before, double after) {
            double change = Math.abs(after - before);
            if (change + 1e-9 >= points) {
                return true;
            }
            return percent != null && before > 0 && change / before * 100 + 1e-9 >= percent;
        }
    }

    public Optional<Item> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** The band a score falls in, if the instrument has bands. */
    public Optional<Band> band(double score) {
        return bands.stream().filter(b -> score <= b.to() + 1e-9).findFirst();
    }
}
