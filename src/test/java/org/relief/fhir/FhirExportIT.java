package org.relief.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.careteam.CareTeams;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.Patients;
import org.relief.support.Fixtures;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
public class FhirExportIT {

    public static final String TOKEN = "test-demo-api-token";

    @LocalServerPort
    int port;

    @Autowired
    FhirExport export;

    @Autowired
    FhirValidation validation;

    @Autowired
    FhirContext fhir;

    @Autowired
    CareTeams teams;

    @Autowired
    StaffDirectory staff;

    @Autowired
    Patients patients;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyDemoPatientsChartExportsAsValidR4() {
        List<UUID> ids = jdbc.sql("select id from patient order by mrn")
                .query(UUID.class)
                .list();
        assertThat(ids).hasSizeGreaterThan(10);
        List<String> errors = new ArrayList<>();
        int resources = 0;
        java.util.Set<String> types = new java.util.TreeSet<>();
        for (UUID id : ids) {
            var member = teams.members(id).stream()
                    .filter(m -> m.role().isClinician())
                    .findFirst()
                    .orElseThrow();
            Actor actor = new Actor(member.staffId(), member.username(), member.role(), "127.0.0.1");
            List<Resource> chart = export.everything(actor, id);
            Bundle bundle = FhirExport.searchset("http://localhost/fhir", chart, chart.size());
            resources += chart.size();
            chart.forEach(r -> types.add(r.fhirType()));
            // each resource on its own (messages name it), then the bundle as a whole
            for (Resource r : chart) {
                validation.errors(r).forEach(e -> errors.add(r.fhirType() + "/" + r.getIdPart() + " " + e));
            }
            if (id.equals(ids.get(0))) {
                // the bundle itself once: validating every bundle would validate every resource twice
                validation.errors(bundle).forEach(e -> errors.add("Bundle of " + id + " " + e));
            }
        }
        assertThat(errors).as("validation errors").isEmpty();
        assertThat(resources).isGreaterThan(ids.size() * 5);
        // the demo's clinical stories: instrument responses and evaluation diagnoses are exported too
        assertThat(types).contains("QuestionnaireResponse", "Observation", "Condition");
    }

    @Test
    void everythingOverHttpWithTheDemoTokenIsAuditedAsTheIntegration() throws Exception {
        var mine =
                teams.patientsOf(staff.findByUsername("dr.patel").orElseThrow().id());
        // a patient with a problem and a medication (other tests leave patients with medications only)
        UUID patientId = jdbc
                .sql("select distinct m.patient_id from medication m join problem p using (patient_id)")
                .query(UUID.class)
                .list()
                .stream()
                .filter(mine::contains)
                .findFirst()
                .orElseThrow();
        long before = audit.count(patientId, AuditAction.READ);
        HttpResponse<String> r = get("/fhir/Patient/" + patientId + "/$everything", TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+json");
        Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, r.body());
        assertThat(bundle.getEntry())
                .extracting(e -> e.getResource().fhirType())
                .contains("Patient", "Condition", "MedicationStatement", "CareTeam", "Practitioner");
        assertThat(audit.count(patientId, AuditAction.READ)).isGreaterThan(before);
        assertThat(audit.search(new org.relief.audit.AuditQuery(
                        patientId, "api:Demo referring practice", null, null, AuditAction.READ, 5)))
                .isNotEmpty();
    }

    @Autowired
    org.relief.patient.ChartService charts;

    /** $everything keeps the JSON of each record version it wrote: a correction and a void show the next time. */
    @Test
    void everythingOverHttpShowsACorrectionAndAVoidTheNextTime() throws Exception {
        var patel = staff.findByUsername("dr.patel").orElseThrow();
        Actor actor = new Actor(patel.id(), patel.username(), patel.role(), "127.0.0.1");
        UUID patientId = teams.patientsOf(patel.id()).stream()
                .filter(id -> {
                    try {
                        charts.requireMayWrite(actor, id, org.relief.patient.EntryKind.PROBLEM, "test");
                        return true;
                    } catch (RuntimeException refused) {
                        return false; // a safety hold, say
                    }
                })
                .findFirst()
                .orElseThrow();
        var kind = org.relief.patient.EntryKind.PROBLEM;
        var first = charts.add(
                actor,
                patientId,
                kind,
                new org.relief.patient.Problem(
                        "M54.50",
                        "Low back pain, before the correction",
                        null,
                        org.relief.patient.Codes.ClinicalStatus.ACTIVE));
        var second = charts.add(
                actor,
                patientId,
                kind,
                new org.relief.patient.Problem(
                        "M79.18", "Myalgia, entered by mistake", null, org.relief.patient.Codes.ClinicalStatus.ACTIVE));
        String path = "/fhir/Patient/" + patientId + "/$everything";
        String before = get(path, TOKEN).body();
        assertThat(before).contains("Low back pain, before the correction", "Myalgia, entered by mistake");
        assertThat(get(path, TOKEN).body()).isEqualTo(before);

        charts.correct(
                actor,
                patientId,
                kind,
                first.entryId(),
                first.version(),
                new org.relief.patient.Problem(
                        "M54.50", "Low back pain, corrected", null, org.relief.patient.Codes.ClinicalStatus.ACTIVE),
                "wording");
        charts.voidEntry(actor, patientId, kind, second.entryId(), second.version(), "wrong patient");
        String after = get(path, TOKEN).body();
        assertThat(after)
                .contains("Low back pain, corrected")
                .doesNotContain("before the correction")
                .doesNotContain("Myalgia, entered by mistake");
    }

    @Test
    void noTokenIs401AndABadTokenToo() throws Exception {
        assertThat(get("/fhir/metadata", null).statusCode()).isEqualTo(401);
        HttpResponse<String> bad = get("/fhir/metadata", "not-a-token");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.body()).contains("OperationOutcome");
    }

    @Test
    void metadataIsACapabilityStatement() throws Exception {
        HttpResponse<String> r = get("/fhir/metadata", TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        var cs = fhir.newJsonParser().parseResource(org.hl7.fhir.r4.model.CapabilityStatement.class, r.body());
        assertThat(cs.getRestFirstRep().getResource())
                .extracting(x -> x.getType())
                .contains("Patient");
        assertThat(validation.errors(cs)).isEmpty();
    }

    @Test
    void unknownPatientIs404AndAPatientOutsideTheTeamIs403() throws Exception {
        HttpResponse<String> missing = get("/fhir/Patient/" + UUID.randomUUID(), TOKEN);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("OperationOutcome");
        UUID patel = staff.findByUsername("dr.patel").orElseThrow().id();
        UUID other = jdbc.sql("select id from patient").query(UUID.class).list().stream()
                .filter(id -> !teams.isMember(patel, id))
                .findFirst()
                .orElseThrow();
        assertThat(get("/fhir/Patient/" + other, TOKEN).statusCode()).isEqualTo(403);
    }

    @Test
    void patientSearchByNameBirthdateAndIdentifierPages() throws Exception {
        Actor patel = Fixtures.actor(staff, "dr.patel");
        var mine = patients.search(patel, "", Patients.Scope.MINE, 200);
        assertThat(mine.size()).isGreaterThan(2);
        Bundle all = parse(get("/fhir/Patient?_count=2", TOKEN).body());
        assertThat(all.getTotal()).isEqualTo(mine.size());
        assertThat(all.getEntry()).hasSize(2);
        assertThat(all.getLink("next")).isNotNull();
        Bundle second = parse(get(
                        all.getLink("next")
                                .getUrl()
                                .substring(all.getLink("next").getUrl().indexOf("/fhir")),
                        TOKEN)
                .body());
        assertThat(second.getEntry().get(0).getResource().getIdPart())
                .isNotEqualTo(all.getEntry().get(0).getResource().getIdPart());
        var one = mine.get(0);
        Bundle byMrn = parse(get("/fhir/Patient?identifier=urn:relief:mrn%7C" + one.mrn(), TOKEN)
                .body());
        assertThat(byMrn.getEntry())
                .singleElement()
                .extracting(e -> e.getResource().getIdPart())
                .isEqualTo(one.id().toString());
        Bundle byName = parse(get("/fhir/Patient?name=" + one.familyName() + "&birthdate=" + one.birthDate(), TOKEN)
                .body());
        assertThat(byName.getEntry())
                .extracting(e -> e.getResource().getIdPart())
                .contains(one.id().toString());
    }

    private Bundle parse(String body) {
        return fhir.newJsonParser().parseResource(Bundle.class, body);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
