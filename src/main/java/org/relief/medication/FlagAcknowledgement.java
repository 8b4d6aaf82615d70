package org.relief.medication;

import java.time.Instant;
import java.util.List;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;

/**
 * A prescriber saw a flag and goes on, for a reason (stored with the prescription; the flag did not block).
 *
 * @param code the flag's code
 * @param flagText the flag's text as shown at the time
 * @param reason the prescriber's reason, in words
 * @param staffId who acknowledged it
 * @param at when
 */
public record FlagAcknowledgement(String code, String flagText, String reason, java.util.UUID staffId, Instant at) {

    /** Refused with a problem naming "reason" when the reason is blank. */
    public static FlagAcknowledgement of(Flag flag, String reason, java.util.UUID staffId, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(
                    List.of(new FieldProblem("reason", "say why you go on despite \"" + flag.text() + "\"")));
        }
        return new FlagAcknowledgement(flag.code(), flag.text(), reason.strip(), staffId, at);
    }
}
