package org.relief.fhir.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.fhir.translate.Entries.PATIENT;
import static org.relief.fhir.translate.Entries.data;
import static org.relief.fhir.translate.Entries.first;

import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceCriticality;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceSeverity;
import org.junit.jupiter.api.Test;
import org.relief.patient.Allergy;
import org.relief.patient.Codes.Severity;
import org.relief.patient.EntryKind;

class AllergyTranslatorTest {

    @Test
    void toFhirIsAnActiveAllergyWithItsReactionAndSeverity() {
        var v = first(new Allergy("Penicillin", "Hives", Severity.SEVERE));
        AllergyIntolerance ai = AllergyTranslator.toFhir(v, PATIENT);
        assertThat(ai.getIdPart()).isEqualTo(v.entryId().toString());
        assertThat(ai.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
        assertThat(ai.getCode().getText()).isEqualTo("Penicillin");
        assertThat(ai.getPatient().getReference()).isEqualTo("Patient/" + PATIENT);
        assertThat(ai.getReactionFirstRep().getManifestationFirstRep().getText())
                .isEqualTo("Hives");
        assertThat(ai.getReactionFirstRep().getSeverity()).isEqualTo(AllergyIntoleranceSeverity.SEVERE);
    }

    @Test
    void whatReliefExportsComesBackTheSame() {
        Allergy allergy = new Allergy("Latex", "Contact dermatitis", Severity.MODERATE);
        Translation back = AllergyTranslator.toRelief(AllergyTranslator.toFhir(first(allergy), PATIENT));
        assertThat(back.kind()).isEqualTo(EntryKind.ALLERGY);
        assertThat(data(back, Allergy.class)).isEqualTo(allergy);
    }

    @Test
    void toReliefTakesCriticalityWhenNoReactionSeverityIsGiven() {
        AllergyIntolerance ai = new AllergyIntolerance().setCriticality(AllergyIntoleranceCriticality.HIGH);
        ai.getCode().setText("Iodinated contrast");
        Allergy a = data(AllergyTranslator.toRelief(ai), Allergy.class);
        assertThat(a.severity()).isEqualTo(Severity.SEVERE);
        assertThat(a.reaction()).isEqualTo("not stated");
    }

    @Test
    void toReliefSkipsWhatItWouldHaveToGuess() {
        AllergyIntolerance noSeverity = new AllergyIntolerance();
        noSeverity.getCode().setText("Codeine");
        assertThat(AllergyTranslator.toRelief(noSeverity).skipReason()).contains("no reaction severity");

        AllergyIntolerance noSubstance = new AllergyIntolerance().setCriticality(AllergyIntoleranceCriticality.LOW);
        assertThat(AllergyTranslator.toRelief(noSubstance).skipReason()).isEqualTo("no substance named");

        AllergyIntolerance refuted = new AllergyIntolerance().setCriticality(AllergyIntoleranceCriticality.LOW);
        refuted.getCode().setText("Peanut");
        refuted.getVerificationStatus()
                .addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification")
                .setCode("refuted");
        assertThat(AllergyTranslator.toRelief(refuted).skipped()).isTrue();
    }
}
