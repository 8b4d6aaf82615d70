package org.relief.fhir.web;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.hl7.fhir.r4.model.Resource;
import org.relief.fhir.FhirExport;

/**
 * Writes a searchset Bundle of many resources (a patient's {@code $everything}: a ten-year chart has thousands)
 * straight to the response. Each resource is encoded by HAPI's own JSON parser, the large ones' share split across
 * the cores (a profile showed 83 % of {@code $everything} in HAPI's encoder, one core busy, the other idle), and the
 * Bundle around them is written by Jackson straight to the response, not built as one more string and then copied
 * to bytes. The result is the same JSON HAPI writes for the Bundle ({@code SearchsetWriterTest} compares the two).
 *
 * <p>A resource made from one record version alone ({@link FhirExport.Part#key()}) is translated and encoded once:
 * its JSON is kept, up to {@code relief.fhir.encoded-cache} in all (least recently used out first), and written as
 * it is the next time. A version never changes (a correction or a void is a new version, with a new key), so what is
 * kept is never stale; the read of the chart, its access check and its audit happen on every request as before.
 */
final class SearchsetWriter {

    /** Below this many resources one thread encodes them all (handing work over costs more than it saves). */
    static final int PARALLEL_FROM = 64;

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * A resource's {@code Type/id} and its JSON, with the JSON's UTF-8 bytes made at once: a kept resource is then
     * copied to the response as bytes (writing it from a String, character by character, was a fifth of
     * {@code $everything}'s time: JFR, issue 16).
     */
    record Encoded(String path, SerializedString json) {
        Encoded {
            json.asUnquotedUTF8();
        }

        Encoded(String path, String json) {
            this(path, new SerializedString(json));
        }
    }

    private final FhirContext fhir;
    private final Executor executor;
    private final Cache<FhirExport.VersionKey, Encoded> kept;

    SearchsetWriter(FhirContext fhir, long keepChars) {
        this(fhir, ForkJoinPool.commonPool(), keepChars);
    }

    SearchsetWriter(FhirContext fhir, Executor executor, long keepChars) {
        this.fhir = fhir;
        this.executor = executor;
        this.kept = Caffeine.newBuilder()
                .maximumWeight(Math.max(0, keepChars))
                .weigher((FhirExport.VersionKey k, Encoded e) ->
                        e.path().length() + 2 * e.json().charLength() + 64) // the text and its bytes
                .executor(Runnable::run) // evictions on the caller's thread: nothing left running after a request
                .build();
    }

    /**
     * What this writer keeps, as one request sees it ({@link FhirExport#everythingParts}'s {@code kept}): a version
     * it says is kept stays held here until the request is written, whatever the store lets go of meanwhile.
     */
    final class Held implements java.util.function.Predicate<FhirExport.VersionKey> {
        private final java.util.Map<FhirExport.VersionKey, Encoded> held = new java.util.HashMap<>();

        @Override
        public boolean test(FhirExport.VersionKey key) {
            Encoded e = kept.getIfPresent(key);
            if (e != null) {
                held.put(key, e);
            }
            return e != null;
        }

        Encoded get(FhirExport.VersionKey key) {
            Encoded e = held.get(key);
            return e != null ? e : kept.getIfPresent(key);
        }
    }

    /** A new view of what is kept, for one request. */
    Held held() {
        return new Held();
    }

    /** Writes the parts, making (or reusing the kept encoding of) each; the Bundle's total is their number. */
    void write(String base, List<FhirExport.Part> parts, OutputStream out) throws IOException {
        write(base, parts, held(), out);
    }

    /**
     * Writes the parts as {@link #write(String, List, OutputStream)}, those the request was told are kept ({@code
     * held}) as they were kept.
     */
    void write(String base, List<FhirExport.Part> parts, Held held, OutputStream out) throws IOException {
        List<Encoded> encoded = encodeAll(parts, held);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("resourceType", "Bundle");
            g.writeStringField("type", "searchset");
            g.writeNumberField("total", encoded.size());
            if (!encoded.isEmpty()) {
                g.writeArrayFieldStart("entry");
                for (Encoded e : encoded) {
                    g.writeStartObject();
                    g.writeStringField("fullUrl", base + "/" + e.path());
                    g.writeFieldName("resource");
                    g.writeRawValue(e.json());
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

    /**
     * Each part's encoding: the kept one, or made now; when many are to be made, they are made in shares across the
     * cores.
     */
    private List<Encoded> encodeAll(List<FhirExport.Part> parts, Held held) {
        Encoded[] out = new Encoded[parts.size()];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            FhirExport.VersionKey key = parts.get(i).key();
            out[i] = key == null ? null : held.get(key);
            if (out[i] == null) {
                missing.add(i);
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int shares = missing.size() < PARALLEL_FROM ? 1 : Math.min(cores, missing.size() / (PARALLEL_FROM / 2));
        int size = (missing.size() + shares - 1) / Math.max(1, shares);
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (int from = size; from < missing.size(); from += size) {
            List<Integer> share = missing.subList(from, Math.min(missing.size(), from + size));
            others.add(CompletableFuture.runAsync(() -> make(parts, share, out), executor));
        }
        make(parts, missing.subList(0, Math.min(size, missing.size())), out); // this thread takes the first share
        for (var other : others) {
            try {
                other.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
        return java.util.Arrays.asList(out);
    }

    /** Makes and encodes the parts at {@code places}, keeping the encoding of those with a key. */
    private void make(List<FhirExport.Part> parts, List<Integer> places, Encoded[] out) {
        IParser parser = fhir.newJsonParser(); // a parser is not thread-safe: one for each share
        for (int i : places) {
            FhirExport.Part p = parts.get(i);
            out[i] = encode(parser, p.resource());
            if (p.key() != null) {
                kept.put(p.key(), out[i]);
            }
        }
    }

    private static Encoded encode(IParser parser, Resource r) {
        return new Encoded(FhirExport.path(r), parser.encodeResourceToString(r));
    }
}
