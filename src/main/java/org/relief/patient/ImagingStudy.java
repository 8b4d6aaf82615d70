package org.relief.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.relief.patient.Codes.Modality;

/** An imaging study already done (usually before the referral) and its impression. */
public record ImagingStudy(
        @NotNull Modality modality,
        @NotBlank @Size(max = 100) String bodyRegion,
        @NotNull @PastOrPresent LocalDate studyDate,
        @NotBlank @Size(max = 4000) String impression) {}
