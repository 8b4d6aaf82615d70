package org.relief.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.careteam.Actor;
import org.relief.careteam.StaffDirectory;
import org.relief.scheduling.Appointment;
import org.relief.scheduling.Appointments;
import org.relief.support.ClinicFixture;
import org.relief.support.Fixtures;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo's appointments go through the real booking service: a week of PT, CBT and a follow-up per demo patient,
 * the three patients side by side without a conflict, each readable as the patient's appointments with what to do
 * before. Booked here for test patients in a week of their own (the shared test context turns the demo's off).
 */
@IntegrationTest
class DemoAppointmentsIT {

    @Autowired
    DemoAppointments demo;

    @Autowired
    Appointments appointments;

    @Autowired
    ClinicFixture fixture;

    @Autowired
    StaffDirectory staff;

    @Test
    void theTestContextSeedsNoneAndThreePatientsGetAWeekEachWithoutAConflict() {
        UUID someone = fixture.patient().named("Demovisit").create();
        assertThat(demo.bookNextWeek(someone, 0)).isEmpty();

        LocalDate monday =
                LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(30);
        Actor desk = Fixtures.actor(staff, "desk.miller");
        for (int slot = 0; slot < 3; slot++) {
            UUID patient = fixture.patient()
                    .named("Demovisit")
                    .onTeamOf("dr.patel", "pt.garcia", "mh.brooks")
                    .create();
            List<Appointment> week = demo.book(patient, slot, monday);
            assertThat(week)
                    .extracting(a -> a.type().code())
                    .containsExactly("PT_SESSION", "CBT_SESSION", "PT_SESSION", "FOLLOW_UP");
            assertThat(week).allMatch(Appointment::booked);
            assertThat(week).allMatch(a -> a.recordedBy().equals("desk.miller"));
            assertThat(appointments.ofPatient(desk, patient, monday))
                    .extracting(Appointment::id)
                    .containsExactlyInAnyOrderElementsOf(
                            week.stream().map(Appointment::id).toList());
            assertThat(week.get(0).type().preparation()).isNotBlank();
        }
    }
}
