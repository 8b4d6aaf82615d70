package org.relief.fhir.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.fhir.translate.Entries.PATIENT;
import static org.relief.fhir.translate.Entries.first;

import java.util.UUID;
import org.hl7.fhir.r4.model.Condition;
import org.junit.jupiter.api.Test;
import org.relief.evaluation.Findings.Certainty;
import org.relief.evaluation.Findings.Diagnosis;

/** Export only: diagnoses are made in the clinic's evaluation. */
class DiagnosisTranslatorTest {

    @Test
    void aWorkingDiagnosisIsProvisionalAndAConfirmedOneConfirmed() {
        UUID episode = UUID.randomUUID();
        Condition working = DiagnosisTranslator.toFhir(
                first(new Diagnosis(episode, "M54.16", "Radiculopathy, lumbar region", Certainty.WORKING)), PATIENT);
        assertThat(working.getVerificationStatus().getCodingFirstRep().getCode())
                .isEqualTo("provisional");
        Condition confirmed = DiagnosisTranslator.toFhir(
                first(new Diagnosis(episode, "M54.16", "Radiculopathy, lumbar region", Certainty.CONFIRMED)), PATIENT);
        assertThat(confirmed.getVerificationStatus().getCodingFirstRep().getCode())
                .isEqualTo("confirmed");
    }

    @Test
    void isAnEncounterDiagnosisCodedInIcd10Cm() {
        UUID episode = UUID.randomUUID();
        var v = first(new Diagnosis(episode, "M47.816", "Spondylosis, lumbar", Certainty.CONFIRMED));
        Condition c = DiagnosisTranslator.toFhir(v, PATIENT);
        assertThat(c.getIdPart()).isEqualTo(v.entryId().toString());
        assertThat(c.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("encounter-diagnosis");
        assertThat(Terminology.code(c.getCode(), Terminology.ICD10CM)).contains("M47.816");
        assertThat(c.getCode().getText()).isEqualTo("Spondylosis, lumbar");
        assertThat(c.getNoteFirstRep().getText()).contains(episode.toString());
        // what Relief exports as an encounter diagnosis reads back as a problem, the way an import would take it
        assertThat(ConditionTranslator.toRelief(c).skipped()).isFalse();
    }
}
