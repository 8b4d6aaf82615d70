package org.relief.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.careteam.Actor;
import org.relief.evaluation.Findings.Certainty;
import org.relief.evaluation.Findings.Clearance;
import org.relief.evaluation.Findings.Finding;
import org.relief.evaluation.Findings.TestKind;
import org.relief.patient.ChartService;
import org.relief.patient.Patients;
import org.relief.patient.Step;
import org.relief.shared.ForbiddenException;
import org.relief.shared.InvalidInputException;
import org.relief.shared.VersionConflictException;
import org.relief.support.ClinicFixture;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class EvaluationIT {

    @LocalServerPort
    int port;

    @Autowired
    Evaluations evaluations;

    @Autowired
    ChartService charts;

    @Autowired
    Patients patients;

    @Autowired
    ClinicFixture fixture;

    Actor physician;
    Actor therapist;
    Actor chiropractor;
    UUID patientId;

    @BeforeEach
    void setUp() {
        physician = fixture.actor("dr.patel");
        therapist = fixture.actor("mh.brooks");
        chiropractor = fixture.actor("chiro.lee");
        patientId = fixture.patient().onTeamOf("mh.brooks", "chiro.lee").create();
    }

    @Test
    void anEpisodeRunsFromStartToSignedDiagnosisAndMovesThePatientAlong() {
        UUID episode = evaluations.start(physician, patientId);
        assertThat(patients.summary(patientId).step()).isEqualTo(Step.IN_EVALUATION);
        assertThat(evaluations.start(chiropractor, patientId)).isEqualTo(episode);

        charts.add(
                physician,
                patientId,
                EvaluationKinds.SESSION,
                new Findings.Session(
                        episode,
                        LocalDate.now(),
                        "Low back pain since a fall",
                        "Right buttock",
                        "aching",
                        "8 months ago",
                        "sitting",
                        "walking"));
        charts.add(
                chiropractor,
                patientId,
                EvaluationKinds.EXAM,
                new Findings.Exam(
                        episode,
                        LocalDate.now(),
                        "Flexion limited",
                        "Normal",
                        Finding.NEGATIVE,
                        Finding.NEGATIVE,
                        Finding.POSITIVE,
                        Finding.NEGATIVE,
                        Finding.POSITIVE,
                        Finding.POSITIVE,
                        Finding.NOT_DONE,
                        Finding.NEGATIVE,
                        Finding.NEGATIVE,
                        0,
                        null));
        charts.add(
                physician,
                patientId,
                EvaluationKinds.TEST,
                new Findings.DiagnosticTest(
                        episode,
                        TestKind.DIAGNOSTIC_BLOCK,
                        "Right SI joint block",
                        LocalDate.now(),
                        LocalDate.now(),
                        "Good relief",
                        "Right sacroiliac joint",
                        80,
                        6));
        charts.add(
                therapist,
                patientId,
                EvaluationKinds.PSYCH,
                new Findings.PsychEvaluation(episode, LocalDate.now(), Clearance.CLEARED, null));

        var facts = evaluations.facts(physician, patientId).orElseThrow();
        assertThat(facts.positiveSacroiliacTests()).isEqualTo(3);
        assertThat(facts.blocks()).singleElement().satisfies(b -> {
            assertThat(b.reliefPercent()).isEqualTo(80);
            assertThat(b.reliefHours()).isEqualTo(6);
        });
        assertThat(facts.psychClearance()).isEqualTo(Clearance.CLEARED);
        assertThat(facts.psychEvaluatedOn()).isEqualTo(LocalDate.now());

        charts.add(
                physician,
                patientId,
                EvaluationKinds.DIAGNOSIS,
                new Findings.Diagnosis(episode, "M46.1", "Sacroiliitis, not elsewhere classified", Certainty.WORKING));
        assertThatThrownBy(() -> evaluations.sign(physician, patientId, episode))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("confirm at least one diagnosis");
        var working = evaluations
                .latest(physician, patientId)
                .orElseThrow()
                .diagnoses()
                .get(0);
        charts.correct(
                physician,
                patientId,
                EvaluationKinds.DIAGNOSIS,
                working.entryId(),
                working.version(),
                new Findings.Diagnosis(episode, "M46.1", "Sacroiliitis, not elsewhere classified", Certainty.CONFIRMED),
                "block confirmed");
        assertThatThrownBy(() -> evaluations.sign(chiropractor, patientId, episode))
                .isInstanceOf(ForbiddenException.class);
        evaluations.sign(physician, patientId, episode);

        assertThat(evaluations.latest(physician, patientId).orElseThrow().signed())
                .isTrue();
        assertThat(patients.summary(patientId).step()).isEqualTo(Step.PLANNING);
    }

    @Test
    void aStaleCorrectionOrVoidOfAnEvaluationFindingIsAConflictAndStoresNothing() {
        UUID episode = evaluations.start(physician, patientId);
        var first = charts.add(
                physician,
                patientId,
                EvaluationKinds.DIAGNOSIS,
                new Findings.Diagnosis(episode, "M46.1", "Sacroiliitis, not elsewhere classified", Certainty.WORKING));
        // two people opened version 1; the first correction is version 2
        charts.correct(
                physician,
                patientId,
                EvaluationKinds.DIAGNOSIS,
                first.entryId(),
                1,
                new Findings.Diagnosis(episode, "M46.1", "Sacroiliitis, not elsewhere classified", Certainty.CONFIRMED),
                "block confirmed");
        assertThatThrownBy(() -> charts.correct(
                        physician,
                        patientId,
                        EvaluationKinds.DIAGNOSIS,
                        first.entryId(),
                        1,
                        new Findings.Diagnosis(episode, "M54.16", "Radiculopathy, lumbar region", Certainty.WORKING),
                        "second opinion"))
                .isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> charts.voidEntry(
                        physician,
                        patientId,
                        EvaluationKinds.DIAGNOSIS,
                        first.entryId(),
                        1,
                        "entered in the wrong chart"))
                .isInstanceOf(VersionConflictException.class);
        var current = evaluations
                .latest(physician, patientId)
                .orElseThrow()
                .diagnoses()
                .get(0);
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.data().certainty()).isEqualTo(Certainty.CONFIRMED);
    }

    @Test
    void onlyMentalHealthStaffWriteThePsychEvaluationAndReadTheNote() {
        UUID episode = evaluations.start(therapist, patientId);
        assertThatThrownBy(() -> charts.add(
                        physician,
                        patientId,
                        EvaluationKinds.PSYCH,
                        new Findings.PsychEvaluation(episode, LocalDate.now(), Clearance.CLEARED, null)))
                .isInstanceOf(ForbiddenException.class);
        charts.add(
                therapist,
                patientId,
                EvaluationKinds.PSYCH_NOTE,
                new Findings.PsychotherapyNote(episode, LocalDate.now(), "Private session content"));

        assertThat(evaluations.latest(therapist, patientId).orElseThrow().psychotherapyNotes())
                .hasSize(1);
        assertThat(evaluations.latest(physician, patientId).orElseThrow().psychotherapyNotes())
                .isNull();
        assertThatThrownBy(() -> charts.entries(physician, patientId, EvaluationKinds.PSYCH_NOTE))
                .isInstanceOf(ForbiddenException.class);
        var api = Http.basic(port, "dr.patel", IntegrationTest.DEMO_PASSWORD)
                .get("/api/patients/" + patientId + "/psychotherapy-notes");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).doesNotContain("Private session content");
    }

    @Test
    void conditionalClearanceNeedsItsConditionsAndBlocksNeedATarget() {
        UUID episode = evaluations.start(therapist, patientId);
        assertThatThrownBy(() -> charts.add(
                        therapist,
                        patientId,
                        EvaluationKinds.PSYCH,
                        new Findings.PsychEvaluation(episode, LocalDate.now(), Clearance.CLEARED_WITH_CONDITIONS, " ")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("conditions");
        assertThatThrownBy(() -> charts.add(
                        physician,
                        patientId,
                        EvaluationKinds.TEST,
                        new Findings.DiagnosticTest(
                                episode, TestKind.DIAGNOSTIC_BLOCK, "MBB", LocalDate.now(), null, null, null, 85, 4)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("blockTarget");
        assertThatThrownBy(() -> charts.add(
                        physician,
                        patientId,
                        EvaluationKinds.TEST,
                        new Findings.DiagnosticTest(
                                episode, TestKind.LAB, "CBC", LocalDate.now(), null, null, null, 50, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reliefPercent");
    }

    @Test
    void theGenericFormAddsADiagnosisAndReturnsToTheEvaluation() {
        UUID episode = evaluations.start(physician, patientId);
        var session = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        var r = session.postForm(
                "/patients/" + patientId + "/diagnoses",
                Map.of(
                        "episodeId",
                        episode.toString(),
                        "icd10Code",
                        "M54.16",
                        "description",
                        "Radiculopathy, lumbar region",
                        "certainty",
                        "CONFIRMED"));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).contains("/patients/" + patientId + "/evaluation");
        var page = session.get("/patients/" + patientId + "/evaluation");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("M54.16").contains("Radiculopathy, lumbar region");
    }
}
