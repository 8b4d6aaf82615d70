package org.relief.procedure.rules;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** Everything the rules read, gathered from the chart, evaluation, instruments and earlier procedures. */
public final class Facts {

    private Facts() {}

    public enum Region {
        CERVICAL,
        THORACIC,
        LUMBAR,
        SACRAL,
        OTHER
    }

    public enum Side {
        LEFT,
        RIGHT,
        BILATERAL,
        NONE
    }

    /** Why an ESI is given (the conservative-care length depends on it). */
    public enum Indication {
        RADICULOPATHY,
        STENOSIS,
        HERPES_ZOSTER,
        OTHER
    }

    /**
     * A procedure on order, with the details the rules need. The constraints are checked where an order comes in
     * ({@code @Valid} on the JSON API) and again by the order service for every caller.
     */
    public record Order(
            @NotNull(message = "choose the procedure") ProcedureType type,
            @NotNull(message = "choose the region") Region region,
            @NotNull(message = "choose the side") Side side,

            @Min(value = 1, message = "must be between 1 and 10") @Max(value = 10, message = "must be between 1 and 10")
            int levels,

            @NotNull(message = "is required") LocalDate plannedDate,

            @NotNull(message = "is required: the reason the procedure is given")
            Indication indication,

            @DecimalMin(value = "0", message = "must be between 0 and 1000 mg")
            @DecimalMax(value = "1000", message = "must be between 0 and 1000 mg")
            Double steroidMg,

            boolean particulateSteroid,
            boolean imageGuidance,

            @Size(max = 2000, message = "is too long: at most 2,000 characters")
            String intraArticularReason,

            boolean bleedingRiskFactors,
            VertebralFindings vertebral) {}

    /** Findings for vertebral augmentation, as the physician documents them on the order. */
    public record VertebralFindings(
            boolean fractureConfirmedOnImaging,
            boolean painFromFracture,
            boolean infectionAtSite,
            boolean pregnant,
            boolean worseningPain,
            boolean heightLossOver25,
            boolean kyphoticDeformity,
            boolean relativeContraindication,
            boolean boneHealthReferral) {}

    /** Where a fact about an earlier procedure came from, as the rules' reasons name it. */
    public enum Origin {
        HERE("documented here"),
        OUTSIDE("outside: referral prior treatment");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How an outside procedure went in the sender's (coarse) words, when no relief percentage came with it. */
    public enum Reported {
        NO_IMPROVEMENT,
        PARTIAL,
        GOOD,
        NOT_REPORTED
    }

    /**
     * A procedure done before, here or outside, with its follow-up relief where recorded. Outside procedures may
     * lack region, side, levels, steroid dose or relief: those are null, and the rules say which is missing and
     * which entry to complete.
     *
     * @param origin where the fact came from
     * @param entry the chart entry that holds it, in words ("prior treatment 'Lumbar ESI' of 2026-01-09")
     * @param reported for an outside procedure, its result in words; null for one documented here
     */
    public record PastProcedure(
            ProcedureType type,
            LocalDate date,
            Region region,
            Side side,
            Integer levels,
            Double steroidMg,
            Integer reliefPercent,
            Integer reliefWeeks,
            Origin origin,
            String entry,
            Reported reported) {

        /** A procedure documented here. */
        public PastProcedure(
                ProcedureType type,
                LocalDate date,
                Region region,
                Side side,
                int levels,
                Double steroidMg,
                Integer reliefPercent,
                Integer reliefWeeks) {
            this(
                    type,
                    date,
                    region,
                    side,
                    levels,
                    steroidMg,
                    reliefPercent,
                    reliefWeeks,
                    Origin.HERE,
                    "procedure of " + date,
                    null);
        }

        public boolean outside() {
            return origin == Origin.OUTSIDE;
        }

        /** "2026-01-09, outside: referral prior treatment". */
        public String when() {
            return date + ", " + origin.label();
        }

        /** What to do so a rule can read {@code facts}: complete the outside entry, or record the follow-up. */
        public String complete(String facts) {
            return outside()
                    ? "complete the " + entry + " (" + facts + ")"
                    : "record the follow-up of the " + entry + ", or correct its documentation (" + facts + ")";
        }

        /** Whether the relief is known to be below {@code percent}: a recorded figure, or "no improvement". */
        public boolean reliefKnownBelow(int percent) {
            return reliefPercent != null ? reliefPercent < percent : reported == Reported.NO_IMPROVEMENT;
        }

        /** The relief in words: "60%" or "reported as no improvement, no percentage". */
        public String reliefText() {
            if (reliefPercent != null) {
                return reliefPercent + "%";
            }
            return reported == null || reported == Reported.NOT_REPORTED
                    ? "relief not recorded"
                    : "reported as " + reported.name().toLowerCase().replace('_', ' ') + ", no percentage";
        }
    }

    /** An allergy on the chart's allergy list, as recorded (substance and reaction in words). */
    public record Allergy(String substance, String reaction, String severity) {}

    /** A diagnostic block from the evaluation (target in words). */
    public record Block(String target, LocalDate on, int reliefPercent) {}

    /**
     * A blood thinner on the medication list: its name, whether still taken, since when it is held (no dose from that
     * day), and, from the structured list, the last dose taken and the day that was recorded (null when not asked).
     */
    public record Thinner(
            String name,
            boolean active,
            LocalDate heldSince,
            java.time.LocalDateTime lastDoseTaken,
            LocalDate lastDoseRecordedOn) {

        /** A thinner with no last dose recorded (the free-text list). */
        public Thinner(String name, boolean active, LocalDate heldSince) {
            this(name, active, heldSince, null, null);
        }
    }

    /**
     * The patient's history as the rules read it.
     *
     * @param conservativeCareWeeks the longest conservative care documented as failed, in weeks (the same fact the
     *        candidacy screen reads)
     * @param conservativeCare those treatments in words, empty when none
     * @param procedures earlier procedures, documented here and outside, each labelled with its origin
     * @param allergies the chart's allergy list
     */
    public record History(
            LocalDate today,
            LocalDate painOnset,
            int conservativeCareWeeks,
            String conservativeCare,
            boolean imagingOnFile,
            List<PastProcedure> procedures,
            Integer positiveSacroiliacTests,
            List<Block> blocks,
            Boolean psychCleared,
            Integer triggerPointsFound,
            Integer latestNrs,
            Integer latestRmdq,
            List<Thinner> thinners,
            List<Allergy> allergies,
            boolean safetyHold) {}
}
