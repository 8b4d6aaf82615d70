package org.relief.letters;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The parts of a consult letter the physician writes (everything else comes from signed records).
 *
 * @param planInWords the team plan in plain words, prefilled from the signed plan
 * @param requests what the clinic asks of the referring physician (keep prescribing, stop, watch for)
 * @param comments anything else
 * @param nextReview when the clinic sees the patient again
 * @param basedOnVersion the letter version the physician edited (0: none yet); a stale one stores nothing (409)
 */
public record LetterText(
        @NotBlank(message = "write the plan in plain words") @Size(max = 4000)
        String planInWords,

        @Size(max = 4000) String requests,
        @Size(max = 4000) String comments,

        @NotNull(message = "give the date of the next review") @FutureOrPresent(message = "must not be in the past")
        LocalDate nextReview,

        @NotNull @Min(0) @Max(100000) Integer basedOnVersion) {}
