package org.relief.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.careteam.Actor;
import org.relief.careteam.StaffDirectory;
import org.relief.fhir.token.ApiTokens;
import org.relief.patient.Patients;
import org.relief.support.Fixtures;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 10, defect 10: the admin-issued API tokens open /api as they open /fhir, within their scopes. */
@IntegrationTest
class ApiBearerIT {

    private static final String PROBLEM = """
            {"icd10Code": "M54.50", "description": "Low back pain", "clinicalStatus": "ACTIVE"}""";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    StaffDirectory staff;

    @Autowired
    Patients patients;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTokenOpensTheApiWithinItsScopesUntilRevoked() throws Exception {
        Actor admin = Fixtures.actor(staff, "admin");
        UUID patel = staff.findByUsername("dr.patel").orElseThrow().id();
        UUID patientId = patients.register(Fixtures.actor(staff, "desk.miller"), Fixtures.registration(patel))
                .id();
        var read = tokens.issue(admin, "Api bearer read", Set.of("read"), patel);
        var write = tokens.issue(admin, "Api bearer write", Set.of("read", "write"), patel);

        HttpResponse<String> chart = send("GET", "/api/patients/" + patientId, read.token(), null);
        assertThat(chart.statusCode()).as(chart.body()).isEqualTo(200);
        assertThat(chart.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where actor = 'api:Api bearer read' and patient_id = ?")
                        .param(patientId)
                        .query(Long.class)
                        .single())
                .isPositive();

        // a read token may not write: 403, audited, nothing written
        HttpResponse<String> refused = send("POST", "/api/patients/" + patientId + "/problems", read.token(), PROBLEM);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where actor = 'api:Api bearer read' and action = 'DENIED'
                and what like 'POST /api/patients/%/problems%'""").query(Long.class).single()).isEqualTo(1);

        HttpResponse<String> written = send("POST", "/api/patients/" + patientId + "/problems", write.token(), PROBLEM);
        assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where actor = 'api:Api bearer write' and patient_id = ?
                and action = 'CREATE'""").param(patientId).query(Long.class).single()).isEqualTo(1);

        tokens.revoke(admin, read.id());
        assertThat(send("GET", "/api/patients/" + patientId, read.token(), null).statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/api/patients/" + patientId, "rlf_not-a-token", null)
                        .statusCode())
                .isEqualTo(401);
        // the admin's pages of the API stay the admin's
        assertThat(send("GET", "/api/admin/anything", write.token(), null).statusCode())
                .isEqualTo(403);
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token);
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
