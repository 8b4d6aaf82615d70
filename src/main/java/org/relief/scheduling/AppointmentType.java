package org.relief.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.relief.careteam.Role;

/**
 * A kind of appointment: how long it takes, who gives it, the room and equipment it needs, and what comes before
 * and after (time in the recovery bay, a driver home after sedation, nothing by mouth beforehand). Durations and
 * recovery times are the clinic's settings, not clinical rules.
 *
 * @param therapyCodes the plan therapies (catalogue codes) this type delivers, for the optimiser
 * @param beforeVisit what the patient is told to do before it, in words (may be null)
 * @param bundle the types its booking offers to book after it (a linked bundle, see {@link Bundles}); may be empty
 */
public record AppointmentType(
        String code,
        String label,
        Role discipline,
        int minutes,
        Set<RoomKind> roomKinds,
        Set<Equipment> equipment,
        int recoveryMinutes,
        boolean driverRequired,
        boolean nothingByMouth,
        Set<String> therapyCodes,
        String beforeVisit,
        List<String> bundle) {

    /** The pre- and post-visit needs in words. */
    public List<String> needs() {
        List<String> out = new ArrayList<>();
        if (nothingByMouth) {
            out.add("nothing by mouth beforehand, as the physician instructs");
        }
        if (recoveryMinutes > 0) {
            out.add(recoveryMinutes + " minutes in the recovery bay after");
        }
        if (driverRequired) {
            out.add("a driver home after sedation");
        }
        return out;
    }

    /** What the patient should do before, in words: the type's note and its needs. */
    public String preparation() {
        List<String> parts = new ArrayList<>();
        if (beforeVisit != null && !beforeVisit.isBlank()) {
            parts.add(beforeVisit.strip());
        }
        if (nothingByMouth) {
            parts.add("Nothing to eat or drink beforehand, as your physician instructs.");
        }
        if (driverRequired) {
            parts.add("Bring someone to drive you home.");
        }
        return String.join(" ", new java.util.LinkedHashSet<>(parts));
    }
}
