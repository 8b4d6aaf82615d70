package org.relief.scheduling;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A recurring series: the same type, clinician, room and time on the chosen weekdays from the first to the last day
 * (e.g. physical therapy on Mondays and Thursdays for six weeks). At most {@link Appointments#MAX_SERIES}
 * appointments; booked all together or not at all.
 */
public record SeriesForm(
        @NotBlank(message = "choose the appointment type") @Size(max = 50, message = "is not one of the choices")
        String type,

        @NotNull(message = "choose the clinician") UUID staffId,
        @NotNull(message = "choose the room") UUID roomId,
        @NotNull(message = "is required") LocalDate firstDate,
        @NotNull(message = "is required") LocalDate lastDate,
        @NotNull(message = "is required") LocalTime start,

        @NotEmpty(message = "choose at least one weekday") @Size(max = 7, message = "choose at most seven weekdays")
        List<DayOfWeek> weekdays,

        @Size(max = 2000, message = "is too long: at most 2,000 characters")
        String note) {}
