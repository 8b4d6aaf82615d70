package org.relief.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.careteam.StaffDirectory;
import org.relief.scheduling.Appointment;
import org.relief.scheduling.Appointments;
import org.relief.scheduling.BookingForm;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The demo's appointments, booked by the front desk through the real {@link Appointments} service (every calendar
 * check applies): each outcomes demo patient gets the coming week's visits of their signed PT/CBT plan and a
 * follow-up, so the calendars and the portal's My appointments are not empty on first start. Turned off by
 * {@code relief.demo.appointments=false} (the shared test context does, so tests never meet them).
 */
@Component
class DemoAppointments {

    /** The demo clinic's rooms (V85). */
    static final UUID CONSULT_1 = UUID.fromString("5c0e0000-0000-4000-8000-000000000001");

    static final UUID CONSULT_2 = UUID.fromString("5c0e0000-0000-4000-8000-000000000002");
    static final UUID GYM = UUID.fromString("5c0e0000-0000-4000-8000-000000000003");

    private final Appointments appointments;
    private final StaffDirectory staff;
    private final boolean enabled;

    DemoAppointments(
            Appointments appointments,
            StaffDirectory staff,
            @Value("${relief.demo.appointments:true}") boolean enabled) {
        this.appointments = appointments;
        this.staff = staff;
        this.enabled = enabled;
    }

    /** Books the next week's visits for the {@code slot}th demo patient (0, 1, 2: each an hour apart), if enabled. */
    List<Appointment> bookNextWeek(UUID patientId, int slot) {
        if (!enabled) {
            return List.of();
        }
        return book(patientId, slot, LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY)));
    }

    /**
     * The week from {@code monday}: physical therapy on Tuesday and Thursday, pain psychology on Wednesday, a
     * follow-up with the physician on Friday; patient {@code slot} an hour (the follow-up half an hour) later than
     * the one before.
     */
    List<Appointment> book(UUID patientId, int slot, LocalDate monday) {
        Actor desk = actor("desk.miller");
        UUID pt = actor("pt.garcia").staffId();
        UUID brooks = actor("mh.brooks").staffId();
        UUID patel = actor("dr.patel").staffId();
        List<BookingForm> visits = List.of(
                visit("PT_SESSION", pt, GYM, monday.plusDays(1), LocalTime.of(9 + slot, 0)),
                visit("CBT_SESSION", brooks, CONSULT_2, monday.plusDays(2), LocalTime.of(13 + slot, 0)),
                visit("PT_SESSION", pt, GYM, monday.plusDays(3), LocalTime.of(9 + slot, 0)),
                visit(
                        "FOLLOW_UP",
                        patel,
                        CONSULT_1,
                        monday.plusDays(4),
                        LocalTime.of(10, 0).plusMinutes(30L * slot)));
        List<Appointment> booked = new ArrayList<>();
        for (BookingForm visit : visits) {
            booked.add(appointments.book(desk, patientId, visit, null));
        }
        return booked;
    }

    private static BookingForm visit(String type, UUID staffId, UUID roomId, LocalDate day, LocalTime start) {
        return new BookingForm(type, staffId, roomId, day, start, null, null);
    }

    private Actor actor(String username) {
        var s = staff.findByUsername(username).orElseThrow();
        return new Actor(s.id(), s.username(), s.role(), "demo");
    }
}
