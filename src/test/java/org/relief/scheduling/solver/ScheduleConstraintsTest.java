package org.relief.scheduling.solver;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.scheduling.Equipment;
import org.relief.scheduling.RoomKind;

/** Each constraint on its own: given these visits and facts, it penalises by exactly N (as the Timefold quickstarts do). */
class ScheduleConstraintsTest {

    private static final LocalDate MONDAY = LocalDate.of(2030, 3, 4); // a Monday
    private static final UUID PATIENT = UUID.randomUUID();
    private static final UUID OTHER_PATIENT = UUID.randomUUID();
    private static final UUID DR = UUID.randomUUID();
    private static final UUID PT = UUID.randomUUID();
    private static final UUID FLUORO = UUID.randomUUID();
    private static final UUID GYM = UUID.randomUUID();
    private static final Set<Equipment> FLUORO_KIT = EnumSet.of(Equipment.FLUOROSCOPY, Equipment.PROCEDURE_TABLE);

    private final ConstraintVerifier<ScheduleConstraints, SchedulePlan> verify =
            ConstraintVerifier.build(new ScheduleConstraints(), SchedulePlan.class, Visit.class);

    private static int n;

    /** A visit of the therapy for the patient, ranked (-1: no plan order), in a week (-1: any), owned by owner. */
    private static Visit visit(
            UUID patient,
            String therapy,
            int rank,
            int week,
            UUID owner,
            int recovery,
            Map<LocalDate, String> blocked) {
        return new Visit(
                therapy + "-" + (n++),
                patient,
                therapy,
                therapy,
                therapy,
                rank,
                week,
                owner,
                recovery,
                therapy.equals("ESI") ? EnumSet.of(RoomKind.FLUOROSCOPY) : EnumSet.of(RoomKind.PT_GYM),
                therapy.equals("ESI") ? EnumSet.of(Equipment.FLUOROSCOPY) : EnumSet.of(Equipment.EXERCISE_EQUIPMENT),
                blocked,
                EnumSet.allOf(DayOfWeek.class),
                null,
                List.of());
    }

    private static Visit pt() {
        return visit(PATIENT, "PT", -1, -1, PT, 0, Map.of());
    }

    private static Visit esi() {
        return visit(PATIENT, "ESI", 0, -1, DR, 30, Map.of());
    }

    /** The PT gym at minute {@code start} (after midnight) for 45 minutes, dayIndex days after MONDAY. */
    private static Slot gym(int dayIndex, int start, UUID staff) {
        return new Slot(
                MONDAY.plusDays(dayIndex),
                dayIndex,
                start,
                start + 45,
                staff,
                GYM,
                RoomKind.PT_GYM,
                EnumSet.of(Equipment.EXERCISE_EQUIPMENT, Equipment.TREATMENT_TABLE));
    }

    private static Slot fluoro(int dayIndex, int start) {
        return new Slot(
                MONDAY.plusDays(dayIndex), dayIndex, start, start + 45, DR, FLUORO, RoomKind.FLUOROSCOPY, FLUORO_KIT);
    }

    // ---- hard

    @Test
    void aClinicianBookedTwiceAtOnceIsPenalisedOncePerPair() {
        verify.verifyThat(ScheduleConstraints::clinicianDoubleBooked)
                .given(
                        pt().at(gym(0, 540, PT)),
                        visit(OTHER_PATIENT, "PT", -1, -1, PT, 0, Map.of()).at(gym(0, 570, PT)),
                        pt().at(gym(0, 600, PT)))
                .penalizesBy(2); // 9:00 overlaps 9:30, 9:30 overlaps 10:00; 9:00 and 10:00 do not
    }

    @Test
    void aRoomBookedTwiceAtOnceIsPenalised() {
        Slot other = new Slot(
                MONDAY, 0, 540, 585, UUID.randomUUID(), GYM, RoomKind.PT_GYM, EnumSet.of(Equipment.EXERCISE_EQUIPMENT));
        verify.verifyThat(ScheduleConstraints::roomDoubleBooked)
                .given(
                        pt().at(gym(0, 540, PT)),
                        visit(OTHER_PATIENT, "PT", -1, -1, PT, 0, Map.of()).at(other))
                .penalizesBy(1);
    }

    @Test
    void thePatientDuringRecoveryIsNotFreeForAnotherVisit() {
        // ESI 9:00-9:45 plus 30 minutes of recovery: PT at 10:00 overlaps the recovery, PT at 10:15 does not
        verify.verifyThat(ScheduleConstraints::patientDoubleBooked)
                .given(esi().at(fluoro(0, 540)), pt().at(gym(0, 600, PT)))
                .penalizesBy(1);
        verify.verifyThat(ScheduleConstraints::patientDoubleBooked)
                .given(esi().at(fluoro(0, 540)), pt().at(gym(0, 615, PT)))
                .penalizesBy(0);
    }

    @Test
    void aVisitClashingWithABookingIsPenalised() {
        Taken roomTaken = new Taken(UUID.randomUUID(), GYM, OTHER_PATIENT, MONDAY, 540, 600, 600);
        Taken elsewhere = new Taken(UUID.randomUUID(), UUID.randomUUID(), OTHER_PATIENT, MONDAY, 540, 600, 600);
        verify.verifyThat(ScheduleConstraints::clashesWithABooking)
                .given(pt().at(gym(0, 570, PT)), roomTaken, elsewhere)
                .penalizesBy(1);
    }

    @Test
    void aVisitOutsideTheClinicianHoursOrOnAnAbsenceIsPenalised() {
        StaffWindow monday = new StaffWindow(PT, MONDAY, 480, 720); // 8:00-12:00; no window on Tuesday (absent)
        verify.verifyThat(ScheduleConstraints::outsideClinicianHours)
                .given(monday, pt().at(gym(0, 540, PT)), pt().at(gym(0, 700, PT)), pt().at(gym(1, 540, PT)))
                .penalizesBy(2); // 11:40-12:25 runs past noon; Tuesday has no window
    }

    @Test
    void aRoomWithoutTheEquipmentIsPenalised() {
        Slot consult = new Slot(
                MONDAY,
                0,
                540,
                585,
                DR,
                UUID.randomUUID(),
                RoomKind.FLUOROSCOPY,
                EnumSet.of(Equipment.PROCEDURE_TABLE));
        verify.verifyThat(ScheduleConstraints::roomLacksEquipment)
                .given(esi().at(consult), esi().at(fluoro(1, 540)))
                .penalizesBy(1);
    }

    @Test
    void aDayTheRuleEngineBlocksIsPenalised() {
        Map<LocalDate, String> blocked =
                Map.of(MONDAY, "apixaban: hold 5 day(s) before", MONDAY.plusDays(1), "apixaban");
        verify.verifyThat(ScheduleConstraints::ruleEngineBlocksTheDay)
                .given(
                        visit(PATIENT, "ESI", 0, -1, DR, 30, blocked).at(fluoro(0, 540)),
                        visit(PATIENT, "ESI", 0, -1, DR, 30, blocked).at(fluoro(7, 540)))
                .penalizesBy(1);
    }

    @Test
    void aWeekdayThePatientCannotComeIsPenalised() {
        Visit mondaysOnly = new Visit(
                "v",
                PATIENT,
                "PT",
                "PT",
                "PT",
                -1,
                -1,
                PT,
                0,
                EnumSet.of(RoomKind.PT_GYM),
                EnumSet.noneOf(Equipment.class),
                Map.of(),
                EnumSet.of(DayOfWeek.MONDAY),
                null,
                List.of());
        verify.verifyThat(ScheduleConstraints::patientNotAvailableThatDay)
                .given(mondaysOnly.at(gym(2, 540, PT)))
                .penalizesBy(1);
    }

    @Test
    void twoSessionsOfOneTherapyOnADayArePenalised() {
        verify.verifyThat(ScheduleConstraints::sameTherapyTwiceADay)
                .given(pt().at(gym(0, 540, PT)), pt().at(gym(0, 800, PT)), pt().at(gym(3, 540, PT)))
                .penalizesBy(1);
    }

    @Test
    void aVisitOutsideTheWeekItsFrequencyPutsItIsPenalised() {
        verify.verifyThat(ScheduleConstraints::outsideItsWeek)
                .given(
                        visit(PATIENT, "PT", -1, 0, PT, 0, Map.of()).at(gym(8, 540, PT)),
                        visit(PATIENT, "PT", -1, 1, PT, 0, Map.of()).at(gym(8, 540, PT)))
                .penalizesBy(1);
    }

    // ---- medium

    @Test
    void aVisitWithoutATimeIsPenalisedOnTheMediumLevel() {
        verify.verifyThat(ScheduleConstraints::visitNotScheduled)
                .given(pt(), pt().at(gym(0, 540, PT)), esi())
                .penalizesBy(2);
    }

    // ---- soft

    @Test
    void eachDayThePatientComesInIsATrip() {
        verify.verifyThat(ScheduleConstraints::tripsToTheClinic)
                .given(
                        esi().at(fluoro(0, 540)),
                        pt().at(gym(0, 660, PT)),
                        pt().at(gym(3, 540, PT)),
                        visit(OTHER_PATIENT, "PT", -1, -1, PT, 0, Map.of()).at(gym(0, 540, PT)))
                .penalizesBy(3); // the patient: Monday and Thursday; the other patient: Monday
    }

    @Test
    void anotherClinicianThanTheTherapysOwnerIsPenalised() {
        verify.verifyThat(ScheduleConstraints::notTheTherapysClinician)
                .given(pt().at(gym(0, 540, PT)), pt().at(gym(1, 540, UUID.randomUUID())))
                .penalizesBy(1);
    }

    @Test
    void aLaterProcedureOfThePlanBeforeAnEarlierOneIsPenalised() {
        Visit block = visit(PATIENT, "MBB", 0, -1, DR, 30, Map.of()).at(fluoro(10, 540));
        Visit ablation = visit(PATIENT, "RFA", 1, -1, DR, 30, Map.of()).at(fluoro(3, 540));
        verify.verifyThat(ScheduleConstraints::planOrderReversed)
                .given(block, ablation, pt().at(gym(0, 540, PT)))
                .penalizesBy(1);
        verify.verifyThat(ScheduleConstraints::planOrderReversed)
                .given(
                        visit(PATIENT, "MBB", 0, -1, DR, 30, Map.of()).at(fluoro(3, 540)),
                        visit(PATIENT, "RFA", 1, -1, DR, 30, Map.of()).at(fluoro(10, 540)))
                .penalizesBy(0);
    }

    @Test
    void eachDayOfWaitingCounts() {
        verify.verifyThat(ScheduleConstraints::waitBeforeTheVisit)
                .given(pt().at(gym(0, 540, PT)), pt().at(gym(3, 540, PT)), esi().at(fluoro(9, 540)))
                .penalizesBy(12);
    }
}
