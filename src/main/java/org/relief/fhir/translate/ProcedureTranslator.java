package org.relief.fhir.translate;

import java.time.LocalDate;
import java.util.UUID;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.relief.patient.Codes.TreatmentResult;
import org.relief.patient.EntryKind;
import org.relief.patient.PriorTreatment;
import org.relief.patient.Versioned;

/** Procedure (done elsewhere, before the referral) <-> prior treatment. */
public final class ProcedureTranslator {

    private ProcedureTranslator() {
    }

    public static Procedure toFhir(Versioned<PriorTreatment> v, UUID patientId) {
        PriorTreatment t = v.data();
        Procedure p = new Procedure();
        p.setId(v.entryId().toString());
        p.setStatus(t.endDate() == null ? Procedure.ProcedureStatus.INPROGRESS : Procedure.ProcedureStatus.COMPLETED);
        p.getCode().setText(t.therapy());
        p.setSubject(new Reference("Patient/" + patientId));
        Period performed = new Period().setStartElement(new org.hl7.fhir.r4.model.DateTimeType(t.startDate().toString()));
        if (t.endDate() != null) {
            performed.setEndElement(new org.hl7.fhir.r4.model.DateTimeType(t.endDate().toString()));
        }
        p.setPerformed(performed);
        p.getOutcome().setText(switch (t.result()) {
            case NONE -> "No meaningful relief";
            case PARTIAL -> "Partial relief";
            case GOOD -> "Good relief";
            case UNKNOWN -> "Result not reported";
        });
        if (t.sideEffects() != null) {
            p.addComplication().setText(t.sideEffects());
        }
        if (t.doseOrFrequency() != null) {
            p.addNote().setText("Dose or frequency: " + t.doseOrFrequency());
        }
        if (t.whyStopped() != null) {
            p.addNote().setText("Why stopped: " + t.whyStopped());
        }
        return p;
    }

    public static Translation toRelief(Procedure p) {
        if (p.getStatus() != Procedure.ProcedureStatus.COMPLETED && p.getStatus() != Procedure.ProcedureStatus.INPROGRESS) {
            return Translation.skip("status '" + (p.getStatus() == null ? "none" : p.getStatus().toCode())
                    + "': not a treatment that was done");
        }
        String therapy = Terminology.text(p.getCode());
        if (therapy == null) {
            return Translation.skip("no procedure name");
        }
        LocalDate start = p.hasPerformedPeriod() ? Terminology.start(p.getPerformedPeriod())
                : p.hasPerformedDateTimeType() ? Terminology.date(p.getPerformedDateTimeType()) : null;
        if (start == null) {
            return Translation.skip("no date performed");
        }
        LocalDate end = p.hasPerformedPeriod() ? Terminology.end(p.getPerformedPeriod()) : start;
        if (end != null && end.isBefore(start)) {
            end = start;
        }
        String complication = p.getComplication().stream().map(Terminology::text).filter(t -> t != null)
                .reduce((x, y) -> x + ", " + y).orElse(null);
        // the source rarely says how a procedure went; Relief says "not reported" rather than guess
        return Translation.of(EntryKind.TREATMENT, new PriorTreatment(Terminology.clip(therapy, 200), start, end,
                null, TreatmentResult.UNKNOWN, Terminology.clip(complication, 500), null));
    }
}
