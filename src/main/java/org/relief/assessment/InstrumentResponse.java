package org.relief.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One stored response (current version) with its score as computed when it was recorded.
 *
 * @param meaningfulChange set on listing: how this response compares with the one before it of the same
 *        instrument ("improved", "worsened") when the change reaches the instrument's meaningful-change figure
 */
public record InstrumentResponse(UUID entryId, int version, UUID patientId, String instrument,
        LocalDate administeredOn, Map<String, Integer> answers, Double total, String band,
        Map<String, Double> subscales, List<String> safetyFlags, String recordedBy, Instant recordedAt,
        String meaningfulChange) {

    InstrumentResponse withMeaningfulChange(String change) {
        return new InstrumentResponse(entryId, version, patientId, instrument, administeredOn, answers, total, band,
                subscales, safetyFlags, recordedBy, recordedAt, change);
    }
}
