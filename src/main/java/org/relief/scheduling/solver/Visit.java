package org.relief.scheduling.solver;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.relief.scheduling.Equipment;
import org.relief.scheduling.RoomKind;

/**
 * One appointment the plan asks for, to be given a {@link Slot} (or none, when no slot obeys every hard rule).
 *
 * <p>What it carries from outside: the patient's available weekdays, the days the procedure rule engine blocks (with
 * its reasons: the optimiser never computes an interval or a hold itself), the plan's order ({@code rank}), the week
 * the plan's frequency puts it in ({@code week}, -1 for any), the therapy's owner (continuity).
 */
@PlanningEntity
public class Visit {

    @PlanningId
    private String id;

    private UUID patientId;
    private String therapyCode;
    private String label;
    private String typeCode;
    private int rank;
    private int week;
    private UUID ownerId;
    private int recoveryMinutes;
    private Set<RoomKind> roomKinds;
    private Set<Equipment> equipment;
    private Map<LocalDate, String> blockedDays;
    private Set<DayOfWeek> patientDays;
    private UUID orderId;
    private List<Slot> candidates;

    @PlanningVariable(valueRangeProviderRefs = "candidates", allowsUnassigned = true)
    private Slot slot;

    public Visit() {}

    public Visit(
            String id,
            UUID patientId,
            String therapyCode,
            String label,
            String typeCode,
            int rank,
            int week,
            UUID ownerId,
            int recoveryMinutes,
            Set<RoomKind> roomKinds,
            Set<Equipment> equipment,
            Map<LocalDate, String> blockedDays,
            Set<DayOfWeek> patientDays,
            UUID orderId,
            List<Slot> candidates) {
        this.id = id;
        this.patientId = patientId;
        this.therapyCode = therapyCode;
        this.label = label;
        this.typeCode = typeCode;
        this.rank = rank;
        this.week = week;
        this.ownerId = ownerId;
        this.recoveryMinutes = recoveryMinutes;
        this.roomKinds = roomKinds;
        this.equipment = equipment;
        this.blockedDays = blockedDays;
        this.patientDays = patientDays;
        this.orderId = orderId;
        this.candidates = candidates;
    }

    @ValueRangeProvider(id = "candidates")
    public List<Slot> getCandidates() {
        return candidates;
    }

    public Slot getSlot() {
        return slot;
    }

    public void setSlot(Slot slot) {
        this.slot = slot;
    }

    /** The same visit placed in a slot (tests, and proposals read back). */
    public Visit at(Slot s) {
        this.slot = s;
        return this;
    }

    public String getId() {
        return id;
    }

    public UUID patientId() {
        return patientId;
    }

    public String therapyCode() {
        return therapyCode;
    }

    public String label() {
        return label;
    }

    public String typeCode() {
        return typeCode;
    }

    public int rank() {
        return rank;
    }

    public int week() {
        return week;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public UUID orderId() {
        return orderId;
    }

    public Map<LocalDate, String> blockedDays() {
        return blockedDays;
    }

    public Set<DayOfWeek> patientDays() {
        return patientDays;
    }

    // what the constraints read of the slot (only called for assigned visits)

    public LocalDate day() {
        return slot.day();
    }

    public int start() {
        return slot.start();
    }

    public int end() {
        return slot.end();
    }

    /** When the patient is free again (after the recovery bay). */
    public int patientEnd() {
        return slot.end() + recoveryMinutes;
    }

    public UUID staffId() {
        return slot.staffId();
    }

    public UUID roomId() {
        return slot.roomId();
    }

    /** Minutes from the start of the proposal: orders visits across days. */
    public int absoluteStart() {
        return slot.dayIndex() * 24 * 60 + slot.start();
    }

    /** The week of the proposal the visit's slot falls in. */
    public int slotWeek() {
        return slot.week();
    }

    public boolean roomFits() {
        return roomKinds.contains(slot.roomKind()) && slot.roomEquipment().containsAll(equipment);
    }

    public boolean overlaps(Taken t) {
        return slot.day().equals(t.day())
                && (slot.staffId().equals(t.staffId()) && start() < t.end() && t.start() < end()
                        || slot.roomId().equals(t.roomId()) && start() < t.end() && t.start() < end()
                        || patientId.equals(t.patientId()) && start() < t.patientEnd() && t.start() < patientEnd());
    }

    @Override
    public String toString() {
        return label + (slot == null ? " (not placed)" : " on " + slot.day() + " at " + slot.start());
    }
}
