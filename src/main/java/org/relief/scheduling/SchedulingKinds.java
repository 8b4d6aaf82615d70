package org.relief.scheduling;

import java.time.LocalDate;
import java.util.UUID;
import org.relief.record.RecordKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The scheduling module's record kind: appointments, versioned (a move, a cancellation, a no-show: the next one). */
@Configuration(proxyBeanMethods = false)
class SchedulingKinds {

    /** What one version of an appointment stores; times are the clinic's wall clock, minutes after midnight. */
    record Booking(
            String typeCode,
            UUID staffId,
            UUID roomId,
            LocalDate day,
            Integer startMinute,
            Integer endMinute,
            AppointmentStatus status,
            UUID seriesId,
            UUID orderId,
            String note) {

        Booking with(AppointmentStatus next) {
            return new Booking(typeCode, staffId, roomId, day, startMinute, endMinute, next, seriesId, orderId, note);
        }
    }

    @Bean
    RecordKind<Booking> appointmentRecords() {
        return RecordKind.of("appointment", Booking.class, "day, start_minute");
    }
}
