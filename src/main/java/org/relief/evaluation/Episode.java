package org.relief.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.relief.evaluation.Findings.Diagnosis;
import org.relief.evaluation.Findings.DiagnosticTest;
import org.relief.evaluation.Findings.Exam;
import org.relief.evaluation.Findings.PsychEvaluation;
import org.relief.evaluation.Findings.PsychotherapyNote;
import org.relief.evaluation.Findings.Session;
import org.relief.record.Versioned;

/**
 * An evaluation episode with its current findings.
 *
 * @param psychotherapyNotes null when the reader may not see them (only mental health staff may)
 * @param signedBy null until the physician signs
 */
public record Episode(
        UUID id,
        UUID patientId,
        Instant openedAt,
        String openedBy,
        List<Versioned<Session>> sessions,
        List<Versioned<Exam>> exams,
        List<Versioned<DiagnosticTest>> tests,
        List<Versioned<PsychEvaluation>> psychEvaluations,
        List<Versioned<PsychotherapyNote>> psychotherapyNotes,
        List<Versioned<Diagnosis>> diagnoses,
        String signedBy,
        Instant signedAt) {

    public boolean signed() {
        return signedBy != null;
    }

    public boolean hasConfirmedDiagnosis() {
        return diagnoses.stream().anyMatch(d -> d.data().certainty() == Findings.Certainty.CONFIRMED);
    }
}
