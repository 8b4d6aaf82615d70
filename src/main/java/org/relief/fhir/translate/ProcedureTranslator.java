package org.relief.fhir.translate;

import java.time.LocalDate;
import java.util.UUID;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.relief.patient.Codes.TreatmentResult;
import org.relief.patient.EntryKind;
import org.relief.patient.PriorTreatment;
import org.relief.record.Versioned;

/** Procedure (done elsewhere, before the referral) <-> prior treatment. */
public final class ProcedureTranslator {

    private ProcedureTranslator() {}

    public static Procedure toFhir(Versioned<PriorTreatment> v, UUID patientId) {
        PriorTreatment t = v.data();
        Procedure p = new Procedure();
        p.setId(v.entryId().toString());
        p.setStatus(t.endDate() == null ? Procedure.ProcedureStatus.INPROGRESS : Procedure.ProcedureStatus.COMPLETED);
        p.getCode().setText(t.therapy());
        p.setSubject(new Reference("Patient/" + patientId));
        Period performed = new Period()
                .setStartElement(
                        new org.hl7.fhir.r4.model.DateTimeType(t.startDate().toString()));
        if (t.endDate() != null) {
            performed.setEndElement(
                    new org.hl7.fhir.r4.model.DateTimeType(t.endDate().toString()));
        }
        p.setPerformed(performed);
        // an unknown result is left out (absent in FHIR means not known), so it reads back as not known
        String outcome = t.resultAsReported() != null
                ? t.resultAsReported()
                : switch (t.result()) {
                    case NONE -> "No meaningful relief";
                    case PARTIAL -> "Partial relief";
                    case GOOD -> "Good relief";
                    case UNKNOWN -> null;
                };
        if (outcome != null) {
            p.getOutcome().setText(outcome);
        }
        if (t.cptCode() != null) {
            p.getCode().addCoding().setSystem(PerformedProcedureTranslator.CPT).setCode(t.cptCode());
        }
        if (t.snomedCode() != null) {
            p.getCode().addCoding().setSystem(Terminology.SNOMED).setCode(t.snomedCode());
        }
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
        if (p.getStatus() != Procedure.ProcedureStatus.COMPLETED
                && p.getStatus() != Procedure.ProcedureStatus.INPROGRESS) {
            return Translation.skip("status '"
                    + (p.getStatus() == null ? "none" : p.getStatus().toCode()) + "': not a treatment that was done");
        }
        String therapy = Terminology.text(p.getCode());
        if (therapy == null) {
            return Translation.skip("no procedure name");
        }
        LocalDate start = p.hasPerformedPeriod()
                ? Terminology.start(p.getPerformedPeriod())
                : p.hasPerformedDateTimeType() ? Terminology.date(p.getPerformedDateTimeType()) : null;
        if (start == null) {
            return Translation.skip("no date performed");
        }
        LocalDate end = p.hasPerformedPeriod() ? Terminology.end(p.getPerformedPeriod()) : start;
        if (end != null && end.isBefore(start)) {
            end = start;
        }
        String complication = p.getComplication().stream()
                .map(Terminology::text)
                .filter(t -> t != null)
                .reduce((x, y) -> x + ", " + y)
                .orElse(null);
        // what the sender said about the result is kept in its words; the coarse result is read from them, and
        // "not reported" stays when they say nothing Relief can read
        String outcome = Terminology.clip(Terminology.text(p.getOutcome()), 300);
        String cpt = Terminology.code(p.getCode(), PerformedProcedureTranslator.CPT)
                .filter(c -> c.matches("[0-9]{4}[0-9A-Z]"))
                .orElse(null);
        String snomed = Terminology.code(p.getCode(), Terminology.SNOMED)
                .filter(c -> c.matches("[0-9]{6,18}"))
                .orElse(null);
        return Translation.of(
                EntryKind.TREATMENT,
                new PriorTreatment(
                        Terminology.clip(therapy, 200),
                        start,
                        end,
                        null,
                        result(outcome),
                        Terminology.clip(complication, 500),
                        null,
                        null,
                        cpt,
                        snomed,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        outcome));
    }

    /** The coarse result the sender's words say: "No improvement" -> NONE, "Partial relief" -> PARTIAL, ... */
    static TreatmentResult result(String outcome) {
        if (outcome == null) {
            return TreatmentResult.UNKNOWN;
        }
        String s = outcome.toLowerCase(java.util.Locale.ROOT);
        if (s.matches(".*\\b(no|not|without)\\s+(\\w+\\s+)?(improve|relief|better|benefit|help|change|effect).*")
                || s.matches(".*\\b(unsuccessful|failed|worse|ineffective)\\b.*")) {
            return TreatmentResult.NONE;
        }
        if (s.matches(".*\\b(partial|partially|some|slight|moderate)\\b.*")) {
            return TreatmentResult.PARTIAL;
        }
        if (s.matches(".*\\b(improved|improvement|good relief|relief|resolved|better)\\b.*")) {
            return TreatmentResult.GOOD;
        }
        return TreatmentResult.UNKNOWN;
    }
}
