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

    @Test
    void keepsTheEncodingOfAVersionAndMakesANewVersionAfresh() throws Exception {
        List<Resource> resources = synthea(200);
        var writer = new SearchsetWriter(FHIR, 1_000_000);
        var made = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.IntFunction<List<FhirExport.Part>> parts = version -> {
            List<FhirExport.Part> out = new ArrayList<>();
            for (int i = 0; i < resources.size(); i++) {
                Resource r = resources.get(i);
                // the first resource stands for an entry now at `version`; the others do not change
                var key = new FhirExport.VersionKey(
                        "test",
                        java.util.UUID.nameUUIDFromBytes(new byte[] {(byte) i, (byte) (i >> 8)}),
                        i == 0 ? version : 1);
                out.add(new FhirExport.Part(key, () -> {
                    made.incrementAndGet();
                    return r;
                }));
            }
            return out;
        };
        String base = "http://localhost/fhir";
        String hapi =
                FHIR.newJsonParser().encodeResourceToString(FhirExport.searchset(base, resources, resources.size()));

        var first = new ByteArrayOutputStream();
        writer.write(base, parts.apply(1), first);
        assertThat(made.get()).isEqualTo(resources.size());
        var second = new ByteArrayOutputStream();
        writer.write(base, parts.apply(1), second);
        assertThat(made.get()).as("nothing made again: every encoding was kept").isEqualTo(resources.size());
        assertThat(JSON.readTree(second.toByteArray())).isEqualTo(JSON.readTree(hapi));
        assertThat(second.toByteArray()).isEqualTo(first.toByteArray());

        writer.write(base, parts.apply(2), new ByteArrayOutputStream());
        assertThat(made.get()).as("a new version of one entry is made afresh").isEqualTo(resources.size() + 1);
    }

    @Test
    void keepsNothingWhenItsSizeIsZero() throws Exception {
        List<Resource> resources = synthea(20);
        var writer = new SearchsetWriter(FHIR, 0);
        var made = new java.util.concurrent.atomic.AtomicInteger();
        List<FhirExport.Part> parts = new ArrayList<>();
        for (Resource r : resources) {
            parts.add(new FhirExport.Part(new FhirExport.VersionKey("test", java.util.UUID.randomUUID(), 1), () -> {
                made.incrementAndGet();
                return r;
            }));
        }
        writer.write("http://localhost/fhir", parts, new ByteArrayOutputStream());
        writer.write("http://localhost/fhir", parts, new ByteArrayOutputStream());
        assertThat(made.get()).isEqualTo(2 * resources.size());
    }

    private static void assertSame(List<Resource> resources) throws Exception {
        String base = "http://localhost/fhir";
        String hapi =
                FHIR.newJsonParser().encodeResourceToString(FhirExport.searchset(base, resources, resources.size()));
        var out = new ByteArrayOutputStream();
        // a small pool of its own, so the shares really run on other threads
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            new SearchsetWriter(FHIR, pool, 0)
                    .write(base, resources.stream().map(FhirExport.Part::made).toList(), out);
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
