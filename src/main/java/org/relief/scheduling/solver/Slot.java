package org.relief.scheduling.solver;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.relief.scheduling.Equipment;
import org.relief.scheduling.RoomKind;

/**
 * A time a visit could take: day, start and end (minutes after midnight, clinic time), clinician and room.
 *
 * @param dayIndex days after the first day of the proposal (0..27)
 */
public record Slot(
        LocalDate day,
        int dayIndex,
        int start,
        int end,
        UUID staffId,
        UUID roomId,
        RoomKind roomKind,
        Set<Equipment> roomEquipment) {

    /** The week of the proposal (0..3) the slot falls in. */
    public int week() {
        return dayIndex / 7;
    }
}
