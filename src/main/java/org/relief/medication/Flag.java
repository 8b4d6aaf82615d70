package org.relief.medication;

import java.util.List;

/**
 * A safety flag: what it says, why (its source and the policy values it used). A flag never blocks: it asks the
 * prescriber for an acknowledgement with a reason ({@link #acknowledge}). {@code blocks} is always false and
 * {@code reasonRequired} always true; they are data so that screens and the API say so without guessing.
 *
 * @param code a stable code (MME_50, MME_90, OPIOID_BENZODIAZEPINE, ...)
 * @param text what a person reads
 * @param source where the rule comes from
 * @param policyValues the policy values it used, shown ("90 MME/day")
 * @param blocks false: a flag never stops prescribing
 * @param reasonRequired true: acknowledging it needs a reason
 */
public record Flag(
        String code, String text, String source, List<String> policyValues, boolean blocks, boolean reasonRequired) {

    public Flag {
        if (blocks) {
            throw new IllegalArgumentException("a medication flag never blocks");
        }
        policyValues = List.copyOf(policyValues);
    }

    static Flag of(String code, String text, String source, PolicyValue... used) {
        return new Flag(
                code,
                text,
                source,
                java.util.Arrays.stream(used).map(PolicyValue::shown).toList(),
                false,
                true);
    }

    /** The acknowledgement of this flag by a person, with their reason (refused without one). */
    public FlagAcknowledgement acknowledge(String reason, java.util.UUID staffId, java.time.Instant at) {
        return FlagAcknowledgement.of(this, reason, staffId, at);
    }
}
