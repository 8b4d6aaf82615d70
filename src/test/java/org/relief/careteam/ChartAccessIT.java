package org.relief.careteam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.patient.ChartService;
import org.relief.patient.Patients;
import org.relief.support.ClinicFixture;
import org.relief.support.Fixtures;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ChartAccessIT {

    @Autowired
    ChartService charts;

    @Autowired
    Patients patients;

    @Autowired
    StaffDirectory staff;

    @Autowired
    ChartAccess access;

    @Autowired
    CareTeams teams;

    @Autowired
    AuditLog audit;

    @Autowired
    ClinicFixture fixture;

    Actor physician;
    Actor outsider;
    UUID patientId;

    @BeforeEach
    void setUp() {
        physician = fixture.actor("dr.patel");
        outsider = fixture.actor("acu.chen");
        patientId = fixture.patient().create();
    }

    @Test
    void clinicianOffTheTeamIsRefusedAndTheRefusalIsAudited() {
        assertThatThrownBy(() -> charts.chart(outsider, patientId)).isInstanceOf(ChartAccessDeniedException.class);
        assertThat(audit.count(patientId, AuditAction.DENIED)).isEqualTo(1);
    }

    @Test
    void everyWayTheGuardRefusesIsAuditedOnceNamingThePatient() {
        UUID nobody = UUID.randomUUID();
        assertThatThrownBy(() -> access.open(physician, nobody, Purpose.read("chart")))
                .isInstanceOf(org.relief.shared.NotFoundException.class);
        assertThat(audit.count(nobody, AuditAction.DENIED)).isEqualTo(1);

        assertThatThrownBy(() -> access.open(
                        outsider, patientId, Purpose.write("order a procedure"), Permission.ORDER_PROCEDURE))
                .isInstanceOf(ChartAccessDeniedException.class);
        assertThat(audit.count(patientId, AuditAction.DENIED)).isEqualTo(1);

        Actor desk = Fixtures.actor(staff, "desk.miller"); // on the team (registered the referral), not a prescriber
        assertThatThrownBy(() ->
                        access.open(desk, patientId, Purpose.write("add medication"), Permission.WRITE_MEDICATIONS))
                .isInstanceOf(org.relief.shared.ForbiddenException.class)
                .hasMessageContaining("Interventional pain physician");
        assertThat(audit.count(patientId, AuditAction.DENIED)).isEqualTo(2);
        assertThat(audit.search(
                        new org.relief.audit.AuditQuery(patientId, "desk.miller", null, null, AuditAction.DENIED, 5)))
                .singleElement()
                .satisfies(e -> assertThat(e.outcome())
                        .isEqualTo("DENIED: Front desk may not: " + Permission.WRITE_MEDICATIONS.label()));

        assertThatThrownBy(() -> access.breakGlass(outsider, patientId, "need"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(audit.count(patientId, AuditAction.DENIED)).isEqualTo(3);
    }

    @Test
    void aGrantedReadIsAuditedAndSaysHowAccessWasGranted() {
        long before = audit.count(patientId, AuditAction.READ);
        OpenChart chart = access.open(physician, patientId, Purpose.read("chart"));
        assertThat(chart.grant()).isEqualTo(AccessGrant.CARE_TEAM);
        assertThat(audit.count(patientId, AuditAction.READ)).isEqualTo(before + 1);

        access.breakGlass(outsider, patientId, "Covering for Dr. Patel: patient called with severe pain");
        assertThat(access.open(outsider, patientId, Purpose.read("chart")).byBreakGlass())
                .isTrue();
        assertThat(audit.search(
                        new org.relief.audit.AuditQuery(patientId, "acu.chen", null, null, AuditAction.READ, 5)))
                .singleElement()
                .satisfies(e -> assertThat(e.what()).isEqualTo("chart (break-glass)"));
    }

    @Test
    void breakingTheGlassNeedsAReasonThenGrantsAccessAndIsReported() {
        assertThatThrownBy(() -> access.breakGlass(outsider, patientId, "need"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("reason:");

        access.breakGlass(outsider, patientId, "Covering for Dr. Patel: patient called with severe pain");

        assertThat(charts.chart(outsider, patientId).access()).isEqualTo(AccessGrant.BREAK_GLASS);
        assertThat(audit.count(patientId, AuditAction.BREAK_GLASS)).isEqualTo(1);
        assertThat(access.breakGlassReport(LocalDate.now().minusDays(1), LocalDate.now()))
                .anySatisfy(e -> {
                    assertThat(e.patientId()).isEqualTo(patientId);
                    assertThat(e.username()).isEqualTo("acu.chen");
                    assertThat(e.reason()).contains("Covering");
                });
    }

    @Test
    void adminReadsNoChartAndCannotBreakTheGlass() {
        Actor admin = Fixtures.actor(staff, "admin");
        assertThatThrownBy(() -> charts.chart(admin, patientId)).isInstanceOf(ChartAccessDeniedException.class);
        assertThatThrownBy(() -> access.breakGlass(admin, patientId, "I would like to look at this chart"))
                .isInstanceOf(ChartAccessDeniedException.class);
    }

    @Test
    void joiningTheTeamGivesAccessAndLeavingTakesItAway() {
        teams.add(patientId, outsider.staffId(), "admin");
        assertThat(charts.chart(outsider, patientId).access()).isEqualTo(AccessGrant.CARE_TEAM);
        teams.remove(patientId, outsider.staffId(), "admin");
        assertThatThrownBy(() -> charts.chart(outsider, patientId)).isInstanceOf(ChartAccessDeniedException.class);
    }

    @Test
    void withinOneRequestTheRelationIsLookedUpOnceButPermissionsAndALeavingStillCount() {
        var request = new org.springframework.web.context.request.ServletRequestAttributes(
                new org.springframework.mock.web.MockHttpServletRequest());
        org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(request);
        try {
            teams.add(patientId, outsider.staffId(), "admin");
            assertThat(access.open(outsider, patientId, Purpose.read("chart")).grant())
                    .isEqualTo(AccessGrant.CARE_TEAM);
            assertThat(access.open(outsider, patientId, Purpose.read("plans")).grant())
                    .isEqualTo(AccessGrant.CARE_TEAM);
            // a relation found already does not let a role do what it may not
            assertThatThrownBy(() -> access.open(
                            outsider, patientId, Purpose.write("add medication"), Permission.WRITE_MEDICATIONS))
                    .isInstanceOf(org.relief.shared.ForbiddenException.class);
            // leaving the team within the same request takes the access away at once
            teams.remove(patientId, outsider.staffId(), "admin");
            assertThatThrownBy(() -> access.open(outsider, patientId, Purpose.read("chart")))
                    .isInstanceOf(ChartAccessDeniedException.class);
            assertThat(access.mayOpen(outsider, patientId)).isFalse();
        } finally {
            request.requestCompleted();
            org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        }
        assertThat(audit.count(patientId, AuditAction.READ)).isEqualTo(1); // one request: one read row
        assertThat(audit.count(patientId, AuditAction.DENIED)).isEqualTo(2); // each refusal its own
    }

    @Test
    void searchOfMyPatientsShowsOnlyMyTeams() {
        // by record number: the suite registers many people with the test name, more than one page of results
        String mrn = patients.summary(patientId).mrn();
        assertThat(patients.search(outsider, mrn, Patients.Scope.MINE, 50)).noneMatch(p -> p.id().equals(patientId));
        assertThat(patients.search(physician, mrn, Patients.Scope.MINE, 50)).anyMatch(p -> p.id().equals(patientId));
        assertThat(patients.search(outsider, mrn, Patients.Scope.CLINIC, 50)).anyMatch(p -> p.id().equals(patientId));
    }
}
