package org.relief.medication;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A medication reconciliation as stored (a versioned record, {@code medication_reconciliation}): when, at which
 * occasion, and for every line of the referral's list and of the current structured list what was decided, why, and
 * what it became.
 *
 * @param occasion intake or a visit
 * @param onDate the day it was done
 * @param lines one per medication looked at
 * @param note anything said about the whole list (may be empty)
 */
public record Reconciliation(Occasion occasion, LocalDate onDate, List<Line> lines, String note) {

    /** When a reconciliation is done. */
    public enum Occasion {
        INTAKE("Intake"),
        VISIT("Visit");

        private final String label;

        Occasion(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Where a line comes from. */
    public enum Source {
        /** A free-text medication of the chart: typed from the referral, or imported (FHIR MedicationStatement/Request). */
        REFERRAL_LIST("Referral's list"),
        /** A structured medication taken now. */
        CURRENT("Current list");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What was decided for a line. */
    public enum Decision {
        CONFIRMED("Confirmed"),
        CHANGED("Changed"),
        STOPPED("Stopped"),
        /** A free-text line not structured yet: it stays as written, "to reconcile". */
        LEFT_TO_RECONCILE("Left to reconcile");

        private final String label;

        Decision(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One line as decided.
     *
     * @param source the referral's list or the current list
     * @param sourceEntryId the free-text chart entry or the structured medication
     * @param sourceVersion the version the prescriber saw
     * @param asListed the line as it read ("Oxycodone 5 mg, every 4 h, oral")
     * @param decision what was decided
     * @param reason why (required for a change, a stop and a line left to reconcile)
     * @param resultEntryId the structured medication it is now (null when stopped or left)
     * @param result what it became, in words
     */
    public record Line(
            Source source,
            UUID sourceEntryId,
            Integer sourceVersion,
            String asListed,
            Decision decision,
            String reason,
            UUID resultEntryId,
            String result) {}

    /**
     * A reconciliation as a prescriber sends it (the screen's form and the JSON API).
     *
     * @param occasion intake or visit
     * @param note about the whole list
     * @param lines one per line of both lists; every line shown must be decided
     */
    public record Form(
            Occasion occasion,
            @Size(max = 500) String note,
            @Valid List<LineForm> lines) {}

    /**
     * One line as sent.
     *
     * @param source where it comes from
     * @param entryId the free-text entry or structured medication
     * @param version the version the prescriber saw (a newer one meanwhile: 409, nothing stored)
     * @param decision confirmed, changed, stopped, left to reconcile (free text only)
     * @param reason why
     * @param medication the structured medication: required to confirm or change a free-text line, and to change a
     *     structured one
     */
    public record LineForm(
            Source source,
            UUID entryId,
            Integer version,
            Decision decision,
            @Size(max = 300) String reason,
            MedicationForm medication) {}
}
