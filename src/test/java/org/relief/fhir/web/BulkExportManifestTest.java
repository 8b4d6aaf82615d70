package org.relief.fhir.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.fhir.bulk.BulkExport.Job;
import org.relief.fhir.bulk.BulkExport.Output;
import org.relief.fhir.bulk.BulkExport.State;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Bulk Data manifest (http://hl7.org/fhir/uv/bulkdata/export.html#response---complete-status) as JSON. */
class BulkExportManifestTest {

    private static final String BASE = "https://clinic.example/fhir";
    private static final UUID JOB = UUID.fromString("7f1c2e4a-0000-4000-8000-000000000001");

    private static JsonNode manifestOf(Job job) {
        return JsonMapper.shared()
                .readTree(JsonMapper.shared().writeValueAsString(BulkExportController.manifest(job, BASE)));
    }

    private static Job done(String request, List<Output> outputs, List<String> errors) {
        return new Job(
                JOB,
                UUID.randomUUID(),
                request,
                Instant.parse("2026-03-01T10:15:30Z"),
                State.DONE,
                3,
                3,
                outputs,
                errors.size(),
                null,
                Instant.parse("2026-03-01T10:16:00Z"));
    }

    @Test
    void listsEachOutputFileWithItsUrlAndCount() {
        JsonNode m = manifestOf(done(
                BASE + "/$export?_type=Patient,Condition",
                List.of(new Output("Patient", 3), new Output("Condition", 7)),
                List.of()));
        assertThat(m.get("transactionTime").asString()).isEqualTo("2026-03-01T10:15:30Z");
        assertThat(m.get("request").asString()).isEqualTo(BASE + "/$export?_type=Patient,Condition");
        assertThat(m.get("requiresAccessToken").asBoolean()).isTrue();
        assertThat(m.get("output")).hasSize(2);
        JsonNode condition = m.get("output").get(1);
        assertThat(condition.get("type").asString()).isEqualTo("Condition");
        assertThat(condition.get("url").asString()).isEqualTo(BASE + "/$export-file/" + JOB + "/Condition.ndjson");
        assertThat(condition.get("count").asLong()).isEqualTo(7);
        assertThat(m.get("error")).isEmpty();
    }

    @Test
    void patientsThatCouldNotBeExportedAreInTheErrorFileWhichHasNoCount() {
        JsonNode m = manifestOf(
                done(BASE + "/$export", List.of(new Output("Patient", 2)), List.of("Patient 1: access refused")));
        assertThat(m.get("error")).hasSize(1);
        JsonNode error = m.get("error").get(0);
        assertThat(error.get("type").asString()).isEqualTo("OperationOutcome");
        assertThat(error.get("url").asString()).isEqualTo(BASE + "/$export-file/" + JOB + "/OperationOutcome.ndjson");
        assertThat(error.has("count")).isFalse();
    }

    @Test
    void theRequestIsCarriedAsGivenWhateverItsCharacters() {
        String odd = BASE + "/$export?_type=Patient&note=\"quoted\"\\back\u2028slash";
        assertThat(manifestOf(done(odd, List.of(), List.of())).get("request").asString())
                .isEqualTo(odd);
    }
}
