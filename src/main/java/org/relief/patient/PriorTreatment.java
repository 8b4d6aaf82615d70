package org.relief.patient;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.relief.patient.Codes.TreatmentResult;

/** A treatment tried before (or outside) the clinic, and how it went. */
public record PriorTreatment(
        @NotBlank @Size(max = 200) String therapy,
        @NotNull @PastOrPresent LocalDate startDate,
        LocalDate endDate,
        @Size(max = 200) String doseOrFrequency,
        @NotNull TreatmentResult result,
        @Size(max = 500) String sideEffects,
        @Size(max = 500) String whyStopped) {

    /** Reported on the field {@code endDate}. */
    @AssertTrue(message = "must not be before the start date")
    public boolean isEndDate() {
        return endDate == null || startDate == null || !endDate.isBefore(startDate);
    }
}
