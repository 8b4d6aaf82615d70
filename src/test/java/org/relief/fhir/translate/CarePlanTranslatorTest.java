package org.relief.fhir.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.fhir.translate.Entries.PATIENT;
import static org.relief.fhir.translate.Entries.RECORDED;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.relief.plan.PlanVersion;

/** Export only: plans are made by the team. */
class CarePlanTranslatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    private static PlanVersion plan(boolean signed) {
        return new PlanVersion(
                UUID.randomUUID(),
                PATIENT,
                2,
                "Added physical therapy",
                null,
                "dr.patel",
                RECORDED,
                signed ? "dr.patel" : null,
                signed ? RECORDED : null,
                List.of(new PlanVersion.Goal(
                        PlanVersion.GoalKind.PAIN,
                        "Average pain at most 4",
                        "NRS",
                        new BigDecimal("4"),
                        LocalDate.of(2026, 6, 1))),
                List.of(
                        new PlanVersion.PlannedTherapy(
                                "PT",
                                null,
                                null,
                                "twice a week",
                                "6 weeks",
                                null,
                                null,
                                LocalDate.of(2026, 2, 1),
                                null),
                        new PlanVersion.PlannedTherapy(
                                "ESI_IL", null, null, null, null, "L4-5", "LEFT", LocalDate.of(2026, 4, 1), null)));
    }

    @Test
    void theCurrentSignedVersionIsActiveWithItsGoalsAfterIt() {
        PlanVersion v = plan(true);
        UUID previous = UUID.randomUUID();
        List<Resource> out = CarePlanTranslator.toFhir(v, true, previous, TODAY);
        assertThat(out).hasSize(2);
        CarePlan plan = (CarePlan) out.get(0);
        Goal goal = (Goal) out.get(1);
        assertThat(plan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
        assertThat(plan.getReplacesFirstRep().getReference()).isEqualTo("CarePlan/" + previous);
        assertThat(plan.getGoalFirstRep().getReference()).isEqualTo("Goal/" + v.id() + "-1");
        assertThat(goal.getLifecycleStatus()).isEqualTo(Goal.GoalLifecycleStatus.ACTIVE);
        assertThat(goal.getTargetFirstRep().getDetailQuantity().getValue()).isEqualByComparingTo("4");
        // a therapy that started is in progress, one that starts later not started
        assertThat(plan.getActivity())
                .extracting(a -> a.getDetail().getStatus())
                .containsExactly(CarePlanActivityStatus.INPROGRESS, CarePlanActivityStatus.NOTSTARTED);
        assertThat(plan.getActivity().get(1).getDetail().getDescription()).endsWith(", L4-5 (left)");
    }

    @Test
    void anUnsignedVersionIsADraftAndAnEarlierOneRevoked() {
        List<Resource> draft = CarePlanTranslator.toFhir(plan(false), true, null, TODAY);
        assertThat(((CarePlan) draft.get(0)).getStatus()).isEqualTo(CarePlan.CarePlanStatus.DRAFT);
        assertThat(((Goal) draft.get(1)).getLifecycleStatus()).isEqualTo(Goal.GoalLifecycleStatus.PROPOSED);

        List<Resource> earlier = CarePlanTranslator.toFhir(plan(true), false, null, TODAY);
        assertThat(((CarePlan) earlier.get(0)).getStatus()).isEqualTo(CarePlan.CarePlanStatus.REVOKED);
        assertThat(((Goal) earlier.get(1)).getLifecycleStatus()).isEqualTo(Goal.GoalLifecycleStatus.CANCELLED);
        assertThat(((CarePlan) earlier.get(0)).getActivity())
                .extracting(a -> a.getDetail().getStatus())
                .containsOnly(CarePlanActivityStatus.STOPPED);
    }
}
