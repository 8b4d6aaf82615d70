package org.relief.fhir.bulk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content hash of one imported resource, as the source sent it (its ndjson line, or its JSON in a transaction
 * Bundle): SHA-256 of the UTF-8 text, in lower-case hex. A re-import whose hash is on file in the source map changes
 * nothing. Stored in {@code fhir_source_map.content_hash}; the algorithm must not change, or every resource on file
 * would look changed at the next import and become a new version.
 */
record ContentHash(String hex) {

    /** Compiled once: every imported resource and every source-map row read makes a hash. */
    private static final java.util.regex.Pattern SHA_256_HEX = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    ContentHash {
        if (hex == null || !SHA_256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + hex);
        }
    }

    static ContentHash of(String json) {
        try {
            return new ContentHash(HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return hex;
    }
}
