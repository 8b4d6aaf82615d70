package org.relief.fhir.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.relief.careteam.StaffDirectory;
import org.relief.fhir.FhirExportIT;
import org.relief.fhir.token.ApiClient;
import org.relief.fhir.token.ApiTokens;
import org.relief.support.Fixtures;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code POST /fhir} with a referral packet: one Synthea patient's resources as a transaction Bundle. */
@IntegrationTest
class TransactionIT {

    static final String TOKEN = FhirExportIT.TOKEN;
    static final List<String> CLINICAL = List.of("Condition", "MedicationRequest", "Procedure", "Encounter");

    @LocalServerPort
    int port;

    @Autowired
    FhirContext fhir;

    @Autowired
    ApiTokens tokens;

    @Autowired
    StaffDirectory staff;

    @Autowired
    JdbcClient jdbc;
    /** The tables' owner (Flyway's connection): a test may install a failing trigger, the application cannot. */
    @Autowired
    @FlywayDataSource
    javax.sql.DataSource owner;

    @Test
    void aReferralPacketImportsAndSendingItAgainChangesNothing() throws Exception {
        Bundle packet = referralPacket();
        HttpResponse<String> first = post(packet, TOKEN);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        Bundle response = fhir.newJsonParser().parseResource(Bundle.class, first.body());
        assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(response.getEntry()).hasSameSizeAs(packet.getEntry());
        String patientLocation = response.getEntryFirstRep().getResponse().getLocation();
        assertThat(response.getEntryFirstRep().getResponse().getStatus()).isEqualTo("201 Created");
        assertThat(patientLocation).startsWith("Patient/");
        assertThat(response.getEntry())
                .filteredOn(e -> e.getResponse().getLocation() != null
                        && e.getResponse().getLocation().startsWith("Condition/"))
                .isNotEmpty();
        // the sender's practitioners and organizations go to the clinic's directory
        assertThat(response.getEntry())
                .filteredOn(e -> e.getResponse().getLocation() != null
                        && e.getResponse().getLocation().startsWith("Practitioner/"))
                .isNotEmpty();
        // what is not kept says so
        Bundle withBasic = referralPacket();
        org.hl7.fhir.r4.model.Basic basic = new org.hl7.fhir.r4.model.Basic();
        basic.setId(UUID.randomUUID().toString());
        basic.getCode().setText("a note Relief has no place for");
        withBasic
                .addEntry()
                .setResource(basic)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.PUT)
                .setUrl("Basic/" + basic.getIdElement().getIdPart());
        Bundle notKept = fhir.newJsonParser()
                .parseResource(Bundle.class, post(withBasic, TOKEN).body());
        assertThat(notKept.getEntry()
                        .get(notKept.getEntry().size() - 1)
                        .getResponse()
                        .getOutcome())
                .isNotNull();
        long rows = rows();

        String conditions = get("/fhir/Condition?" + "patient=" + patientLocation);
        Bundle found = fhir.newJsonParser().parseResource(Bundle.class, conditions);
        assertThat(found.getTotal()).isPositive();

        HttpResponse<String> again = post(referralPacket(), TOKEN);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        Bundle second = fhir.newJsonParser().parseResource(Bundle.class, again.body());
        assertThat(second.getEntry())
                .allSatisfy(e -> assertThat(e.getResponse().getStatus()).isEqualTo("200 OK"));
        assertThat(second.getEntryFirstRep().getResponse().getLocation()).isEqualTo(patientLocation);
        assertThat(rows()).isEqualTo(rows);
    }

    /**
     * Issue 10, defect 2: ten identical Bundles at once used to register several patients (each transaction saw no
     * source-map row, registered, and the last upsert won the one row). The source identity is locked in the
     * transaction: one request registers the patient, the others find it and answer with the same one.
     */
    @Test
    void tenIdenticalBundlesAtOnceRegisterOnePatient() throws Exception {
        String json = freshPacketJson();
        Bundle packet = fhir.newJsonParser().parseResource(Bundle.class, json);
        String patientId = packet.getEntryFirstRep().getFullUrl().substring("urn:uuid:".length());
        long patientsBefore =
                jdbc.sql("select count(*) from patient").query(Long.class).single();
        int n = 10;
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return send(json, TOKEN);
                }));
            }
            start.countDown();
            Set<String> locations = new java.util.HashSet<>();
            for (var a : answers) {
                HttpResponse<String> r = a.get(120, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                locations.add(fhir.newJsonParser()
                        .parseResource(Bundle.class, r.body())
                        .getEntryFirstRep()
                        .getResponse()
                        .getLocation());
            }
            assertThat(locations).singleElement().asString().startsWith("Patient/");
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from patient").query(Long.class).single())
                .isEqualTo(patientsBefore + 1);
        assertThat(jdbc.sql("select count(*) from fhir_source_map where resource_type = 'Patient' and resource_id = ?")
                        .param(patientId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // every resource of the packet is on file once, each pointing at the one patient
        assertThat(jdbc.sql("select count(distinct patient_id) from fhir_source_map where resource_id = ?")
                        .param(patientId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    /** The referral packet with fresh ids for its patient and clinical resources: new to every other test. */
    private String freshPacketJson() throws Exception {
        Bundle packet = referralPacket();
        String json = fhir.newJsonParser().encodeResourceToString(packet);
        Set<String> ids = new java.util.HashSet<>();
        ids.add(packet.getEntryFirstRep().getFullUrl().substring("urn:uuid:".length()));
        for (Bundle.BundleEntryComponent e : packet.getEntry()) {
            if (CLINICAL.contains(e.getResource().fhirType())) {
                ids.add(e.getResource().getIdElement().getIdPart());
            }
        }
        for (String id : ids) {
            json = json.replace(id, UUID.randomUUID().toString());
        }
        for (Identifier i : ((Patient) packet.getEntryFirstRep().getResource()).getIdentifier()) {
            if (i.hasValue()) {
                json = json.replace("\"" + i.getValue() + "\"", "\"" + UUID.randomUUID() + "\"");
            }
        }
        return json;
    }

    @Test
    void theTransactionIsTakenAtTheBaseWithATrailingSlashToo() throws Exception {
        // the HAPI FHIR generic client posts a transaction to "[base]/"
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fhir/"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        fhir.newJsonParser().encodeResourceToString(freshPatientOnly())))
                .build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(fhir.newJsonParser().parseResource(Bundle.class, r.body()).getType())
                .isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
    }

    /** The shared packet's Patient alone, with fresh identifiers and a fresh full URL: a patient new to Relief. */
    private Bundle freshPatientOnly() throws Exception {
        Patient patient = (Patient) referralPacket().getEntryFirstRep().getResource();
        patient.getIdentifier().forEach(i -> i.setValue(UUID.randomUUID().toString()));
        patient.getGeneralPractitioner().clear();
        patient.setManagingOrganization(null);
        Bundle packet = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        packet.addEntry()
                .setFullUrl("urn:uuid:" + UUID.randomUUID())
                .setResource(patient)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Patient");
        return packet;
    }

    @Test
    void anOutsideProcedureKeepsWhatTheSenderSaidAboutItsResultAndItsCptCode() throws Exception {
        // a patient of its own (fresh identifiers): the shared packet's patient stays new to the other tests
        Patient patient = (Patient) referralPacket().getEntryFirstRep().getResource();
        patient.getIdentifier().forEach(i -> i.setValue(UUID.randomUUID().toString()));
        Bundle packet = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        packet.addEntry()
                .setFullUrl("urn:uuid:" + UUID.randomUUID())
                .setResource(patient)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Patient");
        String name = "Lumbar transforaminal epidural steroid injection " + UUID.randomUUID();
        org.hl7.fhir.r4.model.Procedure esi = new org.hl7.fhir.r4.model.Procedure();
        esi.setId(UUID.randomUUID().toString());
        esi.setStatus(org.hl7.fhir.r4.model.Procedure.ProcedureStatus.COMPLETED);
        esi.getCode()
                .setText(name)
                .addCoding()
                .setSystem("http://www.ama-assn.org/go/cpt")
                .setCode("64483");
        esi.setSubject(new Reference(packet.getEntryFirstRep().getFullUrl()));
        esi.setPerformed(new org.hl7.fhir.r4.model.DateTimeType("2026-01-09"));
        esi.getOutcome().setText("No improvement");
        packet.addEntry()
                .setResource(esi)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.PUT)
                .setUrl("Procedure/" + esi.getIdElement().getIdPart());
        HttpResponse<String> r = post(packet, TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var row = jdbc.sql("select result, result_as_reported, cpt_code from prior_treatment where therapy = ?")
                .param(name)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
        assertThat(row).containsExactly("NONE", "No improvement", "64483");
    }

    @Test
    void aDanglingReferenceFailsTheWholeBundleWithAnOperationOutcome() throws Exception {
        Bundle packet = referralPacket();
        Resource condition = packet.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r.fhirType().equals("Condition"))
                .findFirst()
                .orElseThrow();
        ((org.hl7.fhir.r4.model.Condition) condition).setEncounter(new Reference("Encounter/not-in-the-packet"));
        String patientId = packet.getEntryFirstRep().getFullUrl();
        HttpResponse<String> r = post(packet, TOKEN);
        assertThat(r.statusCode()).isEqualTo(400);
        OperationOutcome oo = fhir.newJsonParser().parseResource(OperationOutcome.class, r.body());
        assertThat(oo.getIssue())
                .anySatisfy(i -> assertThat(i.getDiagnostics()).contains("Encounter/not-in-the-packet"));
        assertThat(jdbc.sql("select count(*) from fhir_source_map where resource_id = ?")
                        .param(patientId.substring("urn:uuid:".length()))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void badBundlesAre400AndAReadOnlyToken403() throws Exception {
        Bundle batch = referralPacket().setType(Bundle.BundleType.BATCH);
        HttpResponse<String> notTransaction = post(batch, TOKEN);
        assertThat(notTransaction.statusCode()).isEqualTo(400);
        assertThat(notTransaction.body()).contains("Bundle.type");
        assertThat(send("{\"resourceType\": \"Bundle\", broken", TOKEN).statusCode())
                .isEqualTo(400);
        Bundle twoPatients = referralPacket();
        twoPatients
                .addEntry()
                .setResource(new Patient().setActive(true).setId("second"))
                .getRequest()
                .setMethod(Bundle.HTTPVerb.PUT)
                .setUrl("Patient/second");
        HttpResponse<String> two = post(twoPatients, TOKEN);
        assertThat(two.statusCode()).isEqualTo(400);
        assertThat(two.body()).contains("one Patient");
        String readOnly = tokens.issue(
                        Fixtures.actor(staff, "admin"),
                        "read-only " + UUID.randomUUID(),
                        Set.of(ApiClient.READ),
                        staff.findByUsername("dr.patel").orElseThrow().id())
                .token();
        assertThat(post(referralPacket(), readOnly).statusCode()).isEqualTo(403);
    }

    @Test
    void aBodyOverTheLimitIs413OnItsContentLengthBeforeAByteIsRead() throws Exception {
        long patientsBefore = patientCount();
        // a declared length over the limit (16 MB by default) and no body at all: refused at once, not waited for
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /fhir HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/fhir+json\r\nContent-Length: " + (16L * 1024 * 1024 + 1)
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // the answer comes while the client still owes the body (it is never sent): read it by its length
            java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
            StringBuilder answer = new StringBuilder();
            int length = -1;
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                answer.append(line).append('\n');
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(
                            line.substring("content-length:".length()).trim());
                }
            }
            assertThat(length).as(answer.toString()).isPositive();
            byte[] body = new byte[length];
            in.readFully(body);
            answer.append(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(answer.toString()).startsWith("HTTP/1.1 413");
            assertThat(answer.toString())
                    .contains("OperationOutcome")
                    .contains("16 MB")
                    .contains("RELIEF_FHIR_TRANSACTION_MAX")
                    .contains("Nothing was stored");
        }
        assertThat(patientCount()).isEqualTo(patientsBefore);
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimitWith413AndNothingIsStored() throws Exception {
        // a valid referral packet followed by 16 MB of JSON whitespace, sent without a length (chunked): read whole,
        // it would register the patient
        Bundle packet = referralPacket();
        String patientId = packet.getEntryFirstRep().getFullUrl().substring("urn:uuid:".length());
        byte[] json =
                fhir.newJsonParser().encodeResourceToString(packet).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long padding = 16L * 1024 * 1024;
        java.io.InputStream spaces = new java.io.InputStream() {
            long left = padding;

            @Override
            public int read() {
                return left-- > 0 ? ' ' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) ' ');
                left -= n;
                return n;
            }
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fhir"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(json), spaces)))
                .build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        OperationOutcome oo = fhir.newJsonParser().parseResource(OperationOutcome.class, r.body());
        assertThat(oo.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.TOOCOSTLY);
        assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("16 MB");
        assertThat(jdbc.sql("select count(*) from fhir_source_map where resource_id = ?")
                        .param(patientId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aTransactionOfAStaffMemberWhoIsNoPhysicianIsRefusedAndTheRefusalAudited() throws Exception {
        // a token issued for the chiropractor (its actor in the audit log: "api:" and the token's name)
        String name = "chiropractic " + UUID.randomUUID();
        String chiro = tokens.issue(
                        Fixtures.actor(staff, "admin"),
                        name,
                        Set.of(ApiClient.READ, ApiClient.WRITE),
                        staff.findByUsername("chiro.lee").orElseThrow().id())
                .token();
        HttpResponse<String> r = post(referralPacket(), chiro);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(deniedTransactions("api:" + name)).isEqualTo(1);
        var row = jdbc.sql("select actor_role, outcome from audit_event where actor = ? and action = 'DENIED' "
                        + "and what like 'FHIR transaction%'")
                .param("api:" + name)
                .query()
                .singleRow();
        assertThat(row.get("actor_role")).isEqualTo("CHIROPRACTOR");
        assertThat((String) row.get("outcome")).contains("Chiropractor").contains("FHIR transaction");
    }

    @Test
    void aDatabaseErrorIsA500WithAnErrorReferenceAndNoSql() throws Exception {
        Bundle packet = referralPacket();
        ((Patient) packet.getEntryFirstRep().getResource()).getNameFirstRep().setFamily("Triggerfail");
        JdbcClient asOwner = JdbcClient.create(owner);
        asOwner.sql("""
                create or replace function relief_test_fail() returns trigger language plpgsql as $$
                begin raise exception 'test trigger refuses %', new.family_name; end $$""").update();
        asOwner.sql("create trigger relief_test_fail before insert on patient_summary for each row "
                        + "when (new.family_name = 'Triggerfail') execute function relief_test_fail()")
                .update();
        HttpResponse<String> r;
        try {
            r = post(packet, TOKEN);
        } finally {
            asOwner.sql("drop trigger relief_test_fail on patient_summary").update();
            asOwner.sql("drop function relief_test_fail()").update();
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(500);
        assertThat(r.body())
                .doesNotContainIgnoringCase("insert into")
                .doesNotContainIgnoringCase("sql")
                .doesNotContain("test trigger refuses")
                .doesNotContain("Exception")
                .contains("error reference");
        OperationOutcome oo = fhir.newJsonParser().parseResource(OperationOutcome.class, r.body());
        assertThat(oo.getIssue())
                .anySatisfy(i -> assertThat(i.getCode()).isEqualTo(OperationOutcome.IssueType.EXCEPTION));
        assertThat(patientCountNamed("Triggerfail")).isZero();
    }

    @Test
    void aPostEntryWithoutAnIdGetsOneFromRelief() throws Exception {
        Patient patient = (Patient) referralPacket().getEntryFirstRep().getResource();
        patient.setId((String) null);
        patient.getNameFirstRep().setFamily("Noidpost");
        Bundle post = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        post.addEntry()
                .setResource(patient)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Patient");
        HttpResponse<String> created = post(post, TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        Bundle response = fhir.newJsonParser().parseResource(Bundle.class, created.body());
        assertThat(response.getEntryFirstRep().getResponse().getStatus()).isEqualTo("201 Created");
        assertThat(response.getEntryFirstRep().getResponse().getLocation()).startsWith("Patient/");
        assertThat(patientCountNamed("Noidpost")).isEqualTo(1);
        // a PUT names what it puts: without an id it is still refused
        Bundle put = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        patient.getNameFirstRep().setFamily("Noidput");
        put.addEntry()
                .setResource(patient)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.PUT)
                .setUrl("Patient");
        HttpResponse<String> refused = post(put, TOKEN);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Bundle.entry[0]").contains("needs an id");
        assertThat(patientCountNamed("Noidput")).isZero();
    }

    private static String readLine(java.io.InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                throw new java.io.EOFException("the connection ended after: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private long patientCount() {
        return jdbc.sql("select count(*) from patient").query(Long.class).single();
    }

    private long patientCountNamed(String family) {
        return jdbc.sql("select count(*) from patient_summary where family_name = ?")
                .param(family)
                .query(Long.class)
                .single();
    }

    private long deniedTransactions(String actor) {
        return jdbc.sql("select count(*) from audit_event where actor = ? and action = 'DENIED' "
                        + "and what like 'FHIR transaction%'")
                .param(actor)
                .query(Long.class)
                .single();
    }

    /**
     * The Synthea sample's smallest patient as a primary-care referral: the Patient (fresh id, sent as a
     * {@code urn:uuid:} full URL that its resources reference), its conditions, medications, procedures and
     * encounters (fresh ids), and the practitioners, organizations and locations they name.
     */
    private Bundle referralPacket() throws Exception {
        if (packetJson == null) {
            packetJson = fhir.newJsonParser().encodeResourceToString(buildPacket());
        }
        return fhir.newJsonParser().parseResource(Bundle.class, packetJson);
    }

    private static String packetJson;

    private Bundle buildPacket() throws Exception {
        Path dir = SamplePacket.syntheaBulk7();
        Map<String, Resource> byRef = new HashMap<>();
        Map<String, List<Resource>> ofPatient = new LinkedHashMap<>();
        for (Path f : Files.list(dir).sorted().toList()) {
            for (String line : Files.readAllLines(f)) {
                if (line.isBlank()) {
                    continue;
                }
                Resource r = (Resource) fhir.newJsonParser().parseResource(line);
                byRef.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
                for (Identifier id : identifiers(r)) {
                    byRef.put(r.fhirType() + "?identifier=" + id.getSystem() + "|" + id.getValue(), r);
                }
                if (CLINICAL.contains(r.fhirType())) {
                    Reference subject = r instanceof org.hl7.fhir.r4.model.Encounter e
                            ? e.getSubject()
                            : (Reference)
                                    r.getNamedProperty("subject").getValues().get(0);
                    ofPatient
                            .computeIfAbsent(subject.getReference(), k -> new java.util.ArrayList<>())
                            .add(r);
                }
            }
        }
        String smallest = ofPatient.entrySet().stream()
                .min(java.util.Comparator.comparingInt(e -> e.getValue().size()))
                .orElseThrow()
                .getKey();
        Patient patient = (Patient) byRef.get(smallest);
        String fresh = UUID.randomUUID().toString();
        Map<String, String> renamed = new HashMap<>();
        renamed.put(smallest, "urn:uuid:" + fresh);
        for (Resource r : ofPatient.get(smallest)) {
            renamed.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), r.fhirType() + "/" + UUID.randomUUID());
        }
        Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        patient.setId((String) null);
        b.addEntry()
                .setFullUrl("urn:uuid:" + fresh)
                .setResource(patient)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Patient");
        Deque<Resource> todo = new ArrayDeque<>(ofPatient.get(smallest));
        todo.addFirst(patient);
        Set<Resource> added = new java.util.HashSet<>(List.of(patient));
        while (!todo.isEmpty()) {
            Resource r = todo.poll();
            for (Reference ref : fhir.newTerser().getAllPopulatedChildElementsOfType(r, Reference.class)) {
                Resource target = byRef.get(ref.getReference());
                if (renamed.containsKey(ref.getReference())) {
                    ref.setReference(renamed.get(ref.getReference()));
                } else if (target != null && added.add(target)) {
                    todo.add(target);
                    b.addEntry()
                            .setResource(target)
                            .getRequest()
                            .setMethod(Bundle.HTTPVerb.PUT)
                            .setUrl(target.fhirType() + "/"
                                    + target.getIdElement().getIdPart());
                }
            }
            if (r != patient && CLINICAL.contains(r.fhirType())) {
                String id = renamed.get(r.fhirType() + "/" + r.getIdElement().getIdPart())
                        .split("/")[1];
                r.setId(id);
                b.addEntry()
                        .setResource(r)
                        .getRequest()
                        .setMethod(Bundle.HTTPVerb.PUT)
                        .setUrl(r.fhirType() + "/" + id);
            }
        }
        return b;
    }

    private static List<Identifier> identifiers(Resource r) {
        if (r instanceof Practitioner p) {
            return p.getIdentifier();
        }
        if (r instanceof Organization o) {
            return o.getIdentifier();
        }
        if (r instanceof org.hl7.fhir.r4.model.Location l) {
            return l.getIdentifier();
        }
        return List.of();
    }

    private long rows() {
        return jdbc.sql("select (select count(*) from problem) + (select count(*) from medication) "
                        + "+ (select count(*) from encounter) + (select count(*) from prior_treatment)")
                .query(Long.class)
                .single();
    }

    private HttpResponse<String> post(Bundle bundle, String token) throws Exception {
        return send(fhir.newJsonParser().encodeResourceToString(bundle), token);
    }

    private HttpResponse<String> send(String body, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fhir"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN)
                .GET()
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
