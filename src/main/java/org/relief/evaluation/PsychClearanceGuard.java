package org.relief.evaluation;

import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.evaluation.Findings.PsychEvaluation;
import org.relief.patient.CareGuard;
import org.relief.patient.EntryKind;
import org.relief.screening.SafetyGate;
import org.springframework.stereotype.Component;

/**
 * A psychological evaluation concluding "cleared" (or "cleared with conditions") is what later lets interventional
 * care go ahead, so it cannot be recorded while a safety alert is open: the alert's follow-up comes first. Asked by
 * the chart before a psych evaluation is added, corrected or imported; the safety gate decides and audits. "Not
 * cleared" is always recorded. Once every alert is followed up a clearance may be recorded while the hold is still
 * on: it is what the physician reads before releasing the hold. For the same reason a psych evaluation that did not
 * clear the patient cannot be voided while an alert is open: the void would let an earlier clearance stand again.
 */
@Component
class PsychClearanceGuard implements CareGuard {

    private final SafetyGate gate;

    PsychClearanceGuard(SafetyGate gate) {
        this.gate = gate;
    }

    @Override
    public void requireEntry(Actor actor, UUID patientId, EntryKind<?> kind, Record data, Record previous) {
        if (kind == EvaluationKinds.PSYCH && data instanceof PsychEvaluation p && Evaluations.cleared(p.conclusion())) {
            gate.requireNoOpenAlert(
                    actor,
                    patientId,
                    "record the psychological evaluation as "
                            + (p.conclusion() == Findings.Clearance.CLEARED ? "cleared" : "cleared with conditions"));
        }
    }

    @Override
    public void requireVoid(Actor actor, UUID patientId, EntryKind<?> kind, Record data) {
        if (kind == EvaluationKinds.PSYCH
                && data instanceof PsychEvaluation p
                && !Evaluations.cleared(p.conclusion())) {
            gate.requireNoOpenAlert(
                    actor,
                    patientId,
                    "void a psychological evaluation that did not clear the patient "
                            + "(an earlier clearance would stand again)");
        }
    }
}
