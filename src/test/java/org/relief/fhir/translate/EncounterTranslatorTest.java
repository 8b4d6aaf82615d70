package org.relief.fhir.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.fhir.translate.Entries.PATIENT;
import static org.relief.fhir.translate.Entries.data;
import static org.relief.fhir.translate.Entries.first;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.relief.patient.EntryKind;

class EncounterTranslatorTest {

    @Test
    void toFhirIsAFinishedAmbulatoryVisitWithItsSummaryAsText() {
        var v = first(new org.relief.patient.Encounter(
                LocalDate.of(2026, 1, 15), "Follow-up visit", "Dr. Patel", "NRS 6, sleeping better."));
        Encounter e = EncounterTranslator.toFhir(v, PATIENT);
        assertThat(e.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(e.getClass_().getCode()).isEqualTo("AMB");
        assertThat(e.getTypeFirstRep().getText()).isEqualTo("Follow-up visit");
        assertThat(e.getParticipantFirstRep().getIndividual().getDisplay()).isEqualTo("Dr. Patel");
        assertThat(e.getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-01-15");
        assertThat(e.getText().getDiv().allText()).contains("NRS 6, sleeping better.");
    }

    @Test
    void aSummaryOfOnlySpacesOfAnyKindGivesNoNarrative() {
        // txt-2: a narrative must have some non-whitespace content; no-break and figure spaces count as spaces there
        for (String blank :
                new String[] {"   ", "\u00a0\u00a0", "\u2007\u202f", "\u200b", "\u3000 ", "\ufffe", "\ud800", "\u0301"
                }) {
            var v = first(
                    new org.relief.patient.Encounter(LocalDate.of(2026, 1, 15), "Follow-up visit", "Dr. Patel", blank));
            assertThat(EncounterTranslator.toFhir(v, PATIENT).hasText())
                    .as(
                            "summary %s",
                            blank.codePoints().mapToObj(Integer::toHexString).toList())
                    .isFalse();
        }
        var v = first(new org.relief.patient.Encounter(
                LocalDate.of(2026, 1, 15), "Follow-up visit", "Dr. Patel", "\u00a0ok\u00a0"));
        assertThat(EncounterTranslator.toFhir(v, PATIENT).getText().getDiv().allText())
                .contains("ok");
    }

    @Test
    void exportedAndImportedAgainKeepsDateTypeAndClinician() {
        var visit = new org.relief.patient.Encounter(
                LocalDate.of(2025, 9, 8), "Initial evaluation", "Dr. Patel", "Long free-text summary");
        Encounter out = EncounterTranslator.toFhir(first(visit), PATIENT);
        Translation back = EncounterTranslator.toRelief(
                out, out.getParticipantFirstRep().getIndividual().getDisplay());
        assertThat(back.kind()).isEqualTo(EntryKind.ENCOUNTER);
        var in = data(back, org.relief.patient.Encounter.class);
        assertThat(in.encounterDate()).isEqualTo(visit.encounterDate());
        assertThat(in.encounterType()).isEqualTo(visit.encounterType());
        assertThat(in.clinician()).isEqualTo(visit.clinician());
        // an incoming encounter's summary is made of its type, reasons and place, not of its narrative
        assertThat(in.summary()).isEqualTo("Initial evaluation");
    }

    @Test
    void toReliefSummarisesReasonsAndPlace() {
        Encounter e = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED);
        e.getPeriod().setStartElement(new DateTimeType("2024-06-30T23:30:00-05:00"));
        e.addType().setText("General examination");
        e.addReasonCode().setText("Chronic low back pain");
        e.setServiceProvider(new Reference().setDisplay("Hillside Practice"));
        var in = data(EncounterTranslator.toRelief(e, null), org.relief.patient.Encounter.class);
        assertThat(in.encounterDate()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(in.clinician()).isEqualTo("not stated");
        assertThat(in.summary()).isEqualTo("General examination. Reason: Chronic low back pain. At Hillside Practice");
    }

    @Test
    void toReliefSkipsCancelledOrUndated() {
        Encounter cancelled = new Encounter().setStatus(Encounter.EncounterStatus.CANCELLED);
        assertThat(EncounterTranslator.toRelief(cancelled, null).skipReason()).isEqualTo("status 'cancelled'");
        Encounter undated = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED);
        assertThat(EncounterTranslator.toRelief(undated, null).skipReason()).isEqualTo("no start date");
    }
}
