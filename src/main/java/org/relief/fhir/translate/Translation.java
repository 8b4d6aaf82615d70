package org.relief.fhir.translate;

import org.relief.patient.EntryKind;

/**
 * What an incoming resource becomes in the chart: an entry of some kind, or nothing with the reason why (the import
 * report shows it). Translators never throw for a code or an element they do not know.
 */
public record Translation(EntryKind<?> kind, Record data, String skipReason) {

    public static Translation of(EntryKind<?> kind, Record data) {
        return new Translation(kind, data, null);
    }

    public static Translation skip(String reason) {
        return new Translation(null, null, reason);
    }

    public boolean skipped() {
        return data == null;
    }
}
