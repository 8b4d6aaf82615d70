package org.relief.fhir.translate;

import java.util.UUID;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceReactionComponent;
import org.hl7.fhir.r4.model.Reference;
import org.relief.patient.Allergy;
import org.relief.patient.Codes.Severity;
import org.relief.patient.EntryKind;
import org.relief.record.Versioned;

/** AllergyIntolerance <-> allergy. */
public final class AllergyTranslator {

    private AllergyTranslator() {}

    public static AllergyIntolerance toFhir(Versioned<Allergy> v, UUID patientId) {
        Allergy a = v.data();
        AllergyIntolerance ai = new AllergyIntolerance();
        ai.setId(v.entryId().toString());
        // a current (not voided) allergy in the chart is an active one; the clinical status is required here
        ai.getClinicalStatus()
                .addCoding()
                .setSystem(Terminology.ALLERGY_CLINICAL)
                .setCode("active");
        ai.getCode().setText(a.substance());
        ai.setPatient(new Reference("Patient/" + patientId));
        ai.setRecordedDateElement(new org.hl7.fhir.r4.model.DateTimeType(java.util.Date.from(v.recordedAt())));
        AllergyIntoleranceReactionComponent r = ai.addReaction();
        r.addManifestation().setText(a.reaction());
        r.setSeverity(
                switch (a.severity()) {
                    case MILD -> AllergyIntolerance.AllergyIntoleranceSeverity.MILD;
                    case MODERATE -> AllergyIntolerance.AllergyIntoleranceSeverity.MODERATE;
                    case SEVERE -> AllergyIntolerance.AllergyIntoleranceSeverity.SEVERE;
                });
        return ai;
    }

    public static Translation toRelief(AllergyIntolerance ai) {
        if (Terminology.code(
                        ai.getVerificationStatus(),
                        "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification")
                .filter(s -> s.equals("entered-in-error") || s.equals("refuted"))
                .isPresent()) {
            return Translation.skip("verification status says entered-in-error or refuted");
        }
        String substance = Terminology.text(ai.getCode());
        if (substance == null) {
            return Translation.skip("no substance named");
        }
        AllergyIntoleranceReactionComponent r = ai.getReactionFirstRep();
        String reaction = r.getManifestation().stream()
                .map(Terminology::text)
                .filter(t -> t != null)
                .reduce((x, y) -> x + ", " + y)
                .orElse(r.hasDescription() ? r.getDescription() : null);
        Severity severity = r.hasSeverity()
                ? switch (r.getSeverity()) {
                    case MILD -> Severity.MILD;
                    case MODERATE -> Severity.MODERATE;
                    case SEVERE -> Severity.SEVERE;
                    default -> null;
                }
                : ai.getCriticality() == AllergyIntolerance.AllergyIntoleranceCriticality.HIGH
                        ? Severity.SEVERE
                        : ai.getCriticality() == AllergyIntolerance.AllergyIntoleranceCriticality.LOW
                                ? Severity.MILD
                                : null;
        if (severity == null) {
            // Relief records a severity for every allergy and will not guess one: a person enters it by hand
            return Translation.skip("no reaction severity or criticality: enter this allergy by hand");
        }
        return Translation.of(
                EntryKind.ALLERGY,
                new Allergy(
                        Terminology.clip(substance, 200),
                        Terminology.clip(Terminology.orNotStated(reaction), 300),
                        severity));
    }
}
