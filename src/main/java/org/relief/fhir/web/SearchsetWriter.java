package org.relief.fhir.web;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.hl7.fhir.r4.model.Resource;

/**
 * Writes a searchset Bundle of many resources (a patient's {@code $everything}: a ten-year chart has thousands)
 * straight to the response. Each resource is encoded by HAPI's own JSON parser, the large ones' share split across
 * the cores (a profile showed 83 % of {@code $everything} in HAPI's encoder, one core busy, the other idle), and the
 * Bundle around them is written by Jackson straight to the response, not built as one more string and then copied
 * to bytes. The result is the same JSON HAPI writes for the Bundle ({@code SearchsetWriterTest} compares the two).
 */
final class SearchsetWriter {

    /** Below this many resources one thread encodes them all (handing work over costs more than it saves). */
    static final int PARALLEL_FROM = 64;

    private static final JsonFactory JSON = new JsonFactory();

    private final FhirContext fhir;
    private final Executor executor;

    SearchsetWriter(FhirContext fhir) {
        this(fhir, ForkJoinPool.commonPool());
    }

    SearchsetWriter(FhirContext fhir, Executor executor) {
        this.fhir = fhir;
        this.executor = executor;
    }

    void write(String base, List<? extends Resource> resources, int total, OutputStream out) throws IOException {
        List<String> encoded = encodeAll(resources);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("resourceType", "Bundle");
            g.writeStringField("type", "searchset");
            g.writeNumberField("total", total);
            if (!resources.isEmpty()) {
                g.writeArrayFieldStart("entry");
                for (int i = 0; i < resources.size(); i++) {
                    Resource r = resources.get(i);
                    g.writeStartObject();
                    g.writeStringField("fullUrl", org.relief.fhir.FhirExport.fullUrl(base, r));
                    g.writeFieldName("resource");
                    g.writeRawValue(encoded.get(i));
                    g.writeObjectFieldStart("search");
                    g.writeStringField("mode", "match");
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
    }

    private List<String> encodeAll(List<? extends Resource> resources) {
        int cores = Runtime.getRuntime().availableProcessors();
        int parts = resources.size() < PARALLEL_FROM ? 1 : Math.min(cores, resources.size() / (PARALLEL_FROM / 2));
        if (parts <= 1) {
            return encode(resources);
        }
        int size = (resources.size() + parts - 1) / parts;
        List<CompletableFuture<List<String>>> others = new ArrayList<>();
        for (int from = size; from < resources.size(); from += size) {
            List<? extends Resource> part = resources.subList(from, Math.min(resources.size(), from + size));
            others.add(CompletableFuture.supplyAsync(() -> encode(part), executor));
        }
        List<String> out = new ArrayList<>(resources.size());
        out.addAll(encode(resources.subList(0, size))); // this thread takes the first share
        for (var other : others) {
            try {
                out.addAll(other.join());
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
        return out;
    }

    private List<String> encode(List<? extends Resource> resources) {
        IParser parser = fhir.newJsonParser(); // a parser is not thread-safe: one for each share
        List<String> out = new ArrayList<>(resources.size());
        for (Resource r : resources) {
            out.add(parser.encodeResourceToString(r));
        }
        return out;
    }
}
