package org.relief.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.relief.careteam.Actor;
import org.relief.patient.Codes;
import org.relief.patient.Medication;
import org.relief.plan.PlanVersion;
import org.relief.plan.Plans;
import org.relief.procedure.Orders;
import org.relief.procedure.ProcedureOrder;
import org.relief.procedure.rules.Decision;
import org.relief.procedure.rules.Facts;
import org.relief.procedure.rules.RuleEngine;
import org.relief.support.ClinicFixture;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The optimiser end to end on PostgreSQL: a signed plan with an ESI, physical therapy twice a week and CBT weekly, for
 * a patient whose last ESI was 10 days ago and who takes apixaban. The procedure rule engine blocks the first days
 * (the 21-day ESI interval, shared/CLINICAL_RULES.md §2, and apixaban's 5-day hold for a high bleeding risk, §9);
 * the proposal places the ESI on a day the rules allow, every session in its week, and accepting it books each
 * visit through the calendar's own checks.
 */
@IntegrationTest
class ScheduleOptimiserIT {

    @Autowired
    ClinicFixture fixture;

    @Autowired
    Plans plans;

    @Autowired
    Orders orders;

    @Autowired
    ScheduleOptimiser optimiser;

    @Autowired
    Appointments appointments;

    @Test
    void aSignedPlanBecomesFourWeeksThatRespectTheEsiIntervalAndTheApixabanHold() throws Exception {
        Actor doctor = fixture.actor("dr.patel");
        Actor therapist = fixture.actor("pt.garcia");
        Actor psychologist = fixture.actor("mh.brooks");
        UUID patient = fixture.patient()
                .named("Scheduleperson")
                .onTeamOf("pt.garcia", "mh.brooks")
                .readyForLumbarEsi() // an ESI 10 days ago
                .withMedication(new Medication(
                        "apixaban",
                        null,
                        Codes.DrugClass.ANTICOAGULANT,
                        "5 mg",
                        "twice a day",
                        "oral",
                        null,
                        Codes.MedicationStatus.ACTIVE))
                .create();
        LocalDate today = LocalDate.now();
        // patient factors raise the ESI's intermediate bleeding risk to high: apixaban then needs a 5-day hold (§9)
        Facts.Order esi = new Facts.Order(
                org.relief.procedure.rules.ProcedureType.ESI_TRANSFORAMINAL,
                Facts.Region.LUMBAR,
                Facts.Side.LEFT,
                1,
                today.plusDays(14),
                Facts.Indication.RADICULOPATHY,
                60.0,
                false,
                true,
                null,
                true,
                null);
        ProcedureOrder order = orders.order(doctor, patient, esi);
        PlanVersion plan = plans.propose(
                doctor,
                patient,
                List.of(new PlanVersion.Goal(
                        PlanVersion.GoalKind.PAIN,
                        "Pain at most 4 of 10",
                        "NRS",
                        new BigDecimal("4"),
                        today.plusMonths(3))),
                List.of(
                        therapy("ESI_TF", doctor, "once"),
                        therapy("PT", therapist, "2x a week"),
                        therapy("CBT", psychologist, "weekly")),
                null,
                0);
        plans.sign(doctor, patient, plan.id());

        // the rules, not the optimiser, decide the days: tomorrow is blocked by both the interval and the hold
        Map<LocalDate, RuleEngine.Result> days =
                orders.checkDays(doctor, patient, esi, List.of(today.plusDays(1), today.plusDays(12)));
        RuleEngine.Result tomorrow = days.get(today.plusDays(1));
        assertThat(tomorrow.decision()).isEqualTo(Decision.BLOCK);
        assertThat(tomorrow.outcomes().stream()
                        .filter(o -> o.decision() == Decision.BLOCK)
                        .map(o -> o.reason()))
                .anyMatch(r -> r.contains("since the last ESI"))
                .anyMatch(r -> r.contains("apixaban"));
        assertThat(days.get(today.plusDays(12)).decision()).isNotEqualTo(Decision.BLOCK);

        Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        ScheduleOptimiser.Run run = optimiser.start(doctor, patient, today.plusDays(1), weekdays);
        for (int i = 0; i < 300 && !run.done(); i++) {
            Thread.sleep(100);
        }
        assertThat(run.done()).as("solved within the time allowed").isTrue();
        assertThat(run.failure()).isNull();
        assertThat(run.feasible()).as(run.score()).isTrue();
        List<ScheduleOptimiser.Proposed> proposal = run.proposal();
        assertThat(proposal).hasSize(1 + 8 + 4).allMatch(ScheduleOptimiser.Proposed::placed);

        ScheduleOptimiser.Proposed esiVisit = proposal.stream()
                .filter(p -> p.therapy().equals("ESI_TF"))
                .findFirst()
                .orElseThrow();
        // last ESI 10 days ago + 21 days = today + 11; apixaban's hold can be met from today + 5
        assertThat(esiVisit.day()).isAfterOrEqualTo(today.plusDays(11));
        assertThat(weekdays).contains(esiVisit.day().getDayOfWeek());
        Map<Integer, Long> ptPerWeek = proposal.stream()
                .filter(p -> p.therapy().equals("PT"))
                .collect(Collectors.groupingBy(
                        p -> (int) java.time.temporal.ChronoUnit.DAYS.between(today.plusDays(1), p.day()) / 7,
                        Collectors.counting()));
        assertThat(ptPerWeek).containsExactlyInAnyOrderEntriesOf(Map.of(0, 2L, 1, 2L, 2, 2L, 3, 2L));
        assertThat(proposal).allMatch(p -> weekdays.contains(p.day().getDayOfWeek()));

        // accept all but the last CBT session: each is booked through the calendar's checks
        Set<String> chosen =
                proposal.stream().map(ScheduleOptimiser.Proposed::id).collect(Collectors.toSet());
        String left = proposal.stream()
                .filter(p -> p.therapy().equals("CBT"))
                .reduce((a, b) -> b)
                .orElseThrow()
                .id();
        chosen.remove(left);
        ScheduleOptimiser.Accepted accepted = optimiser.accept(fixture.actor("desk.miller"), patient, run.id(), chosen);
        assertThat(accepted.refused()).isEmpty();
        assertThat(accepted.booked()).hasSize(12);
        List<Appointment> booked = appointments.ofPatient(doctor, patient, today);
        assertThat(booked).hasSize(12);
        assertThat(booked)
                .filteredOn(a -> a.type().code().equals("ESI"))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.orderId()).isEqualTo(order.id());
                    assertThat(a.room().name()).startsWith("Fluoroscopy suite");
                    assertThat(a.day()).isEqualTo(esiVisit.day());
                });

        // a second run does not propose the ESI again (its order is booked) and says so
        ScheduleOptimiser.Run again = optimiser.start(doctor, patient, today.plusDays(1), weekdays);
        for (int i = 0; i < 300 && !again.done(); i++) {
            Thread.sleep(100);
        }
        assertThat(again.notes()).anyMatch(n -> n.contains("no standing procedure order"));
        assertThat(again.proposal()).noneMatch(p -> p.therapy().equals("ESI_TF"));
    }

    private static PlanVersion.PlannedTherapy therapy(String code, Actor owner, String frequency) {
        return new PlanVersion.PlannedTherapy(
                code, owner.staffId(), null, frequency, "4 weeks", null, null, LocalDate.now(), null);
    }
}
