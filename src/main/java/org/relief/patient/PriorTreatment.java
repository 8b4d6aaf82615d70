package org.relief.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.relief.patient.Codes.TreatmentResult;
import org.relief.shared.CrossFieldChecked;

/** A treatment tried before (or outside) the clinic, and how it went. */
@CrossFieldChecked.Valid
public record PriorTreatment(
        @NotBlank @Size(max = 200) String therapy,
        @NotNull @PastOrPresent LocalDate startDate,
        LocalDate endDate,
        @Size(max = 200) String doseOrFrequency,
        @NotNull TreatmentResult result,
        @Size(max = 500) String sideEffects,
        @Size(max = 500) String whyStopped) implements CrossFieldChecked {

    @Override
    public Map<String, String> crossFieldProblems() {
        return endDate != null && startDate != null && endDate.isBefore(startDate)
                ? Map.of("endDate", "must not be before the start date") : Map.of();
    }
}
