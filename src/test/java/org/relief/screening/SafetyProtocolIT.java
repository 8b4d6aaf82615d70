package org.relief.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.assessment.Assessments;
import org.relief.assessment.SafetyFlag;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.audit.AuditQuery;
import org.relief.careteam.Actor;
import org.relief.careteam.StaffDirectory;
import org.relief.screening.SafetyProtocol.RiskLevel;
import org.relief.shared.ForbiddenException;
import org.relief.shared.InvalidInputException;
import org.relief.support.ClinicFixture;
import org.relief.support.Fixtures;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class SafetyProtocolIT {

    @Autowired
    Assessments assessments;

    @Autowired
    SafetyProtocol safety;

    @Autowired
    StaffDirectory staff;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClinicFixture fixture;

    Actor physician;
    Actor therapist;
    UUID patientId;

    @BeforeEach
    void setUp() {
        physician = fixture.actor("dr.patel");
        therapist = fixture.actor("mh.brooks");
        patientId = fixture.patient().onTeamOf("mh.brooks").create();
    }

    @Test
    void phq9ItemNineRaisesAnAlertAndAHoldInTheSameTransaction() {
        assessments.record(therapist, patientId, "PHQ9", LocalDate.now(), phq9(1, 1));

        SafetyStatus status = safety.status(physician, patientId);
        assertThat(status.hasOpenAlert()).isTrue();
        assertThat(status.alerts()).singleElement().satisfies(a -> {
            assertThat(a.trigger()).isEqualTo("PHQ9_ITEM9");
            assertThat(a.detail()).contains("Kroenke 2001");
        });
        assertThat(status.onHold()).isTrue();
        assertThat(status.crisisResources()).contains("988");
        assertThat(safety.isOnHold(patientId)).isTrue();
        assertThat(safety.dashboardAlerts(physician))
                .anyMatch(d -> d.alert().patientId().equals(patientId));
        assertThat(safety.dashboardAlerts(therapist))
                .anyMatch(d -> d.alert().patientId().equals(patientId));
        assertThat(safety.dashboardAlerts(Fixtures.actor(staff, "desk.miller"))).isEmpty();
    }

    @Test
    void noFlagNoAlert() {
        assessments.record(therapist, patientId, "PHQ9", LocalDate.now(), phq9(2, 0));
        assertThat(safety.status(physician, patientId).alerts()).isEmpty();
        assertThat(safety.isOnHold(patientId)).isFalse();
    }

    @Test
    void positiveCssrsRaisesAnAlertWithItsRisk() {
        assessments.record(
                therapist,
                patientId,
                "CSSRS",
                LocalDate.now(),
                Map.of("q1", 1, "q2", 1, "q3", 1, "q4", 0, "q5", 0, "q6", 0));
        assertThat(safety.status(physician, patientId).alerts())
                .singleElement()
                .satisfies(a -> assertThat(a.risk()).isEqualTo("MODERATE"));
    }

    @Test
    void theHoldIsReleasedOnlyByThePhysicianAndOnlyAfterTheFollowUp() {
        var alert = safety.report(therapist, patientId, SafetyFlag.Concern.PSYCHOSIS, "Hearing voices today");

        assertThatThrownBy(() -> safety.releaseHold(physician, patientId, "Stable after assessment"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("follow-up");
        assertThatThrownBy(() -> safety.followUp(therapist, patientId, alert.id(), RiskLevel.LOW, "ok"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("actionTaken");

        safety.followUp(
                therapist,
                patientId,
                alert.id(),
                RiskLevel.LOW,
                "Assessed in person; no acute risk; psychiatry referral made");
        assertThat(safety.status(physician, patientId).hasOpenAlert()).isFalse();
        assertThat(safety.isOnHold(patientId)).isTrue();

        assertThatThrownBy(() -> safety.releaseHold(therapist, patientId, "Stable after assessment"))
                .isInstanceOf(ForbiddenException.class);
        safety.releaseHold(physician, patientId, "Psychiatry confirms stability; resume the evaluation");
        assertThat(safety.isOnHold(patientId)).isFalse();
        assertThat(audit.search(new AuditQuery(patientId, null, null, null, null, 100)))
                .extracting(e -> e.what())
                .anyMatch(w -> w.startsWith("SAFETY ALERT raised"))
                .anyMatch(w -> w.contains("put on HOLD"))
                .anyMatch(w -> w.contains("followed up"))
                .anyMatch(w -> w.startsWith("care hold RELEASED"));
        assertThat(audit.count(patientId, AuditAction.DENIED)).isEqualTo(1);
    }

    @Test
    void theProtocolCannotBeSkippedByEditingTheDatabase() {
        safety.report(therapist, patientId, SafetyFlag.Concern.SUICIDAL_IDEATION, "Said they want to die");
        assertThatThrownBy(() -> jdbc.sql("delete from safety_alert where patient_id = ?")
                        .param(patientId)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from care_hold where patient_id = ?")
                        .param(patientId)
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void candidacyDefersToMentalHealthWhileAnAlertIsOpen() {
        safety.report(therapist, patientId, SafetyFlag.Concern.SUICIDAL_IDEATION, "Said they want to die");
        assertThat(screen().outcome()).isEqualTo(CandidacyRules.Outcome.DEFER_MENTAL_HEALTH);
    }

    @Autowired
    CandidacyScreen candidacy;

    private CandidacyRules.Decision screen() {
        return candidacy.screen(physician, patientId);
    }

    private static Map<String, Integer> phq9(int each, int item9) {
        Map<String, Integer> a = new HashMap<>();
        for (int i = 1; i <= 8; i++) {
            a.put("q" + i, each);
        }
        a.put("q9", item9);
        return a;
    }
}
