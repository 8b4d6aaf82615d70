package org.relief.outcomes;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One therapy given to the patient: its label (what a person reads, e.g. "Physical therapy"), the first day it was
 * given and, when it ended, the first day it was no longer given ({@code stop} may be null: still going).
 */
public record Exposure(String therapy, LocalDate start, LocalDate stop) {
    public Exposure {
        Objects.requireNonNull(therapy, "therapy");
        Objects.requireNonNull(start, "start");
        if (therapy.isBlank()) {
            throw new IllegalArgumentException("therapy needs a name");
        }
        if (stop != null && !stop.isAfter(start)) {
            throw new IllegalArgumentException(therapy + ": stop must be after start");
        }
    }

    /** Whether the therapy was being given on this date. */
    public boolean activeOn(LocalDate d) {
        return !d.isBefore(start) && (stop == null || d.isBefore(stop));
    }
}
