package org.relief.fhir.web;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.relief.fhir.FhirExport;

/** The streamed, shared-out searchset is the same JSON as HAPI's own encoding of the Bundle. */
class SearchsetWriterTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesWhatHapiWritesForManyResourcesSharedAcrossThreads() throws Exception {
        List<Resource> resources = synthea(400);
        assertThat(resources.size()).isGreaterThan(SearchsetWriter.PARALLEL_FROM * 2);
        assertSame(resources);
    }

    @Test
    void writesWhatHapiWritesForAFewAndForNone() throws Exception {
        assertSame(synthea(5));
        assertSame(List.of());
    }

    private static void assertSame(List<Resource> resources) throws Exception {
        String base = "http://localhost/fhir";
        String hapi =
                FHIR.newJsonParser().encodeResourceToString(FhirExport.searchset(base, resources, resources.size()));
        var out = new ByteArrayOutputStream();
        // a small pool of its own, so the shares really run on other threads
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            new SearchsetWriter(FHIR, pool).write(base, resources, resources.size(), out);
        } finally {
            pool.shutdown();
        }
        assertThat(JSON.readTree(out.toByteArray())).isEqualTo(JSON.readTree(hapi));
    }

    /** Resources of every kind in the Synthea sample (encounters, observations, documents with attachments...). */
    private static List<Resource> synthea(int most) throws Exception {
        Path dir = Stream.of(
                        Path.of("..", "shared", "fhir-samples", "synthea-bulk-7"),
                        Path.of("/work/shared/fhir-samples/synthea-bulk-7"))
                .filter(p -> Files.isRegularFile(p.resolve("Patient.000.ndjson")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the Synthea sample (shared/fhir-samples) is missing"));
        List<Resource> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList()) {
                try (Stream<String> lines = Files.lines(f)) {
                    lines.limit(most / 10 + 1)
                            .forEach(line ->
                                    out.add((Resource) FHIR.newJsonParser().parseResource(line)));
                }
            }
        }
        return out.size() > most ? out.subList(0, most) : out;
    }
}
