package org.relief.medication;

import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * One periodic review as stored ({@code medication_review}, versioned): the medication reviewed (or, for a start, the
 * medication that should be prescribed, by name), the benefit judgement as the prescriber saw it, side effects, the
 * decision and its reason, a taper plan for a taper, and the next review.
 *
 * @param medicationEntryId the structured medication reviewed, or null for a start
 * @param medicationName as shown
 * @param onDate the day of the review
 * @param verdict the benefit judgement's verdict when the review was done (null for a start)
 * @param benefit the judgement in words
 * @param benefitSource the minimal important difference used and its source
 * @param sideEffects side effects reported (may be empty: none reported)
 * @param decision continue, change dose, taper, stop, start
 * @param reason why
 * @param taper the taper plan (a taper only)
 * @param nextReview when to review next (a taper: its first review date)
 */
public record MedicationReview(
        UUID medicationEntryId,
        String medicationName,
        LocalDate onDate,
        BenefitReview.Verdict verdict,
        String benefit,
        String benefitSource,
        String sideEffects,
        Decision decision,
        String reason,
        TaperPlan taper,
        LocalDate nextReview) {

    /** The decisions of a review. */
    public enum Decision {
        CONTINUE("Continue"),
        CHANGE_DOSE("Change the dose"),
        TAPER("Taper"),
        STOP("Stop"),
        START("Start (a medication that should be prescribed)");

        private final String label;

        Decision(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A review as a prescriber sends it.
     *
     * @param medication the structured medication reviewed (null for a start)
     * @param version the version read (a stop is the next version of it)
     * @param startName for a start: the medication that should be prescribed
     * @param decision what is decided
     * @param reason why (required)
     * @param sideEffects reported side effects
     * @param startDose a taper: the daily dose now (mg/day)
     * @param targetDose a taper: where it ends (mg/day; 0 = stop)
     * @param firstDay a taper: the day of the first reduction
     * @param nextReview when to review next (not for a taper: its plan sets it)
     */
    public record Form(
            UUID medication,
            Integer version,
            @Size(max = 200) String startName,
            Decision decision,
            @Size(max = 500) String reason,
            @Size(max = 500) String sideEffects,
            BigDecimal startDose,
            BigDecimal targetDose,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate firstDay,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate nextReview) {}
}
