package org.relief.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.fhir.FhirExport;
import org.relief.fhir.FhirValidation;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.relief.shared.VersionConflictException;
import org.relief.support.ClinicFixture;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Booking on the real PostgreSQL: conflicts refused with their reasons in words (clinician, room, patient, hours,
 * absence), bad input a 400 naming the field with nothing stored, the last slot booked by two people at once (one
 * gets it, the others a conflict: the exclusion constraint), moves and cancellations as new versions, audited, and
 * the appointments in the patient's FHIR {@code $everything}, valid R4 and searchable by date.
 */
@IntegrationTest
class AppointmentsIT {

    static final UUID GYM = UUID.fromString("5c0e0000-0000-4000-8000-000000000003");
    static final UUID CONSULT_2 = UUID.fromString("5c0e0000-0000-4000-8000-000000000002");
    static final UUID FLUORO_1 = UUID.fromString("5c0e0000-0000-4000-8000-000000000006");

    @LocalServerPort
    int port;

    @Autowired
    ClinicFixture fixture;

    @Autowired
    Appointments appointments;

    @Autowired
    Resources resources;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FhirExport fhir;

    @Autowired
    FhirValidation validation;

    @Autowired
    org.relief.screening.SafetyProtocol safety;

    Actor desk;
    Actor therapist;
    UUID patient;

    @BeforeEach
    void setUp() {
        desk = fixture.actor("desk.miller");
        therapist = fixture.actor("pt.garcia");
        patient =
                fixture.patient().named("Scheduleperson").onTeamOf("pt.garcia").create();
    }

    /** The Monday {@code n} weeks after next Monday (each test books in weeks of its own). */
    static LocalDate monday(int n) {
        return LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(n);
    }

    BookingForm pt(LocalDate day, String start) {
        return new BookingForm("PT_SESSION", therapist.staffId(), GYM, day, LocalTime.parse(start), null, null);
    }

    long booked(UUID patientId) {
        return jdbc.sql("select count(*) from appointment where patient_id = ?")
                .param(patientId)
                .query(Long.class)
                .single();
    }

    @Test
    void aBookingTakesTheTypesDurationAndADoubleBookingIsRefusedWithTheReasonInWords() {
        Appointment a = appointments.book(desk, patient, pt(monday(1), "09:00"), null);
        assertThat(a.time()).isEqualTo("09:00–09:45");
        assertThat(a.version()).isEqualTo(1);
        assertThat(a.type().preparation()).contains("Wear clothes you can move in");

        UUID other =
                fixture.patient().named("Scheduleperson").onTeamOf("pt.garcia").create();
        assertThatThrownBy(() -> appointments.book(desk, other, pt(monday(1), "09:30"), null))
                .isInstanceOfSatisfying(
                        BookingConflictException.class,
                        e -> assertThat(e.reasons())
                                .anyMatch(r -> r.startsWith(
                                        "Maria Garcia, DPT is already booked on " + monday(1) + " 09:00–09:45"))
                                .anyMatch(r -> r.startsWith("Physical therapy gym is already booked")));
        assertThat(booked(other)).isZero();
        // the same patient at the same time elsewhere with someone else: the patient is taken
        BookingForm cbt = new BookingForm(
                "CBT_SESSION",
                fixture.actor("mh.brooks").staffId(),
                CONSULT_2,
                monday(1),
                LocalTime.of(9, 15),
                null,
                null);
        assertThatThrownBy(() -> appointments.book(desk, patient, cbt, null))
                .isInstanceOfSatisfying(
                        BookingConflictException.class,
                        e -> assertThat(e.reasons())
                                .containsExactly("The patient is already booked on " + monday(1) + " 09:00–09:45"));
        // back to back is fine
        assertThat(appointments.book(desk, other, pt(monday(1), "09:45"), null).time())
                .isEqualTo("09:45–10:30");

        // the calendars show both, each patient shown audited
        Http page = Http.session(port, "desk.miller", IntegrationTest.DEMO_PASSWORD);
        long reads = audit.count(other, AuditAction.READ);
        for (String path : List.of(
                "/schedule?date=" + monday(1),
                "/schedule/staff/" + therapist.staffId() + "?week=" + monday(1).plusDays(2),
                "/schedule/rooms/" + GYM + "?week=" + monday(1))) {
            HttpResponse<String> r = page.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body())
                    .as(path)
                    .contains("09:00–09:45")
                    .contains("09:45–10:30")
                    .contains("Scheduleperson, Dana");
        }
        assertThat(audit.count(other, AuditAction.READ)).isEqualTo(reads + 3);
        assertThat(page.get("/schedule/resources").body())
                .contains("Fluoroscopy suite 1")
                .contains("45 minutes in the recovery bay after")
                .contains("a driver home after sedation");
    }

    @Test
    void outsideTheClinicianHoursOrDuringAnAbsenceIsRefusedSayingWhy() {
        assertThatThrownBy(() -> appointments.book(desk, patient, pt(monday(2), "16:30"), null))
                .isInstanceOfSatisfying(
                        BookingConflictException.class,
                        e -> assertThat(e.reasons())
                                .containsExactly("Maria Garcia, DPT works 08:00–17:00 on Mondays: 16:30–17:15 on "
                                        + monday(2) + " is outside those hours"));
        assertThatThrownBy(() -> appointments.book(desk, patient, pt(monday(2).plusDays(5), "09:00"), null))
                .isInstanceOfSatisfying(
                        BookingConflictException.class,
                        e -> assertThat(e.reasons()).singleElement().asString().contains("does not work on Saturdays"));
        resources.addAbsence(
                fixture.actor("admin"),
                therapist.staffId(),
                monday(2).plusDays(1),
                monday(2).plusDays(2),
                "course");
        assertThatThrownBy(() -> appointments.book(desk, patient, pt(monday(2).plusDays(2), "09:00"), null))
                .isInstanceOfSatisfying(
                        BookingConflictException.class,
                        e -> assertThat(e.reasons()).singleElement().asString().contains("absent (course"));
        assertThat(booked(patient)).isZero();
    }

    @Test
    void badInputIsNamedByFieldAndChangesNothing() {
        // a date in 1900
        assertThat(problems(() -> appointments.book(desk, patient, pt(LocalDate.of(1900, 6, 1), "09:00"), null)))
                .extracting(FieldProblem::field)
                .containsExactly("date");
        // the end before the start
        BookingForm backwards = new BookingForm(
                "PT_SESSION", therapist.staffId(), GYM, monday(3), LocalTime.of(10, 0), LocalTime.of(9, 0), null);
        assertThat(problems(() -> appointments.book(desk, patient, backwards, null)))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("end");
                    assertThat(p.message()).isEqualTo("must be after the start (10:00)");
                });
        // a room without the equipment: an ESI in a consult room
        BookingForm esiInConsult = new BookingForm(
                "ESI", fixture.actor("dr.patel").staffId(), CONSULT_2, monday(3), LocalTime.of(9, 0), null, null);
        assertThat(problems(() -> appointments.book(desk, patient, esiInConsult, null)))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("roomId");
                    assertThat(p.message())
                            .contains("Consult room 2 does not suit Epidural steroid injection")
                            .contains("it has no fluoroscopy (c-arm)");
                });
        // a series of 1,000 appointments (every day for almost three years)
        SeriesForm thousand = new SeriesForm(
                "PT_SESSION",
                therapist.staffId(),
                GYM,
                monday(3),
                monday(3).plusDays(999),
                LocalTime.of(9, 0),
                List.of(DayOfWeek.values()),
                null);
        assertThat(problems(() -> appointments.series(desk, patient, thousand, null)))
                .extracting(FieldProblem::field)
                .containsExactly("lastDate");
        // a series ending before it starts
        SeriesForm backwardsSeries = new SeriesForm(
                "PT_SESSION",
                therapist.staffId(),
                GYM,
                monday(3),
                monday(3).minusDays(1),
                LocalTime.of(9, 0),
                List.of(DayOfWeek.MONDAY),
                null);
        assertThat(problems(() -> appointments.series(desk, patient, backwardsSeries, null)))
                .extracting(FieldProblem::field)
                .containsExactly("lastDate");
        // the wrong discipline
        BookingForm ptByDoctor = new BookingForm(
                "PT_SESSION", fixture.actor("dr.patel").staffId(), GYM, monday(3), LocalTime.of(9, 0), null, null);
        assertThat(problems(() -> appointments.book(desk, patient, ptByDoctor, null)))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("is given by a physical therapist"));
        assertThat(booked(patient)).isZero();
    }

    @Test
    void aSeriesTwiceAWeekForSixWeeksIsBookedWholeOrNotAtAll() {
        SeriesForm series = new SeriesForm(
                "PT_SESSION",
                therapist.staffId(),
                GYM,
                monday(4),
                monday(4).plusWeeks(6).minusDays(1),
                LocalTime.of(14, 0),
                List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
                "knee and back");
        List<Appointment> booked = appointments.series(desk, patient, series, null);
        assertThat(booked).hasSize(12);
        assertThat(booked)
                .extracting(Appointment::seriesId)
                .containsOnly(booked.get(0).seriesId());

        // a second series crossing one of those times books nothing
        UUID other =
                fixture.patient().named("Scheduleperson").onTeamOf("pt.garcia").create();
        SeriesForm clash = new SeriesForm(
                "PT_SESSION",
                therapist.staffId(),
                GYM,
                monday(4).plusDays(1),
                monday(4).plusWeeks(2),
                LocalTime.of(14, 30),
                List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY),
                null);
        assertThatThrownBy(() -> appointments.series(desk, other, clash, null))
                .isInstanceOfSatisfying(
                        BookingConflictException.class,
                        e -> assertThat(e.reasons()).isNotEmpty());
        assertThat(booked(other)).isZero();
    }

    @Test
    void twoPeopleBookingTheLastSlotAtOnce_oneGetsItTheOthersAClearConflict() throws Exception {
        int people = 6;
        List<UUID> patients = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            patients.add(fixture.patient()
                    .named("Scheduleperson")
                    .onTeamOf("pt.garcia")
                    .create());
        }
        LocalDate day = monday(5);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(people);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (UUID p : patients) {
                Callable<String> booking = () -> {
                    go.await();
                    try {
                        appointments.book(desk, p, pt(day, "11:00"), null);
                        return "booked";
                    } catch (BookingConflictException e) {
                        return String.join("; ", e.reasons());
                    }
                };
                results.add(pool.submit(booking));
            }
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn("booked"::equals).hasSize(1);
            assertThat(outcomes)
                    .filteredOn(o -> !o.equals("booked"))
                    .hasSize(people - 1)
                    // what the loser reads depends on when the winner committed: before its checks (what is taken, in
                    // words)
                    // or between its checks and its insert (the exclusion constraint: "by someone else a moment ago")
                    .allSatisfy(o ->
                            assertThat(o).containsAnyOf("is already booked on " + day, "by someone else a moment ago"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from appointment where day = ? and start_minute = 660 and staff_id = ?")
                        .params(day, therapist.staffId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // and PostgreSQL itself refuses an overlapping occupancy, whatever the application checked
        assertThatThrownBy(() -> jdbc.sql("insert into appointment_occupancy (appointment_id, resource, during) values "
                                + "(?, ?, tsrange(?, ?))")
                        .params(UUID.randomUUID(), "room:" + GYM, day.atTime(11, 30), day.atTime(12, 0))
                        .update())
                .hasMessageContaining("appointment_occupancy");
    }

    @Test
    void aMoveIsTheNextVersionWithItsReasonAuditedAndFreesTheOldTime() {
        Appointment a = appointments.book(desk, patient, pt(monday(6), "09:00"), null);
        long before = audit.count(patient, AuditAction.UPDATE);
        Appointment moved = appointments.move(
                desk, patient, a.id(), 1, monday(6).plusDays(1), LocalTime.of(10, 0), null, null, "patient asked");
        assertThat(moved.version()).isEqualTo(2);
        assertThat(moved.changeReason()).isEqualTo("patient asked");
        assertThat(appointments.history(desk, patient, a.id()))
                .extracting(Appointment::version, Appointment::day)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, monday(6).plusDays(1)),
                        org.assertj.core.groups.Tuple.tuple(1, monday(6)));
        assertThat(audit.count(patient, AuditAction.UPDATE)).isEqualTo(before + 1);
        // a move from the version someone else already moved stores nothing
        assertThatThrownBy(() -> appointments.move(
                        desk, patient, a.id(), 1, monday(6).plusDays(2), LocalTime.of(10, 0), null, null, "again"))
                .isInstanceOf(VersionConflictException.class);
        // the old time is free again
        UUID other =
                fixture.patient().named("Scheduleperson").onTeamOf("pt.garcia").create();
        assertThat(appointments.book(desk, other, pt(monday(6), "09:00"), null).version())
                .isEqualTo(1);
        // a move without a reason is a 400 naming it
        assertThat(problems(() -> appointments.move(
                        desk, patient, a.id(), 2, monday(6).plusDays(3), LocalTime.of(10, 0), null, null, " ")))
                .extracting(FieldProblem::field)
                .containsExactly("reason");
    }

    @Test
    void aCancellationNeedsAReasonIsKeptAsAVersionAndFreesTheTime() {
        Appointment a = appointments.book(desk, patient, pt(monday(7), "09:00"), null);
        assertThat(problems(() -> appointments.cancel(desk, patient, a.id(), 1, "")))
                .extracting(FieldProblem::field)
                .containsExactly("reason");
        Appointment cancelled = appointments.cancel(desk, patient, a.id(), 1, "unwell");
        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.version()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from appointment where entry_id = ?")
                        .param(a.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2); // both versions kept
        assertThat(appointments
                        .book(desk, patient, pt(monday(7), "09:00"), null)
                        .booked())
                .isTrue();
        // a future appointment cannot be missed yet
        assertThat(problems(() -> appointments.noShow(
                        desk,
                        patient,
                        appointments.ofPatient(desk, patient, monday(7)).stream()
                                .filter(Appointment::booked)
                                .findFirst()
                                .orElseThrow()
                                .id(),
                        1)))
                .extracting(FieldProblem::field)
                .containsExactly("version");
    }

    @Test
    void noInterventionalAppointmentDuringASafetyHoldButOtherCareStaysBookable() {
        safety.report(
                fixture.actor("dr.patel"),
                patient,
                org.relief.assessment.SafetyFlag.Concern.SUICIDAL_IDEATION,
                "Disclosed thoughts of ending their life");
        long denied = audit.count(patient, AuditAction.DENIED);
        BookingForm esi = new BookingForm(
                "ESI", fixture.actor("dr.patel").staffId(), FLUORO_1, monday(11), LocalTime.of(9, 0), null, null);
        assertThatThrownBy(() -> appointments.book(desk, patient, esi, null))
                .isInstanceOf(org.relief.shared.CareOnHoldException.class);
        assertThat(audit.count(patient, AuditAction.DENIED)).isEqualTo(denied + 1);
        assertThat(booked(patient)).isZero();
        BookingForm cbt = new BookingForm(
                "CBT_SESSION",
                fixture.actor("mh.brooks").staffId(),
                CONSULT_2,
                monday(11),
                LocalTime.of(9, 0),
                null,
                null);
        assertThat(appointments.book(desk, patient, cbt, null).booked()).isTrue();
    }

    @Test
    void someoneOffTheTeamCannotBookAndTheRefusalIsAudited() {
        long denied = audit.count(patient, AuditAction.DENIED);
        assertThatThrownBy(() -> appointments.book(fixture.actor("acu.chen"), patient, pt(monday(8), "09:00"), null))
                .isInstanceOf(org.relief.careteam.ChartAccessDeniedException.class);
        assertThat(audit.count(patient, AuditAction.DENIED)).isEqualTo(denied + 1);
        assertThat(booked(patient)).isZero();
    }

    @Test
    void thePagesAndTheApiAnswer400And409WithTheReasons() {
        Http page = Http.session(port, "desk.miller", IntegrationTest.DEMO_PASSWORD);
        String base = "/patients/" + patient + "/appointments";
        HttpResponse<String> bad = page.postForm(
                base,
                Map.of(
                        "type",
                        "PT_SESSION",
                        "staffId",
                        therapist.staffId().toString(),
                        "roomId",
                        GYM.toString(),
                        "date",
                        "1900-01-02",
                        "start",
                        "09:00"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Day: must be today");
        HttpResponse<String> badTime = page.postForm(
                base,
                Map.of(
                        "type",
                        "PT_SESSION",
                        "staffId",
                        therapist.staffId().toString(),
                        "roomId",
                        GYM.toString(),
                        "date",
                        monday(9).toString(),
                        "start",
                        "nine"));
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(badTime.body()).contains("must be a time (HH:MM)");
        HttpResponse<String> ok = page.postForm(
                base,
                Map.of(
                        "type",
                        "PT_SESSION",
                        "staffId",
                        therapist.staffId().toString(),
                        "roomId",
                        GYM.toString(),
                        "date",
                        monday(9).toString(),
                        "start",
                        "09:00"));
        assertThat(ok.statusCode()).isEqualTo(302);
        UUID other =
                fixture.patient().named("Scheduleperson").onTeamOf("pt.garcia").create();
        Http api = Http.basic(port, "desk.miller", IntegrationTest.DEMO_PASSWORD);
        HttpResponse<String> clash = api.postJson(
                "/api/patients/" + other + "/appointments", """
                {"type": "PT_SESSION", "staffId": "%s", "roomId": "%s", "date": "%s", "start": "09:15"}""".formatted(therapist.staffId(), GYM, monday(9)));
        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(clash.body()).contains("conflicts").contains("Physical therapy gym is already booked");
        HttpResponse<String> empty = api.postJson("/api/patients/" + other + "/appointments", "{}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("staffId").contains("date");
        assertThat(booked(other)).isZero();
    }

    @Test
    void theAdminRecordsAbsencesAndHoursOthersMayNotAndTheCalendarsAreForThoseWhoBook() {
        Http admin = Http.session(port, "admin", IntegrationTest.ADMIN_PASSWORD);
        Map<String, String> backwards = Map.of(
                "staffId", therapist.staffId().toString(),
                "firstDay", monday(12).toString(),
                "lastDay", monday(12).minusDays(1).toString(),
                "reason", "course");
        HttpResponse<String> bad = admin.postForm("/schedule/absences", backwards);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("must be on or after the first day (last day)");
        UUID chiropractor = fixture.actor("chiro.lee").staffId(); // no other test books him
        assertThat(admin.postForm(
                                "/schedule/hours",
                                Map.of(
                                        "staffId", chiropractor.toString(),
                                        "weekday", "SATURDAY",
                                        "starts", "09:00",
                                        "ends", "12:00"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(resources.workingHours(chiropractor)).containsOnlyKeys(DayOfWeek.SATURDAY);
        Http deskPage = Http.session(port, "desk.miller", IntegrationTest.DEMO_PASSWORD);
        assertThat(deskPage.postForm("/schedule/absences", backwards).statusCode())
                .isEqualTo(403);
        assertThat(deskPage.get("/schedule?date=" + monday(12)).statusCode()).isEqualTo(200);
        assertThat(admin.get("/schedule?date=" + monday(12)).statusCode()).isEqualTo(403);
    }

    @Test
    void appointmentsAreInEverythingAsValidR4AndSearchableByDate() throws Exception {
        appointments.book(desk, patient, pt(monday(10), "09:00"), null);
        Appointment cancelled = appointments.book(desk, patient, pt(monday(10).plusDays(2), "09:00"), null);
        appointments.cancel(desk, patient, cancelled.id(), 1, "unwell");
        Actor doctor = fixture.actor("dr.patel");
        List<Resource> all = fhir.everything(doctor, patient);
        List<Resource> appts =
                all.stream().filter(r -> r.fhirType().equals("Appointment")).toList();
        assertThat(appts).hasSize(2);
        // the booked one holds a busy Slot on the therapist's Schedule; the cancelled one's time is free
        List<Resource> slots =
                all.stream().filter(r -> r.fhirType().equals("Slot")).toList();
        List<Resource> schedules =
                all.stream().filter(r -> r.fhirType().equals("Schedule")).toList();
        assertThat(slots).hasSize(1);
        assertThat(schedules).hasSize(1);
        org.hl7.fhir.r4.model.Slot slot = (org.hl7.fhir.r4.model.Slot) slots.get(0);
        assertThat(slot.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Slot.SlotStatus.BUSY);
        assertThat(slot.getSchedule().getReference())
                .isEqualTo("Schedule/" + schedules.get(0).getIdPart());
        assertThat(slot.getIdPart()).isNotEqualTo(cancelled.id().toString());
        List<String> errors = new ArrayList<>();
        java.util.stream.Stream.of(appts, slots, schedules)
                .flatMap(List::stream)
                .forEach(r ->
                        validation.errors(r).forEach(e -> errors.add(r.fhirType() + "/" + r.getIdPart() + " " + e)));
        validation
                .errors(org.relief.fhir.FhirExport.searchset("http://localhost/fhir", all, all.size()))
                .forEach(e -> errors.add("Bundle " + e));
        assertThat(errors).isEmpty();

        HttpResponse<String> r = fhirGet("/fhir/Appointment?patient=" + patient + "&date=" + monday(10));
        assertThat(r.statusCode()).isEqualTo(200);
        Bundle b = ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, r.body());
        assertThat(b.getTotal()).isEqualTo(1);
        HttpResponse<String> read = fhirGet("/fhir/Appointment/" + cancelled.id());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"status\":\"cancelled\"").contains("unwell");
    }

    private HttpResponse<String> fhirGet(String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", "Bearer test-demo-api-token")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static List<FieldProblem> problems(Runnable call) {
        try {
            call.run();
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("expected a 400 naming a field");
    }
}
