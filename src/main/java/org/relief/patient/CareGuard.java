package org.relief.patient;

import java.util.UUID;
import java.util.function.Predicate;
import org.relief.careteam.Actor;

/**
 * A veto on the patient's way through the clinic. The patient module owns this interface and asks every guard
 * before a step change ({@link Patients}) and before every chart entry it writes, whether typed in, corrected or
 * imported ({@link ChartService}); the modules that own a rule implement it (the safety gate in {@code screening},
 * the procedure and evaluation modules for their own entry kinds), so the patient module depends on none of them.
 * A guard that refuses records the refusal in the audit log and throws; nothing has been stored at that point.
 */
public interface CareGuard {

    /** Whether the patient may be moved to {@code target} now (no audit: for what a page offers). */
    default boolean allowsStep(UUID patientId, Step target) {
        return true;
    }

    /**
     * {@link #allowsStep} for every step at once: what it needs to know of the patient is read once, not once per
     * step (the chart page asks for every step; issue 16). The answer must be the same as {@link #allowsStep}'s.
     */
    default Predicate<Step> stepsAllowed(UUID patientId) {
        return target -> allowsStep(patientId, target);
    }

    /** Refuses (audited, throws) a move of the patient to {@code target}; returns when it is allowed. */
    default void requireStep(Actor actor, UUID patientId, Step target, String action) {}

    /**
     * Refuses (audited, throws) writing {@code data} as an entry of {@code kind}; returns when it is allowed.
     *
     * @param previous the current version's data when this is a correction or a re-import, null for a new entry
     */
    default void requireEntry(Actor actor, UUID patientId, EntryKind<?> kind, Record data, Record previous) {}

    /**
     * Refuses (audited, throws) voiding an entry of {@code kind} whose current data is {@code data}: a void can
     * move the patient toward care too, when it takes away the entry that held them back. Returns when allowed.
     */
    default void requireVoid(Actor actor, UUID patientId, EntryKind<?> kind, Record data) {}
}
