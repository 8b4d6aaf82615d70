package org.relief.scheduling.solver;

import static ai.timefold.solver.core.api.score.stream.Joiners.equal;
import static ai.timefold.solver.core.api.score.stream.Joiners.filtering;
import static ai.timefold.solver.core.api.score.stream.Joiners.lessThan;
import static ai.timefold.solver.core.api.score.stream.Joiners.overlapping;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import java.util.Objects;

/**
 * The optimiser's rules, one named method each. Hard: a proposal that breaks one is never offered as valid. Medium: a
 * visit left without a time. Soft: preferences, weighed against each other by the weights below.
 */
public class ScheduleConstraints implements ConstraintProvider {

    /** Soft weights: one more trip to the clinic, another clinician than the therapy's owner, the plan's order broken, a day's wait. */
    public static final int TRIP = 10;

    public static final int OTHER_CLINICIAN = 5;
    public static final int ORDER = 20;
    public static final int WAIT_PER_DAY = 1;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[] {
            // hard
            clinicianDoubleBooked(f),
            roomDoubleBooked(f),
            patientDoubleBooked(f),
            clashesWithABooking(f),
            outsideClinicianHours(f),
            roomLacksEquipment(f),
            ruleEngineBlocksTheDay(f),
            patientNotAvailableThatDay(f),
            sameTherapyTwiceADay(f),
            outsideItsWeek(f),
            // medium
            visitNotScheduled(f),
            // soft
            tripsToTheClinic(f),
            notTheTherapysClinician(f),
            planOrderReversed(f),
            waitBeforeTheVisit(f)
        };
    }

    // ---- hard

    Constraint clinicianDoubleBooked(ConstraintFactory f) {
        return f.forEachUniquePair(
                        Visit.class, equal(Visit::staffId), equal(Visit::day), overlapping(Visit::start, Visit::end))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint("A clinician is booked twice at the same time");
    }

    Constraint roomDoubleBooked(ConstraintFactory f) {
        return f.forEachUniquePair(
                        Visit.class, equal(Visit::roomId), equal(Visit::day), overlapping(Visit::start, Visit::end))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint("A room is booked twice at the same time");
    }

    Constraint patientDoubleBooked(ConstraintFactory f) {
        return f.forEachUniquePair(
                        Visit.class,
                        equal(Visit::patientId),
                        equal(Visit::day),
                        overlapping(Visit::start, Visit::patientEnd))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint("The patient has two appointments at once (recovery included)");
    }

    Constraint clashesWithABooking(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .join(Taken.class, equal(Visit::day, Taken::day), filtering(Visit::overlaps))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint("The clinician, room or patient is already booked then");
    }

    Constraint outsideClinicianHours(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .ifNotExists(
                        StaffWindow.class,
                        equal(Visit::staffId, StaffWindow::staffId),
                        equal(Visit::day, StaffWindow::day),
                        filtering((v, w) -> w.from() <= v.start() && v.end() <= w.to()))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint("Outside the clinician's working hours (or an absence)");
    }

    Constraint roomLacksEquipment(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> !v.roomFits())
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint("The room lacks what the appointment needs");
    }

    Constraint ruleEngineBlocksTheDay(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> v.blockedDays().containsKey(v.day()))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint("The procedure rules block this day");
    }

    Constraint patientNotAvailableThatDay(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> !v.patientDays().contains(v.day().getDayOfWeek()))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint("The patient is not available that weekday");
    }

    Constraint sameTherapyTwiceADay(ConstraintFactory f) {
        return f.forEachUniquePair(Visit.class, equal(Visit::patientId), equal(Visit::therapyCode), equal(Visit::day))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint("Two sessions of one therapy on the same day");
    }

    Constraint outsideItsWeek(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> v.week() >= 0 && v.slotWeek() != v.week())
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint("Not in the week the plan's frequency puts it");
    }

    // ---- medium

    Constraint visitNotScheduled(ConstraintFactory f) {
        return f.forEachIncludingUnassigned(Visit.class)
                .filter(v -> v.getSlot() == null)
                .penalize(HardMediumSoftScore.ONE_MEDIUM)
                .asConstraint("A visit the plan asks for has no time");
    }

    // ---- soft

    Constraint tripsToTheClinic(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .groupBy(Visit::patientId, Visit::day)
                .penalize(HardMediumSoftScore.ofSoft(TRIP))
                .asConstraint("Each day the patient comes in is a trip");
    }

    Constraint notTheTherapysClinician(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> v.ownerId() != null && !Objects.equals(v.ownerId(), v.staffId()))
                .penalize(HardMediumSoftScore.ofSoft(OTHER_CLINICIAN))
                .asConstraint("Another clinician than the therapy's owner");
    }

    /** The plan's procedures in its order (a diagnostic block before the ablation); rank -1: no order. */
    Constraint planOrderReversed(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> v.rank() >= 0)
                .join(
                        f.forEach(Visit.class).filter(v -> v.rank() >= 0),
                        equal(Visit::patientId),
                        lessThan(Visit::rank),
                        filtering((earlier, later) -> earlier.absoluteStart() > later.absoluteStart()))
                .penalize(HardMediumSoftScore.ofSoft(ORDER))
                .asConstraint("A later therapy of the plan comes before an earlier one");
    }

    Constraint waitBeforeTheVisit(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .penalize(
                        HardMediumSoftScore.ofSoft(WAIT_PER_DAY),
                        v -> v.getSlot().dayIndex())
                .asConstraint("Days of waiting for the visit");
    }
}
