package org.relief.scheduling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.scheduling.Appointment;
import org.relief.scheduling.Appointments;
import org.relief.scheduling.BookingConflictException;
import org.relief.scheduling.BookingForm;
import org.relief.shared.JsonApi;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A patient's appointments as JSON: list (from a day), book, move, cancel. Bad input is a 400 naming the field, a
 * booking the calendar cannot take a 409 with the reasons ({@code conflicts}), a role that may not book a 403.
 */
@RestController
@JsonApi
@RequestMapping("/api/patients/{id}/appointments")
@Tag(name = "Appointments")
class AppointmentApiController {

    private final Appointments appointments;

    AppointmentApiController(Appointments appointments) {
        this.appointments = appointments;
    }

    @GetMapping
    @Operation(
            summary = "The patient's appointments on or after a day (all when from is empty), cancelled ones with "
                    + "their status")
    List<Appointment> list(@PathVariable UUID id, @RequestParam(required = false) LocalDate from, Actor actor) {
        return appointments.ofPatient(actor, id, from);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Book an appointment (type code, clinician, room, date, start; end optional)")
    Appointment book(@PathVariable UUID id, @RequestBody BookingForm form, Actor actor) {
        return appointments.book(actor, id, form, null);
    }

    /** A move: the version moved, where to, and why. */
    record MoveRequest(Integer version, LocalDate date, LocalTime start, UUID staffId, UUID roomId, String reason) {}

    @PostMapping("/{appointmentId}/move")
    @Operation(summary = "Move an appointment (its next version, with the reason)")
    Appointment move(
            @PathVariable UUID id, @PathVariable UUID appointmentId, @RequestBody MoveRequest body, Actor actor) {
        return appointments.move(
                actor,
                id,
                appointmentId,
                body.version() == null ? -1 : body.version(),
                body.date(),
                body.start(),
                body.staffId(),
                body.roomId(),
                body.reason());
    }

    /** A cancellation: the version cancelled and why. */
    record CancelRequest(Integer version, String reason) {}

    @PostMapping("/{appointmentId}/cancel")
    @Operation(summary = "Cancel an appointment (its next version, with the reason)")
    Appointment cancel(
            @PathVariable UUID id, @PathVariable UUID appointmentId, @RequestBody CancelRequest body, Actor actor) {
        return appointments.cancel(
                actor, id, appointmentId, body.version() == null ? -1 : body.version(), body.reason());
    }

    @ExceptionHandler(BookingConflictException.class)
    ProblemDetail conflict(BookingConflictException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, String.join("; ", e.reasons()));
        p.setTitle("Not booked: the calendar cannot take it");
        p.setProperty("conflicts", e.reasons());
        return p;
    }
}
