package org.relief.assessment;

import java.util.List;
import java.util.Map;

/**
 * The result of scoring one set of answers.
 *
 * @param total the main score, null when the answers do not allow one (the reason is in {@code notes})
 * @param band the band label of the main score, if the instrument has bands
 * @param subscales further scores (PCS subscales, BPI severity and interference), in a stable order
 * @param answered how many items were answered
 * @param missing the ids of unanswered items
 * @param safetyFlags findings that start the safety protocol, whatever the total
 * @param notes how the score was reached where it is not plain (skipped sections, clinically relevant levels)
 */
public record Score(
        Double total,
        String band,
        Map<String, Double> subscales,
        int answered,
        List<String> missing,
        List<SafetyFlag> safetyFlags,
        List<String> notes) {

    public boolean complete() {
        return missing.isEmpty();
    }

    public boolean hasSafetyFlag() {
        return !safetyFlags.isEmpty();
    }
}
