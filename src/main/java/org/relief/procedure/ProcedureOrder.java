package org.relief.procedure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.relief.procedure.rules.Decision;
import org.relief.procedure.rules.Facts;

/**
 * A stored order with the decision the rules gave when it was placed.
 *
 * @param outcomes each rule's outcome as recorded (reason, source, policy values with their row ids)
 * @param override the physician's override of a BLOCK, null if none
 * @param recordedEntryId set when the rules ran after a procedure was documented without an order
 * @param cancellation who cancelled the order, when and why; null while the order stands
 */
public record ProcedureOrder(
        UUID id,
        UUID patientId,
        Facts.Order order,
        Decision decision,
        List<RecordedOutcome> outcomes,
        String orderedBy,
        Instant orderedAt,
        Override override,
        UUID recordedEntryId,
        Cancellation cancellation) {

    /** A rule's outcome as stored with the order. */
    public record RecordedOutcome(String rule, Decision decision, String reason, String source, String policy) {}

    /** A physician's override of a BLOCK, with the reason. */
    public record Override(String by, String reason, Instant at) {}

    /** The withdrawal of an order, with the reason; the order itself is kept as it was. */
    public record Cancellation(String by, String reason, Instant at) {}

    /** Whether the procedure may go ahead: not cancelled, and allowed or warned, or a BLOCK the physician overrode. */
    public boolean mayProceed() {
        return cancellation == null && (decision == Decision.ALLOW || decision == Decision.WARN || override != null);
    }

    public boolean cancelled() {
        return cancellation != null;
    }

    /** Whether the safety hold blocked this order (never overridable). */
    public boolean blockedBySafetyHold() {
        return outcomes.stream()
                .anyMatch(o -> o.rule().equals(org.relief.procedure.rules.RuleEngine.SAFETY_HOLD_RULE)
                        && o.decision() == Decision.BLOCK);
    }

    /** Whether a physician may still override this order's BLOCK: blocked, not by the hold, not yet overridden. */
    public boolean overridable() {
        return decision == Decision.BLOCK && override == null && cancellation == null && !blockedBySafetyHold();
    }

    /** The blocking outcomes, reason first on the page. */
    public List<RecordedOutcome> blocks() {
        return outcomes.stream().filter(o -> o.decision() == Decision.BLOCK).toList();
    }
}
