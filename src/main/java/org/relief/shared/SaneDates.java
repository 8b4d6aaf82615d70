package org.relief.shared;

import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The clinic's range of dates anyone may give (policy: RELIEF_EARLIEST_DATE .. RELIEF_LATEST_DATE, by default
 * 1900-01-01 .. 2100-12-31). A year -999999999 would be stored as -infinity and break every later export of the
 * chart; a year 1850 is a typing slip. Every date bound from a request (address, form, JSON, FHIR) is checked against
 * it before anything is changed.
 */
@Component
public class SaneDates {

    private final LocalDate earliest;
    private final LocalDate latest;

    public SaneDates(
            @Value("${relief.input.earliest-date:1900-01-01}") LocalDate earliest,
            @Value("${relief.input.latest-date:2100-12-31}") LocalDate latest) {
        this.earliest = earliest;
        this.latest = latest;
    }

    /** The default range, for code outside Spring (tests, the command line). */
    public static SaneDates defaults() {
        return new SaneDates(LocalDate.of(1900, 1, 1), LocalDate.of(2100, 12, 31));
    }

    public LocalDate earliest() {
        return earliest;
    }

    public LocalDate latest() {
        return latest;
    }

    /** Why this date is refused, or null when it is in range (null is no date, and fine here). */
    public String problem(LocalDate date) {
        if (date != null && (date.isBefore(earliest) || date.isAfter(latest))) {
            return message();
        }
        return null;
    }

    /** "must be a date between 1900-01-01 and 2100-12-31". */
    public String message() {
        return "must be a date between " + earliest + " and " + latest;
    }
}
