package org.relief.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person in a browser gets the HTML error page (with their own header and a way back) for an unknown address or a
 * malformed id; the JSON API keeps its problem documents and FHIR its OperationOutcomes.
 */
@IntegrationTest
class ErrorPagesIT {

    @LocalServerPort
    int port;

    @Test
    void browsersGetTheHtmlPageForUnknownAddressesAndMalformedIds() {
        Http browser = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        for (String path : new String[] {
            "/nonexistent",
            "/patients/not-a-uuid",
            "/patients/not-a-uuid/plan",
            "/patients/" + UUID.randomUUID(),
            "/patients/" + UUID.randomUUID() + "/problems/no-uuid/edit"
        }) {
            HttpResponse<String> r = browser.getAsBrowser(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElse(""))
                    .as(path)
                    .startsWith("text/html");
            assertThat(r.body())
                    .as(path)
                    .contains("<!DOCTYPE html>")
                    .contains("Sign out")
                    .doesNotContain("\"status\"")
                    .doesNotContain("\"title\"");
        }
        HttpResponse<String> missingParameter =
                browser.postForm("/patients/" + UUID.randomUUID() + "/step", java.util.Map.of());
        assertThat(missingParameter.statusCode()).isEqualTo(400);
        assertThat(missingParameter.headers().firstValue("Content-Type").orElse(""))
                .startsWith("text/html");
        assertThat(missingParameter.body()).contains("Bad request");
    }

    @Test
    void anotherRolesPageIsAnHtml403AndTheRefusalIsAudited() {
        Http browser = Http.session(port, "chiro.lee", IntegrationTest.DEMO_PASSWORD);
        HttpResponse<String> r = browser.getAsBrowser("/admin/audit");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("Not allowed").contains("Sign out");
        HttpResponse<String> log =
                Http.session(port, "admin", IntegrationTest.ADMIN_PASSWORD).get("/admin/audit?actor=chiro.lee");
        assertThat(log.body()).contains("GET /admin/audit");
    }

    @Test
    void theApiKeepsItsProblemDocuments() {
        Http api = Http.basic(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        HttpResponse<String> malformed = api.get("/api/patients/not-a-uuid");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type").orElse("")).contains("json");
        assertThat(malformed.body()).contains("\"status\":400");
        HttpResponse<String> unknown = api.get("/api/nonexistent");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).contains("json");
        assertThat(unknown.body()).contains("\"status\":404").doesNotContain("<html");
        // a browser session calling the API still gets JSON
        HttpResponse<String> fromBrowser =
                Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD).getAsBrowser("/api/patients/not-a-uuid");
        assertThat(fromBrowser.body()).contains("\"status\":400").doesNotContain("<html");
    }

    @Test
    void fhirKeepsItsOperationOutcomes() throws Exception {
        HttpResponse<String> unknown = fhir("/fhir/Patient/" + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("OperationOutcome").doesNotContain("<html");
        HttpResponse<String> malformed = fhir("/fhir/Patient/not-a-uuid");
        assertThat(malformed.statusCode()).isIn(400, 404);
        assertThat(malformed.body()).contains("OperationOutcome").doesNotContain("<html");
    }

    private HttpResponse<String> fhir(String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", "Bearer test-demo-api-token")
                                .header("Accept", "text/html,*/*")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
