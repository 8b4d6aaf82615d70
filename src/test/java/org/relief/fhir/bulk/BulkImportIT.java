package org.relief.fhir.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.careteam.Actor;
import org.relief.fhir.FhirValidation;
import org.relief.fhir.bulk.ImportReport.Status;
import org.relief.fhir.translate.DocumentTranslator;
import org.relief.patient.ChartService;
import org.relief.patient.EntryKind;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class BulkImportIT {

    @Autowired
    BulkImport importer;

    @Autowired
    ChartService charts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FhirValidation validation;

    @Test
    void importsTheSyntheaPacketAndAReimportChangesNothing() throws Exception {
        Path dir = SamplePacket.syntheaBulk7();
        Actor actor = importer.importer("test", "dr.patel", "127.0.0.1");
        List<String> progress = new ArrayList<>();
        ImportReport first = importer.importFolder(actor, dir, "urn:test:synthea-1", p -> progress.add(p.toString()));

        assertThat(first.failures()).as(first.text()).isEmpty();
        assertThat(first.patientsImported()).isEqualTo(7);
        assertThat(first.countOf("Patient", Status.CREATED)).isEqualTo(7);
        assertThat(first.countOf("Condition", Status.CREATED)).isGreaterThan(100);
        assertThat(first.countOf("MedicationRequest", Status.CREATED)).isGreaterThan(100);
        assertThat(first.countOf("Procedure", Status.CREATED)).isGreaterThan(100);
        assertThat(first.countOf("Encounter", Status.CREATED)).isEqualTo(282);
        assertThat(first.countOf("Immunization", Status.SKIPPED)).isEqualTo(98);
        assertThat(first.countOf("DocumentReference", Status.CREATED)).isEqualTo(282);
        assertThat(first.countOf("Practitioner", Status.SKIPPED)).isEqualTo(43);
        assertThat(progress).last().asString().startsWith("2496 / 2496 resources");

        // a chart from the packet: SNOMED CT kept, RxNorm kept, the referral names a clinician from the packet
        UUID patientId = jdbc.sql("""
                select patient_id from fhir_source_map where source = 'urn:test:synthea-1' and resource_type = 'Patient'
                limit 1""").query(UUID.class).single();
        var chart = charts.chart(actor, patientId);
        assertThat(chart.problems())
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.data().snomedCode()).isNotNull());
        assertThat(chart.referrals())
                .singleElement()
                .satisfies(r -> assertThat(r.data().referringClinician()).startsWith("Dr."));
        long versionsBefore = rows();
        // clinical notes (DocumentReference, base64 text) become attached documents, and go out again as valid R4
        var docs = jdbc.sql("select distinct patient_id from document")
                .query(java.util.UUID.class)
                .list();
        assertThat(docs).isNotEmpty();
        var someDocs = charts.entries(actor, docs.get(0), org.relief.patient.EntryKind.DOCUMENT);
        assertThat(someDocs).allSatisfy(d -> assertThat(d.data().content()).isNotBlank());
        assertThat(validation.errors(DocumentTranslator.toFhir(someDocs.get(0), docs.get(0))))
                .isEmpty();

        ImportReport again = importer.importFolder(actor, dir, "urn:test:synthea-1", p -> {});
        assertThat(again.failures()).isEmpty();
        assertThat(again.total(Status.CREATED)).isZero();
        assertThat(again.total(Status.UPDATED)).isZero();
        assertThat(again.total(Status.UNCHANGED)).isEqualTo(first.total(Status.CREATED));
        assertThat(rows()).isEqualTo(versionsBefore);
    }

    @Test
    void aBadLineAndADanglingReferenceAreReportedAndTheRestIsImported() throws Exception {
        Path dir = SamplePacket.copy();
        // line 3 of the conditions is not JSON
        List<String> conditions = new ArrayList<>(Files.readAllLines(dir.resolve("Condition.000.ndjson")));
        conditions.set(2, "{\"resourceType\": \"Condition\", broken");
        Files.write(dir.resolve("Condition.000.ndjson"), conditions, StandardCharsets.UTF_8);
        // a procedure of a patient who is not in the packet
        Files.writeString(
                dir.resolve("Procedure.000.ndjson"),
                """
                {"resourceType":"Procedure","id":"orphan-1","status":"completed","code":{"text":"Epidural steroid injection"},"subject":{"reference":"Patient/nobody"},"performedDateTime":"2020-01-01"}
                """,
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        // one medication of one patient points at an encounter that is not there: that patient is not imported
        List<String> meds = new ArrayList<>(Files.readAllLines(dir.resolve("MedicationRequest.000.ndjson")));
        String victim = meds.get(0).replaceAll(".*\"subject\":\\{\"reference\":\"Patient/([^\"]+)\".*", "$1");
        meds.set(0, meds.get(0).replaceAll("\"Encounter/[^\"]+\"", "\"Encounter/missing\""));
        Files.write(dir.resolve("MedicationRequest.000.ndjson"), meds, StandardCharsets.UTF_8);

        Actor actor = importer.importer("test", "dr.patel", "127.0.0.1");
        ImportReport report = importer.importFolder(actor, dir, "urn:test:broken", p -> {});

        assertThat(report.failures()).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo("Condition.000.ndjson");
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.reason()).startsWith("not a FHIR resource");
        });
        assertThat(report.failures()).anySatisfy(f -> {
            assertThat(f.id()).isEqualTo("orphan-1");
            assertThat(f.reason()).contains("dangling reference Patient/nobody");
        });
        assertThat(report.failures()).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo("MedicationRequest.000.ndjson");
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.reason()).contains("dangling reference Encounter/missing");
        });
        assertThat(report.patientsImported()).isEqualTo(6);
        // all or nothing: nothing of the rejected patient is on file
        assertThat(jdbc.sql("select count(*) from fhir_source_map where source = 'urn:test:broken' and resource_id = ?")
                        .param(victim)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(report.countOf("Patient", Status.FAILED)).isEqualTo(1);
    }

    @Test
    void aResourceThatIsNotStructurallyValidFailsItsPatientWithItsLine() throws Exception {
        Path dir = SamplePacket.copy();
        // line 2 of the procedures: an element R4 does not have (the lenient parser would drop it silently)
        List<String> procedures = new ArrayList<>(Files.readAllLines(dir.resolve("Procedure.000.ndjson")));
        String victim = procedures.get(1).replaceAll(".*\"subject\":\\{\"reference\":\"Patient/([^\"]+)\".*", "$1");
        procedures.set(
                1,
                procedures
                        .get(1)
                        .replaceFirst(
                                "\\{\"resourceType\":\"Procedure\",",
                                "{\"resourceType\":\"Procedure\",\"painScore\":7,"));
        Files.write(dir.resolve("Procedure.000.ndjson"), procedures, StandardCharsets.UTF_8);

        Actor actor = importer.importer("test", "dr.patel", "127.0.0.1");
        ImportReport report = importer.importFolder(actor, dir, "urn:test:strict", p -> {});

        assertThat(report.failures()).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo("Procedure.000.ndjson");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.reason()).startsWith("not valid FHIR R4").contains("painScore");
        });
        assertThat(report.patientsImported()).isEqualTo(6);
        assertThat(jdbc.sql("select count(*) from fhir_source_map where source = 'urn:test:strict' and resource_id = ?")
                        .param(victim)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aLineLongerThanTheLimitFailsWithTheLimitNamedAndTheRestIsImported() throws Exception {
        Path dir = SamplePacket.copy();
        // a 9 MB resource (the limit is 8 MB): reported by its line, never read whole
        String huge = "{\"resourceType\":\"Condition\",\"id\":\"huge\",\"note\":[{\"text\":\""
                + "x".repeat(9 * 1024 * 1024) + "\"}]}\n";
        Files.writeString(
                dir.resolve("Condition.000.ndjson"),
                huge,
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        long lines = Files.readAllLines(dir.resolve("Condition.000.ndjson")).size();

        Actor actor = importer.importer("test", "dr.patel", "127.0.0.1");
        ImportReport report = importer.importFolder(actor, dir, "urn:test:huge", p -> {});

        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("Condition.000.ndjson");
            assertThat(f.line()).isEqualTo((int) lines);
            assertThat(f.reason()).contains("longer than the 8 MB").contains("relief.fhir.import.max-resource-size");
        });
        assertThat(report.failedCount()).isEqualTo(1);
        assertThat(report.patientsImported()).isEqualTo(7);
    }

    private long rows() {
        long n = 0;
        for (EntryKind<?> kind : EntryKind.ALL) {
            n += jdbc.sql("select count(*) from "
                            + (kind.slug().equals("imaging")
                                    ? "imaging_study"
                                    : kind.slug().equals("treatments")
                                            ? "prior_treatment"
                                            : kind.slug().equals("problems")
                                                    ? "problem"
                                                    : kind.slug().equals("medications")
                                                            ? "medication"
                                                            : kind.slug().equals("allergies")
                                                                    ? "allergy"
                                                                    : kind.slug()
                                                                                    .equals("encounters")
                                                                            ? "encounter"
                                                                            : kind.slug()
                                                                                            .equals("referrals")
                                                                                    ? "referral"
                                                                                    : kind.slug()
                                                                                                    .equals("documents")
                                                                                            ? "document"
                                                                                            : "demographics"))
                    .query(Long.class)
                    .single();
        }
        return n;
    }
}
