package org.relief.fhir.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.fhir.translate.Entries.PATIENT;
import static org.relief.fhir.translate.Entries.first;

import java.time.LocalDate;
import java.util.UUID;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.junit.jupiter.api.Test;
import org.relief.procedure.Documentation.FollowUp;
import org.relief.procedure.Documentation.Guidance;
import org.relief.procedure.Documentation.Performed;
import org.relief.procedure.Documentation.Point;
import org.relief.procedure.rules.Facts.Region;
import org.relief.procedure.rules.Facts.Side;
import org.relief.procedure.rules.ProcedureType;

/** Export only: procedures and their follow-ups are documented in the clinic. */
class PerformedProcedureTranslatorTest {

    private static Performed esi(Region region, Guidance guidance) {
        return new Performed(
                null,
                ProcedureType.ESI_INTERLAMINAR,
                LocalDate.of(2026, 2, 1),
                region,
                Side.LEFT,
                1,
                7,
                3,
                "Triamcinolone 40 mg",
                40,
                guidance,
                null);
    }

    @Test
    void aProcedureDoneIsCompletedWithRegionSideLevelsAndPainBeforeAndAfter() {
        var v = first(esi(Region.LUMBAR, Guidance.FLUOROSCOPY));
        Procedure p = PerformedProcedureTranslator.toFhir(v, PATIENT);
        assertThat(p.getStatus()).isEqualTo(Procedure.ProcedureStatus.COMPLETED);
        assertThat(p.getCode().getText()).isEqualTo(ProcedureType.ESI_INTERLAMINAR.label());
        assertThat(p.getBodySiteFirstRep().getText()).isEqualTo("Lumbar, left, 1 level");
        assertThat(p.getNote())
                .extracting(n -> n.getText())
                .contains("Pain (NRS 0-10) before: 7, after: 3", "Image guidance: fluoroscopy");
    }

    @Test
    void cptOnlyWhereTheCatalogueNamesOneCodeForWhatWasDone() {
        // interlaminar ESI with imaging: the catalogue's code of the region (62323 lumbar/sacral, 62321
        // cervical/thoracic)
        assertThat(PerformedProcedureTranslator.cpt(esi(Region.LUMBAR, Guidance.FLUOROSCOPY)))
                .contains("62323");
        assertThat(PerformedProcedureTranslator.cpt(esi(Region.CERVICAL, Guidance.CT)))
                .contains("62321");
        // the catalogue's epidural codes are "with imaging guidance": none without it, none for an unnamed region
        assertThat(PerformedProcedureTranslator.cpt(esi(Region.LUMBAR, Guidance.NONE)))
                .isEmpty();
        assertThat(PerformedProcedureTranslator.cpt(esi(Region.OTHER, Guidance.FLUOROSCOPY)))
                .isEmpty();
        Procedure p = PerformedProcedureTranslator.toFhir(first(esi(Region.LUMBAR, Guidance.NONE)), PATIENT);
        assertThat(p.getCode().getCoding()).noneMatch(c -> c.getSystem().equals(PerformedProcedureTranslator.CPT));
    }

    @Test
    void aFollowUpIsAnObservationOfPercentReliefPartOfTheProcedure() {
        UUID procedure = UUID.randomUUID();
        var v = first(new FollowUp(procedure, Point.SIX_WEEKS, LocalDate.of(2026, 3, 15), 60, 5, 4));
        Observation o = PerformedProcedureTranslator.followUp(v, PATIENT);
        assertThat(o.getPartOfFirstRep().getReference()).isEqualTo("Procedure/" + procedure);
        assertThat(o.getValueQuantity().getValue().intValue()).isEqualTo(60);
        assertThat(o.getValueQuantity().getCode()).isEqualTo("%");
        assertThat(o.getCode().getText()).isEqualTo("Relief after procedure (six weeks)");
        assertThat(o.getComponent())
                .extracting(c -> c.getCode().getCodingFirstRep().getCode())
                .containsExactly("relief-lasted", "nrs");
    }
}
