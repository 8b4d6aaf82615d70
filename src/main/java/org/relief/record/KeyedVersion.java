package org.relief.record;

import java.util.UUID;

/**
 * A current version named by its entry and number, with the version itself ({@link #whole}) unless the reader said it
 * keeps what it made of it already ({@link RecordStore#currentUnlessKept}). A version never changes, so its key names
 * the same content for ever.
 *
 * @param whole the version as stored, or null when the reader keeps it
 */
public record KeyedVersion<T extends Record>(UUID entryId, int version, Versioned<T> whole) {

    /** Whether the reader keeps this version (so {@link #whole} is null). */
    public boolean kept() {
        return whole == null;
    }
}
