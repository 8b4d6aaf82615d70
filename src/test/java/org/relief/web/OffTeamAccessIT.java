package org.relief.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.Patients;
import org.relief.support.Fixtures;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every page, fragment and API endpoint about a patient refuses a clinician who is not on the care team. */
@IntegrationTest
class OffTeamAccessIT {

    @LocalServerPort
    int port;

    @Autowired
    Patients patients;

    @Autowired
    StaffDirectory staff;

    @Test
    void nothingAboutThePatientIsShownOffTheTeam() {
        UUID id = patients.register(
                        Fixtures.actor(staff, "desk.miller"),
                        Fixtures.registration(
                                staff.findByUsername("dr.patel").orElseThrow().id()))
                .id();
        Http page = Http.session(port, "acu.chen", IntegrationTest.DEMO_PASSWORD);
        for (String path : List.of(
                "",
                "/safety/banner",
                "/instruments/section",
                "/instruments/NRS",
                "/instruments/NRS/new",
                "/candidacy/section",
                "/evaluation",
                "/evaluation/summary",
                "/procedures",
                "/procedures/summary",
                "/plan",
                "/plan/summary",
                "/problems/new",
                "/diagnoses/new")) {
            var r = page.get("/patients/" + id + path);
            assertThat(r.statusCode()).as(path).isIn(403, 404);
            assertThat(r.body()).as(path).doesNotContain("Testperson");
        }
        Http api = Http.basic(port, "acu.chen", IntegrationTest.DEMO_PASSWORD);
        for (String path :
                List.of("", "/instruments", "/procedure-orders", "/problems", "/diagnoses", "/psych-evaluations")) {
            var r = api.get("/api/patients/" + id + path);
            assertThat(r.statusCode()).as(path).isEqualTo(403);
            assertThat(r.body()).as(path).doesNotContain("Testperson");
        }
    }
}
