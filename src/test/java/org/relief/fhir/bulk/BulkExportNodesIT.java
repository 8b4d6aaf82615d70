package org.relief.fhir.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.ReliefApplication;
import org.relief.careteam.CareTeams;
import org.relief.careteam.StaffDirectory;
import org.relief.fhir.FhirExport;
import org.relief.fhir.FhirExportIT;
import org.relief.support.Fixtures;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two Relief nodes on one PostgreSQL: the test's application (node A) and a second application context on a port
 * of its own (node B) that signs in to A's database as an external one, as a second node behind a load balancer
 * would. An export started on one is polled and downloaded from the other; a job whose node died is resumed where it
 * stopped; one that died too often fails with the reason.
 */
@IntegrationTest
class BulkExportNodesIT {

    static final String TOKEN = FhirExportIT.TOKEN;

    private static ConfigurableApplicationContext nodeB;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FhirContext fhir;

    @Autowired
    CareTeams teams;

    @Autowired
    StaffDirectory staff;

    @Autowired
    FhirExport export;

    int portB;

    @BeforeEach
    void secondNode() {
        if (nodeB == null) {
            HikariDataSource a = (HikariDataSource) dataSource;
            // as arguments: they outrank application.yml, as a second node's environment would
            nodeB = new SpringApplicationBuilder(ReliefApplication.class)
                    .profiles("test")
                    .run(
                            "--relief.database.url=" + a.getJdbcUrl(),
                            "--relief.database.user=" + a.getUsername(),
                            "--relief.database.password=" + a.getPassword(),
                            "--relief.demo.enabled=false",
                            "--spring.flyway.enabled=false",
                            "--server.port=0");
        }
        portB = ((WebServerApplicationContext) nodeB).getWebServer().getPort();
        assertThat(portB).isNotEqualTo(port);
    }

    @AfterAll
    static void stopSecondNode() {
        if (nodeB != null) {
            nodeB.close();
            nodeB = null;
        }
    }

    @Test
    void anExportStartedOnOneNodeIsPolledAndDownloadedFromTheOther() throws Exception {
        Set<UUID> mine =
                teams.patientsOf(staff.findByUsername("dr.patel").orElseThrow().id());
        HttpResponse<String> kickOff = send(port, "GET", "/fhir/$export?_type=Patient,Condition", true);
        assertThat(kickOff.statusCode()).as(kickOff.body()).isEqualTo(202);
        String status = path(kickOff.headers().firstValue("Content-Location").orElseThrow());
        UUID job = UUID.fromString(status.substring(status.lastIndexOf('/') + 1));

        JsonNode manifest = waitForManifest(portB, status);
        String patientsFile = path(url(manifest, "Patient"));
        HttpResponse<String> fromB = send(portB, "GET", patientsFile, false);
        assertThat(fromB.statusCode()).as(fromB.body()).isEqualTo(200);
        assertThat(fromB.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+ndjson");
        List<UUID> exported = fromB.body()
                .lines()
                .map(l -> UUID.fromString(
                        fhir.newJsonParser().parseResource(l).getIdElement().getIdPart()))
                .toList();
        assertThat(exported).hasSize(mine.size()).containsExactlyInAnyOrderElementsOf(mine);
        // the download is audited: one row per patient the file holds, naming them
        List<UUID> audited = jdbc.sql("select patient_id from audit_event where what = ? and action = 'READ'")
                .param("FHIR bulk export file Patient.ndjson of export " + job)
                .query(UUID.class)
                .list();
        assertThat(audited).containsExactlyInAnyOrderElementsOf(mine);
        // node A serves the same file
        assertThat(send(port, "GET", patientsFile, false).body()).isEqualTo(fromB.body());

        // deleted on B, gone on A
        assertThat(send(portB, "DELETE", status, false).statusCode()).isEqualTo(202);
        assertThat(send(port, "GET", status, false).statusCode()).isEqualTo(404);
        assertThat(send(port, "GET", patientsFile, false).statusCode()).isEqualTo(404);
    }

    @Test
    void aJobWhoseNodeDiedIsResumedByAnotherAtTheFirstPatientNotWritten() throws Exception {
        var patel = Fixtures.actor(staff, "dr.patel");
        List<UUID> patients = new ArrayList<>(new TreeSet<>(teams.patientsOf(patel.staffId())));
        assertThat(patients).hasSizeGreaterThan(2);
        UUID job = UUID.randomUUID();
        // a node wrote the first two patients, then died: its heartbeat stopped ten minutes ago
        jdbc.sql("""
                insert into fhir_export_job (id, token_id, actor_staff_id, actor_name, actor_role, actor_address,
                                             request, types, patients, patients_done, state, attempts, runner,
                                             heartbeat_at, requested_at)
                values (:id, (select id from fhir_api_token where token_hash = encode(sha256(:token::bytea), 'hex')),
                        :staff, 'api:Demo referring practice', 'PHYSICIAN', '127.0.0.1', :request, 'Patient',
                        :patients::uuid[], 2, 'RUNNING', 1, 'a-node-that-died', now() - interval '10 minutes',
                        now() - interval '11 minutes')""")
                .param("id", job)
                .param("token", TOKEN)
                .param("staff", patel.staffId())
                .param("request", "http://127.0.0.1:" + port + "/fhir/$export?_type=Patient")
                .param("patients", patients.stream().map(UUID::toString).toArray(String[]::new))
                .update();
        for (UUID p : patients.subList(0, 2)) {
            jdbc.sql("""
                    insert into fhir_export_part (job_id, type, patient_id, resources, ndjson)
                    values (?, 'Patient', ?, 1, ?)""")
                    .params(job, p, fhir.newJsonParser().encodeResourceToString(export.patient(patel, p)) + "\n")
                    .update();
        }

        JsonNode manifest = waitForManifest(portB, "/fhir/$export-status/" + job);
        assertThat(output(manifest, "Patient").get("count").asInt()).isEqualTo(patients.size());
        List<UUID> exported = send(port, "GET", path(url(manifest, "Patient")), false)
                .body()
                .lines()
                .map(l -> UUID.fromString(
                        fhir.newJsonParser().parseResource(l).getIdElement().getIdPart()))
                .toList();
        // every patient once, in order: the two written before the node died were not written again
        assertThat(exported).containsExactlyElementsOf(patients);
        assertThat(jdbc.sql("select attempts from fhir_export_job where id = ?")
                        .param(job)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aJobWhoseNodesDiedThreeTimesFailsWithTheReason() throws Exception {
        UUID job = UUID.randomUUID();
        jdbc.sql("""
                insert into fhir_export_job (id, token_id, actor_staff_id, actor_name, actor_role, request, types,
                                             patients, state, attempts, runner, heartbeat_at, requested_at)
                values (:id, (select id from fhir_api_token where token_hash = encode(sha256(:token::bytea), 'hex')),
                        :staff, 'api:Demo referring practice', 'PHYSICIAN', 'GET /fhir/$export', '',
                        '{}'::uuid[], 'RUNNING', 3, 'a-node-that-died', now() - interval '10 minutes', now())""")
                .param("id", job)
                .param("token", TOKEN)
                .param("staff", staff.findByUsername("dr.patel").orElseThrow().id())
                .update();
        long deadline = System.currentTimeMillis() + 30_000;
        HttpResponse<String> r;
        do {
            Thread.sleep(300);
            r = send(port, "GET", "/fhir/$export-status/" + job, false);
        } while (r.statusCode() == 202 && System.currentTimeMillis() < deadline);
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("OperationOutcome").contains("stopped 3 times");
    }

    private JsonNode waitForManifest(int node, String status) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> r = send(node, "GET", status, false);
            if (r.statusCode() == 200) {
                return JsonMapper.shared().readTree(r.body());
            }
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            assertThat(r.headers().firstValue("X-Progress")).isPresent();
            Thread.sleep(200);
        }
        throw new AssertionError("export did not finish in 2 minutes");
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

    private static HttpResponse<String> send(int port, String method, String path, boolean preferAsync)
            throws Exception {
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
