package org.relief.record;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of a chart entry. The entry's current state is its highest version; earlier versions stay readable.
 *
 * @param entryId the entry, stable across versions
 * @param version 1 for the first entry, +1 for each correction or void
 * @param voided whether this version voids the entry (a mistaken entry is voided, never deleted)
 * @param voidReason why it was voided
 * @param changeReason why this version corrected the one before
 * @param recordedBy who wrote this version
 * @param recordedAt when
 * @param data the entry's content in this version
 */
public record Versioned<T extends Record>(
        UUID entryId,
        int version,
        boolean voided,
        String voidReason,
        String changeReason,
        String recordedBy,
        Instant recordedAt,
        T data) {}
