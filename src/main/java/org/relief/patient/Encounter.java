package org.relief.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A visit: when, what kind, with whom, and what happened. */
public record Encounter(
        @NotNull LocalDate encounterDate,
        @NotBlank @Size(max = 100) String encounterType,
        @NotBlank @Size(max = 200) String clinician,
        @NotBlank @Size(max = 4000) String summary) {}
