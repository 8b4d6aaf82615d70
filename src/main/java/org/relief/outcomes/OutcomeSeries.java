package org.relief.outcomes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Dated readings of one measure for one patient, in date order (one reading per date: a later duplicate date is
 * refused, so the caller decides how a day with two readings is summarised).
 */
public record OutcomeSeries(Measure measure, List<Reading> readings) {

    /** One reading: its date and its score on the measure's scale. */
    public record Reading(LocalDate date, double value) {
        public Reading {
            Objects.requireNonNull(date, "date");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("reading value must be a number");
            }
        }
    }

    public OutcomeSeries {
        Objects.requireNonNull(measure, "measure");
        List<Reading> sorted = new ArrayList<>(readings);
        sorted.sort(Comparator.comparing(Reading::date));
        for (int i = 0; i < sorted.size(); i++) {
            Reading r = sorted.get(i);
            if (r.value() < measure.min() || r.value() > measure.max()) {
                throw new IllegalArgumentException("reading on " + r.date() + " is outside " + measure.label());
            }
            if (i > 0 && sorted.get(i - 1).date().equals(r.date())) {
                throw new IllegalArgumentException("two readings on " + r.date());
            }
        }
        readings = List.copyOf(sorted);
    }

    public int size() {
        return readings.size();
    }

    /** Readings dated on or after {@code from} and before {@code to} (either may be null for open). */
    public int countBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (Reading r : readings) {
            if ((from == null || !r.date().isBefore(from))
                    && (to == null || r.date().isBefore(to))) {
                n++;
            }
        }
        return n;
    }
}
