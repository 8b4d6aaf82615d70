package org.relief.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.relief.patient.Codes.Severity;

/** An allergy or intolerance. */
public record Allergy(
        @NotBlank @Size(max = 200) String substance,
        @NotBlank @Size(max = 300) String reaction,
        @NotNull Severity severity) {}
