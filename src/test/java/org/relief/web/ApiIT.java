package org.relief.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.careteam.StaffDirectory;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The JSON API and the pages over real HTTP: status codes, named field errors, conflicts, headers. */
@IntegrationTest
class ApiIT {

    private static final String REGISTRATION = """
            {"demographics": {"familyName": "Apitest", "givenName": "Robin", "birthDate": "1980-02-29",
                              "sex": "FEMALE", "phone": "555-000-1111"},
             "referral": {"referringClinician": "Dr. Ward", "referringPractice": "Riverton FM",
                          "reason": "Neck pain 6 months", "referralDate": "2026-01-10", "urgency": "ROUTINE"},
             "coordinatingPhysicianId": "%s"}""";

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    JdbcClient jdbc;

    Http patel;
    String patientId;

    @BeforeEach
    void register() {
        patel = Http.basic(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        UUID physician = staff.findByUsername("dr.patel").orElseThrow().id();
        HttpResponse<String> r = Http.basic(port, "desk.miller", IntegrationTest.DEMO_PASSWORD)
                .postJson("/api/patients", REGISTRATION.formatted(physician));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        patientId = field(r.body(), "id");
    }

    @Test
    void chartNeedsCredentials() {
        assertThat(Http.anonymous(port).get("/api/patients/" + patientId).statusCode())
                .isEqualTo(401);
        assertThat(Http.anonymous(port).get("/patients/" + patientId).statusCode())
                .isEqualTo(302);
    }

    @Test
    void chartAsJson() {
        HttpResponse<String> r = patel.get("/api/patients/" + patientId);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"familyName\":\"Apitest\"").contains("\"access\":\"CARE_TEAM\"");
    }

    @Test
    void badInputIs400NamingEachFieldAndChangesNothing() {
        long before = count();
        HttpResponse<String> r = patel.postJson("/api/patients/" + patientId + "/medications", """
                {"name": "", "drugClass": "OPIOID", "dose": "5 mg", "frequency": "", "route": "oral",
                 "rxnormCode": "abc", "status": "ACTIVE"}""");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body())
                .contains("\"field\":\"name\"")
                .contains("\"field\":\"frequency\"")
                .contains("\"field\":\"rxnormCode\"");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void validationMethodsDoNotLeakIntoTheJson() {
        HttpResponse<String> r = patel.postJson("/api/patients/" + patientId + "/treatments", """
                {"therapy": "Physical therapy", "startDate": "2025-01-06", "endDate": "2025-02-14",
                 "result": "PARTIAL"}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).contains("\"endDate\":\"2025-02-14\"").doesNotContain("\"endDate\":true");
        HttpResponse<String> p = patel.postJson("/api/patients/" + patientId + "/problems", """
                {"icd10Code": "M54.50", "description": "Low back pain", "clinicalStatus": "ACTIVE"}""");
        assertThat(p.statusCode()).as(p.body()).isEqualTo(201);
        assertThat(p.body()).contains("\"icd10Code\":\"M54.50\"").doesNotContain("\"icd10Code\":true");
    }

    @Test
    void wrongTypeInJsonNamesTheField() {
        HttpResponse<String> r = patel.postJson("/api/patients/" + patientId + "/problems", """
                {"icd10Code": "M54.50", "description": "LBP", "onsetDate": "last spring", "clinicalStatus": "ACTIVE"}""");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"onsetDate\"");
    }

    @Test
    void unknownPatientIs404() {
        assertThat(patel.get("/api/patients/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(patel.get("/api/patients/not-a-uuid").statusCode()).isEqualTo(400);
    }

    @Test
    void offTeamIs403UntilTheGlassIsBroken() {
        Http chen = Http.basic(port, "acu.chen", IntegrationTest.DEMO_PASSWORD);
        HttpResponse<String> denied = chen.get("/api/patients/" + patientId);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("break-glass");

        assertThat(chen.postJson("/api/patients/" + patientId + "/break-glass", "{\"reason\": \"x\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(chen.postJson(
                                "/api/patients/" + patientId + "/break-glass",
                                "{\"reason\": \"On call tonight, patient in the emergency room\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(chen.get("/api/patients/" + patientId).statusCode()).isEqualTo(200);
    }

    @Test
    void staleCorrectionIs409() {
        HttpResponse<String> created = patel.postJson(
                "/api/patients/" + patientId + "/allergies",
                "{\"substance\": \"Penicillin\", \"reaction\": \"Hives\", \"severity\": \"MILD\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String entryId = field(created.body(), "entryId");
        String edit = "{\"version\": 1, \"reason\": \"%s\", \"data\": {\"substance\": \"Penicillin\", "
                + "\"reaction\": \"%s\", \"severity\": \"MODERATE\"}}";
        assertThat(patel.putJson(
                                "/api/patients/" + patientId + "/allergies/" + entryId,
                                edit.formatted("first", "Hives and swelling"))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> second =
                patel.putJson("/api/patients/" + patientId + "/allergies/" + entryId, edit.formatted("second", "Rash"));
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("\"currentVersion\":2");
        assertThat(patel.get("/api/patients/" + patientId + "/allergies/" + entryId + "/history")
                        .body())
                .contains("Hives and swelling")
                .doesNotContain("Rash");
    }

    @Test
    void formsNeedTheCsrfToken() {
        Http session = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        HttpResponse<String> r = session.postFormRaw(
                "/patients/" + patientId + "/problems",
                Map.of("icd10Code", "M54.50", "description", "LBP", "clinicalStatus", "ACTIVE"),
                null);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(patel.get("/api/patients/" + patientId + "/problems").body()).isEqualTo("[]");
        HttpResponse<String> ok = session.postForm(
                "/patients/" + patientId + "/problems",
                Map.of("icd10Code", "M54.50", "description", "LBP", "clinicalStatus", "ACTIVE"));
        assertThat(ok.statusCode()).isEqualTo(302);
    }

    @Test
    void formErrorsAre400AndNameTheFields() {
        Http session = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        HttpResponse<String> r = session.postForm(
                "/patients/" + patientId + "/imaging",
                Map.of("modality", "MRI", "bodyRegion", "", "studyDate", "31/12/2025", "impression", "ok"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body())
                .contains("id=\"bodyRegion-error\"")
                .contains("id=\"studyDate-error\"")
                .contains("must be a date (YYYY-MM-DD)");
    }

    @Test
    void pagesCarrySecurityHeadersAndHealthIsUp() {
        HttpResponse<String> login = Http.anonymous(port).get("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy"))
                .get()
                .asString()
                .contains("frame-ancestors 'none'");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(Http.anonymous(port).get("/actuator/health").body()).contains("\"status\":\"UP\"");
    }

    @Test
    void sessionsLiveInTheDatabaseAndEndAfterFifteenIdleMinutes() {
        Http.session(port, "mh.brooks", IntegrationTest.DEMO_PASSWORD);
        assertThat(jdbc.sql("select max_inactive_interval from spring_session where principal_name = 'mh.brooks'")
                        .query(Integer.class)
                        .list())
                .isNotEmpty()
                .allMatch(seconds -> seconds == 15 * 60);
    }

    @Test
    void openApiDescribesTheApi() {
        HttpResponse<String> r = Http.anonymous(port).get("/api/openapi");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"openapi\"").contains("/api/patients/{id}");
        // named, and with both ways of signing in (the docs page's Authorize button offers them)
        assertThat(r.body())
                .contains("\"title\":\"Relief API\"")
                .contains("\"scheme\":\"bearer\"")
                .contains("\"scheme\":\"basic\"");
        // the acting staff member comes from the sign-in: no operation lists it as a parameter
        assertThat(r.body()).doesNotContain("\"name\":\"actor\"");
        // every operation says what it does
        java.util.List<String> withoutSummary = new java.util.ArrayList<>();
        tools.jackson.databind.json.JsonMapper.shared()
                .readTree(r.body())
                .get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    if (!op.getValue().hasNonNull("summary")) {
                        withoutSummary.add(op.getKey() + " " + path.getKey());
                    }
                }));
        assertThat(withoutSummary).isEmpty();
    }

    @Test
    void theDocsPageOpensSignedOut() {
        Http anonymous = Http.anonymous(port);
        HttpResponse<String> docs = anonymous.get("/api/docs");
        assertThat(docs.statusCode()).isEqualTo(302);
        String page = docs.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> ui = anonymous.get(page.replaceFirst("^https?://[^/]+", ""));
        assertThat(ui.statusCode()).as(page).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        // what the page loads: its configuration, pointing at the document
        HttpResponse<String> config = anonymous.get("/api/openapi/swagger-config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("/api/openapi");
        // the API itself still needs a sign-in
        assertThat(anonymous.get("/api/patients?q=a").statusCode()).isEqualTo(401);
    }

    @Test
    void unknownPageIsAHelpful404() {
        HttpResponse<String> r =
                Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD).get("/patients/" + UUID.randomUUID());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("No patient with id");
    }

    private long count() {
        return jdbc.sql("select count(*) from medication").query(Long.class).single();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }
}
