package org.relief.fhir.translate;

import java.time.LocalDate;
import java.util.UUID;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;
import org.relief.patient.EntryKind;
import org.relief.record.Versioned;

/** Encounter <-> visit. The clinician's name comes from the practitioner the packet names. */
public final class EncounterTranslator {

    private EncounterTranslator() {}

    public static Encounter toFhir(Versioned<org.relief.patient.Encounter> v, UUID patientId) {
        var e = v.data();
        Encounter fhir = new Encounter();
        fhir.setId(v.entryId().toString());
        fhir.setStatus(Encounter.EncounterStatus.FINISHED);
        // Relief is an outpatient clinic: its visits are ambulatory
        fhir.setClass_(new Coding(Terminology.ACT_CODE, "AMB", "ambulatory"));
        fhir.addType().setText(e.encounterType());
        fhir.setSubject(new Reference("Patient/" + patientId));
        fhir.addParticipant().getIndividual().setDisplay(e.clinician());
        fhir.getPeriod()
                .setStartElement(
                        new org.hl7.fhir.r4.model.DateTimeType(e.encounterDate().toString()));
        if (hasText(e.summary())) {
            // a narrative must hold some text (txt-2): a summary of only spaces (of any kind) is left out
            XhtmlNode div = new XhtmlNode(org.hl7.fhir.utilities.xhtml.NodeType.Element, "div");
            div.addText(e.summary().strip());
            fhir.setText(new Narrative()
                    .setStatus(Narrative.NarrativeStatus.ADDITIONAL)
                    .setDiv(div));
        }
        return fhir;
    }

    public static Translation toRelief(Encounter e, String clinician) {
        if (e.getStatus() == Encounter.EncounterStatus.ENTEREDINERROR
                || e.getStatus() == Encounter.EncounterStatus.CANCELLED) {
            return Translation.skip("status '" + e.getStatus().toCode() + "'");
        }
        LocalDate date = Terminology.start(e.getPeriod());
        if (date == null) {
            return Translation.skip("no start date");
        }
        String type = e.getType().stream()
                .map(Terminology::text)
                .filter(t -> t != null)
                .findFirst()
                .orElse(
                        e.getClass_().hasDisplay()
                                ? e.getClass_().getDisplay()
                                : e.getClass_().getCode());
        String reasons = e.getReasonCode().stream()
                .map(Terminology::text)
                .filter(t -> t != null)
                .reduce((x, y) -> x + "; " + y)
                .orElse(null);
        String summary = (type == null ? "Encounter" : type)
                + (reasons == null ? "" : ". Reason: " + reasons)
                + (e.hasServiceProvider() && e.getServiceProvider().hasDisplay()
                        ? ". At " + e.getServiceProvider().getDisplay()
                        : "");
        return Translation.of(
                EntryKind.ENCOUNTER,
                new org.relief.patient.Encounter(
                        date,
                        Terminology.clip(Terminology.orNotStated(type), 100),
                        Terminology.clip(Terminology.orNotStated(clinician), 200),
                        Terminology.clip(summary, 4000)));
    }

    /**
     * Some letter, digit, punctuation or symbol: what HAPI's txt-2 counts as content. Spaces of any kind (no-break,
     * zero-width), controls, unpaired surrogates and noncharacters (which XML drops) are not.
     */
    static boolean hasText(String s) {
        return s != null && s.codePoints().anyMatch(EncounterTranslator::isContent);
    }

    private static boolean isContent(int c) {
        if (c == 0xFFFE || c == 0xFFFF || Character.isSurrogate((char) c) && c <= 0xFFFF) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
