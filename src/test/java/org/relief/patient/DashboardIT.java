package org.relief.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.careteam.Role;
import org.relief.careteam.StaffDirectory;
import org.relief.support.ClinicFixture;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The dashboard's groups: only the actor's patients, each step's count, and its newest few, newest first. */
@IntegrationTest
class DashboardIT {

    @Autowired
    Patients patients;

    @Autowired
    StaffDirectory staff;

    @Autowired
    ClinicFixture fixture;

    @Test
    void aPhysiciansOwnPatientsByStepNewestFirstWithEachStepsCount() {
        // a physician of her own, so that other tests' patients do not count
        String username = "dr.dash" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(username, "Dr. Dash Board", Role.PHYSICIAN, "board-of-the-dash-2026", "test");
        List<UUID> referred = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            referred.add(
                    fixture.patient().physician(username).named("Dashboard").create());
        }
        UUID evaluating = fixture.patient()
                .physician(username)
                .named("Dashboard")
                .atStep(Step.IN_EVALUATION)
                .create();
        UUID someoneElses = fixture.patient().named("Dashboard").create();

        Patients.Dashboard dashboard = patients.dashboard(fixture.actor(username), 3);

        assertThat(dashboard.counts().get(Step.REFERRED)).isEqualTo(4);
        // at most three shown, the most recently changed first
        assertThat(dashboard.groups().get(Step.REFERRED))
                .extracting(PatientSummary::id)
                .containsExactly(referred.get(3), referred.get(2), referred.get(1));
        assertThat(dashboard.counts().get(Step.IN_EVALUATION)).isEqualTo(1);
        assertThat(dashboard.groups().get(Step.IN_EVALUATION))
                .extracting(PatientSummary::id)
                .containsExactly(evaluating);
        for (Step other : List.of(Step.DEFERRED_MENTAL_HEALTH, Step.PLANNING, Step.ON_PLAN, Step.DISCHARGED)) {
            assertThat(dashboard.counts().get(other)).as(other.name()).isZero();
            assertThat(dashboard.groups().get(other)).as(other.name()).isEmpty();
        }
        assertThat(dashboard.total()).isEqualTo(5);
        assertThat(dashboard.groups().values().stream().flatMap(List::stream).map(PatientSummary::id))
                .doesNotContain(someoneElses);
    }
}
