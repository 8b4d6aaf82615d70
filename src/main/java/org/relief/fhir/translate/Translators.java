package org.relief.fhir.translate;

import java.util.function.Function;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** Which translator an incoming resource goes to, and which FHIR type a chart entry kind is served as. */
public final class Translators {

    private Translators() {}

    /**
     * What an incoming clinical resource (not the Patient) becomes in the chart; {@code nameOf} names a referenced
     * Practitioner or Organization (null when the packet does not say). A type Relief does not keep is skipped.
     */
    public static Translation toRelief(Resource r, Function<Reference, String> nameOf) {
        if (r instanceof Condition c) {
            return ConditionTranslator.toRelief(c);
        } else if (r instanceof MedicationRequest m) {
            return MedicationTranslator.fromRequest(m);
        } else if (r instanceof MedicationStatement m) {
            return MedicationTranslator.fromStatement(m);
        } else if (r instanceof Procedure p) {
            return ProcedureTranslator.toRelief(p);
        } else if (r instanceof AllergyIntolerance a) {
            return AllergyTranslator.toRelief(a);
        } else if (r instanceof Encounter e) {
            return EncounterTranslator.toRelief(
                    e,
                    e.getParticipant().stream()
                            .map(x -> nameOf.apply(x.getIndividual()))
                            .filter(n -> n != null)
                            .findFirst()
                            .orElse(null));
        } else if (r instanceof ImagingStudy st) {
            return ImagingTranslator.fromStudy(st);
        } else if (r instanceof DiagnosticReport d) {
            return ImagingTranslator.fromReport(d);
        } else if (r instanceof DocumentReference d) {
            return DocumentTranslator.toRelief(
                    d,
                    d.getAuthor().stream()
                            .map(nameOf)
                            .filter(n -> n != null)
                            .findFirst()
                            .orElse(null));
        }
        return Translation.skip("Relief does not keep " + r.fhirType() + " resources");
    }

    /** The FHIR type Relief serves a chart entry kind (by its slug) as; null for a kind it does not serve. */
    public static String fhirType(String entryKindSlug) {
        return switch (entryKindSlug == null ? "" : entryKindSlug) {
            case "demographics" -> "Patient";
            case "problems" -> "Condition";
            case "medications" -> "MedicationStatement";
            case "treatments" -> "Procedure";
            case "allergies" -> "AllergyIntolerance";
            case "encounters" -> "Encounter";
            case "imaging" -> "ImagingStudy";
            case "documents" -> "DocumentReference";
            default -> null;
        };
    }
}
