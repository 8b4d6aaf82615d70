package org.relief.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.assessment.SafetyFlag;
import org.relief.careteam.Actor;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.Patients;
import org.relief.patient.Step;
import org.relief.screening.SafetyProtocol;
import org.relief.shared.CareOnHoldException;
import org.relief.shared.ForbiddenException;
import org.relief.shared.InvalidInputException;
import org.relief.shared.VersionConflictException;
import org.relief.support.ClinicFixture;
import org.relief.support.Fixtures;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class PlansIT {

    @LocalServerPort
    int port;

    @Autowired
    Plans plans;

    @Autowired
    Patients patients;

    @Autowired
    StaffDirectory staff;

    @Autowired
    SafetyProtocol safety;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClinicFixture fixture;

    Actor physician;
    Actor pt;
    UUID patientId;

    @BeforeEach
    void setUp() {
        physician = fixture.actor("dr.patel");
        pt = fixture.actor("pt.garcia");
        patientId =
                fixture.patient().onTeamOf("pt.garcia").atStep(Step.PLANNING).create();
    }

    private List<PlanVersion.Goal> goals() {
        return List.of(
                new PlanVersion.Goal(
                        PlanVersion.GoalKind.PAIN,
                        "Pain at most 4 of 10",
                        "NRS",
                        new BigDecimal("4"),
                        LocalDate.now().plusMonths(3)),
                new PlanVersion.Goal(PlanVersion.GoalKind.PERSONAL, "Walk the dog every morning", null, null, null));
    }

    private List<PlanVersion.PlannedTherapy> therapies() {
        return List.of(
                new PlanVersion.PlannedTherapy(
                        "PT",
                        pt.staffId(),
                        null,
                        "2x a week",
                        "6 weeks",
                        "lumbar",
                        null,
                        LocalDate.now(),
                        LocalDate.now().plusWeeks(6)),
                new PlanVersion.PlannedTherapy(
                        "ESI_TF",
                        physician.staffId(),
                        null,
                        "once",
                        "single",
                        "lumbar",
                        "LEFT",
                        LocalDate.now().plusWeeks(1),
                        null));
    }

    @Test
    void theTeamProposesThePhysicianSignsAndThePatientIsOnAPlan() {
        PlanVersion v1 = plans.propose(pt, patientId, goals(), therapies(), null, 0);
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.warning()).contains("no confirmed diagnosis");
        assertThat(v1.therapies())
                .extracting(PlanVersion.PlannedTherapy::ownerName)
                .containsExactly("Maria Garcia, DPT", "Dr. Anika Patel");
        assertThatThrownBy(() -> plans.sign(pt, patientId, v1.id())).isInstanceOf(ForbiddenException.class);
        plans.sign(physician, patientId, v1.id());
        assertThat(patients.summary(patientId).step()).isEqualTo(Step.ON_PLAN);

        assertThatThrownBy(() -> plans.propose(pt, patientId, goals(), therapies(), " ", 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("changeReason");
        PlanVersion v2 = plans.propose(pt, patientId, goals(), therapies().subList(0, 1), "ESI postponed", 1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(plans.versions(physician, patientId))
                .extracting(PlanVersion::version)
                .containsExactly(2, 1);
        assertThat(plans.versions(physician, patientId).get(1).signed()).isTrue();
    }

    @Test
    void ownersMustBeOnTheTeamAndTherapiesInTheCatalogue() {
        var outsider = new PlanVersion.PlannedTherapy(
                "ACUPUNCTURE",
                Fixtures.actor(staff, "acu.chen").staffId(),
                null,
                "weekly",
                "8 weeks",
                null,
                null,
                LocalDate.now(),
                null);
        var unknown = new PlanVersion.PlannedTherapy(
                "MAGIC", pt.staffId(), null, "weekly", "8 weeks", null, null, LocalDate.now(), null);
        assertThatThrownBy(() -> plans.propose(pt, patientId, goals(), List.of(outsider, unknown), null, 0))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(p -> p.field())
                        .containsExactly("therapies[0].ownerId", "therapies[1].therapyCode"));
    }

    @Test
    void aPlanWithAnInterventionalTherapyIsRefusedWhileTheSafetyHoldIsActive() {
        safety.report(physician, patientId, SafetyFlag.Concern.PSYCHOSIS, "Disorganised speech in clinic today");
        assertThatThrownBy(() -> plans.propose(pt, patientId, goals(), therapies(), null, 0))
                .isInstanceOf(CareOnHoldException.class)
                .hasMessageContaining("on hold")
                .hasMessageContaining("Epidural steroid injection, transforaminal");
        // without the injection the plan is physical therapy alone: not interventional care, so it may be planned
        assertThat(plans.propose(pt, patientId, goals(), therapies().subList(0, 1), null, 0)
                        .version())
                .isEqualTo(1);
    }

    @Test
    void thePlanPageProposesFromTheForm() {
        var session = Http.session(port, "pt.garcia", IntegrationTest.DEMO_PASSWORD);
        var r = session.postForm(
                "/patients/" + patientId + "/plan",
                Map.of(
                        "goal[0].kind",
                        "FUNCTION",
                        "goal[0].description",
                        "ODI under 30",
                        "goal[0].measure",
                        "ODI",
                        "goal[0].target",
                        "30",
                        "therapy[0].code",
                        "PT",
                        "therapy[0].owner",
                        pt.staffId().toString(),
                        "therapy[0].frequency",
                        "2x a week",
                        "therapy[0].duration",
                        "6 weeks",
                        "therapy[0].start",
                        LocalDate.now().toString(),
                        "basedOnVersion",
                        "0"));
        assertThat(r.statusCode()).isEqualTo(302);
        var page = session.get("/patients/" + patientId + "/plan");
        assertThat(page.body())
                .contains("ODI under 30")
                .contains("Physical therapy")
                .contains("proposed, not signed");
        var bad = session.postForm(
                "/patients/" + patientId + "/plan",
                Map.of(
                        "goal[0].description",
                        "x",
                        "goal[0].target",
                        "lots",
                        "therapy[0].code",
                        "PT",
                        "therapy[0].owner",
                        pt.staffId().toString(),
                        "therapy[0].frequency",
                        "weekly",
                        "therapy[0].start",
                        "tomorrow",
                        "changeReason",
                        "test",
                        "basedOnVersion",
                        "1"));
        assertThat(bad.statusCode()).isEqualTo(400);
        // the error summary names the fields in words, not as form or record paths
        assertThat(bad.body())
                .contains("Goal 1: target")
                .contains("Therapy 1: start date")
                .doesNotContain("therapies[0].startDate");
    }

    @Test
    void twoProposalsBasedOnTheSameVersionTheSecondIsAConflictAndNothingIsStored() {
        // both start from an empty plan: the first proposal is version 1, the second is stale
        plans.propose(pt, patientId, goals(), therapies().subList(0, 1), null, 0);
        long[] before = rows();
        assertThatThrownBy(() -> plans.propose(physician, patientId, goals(), therapies(), null, 0))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.expectedVersion()).isZero();
                    assertThat(e.currentVersion()).isEqualTo(1);
                    assertThat(e.changedBy()).isEqualTo("pt.garcia");
                });
        assertThat(rows()).containsExactly(before);
        // both start from version 1: the first becomes version 2, the second is refused and stores nothing
        plans.propose(pt, patientId, goals(), therapies().subList(0, 1), "home exercise added", 1);
        before = rows();
        assertThatThrownBy(() -> plans.propose(physician, patientId, goals(), therapies(), "ESI brought forward", 1))
                .isInstanceOf(VersionConflictException.class)
                .hasMessageContaining("version 2");
        assertThat(rows()).containsExactly(before);
        assertThat(plans.versions(physician, patientId))
                .extracting(PlanVersion::version)
                .containsExactly(2, 1);
        assertThat(plans.versions(physician, patientId).get(0).changeReason()).isEqualTo("home exercise added");
        // based on the version now current, the same proposal is stored
        assertThat(plans.propose(physician, patientId, goals(), therapies(), "ESI brought forward", 2)
                        .version())
                .isEqualTo(3);
    }

    @Test
    void signingAVersionThatANewerProposalSupersededIsAConflictAndSignsNothing() {
        PlanVersion v1 = plans.propose(pt, patientId, goals(), therapies(), null, 0);
        PlanVersion v2 = plans.propose(pt, patientId, goals(), therapies().subList(0, 1), "ESI postponed", 1);
        assertThatThrownBy(() -> plans.sign(physician, patientId, v1.id()))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.currentVersion()).isEqualTo(2);
                });
        var page = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD)
                .postForm("/patients/" + patientId + "/plan/" + v1.id() + "/sign", Map.of());
        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(plans.versions(physician, patientId)).noneMatch(PlanVersion::signed);
        plans.sign(physician, patientId, v2.id());
        assertThat(plans.versions(physician, patientId).get(0).signed()).isTrue();
    }

    @Test
    void aStaleProposalFromThePlanPageIsA409ThatKeepsWhatWasTypedAndProposingAgainBuildsOnTheCurrentVersion() {
        plans.propose(physician, patientId, goals(), therapies(), null, 0);
        var garcia = Http.session(port, "pt.garcia", IntegrationTest.DEMO_PASSWORD);
        var patel = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        String path = "/patients/" + patientId + "/plan";
        String opened = basedOn(garcia.get(path).body());
        assertThat(opened).isEqualTo("1");
        assertThat(basedOn(patel.get(path).body())).isEqualTo("1");
        assertThat(patel.postForm(path, planForm("Sleep through the night", "ESI postponed", "1"))
                        .statusCode())
                .isEqualTo(302);
        long[] before = rows();

        var stale = garcia.postForm(path, planForm("Climb two flights of stairs", "more physical therapy", opened));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(rows()).containsExactly(before);
        assertThat(stale.body())
                .contains("id=\"conflict\"")
                .contains("someone else proposed a version first")
                .contains("dr.patel proposed version 2 after you opened version 1")
                // what was typed is kept in the form, and the current version is shown above it
                .contains("value=\"Climb two flights of stairs\"")
                .contains("value=\"more physical therapy\"")
                .contains("Sleep through the night");
        assertThat(basedOn(stale.body()))
                .as("the kept form now builds on the current version")
                .isEqualTo("2");

        var again = garcia.postForm(
                path, planForm("Climb two flights of stairs", "more physical therapy", basedOn(stale.body())));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(plans.versions(physician, patientId))
                .extracting(PlanVersion::version)
                .containsExactly(3, 2, 1);

        var withoutVersion = garcia.postForm(
                path,
                Map.of(
                        "goal[0].description",
                        "x",
                        "therapy[0].code",
                        "PT",
                        "therapy[0].owner",
                        pt.staffId().toString(),
                        "therapy[0].frequency",
                        "weekly",
                        "therapy[0].start",
                        LocalDate.now().toString(),
                        "changeReason",
                        "test"));
        assertThat(withoutVersion.statusCode()).isEqualTo(400);
        assertThat(withoutVersion.body()).contains("Plan version you started from");
        assertThat(plans.versions(physician, patientId)).hasSize(3);
        // a role that may not propose is refused as such, version or not
        var desk = Http.session(port, "desk.miller", IntegrationTest.DEMO_PASSWORD);
        assertThat(desk.postForm(
                                path,
                                Map.of(
                                        "goal[0].description",
                                        "x",
                                        "therapy[0].code",
                                        "PT",
                                        "therapy[0].owner",
                                        pt.staffId().toString(),
                                        "therapy[0].frequency",
                                        "weekly",
                                        "therapy[0].start",
                                        LocalDate.now().toString()))
                        .statusCode())
                .isEqualTo(403);
    }

    private Map<String, String> planForm(String goal, String reason, String basedOn) {
        return Map.of(
                "goal[0].kind",
                "FUNCTION",
                "goal[0].description",
                goal,
                "therapy[0].code",
                "PT",
                "therapy[0].owner",
                pt.staffId().toString(),
                "therapy[0].frequency",
                "2x a week",
                "therapy[0].duration",
                "6 weeks",
                "therapy[0].start",
                LocalDate.now().toString(),
                "changeReason",
                reason,
                "basedOnVersion",
                basedOn);
    }

    private static String basedOn(String page) {
        Matcher m = Pattern.compile("name=\"basedOnVersion\" value=\"(\\d+)\"").matcher(page);
        assertThat(m.find())
                .as("the plan form carries the version it is based on")
                .isTrue();
        return m.group(1);
    }

    /** Rows of the plan's tables for this patient: versions, goals, therapies. */
    private long[] rows() {
        return new long[] {
            jdbc.sql("select count(*) from plan_version where patient_id = ?")
                    .param(patientId)
                    .query(Long.class)
                    .single(),
            jdbc.sql("select count(*) from plan_goal g join plan_version v on v.id = g.version_id where "
                            + "v.patient_id = ?")
                    .param(patientId)
                    .query(Long.class)
                    .single(),
            jdbc.sql("select count(*) from plan_therapy t join plan_version v on v.id = t.version_id where "
                            + "v.patient_id = ?")
                    .param(patientId)
                    .query(Long.class)
                    .single()
        };
    }
}
