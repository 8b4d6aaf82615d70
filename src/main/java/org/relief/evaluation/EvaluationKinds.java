package org.relief.evaluation;

import org.relief.careteam.Permission;
import org.relief.evaluation.Findings.Diagnosis;
import org.relief.evaluation.Findings.DiagnosticTest;
import org.relief.evaluation.Findings.Exam;
import org.relief.evaluation.Findings.PsychEvaluation;
import org.relief.evaluation.Findings.PsychotherapyNote;
import org.relief.evaluation.Findings.Session;
import org.relief.patient.EntryKind;
import org.relief.patient.EntryKinds;
import org.relief.record.RecordKind;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The evaluation's entry kinds, stored and versioned by the chart. The psychological evaluation is written by mental
 * health staff and read by the team; the psychotherapy note is written and read by mental health staff only.
 * Declared as beans so the chart knows them.
 */
@Configuration(proxyBeanMethods = false)
public class EvaluationKinds {

    public static final EntryKind<Session> SESSION = EntryKind.define(
            "evaluation-sessions",
            "Evaluation session",
            RecordKind.of("evaluation_session", Session.class, "session_date"),
            Permission.WRITE_EVALUATION_FINDINGS,
            null,
            "evaluation");
    public static final EntryKind<Exam> EXAM = EntryKind.define(
            "exams",
            "Physical exam",
            RecordKind.of("physical_exam", Exam.class, "exam_date"),
            Permission.WRITE_EVALUATION_FINDINGS,
            null,
            "evaluation");
    public static final EntryKind<DiagnosticTest> TEST = EntryKind.define(
            "diagnostic-tests",
            "Diagnostic test",
            RecordKind.of("diagnostic_test", DiagnosticTest.class, "ordered_on"),
            Permission.WRITE_EVALUATION_FINDINGS,
            null,
            "evaluation");
    public static final EntryKind<PsychEvaluation> PSYCH = EntryKind.define(
            "psych-evaluations",
            "Psychological evaluation",
            RecordKind.of("psych_evaluation", PsychEvaluation.class, "evaluated_on"),
            Permission.WRITE_PSYCH_EVALUATION,
            null,
            "evaluation");
    public static final EntryKind<PsychotherapyNote> PSYCH_NOTE = EntryKind.define(
            "psychotherapy-notes",
            "Psychotherapy note",
            RecordKind.of("psychotherapy_note", PsychotherapyNote.class, "note_date"),
            Permission.WRITE_PSYCHOTHERAPY_NOTES,
            Permission.READ_PSYCHOTHERAPY_NOTES,
            "evaluation");
    public static final EntryKind<Diagnosis> DIAGNOSIS = EntryKind.define(
            "diagnoses",
            "Diagnosis",
            RecordKind.of("diagnosis", Diagnosis.class, "certainty, icd10_code"),
            Permission.WRITE_EVALUATION_FINDINGS,
            null,
            "evaluation");

    /** The kinds as beans, so the chart knows them. */
    @Bean
    static BeanDefinitionRegistryPostProcessor declareEvaluationKinds() {
        return EntryKinds.declare(SESSION, EXAM, TEST, PSYCH, PSYCH_NOTE, DIAGNOSIS);
    }
}
