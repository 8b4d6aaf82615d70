package org.relief.evaluation;

import org.relief.careteam.Permission;
import org.relief.evaluation.Findings.DiagnosticTest;
import org.relief.evaluation.Findings.Diagnosis;
import org.relief.evaluation.Findings.Exam;
import org.relief.evaluation.Findings.PsychEvaluation;
import org.relief.evaluation.Findings.PsychotherapyNote;
import org.relief.evaluation.Findings.Session;
import org.relief.patient.EntryKind;

/**
 * The evaluation's entry kinds, stored and versioned by the chart. The psychological evaluation is written by mental
 * health staff and read by the team; the psychotherapy note is written and read by mental health staff only.
 */
public final class EvaluationKinds {

    public static final EntryKind<Session> SESSION = EntryKind.define("evaluation-sessions",
            "Evaluation session", Session.class, "evaluation_session", "session_date",
            Permission.WRITE_EVALUATION_FINDINGS, null, "evaluation");
    public static final EntryKind<Exam> EXAM = EntryKind.define("exams", "Physical exam", Exam.class,
            "physical_exam", "exam_date",
            Permission.WRITE_EVALUATION_FINDINGS, null, "evaluation");
    public static final EntryKind<DiagnosticTest> TEST = EntryKind.define("diagnostic-tests", "Diagnostic test",
            DiagnosticTest.class, "diagnostic_test", "ordered_on", Permission.WRITE_EVALUATION_FINDINGS, null,
            "evaluation");
    public static final EntryKind<PsychEvaluation> PSYCH = EntryKind.define("psych-evaluations",
            "Psychological evaluation", PsychEvaluation.class, "psych_evaluation", "evaluated_on",
            Permission.WRITE_PSYCH_EVALUATION, null, "evaluation");
    public static final EntryKind<PsychotherapyNote> PSYCH_NOTE = EntryKind.define("psychotherapy-notes",
            "Psychotherapy note", PsychotherapyNote.class, "psychotherapy_note", "note_date",
            Permission.WRITE_PSYCHOTHERAPY_NOTES, Permission.READ_PSYCHOTHERAPY_NOTES, "evaluation");
    public static final EntryKind<Diagnosis> DIAGNOSIS = EntryKind.define("diagnoses", "Diagnosis",
            Diagnosis.class, "diagnosis", "certainty, icd10_code",
            Permission.WRITE_EVALUATION_FINDINGS, null, "evaluation");

    private EvaluationKinds() {
    }

    /** Makes sure the kinds are defined (class initialisation) before any request looks one up. */
    static void load() {
        // referencing the class is enough
    }
}
