package org.relief.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * One version of an appointment as shown: its type, clinician, room, day and times, where it stands, and who wrote
 * this version and why (a move or a cancellation says why).
 *
 * @param patientName the patient as the calendars show them ("Family, Given"); null where not read
 */
public record Appointment(
        UUID id,
        int version,
        UUID patientId,
        String patientName,
        AppointmentType type,
        UUID staffId,
        String staffName,
        Room room,
        LocalDate day,
        LocalTime start,
        LocalTime end,
        AppointmentStatus status,
        UUID seriesId,
        UUID orderId,
        String note,
        String changeReason,
        String recordedBy,
        Instant recordedAt) {

    public boolean booked() {
        return status == AppointmentStatus.BOOKED;
    }

    /** "09:00–09:45". */
    public String time() {
        return start + "–" + end;
    }

    public Appointment named(String name) {
        return new Appointment(
                id,
                version,
                patientId,
                name,
                type,
                staffId,
                staffName,
                room,
                day,
                start,
                end,
                status,
                seriesId,
                orderId,
                note,
                changeReason,
                recordedBy,
                recordedAt);
    }
}
