package org.relief.web;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.careteam.StaffDirectory;
import org.relief.fhir.FhirExportIT;
import org.relief.patient.Patients;
import org.relief.support.Fixtures;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 10, defect 4, the rest of it: FHIR resources with bad text or dates, JSON map keys, dates bound from the
 * address or a form, an unknown goal kind, an order without indication, NaN and Infinity as numbers, a multipart body
 * without a boundary and an undecodable FHIR query are each a 400 naming the field (never a 500), and change nothing.
 */
@IntegrationTest
class BadInputRemainderIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    Patients patients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FhirContext fhir;

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

    // --- FHIR request bodies ---

    @Test
    void aFhirPatientWithAControlCharacterIs400NamingTheElementAndStoresNothing() {
        long before = count("patient");
        Patient p = patient();
        p.getNameFirstRep().setFamily("Ab\u0000bott");
        HttpResponse<String> r = fhirPost(transaction(p));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body())
                .contains("OperationOutcome")
                .contains("Patient.name[0].family")
                .contains("control character");
        assertThat(count("patient")).isEqualTo(before);
    }

    @Test
    void aFhirPatientWithAnOverLongTextIs400NamingTheElement() {
        long before = count("patient");
        Patient p = patient();
        p.getNameFirstRep().getGiven().get(0).setValue("x".repeat(100_001));
        HttpResponse<String> r = fhirPost(transaction(p));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("Patient.name[0].given[0]").contains("too long");
        assertThat(count("patient")).isEqualTo(before);
    }

    @Test
    void aFhirPatientBornOutOfTheSaneRangeIs400NamingTheElement() {
        long before = count("patient");
        Patient p = patient();
        p.setBirthDateElement(new DateType("1850-03-02"));
        HttpResponse<String> r = fhirPost(transaction(p));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("Patient.birthDate").contains("between 1900-01-01 and 2100-12-31");
        assertThat(count("patient")).isEqualTo(before);
    }

    @Test
    void anUndecodableFhirQueryIs400() throws Exception {
        for (String query :
                new String[] {"/fhir/Patient?name=%E0%A4%A", "/fhir/Condition?patient=%zz", "/fhir/Patient?name=%C3%28"
                }) {
            String r = rawGet(query);
            assertThat(r).as(query).startsWith("HTTP/1.1 400");
            assertThat(r).as(query).contains("OperationOutcome");
        }
    }

    @Test
    void aFhirSearchDateOutOfRangeIs400() {
        HttpResponse<String> r = fhirGet("/fhir/Patient?birthdate=-999999999-01-01");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("birthdate");
    }

    // --- JSON ---

    @Test
    void aControlCharacterInAJsonMapKeyIs400NamingTheMap() {
        long before = count("instrument_response");
        HttpResponse<String> r = patel.postJson("/api/patients/" + patientId + "/instruments/NRS", """
                {"administeredOn": "2026-01-05", "answers": {"nrs\\u0000": 5}}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("answers").contains("control character");
        assertThat(count("instrument_response")).isEqualTo(before);
    }

    @Test
    void anOrderWithoutIndicationIs400NamingIt() {
        long before = count("procedure_order");
        HttpResponse<String> r = patel.postJson("/api/patients/" + patientId + "/procedure-orders", """
                {"type": "ESI_INTERLAMINAR", "region": "LUMBAR", "side": "NONE", "levels": 1,
                 "plannedDate": "2026-12-01", "imageGuidance": true, "particulateSteroid": false,
                 "bleedingRiskFactors": false}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"indication\"");
        assertThat(count("procedure_order")).isEqualTo(before);
    }

    @Test
    void nanOrInfinityAsADoseIs400NamingTheField() {
        long before = count("procedure_order");
        // a bare NaN is not JSON at all: that is said of the body
        for (String dose : new String[] {"\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "1e999", "NaN"}) {
            HttpResponse<String> r =
                    patel.postJson("/api/patients/" + patientId + "/procedure-orders", """
                    {"type": "ESI_INTERLAMINAR", "region": "LUMBAR", "side": "NONE", "levels": 1,
                     "plannedDate": "2026-12-01", "indication": "RADICULOPATHY", "steroidMg": %s,
                     "imageGuidance": true, "particulateSteroid": false, "bleedingRiskFactors": false}""".formatted(dose));
            assertThat(r.statusCode()).as(dose + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).as(dose).contains(dose.equals("NaN") ? "\"field\":\"body\"" : "steroidMg");
        }
        assertThat(count("procedure_order")).isEqualTo(before);
    }

    @Test
    void nanAsADoseInTheOrderFormIs400NamingTheField() {
        Http session = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        long before = count("procedure_order");
        for (String dose : new String[] {"NaN", "Infinity", "-Infinity"}) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("type", "ESI_INTERLAMINAR");
            form.put("region", "LUMBAR");
            form.put("side", "NONE");
            form.put("levels", "1");
            form.put("plannedDate", "2026-12-01");
            form.put("indication", "RADICULOPATHY");
            form.put("steroidMg", dose);
            HttpResponse<String> r = session.postForm("/patients/" + patientId + "/procedures/orders", form);
            assertThat(r.statusCode()).as(dose).isEqualTo(400);
            assertThat(r.body()).contains("Steroid dose (mg)");
        }
        assertThat(count("procedure_order")).isEqualTo(before);
    }

    // --- forms and addresses ---

    @Test
    void anUnknownGoalKindIs400NamingTheGoal() {
        Http session = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        long before = count("plan_version");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("basedOnVersion", "0");
        form.put("changeReason", "First plan after the evaluation");
        form.put("goal[0].kind", "WORLD_PEACE");
        form.put("goal[0].description", "Walk the dog every day");
        form.put("therapy[0].code", "PT");
        form.put(
                "therapy[0].owner",
                staff.findByUsername("dr.patel").orElseThrow().id().toString());
        form.put("therapy[0].frequency", "Twice a week");
        form.put("therapy[0].start", "2026-12-01");
        HttpResponse<String> r = session.postForm("/patients/" + patientId + "/plan", form);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("Goal 1: kind");
        assertThat(count("plan_version")).isEqualTo(before);
    }

    @Test
    void aPlanRowFarBeyondTheFormIsNotAServerError() {
        Http session = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        long before = count("plan_version");
        HttpResponse<String> r = session.postForm(
                "/patients/" + patientId + "/plan",
                Map.of(
                        "basedOnVersion",
                        "0",
                        "goal[99999].kind",
                        "PAIN",
                        "goal[99999].description",
                        "Sleep through",
                        "therapy[-1].code",
                        "PT"));
        assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
        assertThat(count("plan_version")).isEqualTo(before);
    }

    @Test
    void aDateFarOutOfRangeInTheAddressIs400() {
        Http admin = Http.session(port, "admin", IntegrationTest.ADMIN_PASSWORD);
        HttpResponse<String> audit = admin.getAsBrowser("/admin/audit?from=-999999999-01-01");
        assertThat(audit.statusCode()).isEqualTo(400);
        HttpResponse<String> glass = admin.getAsBrowser("/admin/break-glass?from=%2B999999999-12-31");
        assertThat(glass.statusCode()).isEqualTo(400);
    }

    @Test
    void aMultipartBodyWithoutABoundaryIs400AndStartsNoImport() {
        Http admin = Http.session(port, "admin", IntegrationTest.ADMIN_PASSWORD);
        long before = count("patient");
        HttpResponse<String> r = admin.raw(
                "POST",
                "/admin/fhir-import",
                "multipart/form-data",
                "--x\r\nContent-Disposition: form-data; name=\"physician\"\r\n\r\ndr.patel\r\n--x--\r\n");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(count("patient")).isEqualTo(before);
    }

    // --- helpers ---

    private Patient patient() {
        Patient p = new Patient();
        p.addIdentifier().setSystem("urn:test:mrn").setValue(UUID.randomUUID().toString());
        p.addName().setFamily("Abbott").addGiven("Rosa");
        p.setGender(Enumerations.AdministrativeGender.FEMALE);
        p.setBirthDateElement(new DateType("1961-04-12"));
        return p;
    }

    private String transaction(Patient p) {
        Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        b.addEntry()
                .setFullUrl("urn:uuid:" + UUID.randomUUID())
                .setResource(p)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Patient");
        return fhir.newJsonParser().encodeResourceToString(b);
    }

    private HttpResponse<String> fhirPost(String body) {
        return fhir(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fhir"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> fhirGet(String path) {
        return fhir(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET());
    }

    private HttpResponse<String> fhir(HttpRequest.Builder b) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            b.header("Authorization", "Bearer " + FhirExportIT.TOKEN)
                                    .header("Accept", "application/fhir+json")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A GET sent byte for byte (Java's HTTP client refuses to send a malformed query). */
    private String rawGet(String pathAndQuery) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Authorization: Bearer " + FhirExportIT.TOKEN
                                    + "\r\nAccept: application/fhir+json\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
