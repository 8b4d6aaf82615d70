package org.relief.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.relief.patient.Codes.ClinicalStatus;

/** A problem or past history item, coded in ICD-10-CM. */
public record Problem(
        @NotBlank @Pattern(regexp = "^[A-TV-Z][0-9][0-9AB](\\.[0-9A-TV-Z]{1,4})?$",
                message = "must be an ICD-10-CM code such as M54.50") String icd10Code,
        @NotBlank @Size(max = 300) String description,
        @PastOrPresent LocalDate onsetDate,
        @NotNull ClinicalStatus clinicalStatus) {
}
