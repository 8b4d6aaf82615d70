package org.relief.scheduling;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A room of the clinic with its equipment. */
public record Room(UUID id, String name, RoomKind kind, Set<Equipment> equipment) {

    /** What this room lacks for the type, in words (empty when it suits). */
    public List<String> lacksFor(AppointmentType type) {
        List<String> missing = new java.util.ArrayList<>();
        if (!type.roomKinds().contains(kind)) {
            missing.add("it is a " + kind.label().toLowerCase() + "; " + type.label() + " needs a "
                    + String.join(
                            " or ",
                            type.roomKinds().stream()
                                    .map(k -> k.label().toLowerCase())
                                    .toList()));
        }
        for (Equipment e : type.equipment()) {
            if (!equipment.contains(e)) {
                missing.add("it has no " + e.label().toLowerCase());
            }
        }
        return missing;
    }

    public boolean suits(AppointmentType type) {
        return lacksFor(type).isEmpty();
    }
}
