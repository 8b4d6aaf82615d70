package org.relief.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.careteam.Actor;
import org.relief.careteam.StaffDirectory;
import org.relief.shared.ForbiddenException;
import org.relief.support.ClinicFixture;
import org.relief.support.Fixtures;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class AssessmentsIT {

    @LocalServerPort
    int port;

    @Autowired
    Assessments assessments;

    @Autowired
    StaffDirectory staff;

    @Autowired
    ClinicFixture fixture;

    Actor physician;
    UUID patientId;

    @BeforeEach
    void setUp() {
        physician = fixture.actor("dr.patel");
        patientId = fixture.patient().create();
    }

    @Test
    void responsesAreStoredScoredAndMeaningfulChangesMarked() {
        assessments.record(physician, patientId, "NRS", LocalDate.now().minusDays(30), Map.of("pain", 8));
        assessments.record(physician, patientId, "NRS", LocalDate.now().minusDays(10), Map.of("pain", 7));
        assessments.record(physician, patientId, "NRS", LocalDate.now(), Map.of("pain", 4));

        var nrs = assessments.history(physician, patientId).get("NRS");
        assertThat(nrs).extracting(InstrumentResponse::total).containsExactly(8.0, 7.0, 4.0);
        assertThat(nrs).extracting(InstrumentResponse::meaningfulChange).containsExactly(null, null, "improved");
        assertThat(nrs.get(2).recordedBy()).isEqualTo("dr.patel");
        assertThat(nrs.get(2).answers()).containsEntry("pain", 4);
    }

    @Test
    void aCorrectionIsANewVersionRescoredAndCanRaiseTheSafetyAlert() {
        Map<String, Integer> phq = new java.util.HashMap<>();
        for (int i = 1; i <= 9; i++) {
            phq.put("q" + i, 0);
        }
        var first = assessments.record(physician, patientId, "PHQ9", LocalDate.now(), phq);
        phq.put("q9", 2);
        var corrected = assessments.correct(
                physician, patientId, first.entryId(), 1, LocalDate.now(), phq, "item 9 was keyed wrongly");
        assertThat(corrected.version()).isEqualTo(2);
        assertThat(corrected.total()).isEqualTo(2.0);
        assertThat(assessments.history(physician, patientId).get("PHQ9"))
                .singleElement()
                .satisfies(r -> assertThat(r.version()).isEqualTo(2));
        assertThat(safety.status(physician, patientId).hasOpenAlert()).isTrue();
        assertThatThrownBy(() ->
                        assessments.correct(physician, patientId, first.entryId(), 1, LocalDate.now(), phq, "again"))
                .isInstanceOf(org.relief.shared.VersionConflictException.class);
    }

    @Autowired
    org.relief.screening.SafetyProtocol safety;

    @Test
    void theCorrectionFormNeedsAReason() {
        var r = assessments.record(physician, patientId, "NRS", LocalDate.now(), Map.of("pain", 6));
        var session = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        var form = session.get("/patients/" + patientId + "/instruments/NRS/" + r.entryId() + "/edit");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("What was corrected").contains("value=\"1\"");
        var missing = session.postForm(
                "/patients/" + patientId + "/instruments/NRS/" + r.entryId(),
                Map.of("version", "1", "administeredOn", LocalDate.now().toString(), "item.pain", "5"));
        assertThat(missing.statusCode()).isEqualTo(400);
        var ok = session.postForm(
                "/patients/" + patientId + "/instruments/NRS/" + r.entryId(),
                Map.of(
                        "version",
                        "1",
                        "administeredOn",
                        LocalDate.now().toString(),
                        "item.pain",
                        "5",
                        "changeReason",
                        "patient said 5, not 6"));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(assessments.history(physician, patientId).get("NRS").get(0).total())
                .isEqualTo(5.0);
    }

    @Test
    void voidedResponsesLeaveTheHistory() {
        var r = assessments.record(physician, patientId, "NRS", LocalDate.now(), Map.of("pain", 9));
        assessments.voidResponse(physician, patientId, r.entryId(), 1, "wrong patient");
        assertThat(assessments.history(physician, patientId)).doesNotContainKey("NRS");
    }

    @Test
    void frontDeskDoesNotRecordInstruments() {
        assertThatThrownBy(() -> assessments.record(
                        Fixtures.actor(staff, "desk.miller"), patientId, "NRS", LocalDate.now(), Map.of("pain", 5)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aSeriesIsRecordedAsEachResponseWouldBeWithOneAuditRow() {
        LocalDate today = LocalDate.now();
        int n = assessments.recordSeries(
                physician,
                patientId,
                "NRS",
                java.util.List.of(
                        new Assessments.Given(today.minusDays(2), Map.of("pain", 8)),
                        new Assessments.Given(today.minusDays(1), Map.of("pain", 7)),
                        new Assessments.Given(today, Map.of("pain", 4))));
        assertThat(n).isEqualTo(3);
        var nrs = assessments.history(physician, patientId).get("NRS");
        assertThat(nrs).extracting(InstrumentResponse::total).containsExactly(8.0, 7.0, 4.0);
        assertThat(nrs).extracting(InstrumentResponse::recordedBy).containsOnly("dr.patel");
        assertThat(jdbc.sql(
                                "select what from audit_event where patient_id = ? and action = 'CREATE' and what like 'NRS%'")
                        .param(patientId)
                        .query(String.class)
                        .list())
                .containsExactly("NRS: 3 responses recorded, given " + today.minusDays(2) + " to " + today);
    }

    @Test
    void aBadResponseRefusesTheWholeSeriesNamingItsPlace() {
        LocalDate today = LocalDate.now();
        assertThatThrownBy(() -> assessments.recordSeries(
                        physician,
                        patientId,
                        "NRS",
                        java.util.List.of(
                                new Assessments.Given(today.minusDays(1), Map.of("pain", 5)),
                                new Assessments.Given(today, Map.of("pain", 11)),
                                new Assessments.Given(today.plusDays(2), Map.of("pain", 3)))))
                .isInstanceOfSatisfying(
                        org.relief.shared.InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(org.relief.shared.FieldProblem::field)
                                .containsExactly("series[1].answers.pain", "series[2].administeredOn"));
        assertThat(assessments.history(physician, patientId)).doesNotContainKey("NRS");
        assertThatThrownBy(() -> assessments.recordSeries(physician, patientId, "NRS", java.util.List.of()))
                .isInstanceOfSatisfying(
                        org.relief.shared.InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(org.relief.shared.FieldProblem::field)
                                .containsExactly("series"));
        assertThatThrownBy(() -> assessments.recordSeries(
                        Fixtures.actor(staff, "desk.miller"),
                        patientId,
                        "NRS",
                        java.util.List.of(new Assessments.Given(today, Map.of("pain", 5)))))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aSafetyFlagInASeriesRaisesTheAlert() {
        Map<String, Integer> phq = new java.util.HashMap<>();
        for (int i = 1; i <= 9; i++) {
            phq.put("q" + i, 0);
        }
        Map<String, Integer> item9 = new java.util.HashMap<>(phq);
        item9.put("q9", 1);
        assessments.recordSeries(
                physician,
                patientId,
                "PHQ9",
                java.util.List.of(
                        new Assessments.Given(LocalDate.now().minusDays(7), phq),
                        new Assessments.Given(LocalDate.now(), item9)));
        assertThat(safety.status(physician, patientId).hasOpenAlert()).isTrue();
    }

    @Test
    void apiRefusesBadAnswersNamingTheItemAndChangesNothing() {
        var api = Http.basic(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        var bad = api.postJson(
                "/api/patients/" + patientId + "/instruments/PHQ9",
                "{\"administeredOn\": \"" + LocalDate.now() + "\", \"answers\": {\"q1\": 7}}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"answers.q1\"");
        var future = api.postJson(
                "/api/patients/" + patientId + "/instruments/NRS",
                "{\"administeredOn\": \"" + LocalDate.now().plusDays(3) + "\", \"answers\": {\"pain\": 3}}");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("\"field\":\"administeredOn\"");
        assertThat(api.get("/api/patients/" + patientId + "/instruments").body())
                .isEqualTo("{}");
        var ok = api.postJson(
                "/api/patients/" + patientId + "/instruments/ODI",
                "{\"administeredOn\": \"" + LocalDate.now() + "\", \"answers\": {\"s1\": 3, \"s2\": 2}}");
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(ok.body()).contains("\"total\":50.0").contains("Severe");
        assertThat(api.get("/api/instruments").body()).contains("Oswestry").contains("Fairbank");
    }

    @Test
    void theFormShowsTheScoreAsItIsFilledIn() {
        var session = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        var r = session.postForm(
                "/patients/" + patientId + "/instruments/PEG/preview",
                Map.of("item.p", "7", "item.e", "6", "item.g", "8"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"score-total\"").contains("7.00");
    }
}
