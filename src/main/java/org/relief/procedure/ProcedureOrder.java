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
 */
public record ProcedureOrder(UUID id, UUID patientId, Facts.Order order, Decision decision,
        List<RecordedOutcome> outcomes, String orderedBy, Instant orderedAt, Override override,
        UUID recordedEntryId) {

    /** A rule's outcome as stored with the order. */
    public record RecordedOutcome(String rule, Decision decision, String reason, String source, String policy) {
    }

    /** A physician's override of a BLOCK, with the reason. */
    public record Override(String by, String reason, Instant at) {
    }

    /** Whether the procedure may go ahead: allowed or warned, or a BLOCK the physician overrode. */
    public boolean mayProceed() {
        return decision == Decision.ALLOW || decision == Decision.WARN || override != null;
    }
}
