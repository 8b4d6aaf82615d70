package org.relief.fhir.translate;

import java.time.Instant;
import java.util.UUID;
import org.relief.record.Versioned;

/** A chart entry's first version, as the translators get it from the chart. */
final class Entries {

    static final UUID PATIENT = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final Instant RECORDED = Instant.parse("2026-03-02T09:30:00Z");

    private Entries() {}

    static <T extends Record> Versioned<T> first(T data) {
        return new Versioned<>(UUID.randomUUID(), 1, false, null, null, "dr.patel", RECORDED, data);
    }

    /** What an imported resource became in the chart (the test fails when it was skipped). */
    static <T extends Record> T data(Translation t, Class<T> type) {
        if (t.skipped()) {
            throw new AssertionError("skipped: " + t.skipReason());
        }
        return type.cast(t.data());
    }
}
