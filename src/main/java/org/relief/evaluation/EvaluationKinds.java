package org.relief.evaluation;

import java.util.Set;
import org.relief.careteam.Role;
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

    private static final Set<Role> MENTAL_HEALTH = Set.of(Role.MENTAL_HEALTH_THERAPIST);

    public static final EntryKind<Session> SESSION = EntryKind.define("evaluation-sessions",
            "Evaluation session", Session.class, "evaluation_session", "session_date", null, null, "evaluation");
    public static final EntryKind<Exam> EXAM = EntryKind.define("exams", "Physical exam", Exam.class,
            "physical_exam", "exam_date", null, null, "evaluation");
    public static final EntryKind<DiagnosticTest> TEST = EntryKind.define("diagnostic-tests", "Diagnostic test",
            DiagnosticTest.class, "diagnostic_test", "ordered_on", null, null, "evaluation");
    public static final EntryKind<PsychEvaluation> PSYCH = EntryKind.define("psych-evaluations",
            "Psychological evaluation", PsychEvaluation.class, "psych_evaluation", "evaluated_on", MENTAL_HEALTH,
            null, "evaluation");
    public static final EntryKind<PsychotherapyNote> PSYCH_NOTE = EntryKind.define("psychotherapy-notes",
            "Psychotherapy note", PsychotherapyNote.class, "psychotherapy_note", "note_date", MENTAL_HEALTH,
            MENTAL_HEALTH, "evaluation");
    public static final EntryKind<Diagnosis> DIAGNOSIS = EntryKind.define("diagnoses", "Diagnosis",
            Diagnosis.class, "diagnosis", "certainty, icd10_code", null, null, "evaluation");

    private EvaluationKinds() {
    }

    /** Makes sure the kinds are defined (class initialisation) before any request looks one up. */
    static void load() {
        // referencing the class is enough
    }
}
