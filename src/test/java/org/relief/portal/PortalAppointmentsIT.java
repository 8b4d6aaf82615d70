package org.relief.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.relief.careteam.Actor;
import org.relief.scheduling.Appointment;
import org.relief.scheduling.Appointments;
import org.relief.scheduling.BookingForm;
import org.relief.support.ClinicFixture;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * My appointments in the portal: the patient sees their own coming appointments with what to do before each (the
 * appointment type's preparation), a cancelled one marked as such, past ones not at all, and the next one on the
 * start page; never another patient's (their id in the address is an audited 403 showing nothing of theirs).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalAppointmentsIT {

    /** The demo clinic's PT gym and fluoroscopy suite (V85). */
    static final UUID GYM = UUID.fromString("5c0e0000-0000-4000-8000-000000000003");

    @LocalServerPort
    int port;

    @Autowired
    ClinicFixture fixture;

    @Autowired
    PortalAccounts accounts;

    @Autowired
    Appointments appointments;

    @Autowired
    JdbcClient jdbc;

    UUID cara;
    UUID dev;
    Appointment carasPt;
    Appointment carasCancelled;
    Appointment devsPt;
    Http caraSession;

    /** A Monday of its own, far enough ahead not to meet the scheduling tests' weeks. */
    static LocalDate monday() {
        return LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(15);
    }

    @BeforeAll
    void twoPatientsWithAppointments() {
        Actor desk = fixture.actor("desk.miller");
        Actor therapist = fixture.actor("pt.garcia");
        Actor patel = fixture.actor("dr.patel");
        cara = fixture.patient().named("Portalvisit").onTeamOf("pt.garcia").create();
        dev = fixture.patient().named("Othervisit").onTeamOf("pt.garcia").create();
        PortalSupport.account(accounts, patel, cara, "visits.cara");
        PortalSupport.account(accounts, patel, dev, "visits.dev");
        carasPt = appointments.book(desk, cara, pt(therapist, monday().plusDays(1), "10:00"), null);
        carasCancelled = appointments.book(desk, cara, pt(therapist, monday().plusDays(2), "10:00"), null);
        appointments.cancel(desk, cara, carasCancelled.id(), 1, "The therapist is away that day");
        devsPt = appointments.book(desk, dev, pt(therapist, monday().plusDays(1), "11:00"), null);
        caraSession = PortalSupport.session(port, "visits.cara");
    }

    static BookingForm pt(Actor therapist, LocalDate day, String start) {
        return new BookingForm("PT_SESSION", therapist.staffId(), GYM, day, LocalTime.parse(start), null, null);
    }

    @Test
    void thePatientSeesHerAppointmentsWithWhatToDoBeforeEachAndACancelledOneMarked() {
        HttpResponse<String> r = caraSession.get("/portal/patients/" + cara + "/appointments");
        assertThat(r.statusCode()).isEqualTo(200);
        String body = r.body();
        assertThat(body)
                .contains("My appointments")
                .contains("appointment-" + carasPt.id())
                .contains("Physical therapy session")
                .contains("10:00–10:45")
                .contains("Before this visit:")
                .contains("Wear clothes you can move in.")
                .contains("appointment-" + carasCancelled.id())
                .contains("Cancelled")
                .contains("The therapist is away that day");
        // the booked one comes before the later cancelled one
        assertThat(body.indexOf("appointment-" + carasPt.id()))
                .isLessThan(body.indexOf("appointment-" + carasCancelled.id()));
        // never another patient's
        assertThat(body).doesNotContain(devsPt.id().toString()).doesNotContain("11:00–11:45");
        assertThat(actions(cara)).isNotEmpty().doesNotContain("DENIED");
    }

    @Test
    void theStartPageNamesTheNextAppointmentAndLinksToThePage() {
        String body = caraSession.get("/portal/patients/" + cara).body();
        assertThat(body)
                .contains("home-appointments")
                .contains("Next: <strong>Physical therapy session</strong>")
                .contains("/portal/patients/" + cara + "/appointments");
    }

    @Test
    void anotherPatientsAppointmentsAreRefusedAndShowNothingOfTheirs() {
        HttpResponse<String> r = caraSession.get("/portal/patients/" + dev + "/appointments");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).doesNotContain(devsPt.id().toString()).doesNotContain("Othervisit");
        assertThat(actions(dev)).contains("DENIED");
    }

    /** The audit actions of Cara's portal sign-in naming the patient (the log is written after the answer). */
    private List<String> actions(UUID patient) {
        List<String> rows = List.of();
        for (int i = 0; i < 20 && rows.isEmpty(); i++) {
            rows = jdbc.sql("select action from audit_event where patient_id = ? and actor = 'patient:visits.cara'")
                    .param(patient)
                    .query(String.class)
                    .list();
            if (rows.isEmpty()) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return rows;
    }
}
