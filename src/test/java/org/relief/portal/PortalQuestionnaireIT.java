package org.relief.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.assessment.Assessments;
import org.relief.assessment.InstrumentResponse;
import org.relief.patient.Patients;
import org.relief.patient.Step;
import org.relief.screening.SafetyProtocol;
import org.relief.support.ClinicFixture;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Questionnaires before a visit: staff assign from the chart, the patient answers with the same scoring, and a
 * positive PHQ-9 item 9 goes the one safety path staff entry goes: the crisis resources on the patient's screen at
 * once, and the same urgent alert, hold and step for the team, stored with the response.
 */
@IntegrationTest
class PortalQuestionnaireIT {

    @LocalServerPort
    int port;

    @Autowired
    ClinicFixture fixture;

    @Autowired
    PortalAccounts accounts;

    @Autowired
    Questionnaires questionnaires;

    @Autowired
    Assessments assessments;

    @Autowired
    SafetyProtocol safety;

    @Autowired
    Patients patients;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPositiveItemNineShowsTheCrisisResourcesAtOnceAndRaisesTheSameAlertForTheTeam() {
        UUID patient = fixture.patient().create();
        PortalSupport.account(accounts, fixture.actor("dr.patel"), patient, "phq.patient");
        Http staff = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        HttpResponse<String> assigned = staff.postForm(
                "/patients/" + patient + "/portal/questionnaires",
                Map.of(
                        "instrument",
                        "PHQ9",
                        "dueOn",
                        LocalDate.now().plusDays(5).toString()));
        assertThat(assigned.statusCode()).isEqualTo(302);
        UUID assignment =
                questionnaires.list(fixture.actor("dr.patel"), patient).get(0).id();

        Http http = PortalSupport.session(port, "phq.patient");
        String page = "/portal/patients/" + patient + "/questionnaires/" + assignment;
        assertThat(http.get(page).body()).contains("Thoughts that you would be better off dead");
        Map<String, String> answers = new HashMap<>();
        for (int i = 1; i <= 8; i++) {
            answers.put("item.q" + i, "1");
        }
        answers.put("item.q9", "1");
        HttpResponse<String> answered = PortalSupport.post(http, page, page, answers);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body())
                .contains("id=\"crisis-resources\"")
                .contains("988")
                .contains("911");

        // the same record staff see, scored the same way (9 x 1 = 9)
        InstrumentResponse response = assessments
                .history(fixture.actor("dr.patel"), patient)
                .get("PHQ9")
                .get(0);
        assertThat(response.total()).isEqualTo(9.0);
        assertThat(response.safetyFlags()).isNotEmpty();
        assertThat(response.recordedBy()).isEqualTo("patient:phq.patient");
        // the same alert, linked to that response, on the physician's dashboard; the hold; mental health first
        assertThat(jdbc.sql("select source_entry_id from safety_alert where patient_id = ?")
                        .param(patient)
                        .query(UUID.class)
                        .list())
                .containsExactly(response.entryId());
        assertThat(safety.dashboardAlerts(fixture.actor("dr.patel")))
                .anyMatch(a -> a.alert().patientId().equals(patient));
        assertThat(safety.isOnHold(patient)).isTrue();
        assertThat(patients.summary(patient).step()).isEqualTo(Step.DEFERRED_MENTAL_HEALTH);

        // answered once: the page now shows the answer and, for a flagged one, the crisis resources again
        assertThat(http.get(page).body()).contains("id=\"crisis-resources\"").doesNotContain("Send my answers");
        HttpResponse<String> twice = PortalSupport.post(http, "/portal/patients/" + patient + "/diary", page, answers);
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from safety_alert where patient_id = ?")
                        .param(patient)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void answersWithoutASafetyFlagShowNoCrisisBoxAndBadAnswersAreNamed() {
        UUID patient = fixture.patient().create();
        PortalSupport.account(accounts, fixture.actor("dr.patel"), patient, "gad.patient");
        UUID assignment = questionnaires
                .assign(fixture.actor("dr.patel"), patient, "GAD7", LocalDate.now())
                .id();
        Http http = PortalSupport.session(port, "gad.patient");
        String page = "/portal/patients/" + patient + "/questionnaires/" + assignment;
        Map<String, String> answers = new HashMap<>();
        for (int i = 1; i <= 7; i++) {
            answers.put("item.q" + i, "2");
        }
        answers.put("item.q3", "7");
        HttpResponse<String> bad = PortalSupport.post(http, page, page, answers);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Nothing was saved");
        assertThat(assessments.history(fixture.actor("dr.patel"), patient)).doesNotContainKey("GAD7");

        answers.put("item.q3", "2");
        HttpResponse<String> ok = PortalSupport.post(http, page, page, answers);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("Thank you").doesNotContain("id=\"crisis-resources\"");
        assertThat(assessments.history(fixture.actor("dr.patel"), patient).get("GAD7"))
                .singleElement()
                .satisfies(r -> assertThat(r.total()).isEqualTo(14.0));
    }

    @Test
    void staffAssignOnlyWhatAPatientCanAnswerByADateNotPast() {
        UUID patient = fixture.patient().create();
        Http staff = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        for (Map<String, String> bad : List.of(
                Map.of("instrument", "NOPE", "dueOn", LocalDate.now().toString()),
                Map.of(
                        "instrument",
                        "PHQ9",
                        "dueOn",
                        LocalDate.now().minusDays(1).toString()),
                Map.of("instrument", "PHQ9", "dueOn", "2026-13-45"))) {
            assertThat(staff.postForm("/patients/" + patient + "/portal/questionnaires", bad)
                            .statusCode())
                    .isEqualTo(400);
        }
        assertThat(questionnaires.list(fixture.actor("dr.patel"), patient)).isEmpty();
        // off the team, even a bad date is the audited 403
        Http chen = Http.session(port, "acu.chen", IntegrationTest.DEMO_PASSWORD);
        assertThat(chen.postForm(
                                "/patients/" + patient + "/portal/questionnaires",
                                Map.of("instrument", "PHQ9", "dueOn", "not a date"))
                        .statusCode())
                .isEqualTo(403);
    }
}
