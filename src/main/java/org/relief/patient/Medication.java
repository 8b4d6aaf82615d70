package org.relief.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.relief.patient.Codes.DrugClass;
import org.relief.patient.Codes.MedicationStatus;

/** A medication the patient takes (or took), with its RxNorm code where known. */
public record Medication(
        @NotBlank @Size(max = 200) String name,

        @Pattern(regexp = "^[0-9]{1,10}$", message = "must be an RxNorm concept id (digits)")
        String rxnormCode,

        @NotNull DrugClass drugClass,
        @NotBlank @Size(max = 100) String dose,
        @NotBlank @Size(max = 100) String frequency,
        @NotBlank @Size(max = 50) String route,
        LocalDate startDate,
        @NotNull MedicationStatus status) {}
