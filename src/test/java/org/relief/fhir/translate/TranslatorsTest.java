package org.relief.fhir.translate;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.relief.patient.EntryKind;

class TranslatorsTest {

    @Test
    void eachKeptTypeGoesToItsTranslatorAndOthersAreSkipped() {
        AllergyIntolerance ai =
                new AllergyIntolerance().setCriticality(AllergyIntolerance.AllergyIntoleranceCriticality.LOW);
        ai.getCode().setText("Sulfa");
        assertThat(Translators.toRelief(ai, r -> null).kind()).isEqualTo(EntryKind.ALLERGY);
        assertThat(Translators.toRelief(new Immunization(), r -> null).skipReason())
                .isEqualTo("Relief does not keep Immunization resources");
    }

    @Test
    void theClinicianIsNamedFromTheReferencedPractitioner() {
        Encounter e = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED);
        e.getPeriod().setStartElement(new DateTimeType("2025-05-05"));
        e.addParticipant().setIndividual(new Reference("Practitioner/p1"));
        Translation t =
                Translators.toRelief(e, r -> "Practitioner/p1".equals(r.getReference()) ? "Dr. Lena Fischer" : null);
        assertThat(((org.relief.patient.Encounter) t.data()).clinician()).isEqualTo("Dr. Lena Fischer");

        DocumentReference d = new DocumentReference();
        d.addAuthor(new Reference("Practitioner/p2"));
        d.setDate(new java.util.Date(0));
        d.addContent().getAttachment().setContentType("text/plain").setData("Note".getBytes());
        Translation doc = Translators.toRelief(d, r -> r.getReference().equals("Practitioner/p2") ? "J. Berg" : null);
        assertThat(((org.relief.patient.Document) doc.data()).author()).isEqualTo("J. Berg");
    }

    @Test
    void eachChartKindIsServedAsOneFhirType() {
        assertThat(Translators.fhirType(EntryKind.PROBLEM.slug())).isEqualTo("Condition");
        assertThat(Translators.fhirType(EntryKind.TREATMENT.slug())).isEqualTo("Procedure");
        assertThat(Translators.fhirType(EntryKind.DOCUMENT.slug())).isEqualTo("DocumentReference");
        assertThat(Translators.fhirType(EntryKind.DEMOGRAPHICS.slug())).isEqualTo("Patient");
        assertThat(Translators.fhirType("no-such-kind")).isNull();
    }
}
