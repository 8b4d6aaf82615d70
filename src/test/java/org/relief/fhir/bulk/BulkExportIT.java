package org.relief.fhir.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.careteam.CareTeams;
import org.relief.careteam.StaffDirectory;
import org.relief.fhir.FhirExportIT;
import org.relief.patient.ChartService;
import org.relief.patient.Codes;
import org.relief.patient.EntryKind;
import org.relief.patient.Problem;
import org.relief.support.Fixtures;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bulk Data {@code $export} end to end: kick-off, status while running and done, the files, cancel. */
@IntegrationTest
class BulkExportIT {

    static final String TOKEN = FhirExportIT.TOKEN;

    @LocalServerPort
    int port;

    @Autowired
    FhirContext fhir;

    @Autowired
    CareTeams teams;

    @Autowired
    StaffDirectory staff;

    @Autowired
    ChartService charts;

    @Test
    void theClinicExportsAsNdjsonOfEveryPatientOnTheTokensTeams() throws Exception {
        UUID patel = staff.findByUsername("dr.patel").orElseThrow().id();
        Set<UUID> mine = teams.patientsOf(patel);
        HttpResponse<String> kickOff = send("GET", "/fhir/$export", true);
        assertThat(kickOff.statusCode()).as(kickOff.body()).isEqualTo(202);
        String status = kickOff.headers().firstValue("Content-Location").orElseThrow();
        JsonNode manifest = waitForManifest(status);
        assertThat(manifest.get("requiresAccessToken").asBoolean()).isTrue();
        assertThat(manifest.get("request").asString()).endsWith("/fhir/$export");
        assertThat(types(manifest)).contains("Patient");

        String patientsUrl = url(manifest, "Patient");
        HttpResponse<String> patients = send("GET", patientsUrl.substring(patientsUrl.indexOf("/fhir")), false);
        assertThat(patients.statusCode()).isEqualTo(200);
        assertThat(patients.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+ndjson");
        var lines = patients.body().lines().toList();
        assertThat(lines).hasSize(mine.size());
        assertThat(lines)
                .allSatisfy(l -> assertThat(mine)
                        .contains(UUID.fromString(fhir.newJsonParser()
                                .parseResource(l)
                                .getIdElement()
                                .getIdPart())));
        assertThat(types(manifest)).contains("Condition", "QuestionnaireResponse");

        // deleting removes the job and its files
        assertThat(send("DELETE", path(status), false).statusCode()).isEqualTo(202);
        assertThat(send("GET", path(status), false).statusCode()).isEqualTo(404);
        assertThat(send("GET", patientsUrl.substring(patientsUrl.indexOf("/fhir")), false)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aGroupIsOneStaffMembersPatientsAndTypesFilter() throws Exception {
        UUID patel = staff.findByUsername("dr.patel").orElseThrow().id();
        HttpResponse<String> kickOff = send("GET", "/fhir/Group/" + patel + "/$export?_type=Patient,Observation", true);
        assertThat(kickOff.statusCode()).isEqualTo(202);
        JsonNode manifest =
                waitForManifest(kickOff.headers().firstValue("Content-Location").orElseThrow());
        assertThat(types(manifest)).contains("Patient").doesNotContain("Condition");
        assertThat(output(manifest, "Patient").get("count").asInt())
                .isEqualTo(teams.patientsOf(patel).size());
        assertThat(send("GET", "/fhir/Group/" + UUID.randomUUID() + "/$export", true)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void sinceExportsOnlyWhatWasRecordedAfterIt() throws Exception {
        var patel = Fixtures.actor(staff, "dr.patel");
        UUID patient = new java.util.TreeSet<>(teams.patientsOf(patel.staffId())).first();
        Instant since = Instant.now();
        Thread.sleep(5);
        String text = "Low back pain, unspecified (since test " + UUID.randomUUID() + ")";
        charts.add(
                patel,
                patient,
                EntryKind.PROBLEM,
                new Problem("M54.50", text, LocalDate.now().minusMonths(4), Codes.ClinicalStatus.ACTIVE));
        HttpResponse<String> kickOff = send("GET", "/fhir/$export?_since=" + since, true);
        assertThat(kickOff.statusCode()).as(kickOff.body()).isEqualTo(202);
        JsonNode manifest =
                waitForManifest(kickOff.headers().firstValue("Content-Location").orElseThrow());
        // the new problem is the one Condition; the patients' demographics did not change
        assertThat(output(manifest, "Condition").get("count").asInt()).isEqualTo(1);
        assertThat(types(manifest)).doesNotContain("Patient", "QuestionnaireResponse");
        String conditions = send("GET", path(url(manifest, "Condition")), false).body();
        assertThat(conditions).contains(text);
    }

    @Test
    void withoutPreferAsyncOrWithUnsupportedParametersIs400() throws Exception {
        assertThat(send("GET", "/fhir/$export", false).statusCode()).isEqualTo(400);
        // _since is a FHIR instant: a date alone, or anything else, is refused naming the parameter
        HttpResponse<String> dateOnly = send("GET", "/fhir/$export?_since=2020-01-01", true);
        assertThat(dateOnly.statusCode()).isEqualTo(400);
        assertThat(dateOnly.body()).contains("OperationOutcome").contains("_since");
        assertThat(send("GET", "/fhir/$export?_since=yesterday", true).statusCode())
                .isEqualTo(400);
        assertThat(send("GET", "/fhir/$export?_type=Basic", true).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/fhir/$export-status/" + UUID.randomUUID(), false)
                        .statusCode())
                .isEqualTo(404);
    }

    private JsonNode waitForManifest(String statusUrl) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> r = send("GET", path(statusUrl), false);
            if (r.statusCode() == 200) {
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
                return JsonMapper.shared().readTree(r.body());
            }
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            assertThat(r.headers().firstValue("X-Progress")).isPresent();
            Thread.sleep(200);
        }
        throw new AssertionError("export did not finish in 2 minutes");
    }

    private static List<String> types(JsonNode manifest) {
        List<String> types = new ArrayList<>();
        manifest.get("output").forEach(o -> types.add(o.get("type").asString()));
        return types;
    }

    private static JsonNode output(JsonNode manifest, String type) {
        for (JsonNode o : manifest.get("output")) {
            if (o.get("type").asString().equals(type)) {
                return o;
            }
        }
        throw new AssertionError("no " + type + " output in " + manifest);
    }

    private static String url(JsonNode manifest, String type) {
        return output(manifest, type).get("url").asString();
    }

    private static String path(String url) {
        return url.substring(url.indexOf("/fhir"));
    }

    private HttpResponse<String> send(String method, String path, boolean preferAsync) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Accept", "application/fhir+json")
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (preferAsync) {
            b.header("Prefer", "respond-async");
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
