package org.relief.fhir.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.fhir.translate.Entries.PATIENT;
import static org.relief.fhir.translate.Entries.RECORDED;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.relief.assessment.Instrument;
import org.relief.assessment.InstrumentResponse;
import org.relief.assessment.Instruments;

/** Export only: instruments are filled in at the clinic. */
class InstrumentTranslatorTest {

    private static InstrumentResponse response(
            Instrument instrument, Map<String, Integer> answers, Double total, String band) {
        return new InstrumentResponse(
                UUID.randomUUID(),
                1,
                PATIENT,
                instrument.code(),
                LocalDate.of(2026, 2, 10),
                answers,
                total,
                band,
                Map.of(),
                List.of(),
                "nurse.kim",
                RECORDED,
                null,
                null);
    }

    @Test
    void theAnswersGoOutByItemWithTheLabelNeverTheLicensedWording() {
        Map<String, Integer> answers = new LinkedHashMap<>();
        List<Instrument.Item> items = Instruments.ODI.items();
        answers.put(items.get(0).id(), 3);
        answers.put(items.get(2).id(), 1); // the second section left out
        QuestionnaireResponse qr =
                InstrumentTranslator.answers(response(Instruments.ODI, answers, 40.0, null), PATIENT);
        assertThat(qr.getStatus()).isEqualTo(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        assertThat(qr.getIdentifier().getValue()).isEqualTo("ODI");
        assertThat(qr.getItem())
                .extracting(QuestionnaireResponse.QuestionnaireResponseItemComponent::getLinkId)
                .containsExactly(items.get(0).id(), items.get(2).id());
        assertThat(qr.getItemFirstRep().getText()).isEqualTo(items.get(0).label());
        assertThat(qr.getItemFirstRep()
                        .getAnswerFirstRep()
                        .getValueIntegerType()
                        .getValue())
                .isEqualTo(3);
    }

    @Test
    void theScoreCarriesLoincOnlyWhereTheInstrumentDeclaresIt() {
        Observation phq9 =
                InstrumentTranslator.score(response(Instruments.PHQ9, Map.of(), 12.0, "Moderate (10-14)"), PATIENT);
        assertThat(phq9.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        assertThat(phq9.getCode().getCodingFirstRep().getCode()).isEqualTo("44261-6");
        assertThat(phq9.getValueQuantity().getValue().doubleValue()).isEqualTo(12.0);
        assertThat(phq9.getInterpretationFirstRep().getText()).isEqualTo("Moderate (10-14)");

        Observation odi = InstrumentTranslator.score(response(Instruments.ODI, Map.of(), 40.0, null), PATIENT);
        assertThat(odi.getCode().getCodingFirstRep().getSystem()).isEqualTo(InstrumentTranslator.RELIEF_INSTRUMENT);
        assertThat(odi.getCode().getCodingFirstRep().getCode()).isEqualTo("ODI");
        assertThat(odi.getDerivedFromFirstRep().getReference()).startsWith("QuestionnaireResponse/");
    }

    @Test
    void withoutEnoughAnswersTheScoreSaysWhyItIsAbsent() {
        Observation o = InstrumentTranslator.score(response(Instruments.ODI, Map.of(), null, null), PATIENT);
        assertThat(o.hasValue()).isFalse();
        assertThat(o.getDataAbsentReason().getText()).isEqualTo("Not enough items answered for a score");
    }
}
