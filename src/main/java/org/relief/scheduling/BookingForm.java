package org.relief.scheduling;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * One appointment to book: the type, the clinician, the room, the day and the start (the end follows from the type's
 * duration unless given).
 */
public record BookingForm(
        @NotBlank(message = "choose the appointment type") @Size(max = 50, message = "is not one of the choices")
        String type,

        @NotNull(message = "choose the clinician") UUID staffId,
        @NotNull(message = "choose the room") UUID roomId,
        @NotNull(message = "is required") LocalDate date,
        @NotNull(message = "is required") LocalTime start,
        LocalTime end,

        @Size(max = 2000, message = "is too long: at most 2,000 characters")
        String note) {}
