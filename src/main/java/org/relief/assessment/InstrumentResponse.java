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
 * @param fromBaseline set on listing: how this response compares with the first scored response of the instrument
 *        (null for the baseline itself and for unscored responses)
 */
public record InstrumentResponse(
        UUID entryId,
        int version,
        UUID patientId,
        String instrument,
        LocalDate administeredOn,
        Map<String, Integer> answers,
        Double total,
        String band,
        Map<String, Double> subscales,
        List<String> safetyFlags,
        String recordedBy,
        Instant recordedAt,
        String meaningfulChange,
        BaselineChange fromBaseline) {

    InstrumentResponse withChanges(String change, BaselineChange baselineChange) {
        return new InstrumentResponse(
                entryId,
                version,
                patientId,
                instrument,
                administeredOn,
                answers,
                total,
                band,
                subscales,
                safetyFlags,
                recordedBy,
                recordedAt,
                change,
                baselineChange);
    }

    /** Whether the change from the previous reading or from the baseline is meaningful: "improved", "worsened". */
    public String meaningfulEither() {
        if (meaningfulChange != null) {
            return meaningfulChange;
        }
        return fromBaseline == null ? null : fromBaseline.direction();
    }
}
