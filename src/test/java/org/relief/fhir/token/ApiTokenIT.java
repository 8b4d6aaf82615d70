package org.relief.fhir.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relief.careteam.StaffDirectory;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ApiTokenIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    JdbcClient jdbc;

    @Test
    void adminIssuesAReadTokenShownOnceStoredHashedThatOpensFhirUntilRevoked() throws Exception {
        Http admin = Http.session(port, "admin", IntegrationTest.ADMIN_PASSWORD);
        UUID patel = staff.findByUsername("dr.patel").orElseThrow().id();
        HttpResponse<String> page = admin.postForm(
                "/admin/api-tokens",
                Map.of("name", "Riverton Family Medicine", "scopes", "read", "staffId", patel.toString()));
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("id=\"token-value\">(rlf_[A-Za-z0-9_-]+)<").matcher(page.body());
        assertThat(m.find()).isTrue();
        String token = m.group(1);
        assertThat(jdbc.sql("select count(*) from fhir_api_token where token_hash = ?")
                        .param(ApiTokens.hash(token))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from fhir_api_token where token_hash = ?")
                        .param(token)
                        .query(Long.class)
                        .single())
                .isZero();

        assertThat(get("/fhir/metadata", token).statusCode()).isEqualTo(200);
        // read scope only: a write is refused
        HttpResponse<String> write = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fhir"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/fhir+json")
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(write.statusCode()).isEqualTo(403);

        UUID id = jdbc.sql("select id from fhir_api_token where token_hash = ?")
                .param(ApiTokens.hash(token))
                .query(UUID.class)
                .single();
        assertThat(admin.postForm("/admin/api-tokens/" + id + "/revoke", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(get("/fhir/metadata", token).statusCode()).isEqualTo(401);
    }

    @Test
    void theImportPageIsForTheAdminOnly() {
        assertThat(Http.session(port, "admin", IntegrationTest.ADMIN_PASSWORD)
                        .get("/admin/fhir-import")
                        .statusCode())
                .isEqualTo(200);
        assertThat(Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD)
                        .get("/admin/fhir-import")
                        .statusCode())
                .isEqualTo(403);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
