package org.relief.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.assessment.SafetyFlag;
import org.relief.careteam.StaffDirectory;
import org.relief.fhir.FhirExportIT;
import org.relief.patient.Patients;
import org.relief.screening.SafetyProtocol;
import org.relief.support.Fixtures;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 10, defect 4 (the cross-cutting causes): a NUL byte or other control character in any text, a date far out
 * of range, an over-long text are each a 400 naming the field, never a 500, and nothing is stored.
 */
@IntegrationTest
class BadInputIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    Patients patients;

    @Autowired
    SafetyProtocol safety;

    @Autowired
    JdbcClient jdbc;

    Http patel;
    UUID patientId;

    @BeforeEach
    void register() {
        patientId = patients.register(
                        Fixtures.actor(staff, "desk.miller"),
                        Fixtures.registration(
                                staff.findByUsername("dr.patel").orElseThrow().id()))
                .id();
        patel = Http.basic(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
    }

    @Test
    void nulInAFormPostIs400NamingTheFieldAndStoresNothing() {
        Http session = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        long before = problems();
        HttpResponse<String> r = session.postForm(
                "/patients/" + patientId + "/problems",
                Map.of("icd10Code", "M54.50", "description", "Low\u0000back pain", "clinicalStatus", "ACTIVE"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("description").contains("control character");
        assertThat(problems()).isEqualTo(before);
    }

    @Test
    void otherControlCharactersInAFormAreRefusedButTabsAndNewLinesAreFine() {
        Http session = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        long before = problems();
        HttpResponse<String> bad = session.postForm(
                "/patients/" + patientId + "/problems",
                Map.of("icd10Code", "M54.50", "description", "Low\u001bback pain", "clinicalStatus", "ACTIVE"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(problems()).isEqualTo(before);
        HttpResponse<String> ok = session.postForm(
                "/patients/" + patientId + "/problems",
                Map.of(
                        "icd10Code",
                        "M54.50",
                        "description",
                        "Low back pain\r\n\tworse at night",
                        "clinicalStatus",
                        "ACTIVE"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(302);
        assertThat(problems()).isEqualTo(before + 1);
    }

    @Test
    void nulInAJsonBodyIs400NamingTheFieldAndStoresNothing() {
        long before = problems();
        HttpResponse<String> r = patel.postJson("/api/patients/" + patientId + "/problems", """
                {"icd10Code": "M54.50", "description": "Low\\u0000back pain", "clinicalStatus": "ACTIVE"}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"description\"").contains("control character");
        assertThat(problems()).isEqualTo(before);
    }

    @Test
    void jsonBeyondTheReadersLimitsIs400SayingSoAndStoresNothing() {
        long before = problems();
        // nested deeper than the reader allows: valid JSON, refused as too large, not as "not valid JSON"
        HttpResponse<String> deep = patel.postJson(
                "/api/patients/" + patientId + "/problems",
                "{\"icd10Code\": \"M54.50\", \"extra\": " + "[".repeat(5000) + "]".repeat(5000) + "}");
        assertThat(deep.statusCode()).as(deep.body()).isEqualTo(400);
        assertThat(deep.body()).contains("\"field\":\"body\"").contains("is too large to read");
        assertThat(problems()).isEqualTo(before);
    }

    @Test
    void nulInAQueryParameterIs400NamingTheParameter() {
        Http session = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        HttpResponse<String> page = session.getAsBrowser("/patients?q=Ab%00c");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("q: contains a control character");

        assertThat(session.getAsBrowser("/no-such-page?q=Ab%00c").statusCode()).isBetween(400, 499);
        assertThat(patel.get("/api/patients/" + patientId + "/problems?x=%00").statusCode())
                .isEqualTo(400);

        HttpResponse<String> fhir = fhirGet("/fhir/Patient?name=Ab%00c");
        assertThat(fhir.statusCode()).as(fhir.body()).isEqualTo(400);
        assertThat(fhir.body()).contains("OperationOutcome").contains("control character");
    }

    @Test
    void aDateOutOfTheSaneRangeIs400NamingTheField() {
        long before = problems();
        for (String date : new String[] {"-999999999-01-01", "+99999-01-01", "1899-12-31", "2101-01-01"}) {
            HttpResponse<String> r = patel.postJson("/api/patients/" + patientId + "/problems", """
                    {"icd10Code": "M54.50", "description": "Low back pain", "onsetDate": "%s",
                     "clinicalStatus": "ACTIVE"}""".formatted(date));
            assertThat(r.statusCode()).as(date + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains("\"field\":\"onsetDate\"");
            if (date.startsWith("-") || date.startsWith("18")) { // the future ones fail the field's own @PastOrPresent
                assertThat(r.body()).contains("must be a date between 1900-01-01 and 2100-12-31");
            }
        }
        assertThat(problems()).isEqualTo(before);
        HttpResponse<String> ok = patel.postJson("/api/patients/" + patientId + "/problems", """
                {"icd10Code": "M54.50", "description": "Low back pain", "onsetDate": "1900-01-01",
                 "clinicalStatus": "ACTIVE"}""");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    }

    @Test
    void anOverLongSafetyFollowUpIs400AndTheAlertStaysOpen() {
        UUID alertId = safety.report(
                        Fixtures.actor(staff, "dr.patel"),
                        patientId,
                        SafetyFlag.Concern.PSYCHOSIS,
                        "Hearing voices today")
                .id();
        Http session = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        String path = "/patients/" + patientId + "/safety/alerts/" + alertId + "/follow-up";

        HttpResponse<String> huge = session.postForm(path, Map.of("risk", "LOW", "actionTaken", "x".repeat(100_001)));
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("actionTaken").contains("too long");
        HttpResponse<String> long4001 = session.postForm(path, Map.of("risk", "LOW", "actionTaken", "x".repeat(4_001)));
        assertThat(long4001.statusCode()).isEqualTo(400);
        assertThat(long4001.body()).contains("actionTaken").contains("at most 4,000 characters");
        assertThat(followUps(alertId)).isZero();

        assertThat(session.getAsBrowser("/patients/" + patientId).statusCode()).isEqualTo(200);
        HttpResponse<String> ok = session.postForm(
                path, Map.of("risk", "LOW", "actionTaken", "Saw the patient with the therapist; safety plan agreed"));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(followUps(alertId)).isEqualTo(1);
    }

    private HttpResponse<String> fhirGet(String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .header("Authorization", "Bearer " + FhirExportIT.TOKEN)
                                    .header("Accept", "application/fhir+json")
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long problems() {
        return jdbc.sql("select count(*) from problem").query(Long.class).single();
    }

    private long followUps(UUID alertId) {
        return jdbc.sql("select count(*) from safety_followup where alert_id = ?")
                .param(alertId)
                .query(Long.class)
                .single();
    }
}
