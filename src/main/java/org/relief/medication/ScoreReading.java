package org.relief.medication;

import java.time.LocalDate;

/**
 * One score of the patient's own series (lower is better for both kinds used here).
 *
 * @param kind NRS pain (0-10) or PEG (mean of 3 items, 0-10)
 * @param on the day it was taken
 * @param score the score
 */
public record ScoreReading(Kind kind, LocalDate on, double score) {

    /** The instruments the benefit judgement reads. */
    public enum Kind {
        NRS("NRS pain"),
        PEG("PEG");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
