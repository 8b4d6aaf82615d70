package org.relief.fhir.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.fhir.translate.Entries.PATIENT;
import static org.relief.fhir.translate.Entries.data;
import static org.relief.fhir.translate.Entries.first;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.junit.jupiter.api.Test;
import org.relief.patient.EntryKind;
import org.relief.patient.PriorTreatment;

/** Prior treatments (done elsewhere, before the referral), built here from FHIR so the test follows the record. */
class ProcedureTranslatorTest {

    private static Procedure physiotherapy() {
        Procedure p = new Procedure().setStatus(Procedure.ProcedureStatus.COMPLETED);
        p.getCode().setText("Physiotherapy");
        p.setPerformed(new Period()
                .setStartElement(new DateTimeType("2024-09-02"))
                .setEndElement(new DateTimeType("2024-11-29")));
        p.addComplication().setText("Flare-up after session 3");
        return p;
    }

    @Test
    void toReliefKeepsTherapyDatesAndComplications() {
        Translation t = ProcedureTranslator.toRelief(physiotherapy());
        assertThat(t.kind()).isEqualTo(EntryKind.TREATMENT);
        PriorTreatment in = data(t, PriorTreatment.class);
        assertThat(in.therapy()).isEqualTo("Physiotherapy");
        assertThat(in.startDate()).isEqualTo(LocalDate.of(2024, 9, 2));
        assertThat(in.endDate()).isEqualTo(LocalDate.of(2024, 11, 29));
        assertThat(in.sideEffects()).isEqualTo("Flare-up after session 3");
    }

    @Test
    void importedAndExportedAgainKeepsWhatTheSourceSaid() {
        PriorTreatment in = data(ProcedureTranslator.toRelief(physiotherapy()), PriorTreatment.class);
        Procedure out = ProcedureTranslator.toFhir(first(in), PATIENT);
        assertThat(out.getStatus()).isEqualTo(Procedure.ProcedureStatus.COMPLETED);
        assertThat(out.getCode().getText()).isEqualTo("Physiotherapy");
        assertThat(out.getSubject().getReference()).isEqualTo("Patient/" + PATIENT);
        assertThat(out.getPerformedPeriod().getStartElement().getValueAsString())
                .isEqualTo("2024-09-02");
        assertThat(out.getPerformedPeriod().getEndElement().getValueAsString()).isEqualTo("2024-11-29");
        assertThat(out.getComplicationFirstRep().getText()).isEqualTo("Flare-up after session 3");
        assertThat(out.hasOutcome())
                .as("an unknown result is left out, not made up")
                .isFalse();
        // and once more: Relief's own export reads back as the same prior treatment
        assertThat(data(ProcedureTranslator.toRelief(out), PriorTreatment.class))
                .isEqualTo(in);
    }

    @Test
    void aSingleDateIsStartAndEndAndAnEndBeforeTheStartIsTheStart() {
        Procedure once = new Procedure()
                .setStatus(Procedure.ProcedureStatus.COMPLETED)
                .setPerformed(new DateTimeType("2022-03-01T14:00:00+01:00"));
        once.getCode().setText("Trigger point injection");
        PriorTreatment in = data(ProcedureTranslator.toRelief(once), PriorTreatment.class);
        assertThat(in.startDate()).isEqualTo(LocalDate.of(2022, 3, 1)).isEqualTo(in.endDate());

        Procedure backwards = physiotherapy();
        backwards.getPerformedPeriod().setEndElement(new DateTimeType("2024-01-01"));
        assertThat(data(ProcedureTranslator.toRelief(backwards), PriorTreatment.class)
                        .endDate())
                .isEqualTo(LocalDate.of(2024, 9, 2));
    }

    @Test
    void toReliefSkipsWhatWasNotDone() {
        Procedure planned = physiotherapy().setStatus(Procedure.ProcedureStatus.PREPARATION);
        assertThat(ProcedureTranslator.toRelief(planned).skipReason()).startsWith("status 'preparation'");
        Procedure unnamed = physiotherapy();
        unnamed.setCode(null);
        assertThat(ProcedureTranslator.toRelief(unnamed).skipReason()).isEqualTo("no procedure name");
        Procedure undated = physiotherapy().setPerformed(null);
        assertThat(ProcedureTranslator.toRelief(undated).skipReason()).isEqualTo("no date performed");
    }
}
