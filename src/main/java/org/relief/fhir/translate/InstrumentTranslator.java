package org.relief.fhir.translate;

import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.relief.assessment.Instrument;
import org.relief.assessment.InstrumentResponse;
import org.relief.assessment.Instruments;

/**
 * Instrument response -> QuestionnaireResponse (the answers) and an Observation of its score. The score carries the
 * LOINC code only where the instrument declares one ({@code loincTotal}); otherwise Relief's own code system with
 * the instrument's code, so no LOINC code is ever made up. Both share the response's id (ids are per type).
 */
public final class InstrumentTranslator {

    /** Relief's code system for instruments without a declared LOINC code (and for subscales). */
    static final String RELIEF_INSTRUMENT = "urn:relief:instrument";

    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String UCUM = "http://unitsofmeasure.org";

    private InstrumentTranslator() {}

    public static QuestionnaireResponse answers(InstrumentResponse r, UUID patientId) {
        Instrument instrument = Instruments.byCode(r.instrument()).orElseThrow();
        QuestionnaireResponse qr = new QuestionnaireResponse();
        qr.setId(r.entryId().toString());
        // stored responses are finished, even with items left out on purpose (the C-SSRS skips by design)
        qr.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        qr.getIdentifier().setSystem(RELIEF_INSTRUMENT).setValue(instrument.code());
        qr.setSubject(new Reference("Patient/" + patientId));
        qr.setAuthoredElement(new DateTimeType(r.administeredOn().toString()));
        for (Instrument.Item item : instrument.items()) {
            Integer value = r.answers().get(item.id());
            if (value == null) {
                continue;
            }
            // the label, never the licensed wording: the wording may not be shipped (see Instrument.wordingShipped)
            qr.addItem().setLinkId(item.id()).setText(item.label()).addAnswer().setValue(new IntegerType(value));
        }
        return qr;
    }

    public static Observation score(InstrumentResponse r, UUID patientId) {
        Instrument instrument = Instruments.byCode(r.instrument()).orElseThrow();
        Observation o = new Observation();
        o.setId(r.entryId().toString());
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory()
                .addCoding()
                .setSystem(OBSERVATION_CATEGORY)
                .setCode("survey")
                .setDisplay("Survey");
        o.setCode(code(instrument));
        o.setSubject(new Reference("Patient/" + patientId));
        o.setEffective(new DateTimeType(r.administeredOn().toString()));
        o.setIssued(Date.from(r.recordedAt()));
        if (r.total() != null) {
            o.setValue(score(r.total()));
        } else {
            o.getDataAbsentReason().setText("Not enough items answered for a score");
        }
        if (r.band() != null) {
            o.addInterpretation().setText(r.band());
        }
        for (Map.Entry<String, Double> sub : r.subscales().entrySet()) {
            if (sub.getValue() == null) {
                continue;
            }
            o.addComponent()
                    .setValue(score(sub.getValue()))
                    .getCode()
                    .addCoding()
                    .setSystem(RELIEF_INSTRUMENT)
                    .setCode(instrument.code() + "." + sub.getKey())
                    .setDisplay(sub.getKey());
        }
        o.addDerivedFrom(new Reference("QuestionnaireResponse/" + r.entryId()));
        return o;
    }

    /** The score's code: the declared LOINC code, else Relief's instrument code. */
    static CodeableConcept code(Instrument instrument) {
        CodeableConcept code = new CodeableConcept();
        if (instrument.loincTotal() != null) {
            code.addCoding()
                    .setSystem(instrument.loincTotal().system())
                    .setCode(instrument.loincTotal().code());
        } else {
            code.addCoding()
                    .setSystem(RELIEF_INSTRUMENT)
                    .setCode(instrument.code())
                    .setDisplay(instrument.name());
        }
        code.setText(instrument.name() + ": " + instrument.scoreLabel());
        return code;
    }

    private static Quantity score(double value) {
        return new Quantity().setValue(value).setUnit("score").setSystem(UCUM).setCode("{score}");
    }
}
