package org.relief.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.relief.patient.Codes.TreatmentResult;
import org.relief.patient.PriorTreatment;
import org.relief.patient.TreatmentCatalogue.Kind;

/** Prior treatments read through the therapy catalogue: code first, then CPT, then the words of the name. */
class CatalogueTreatmentsTest {

    private final CatalogueTreatments catalogue = new CatalogueTreatments();

    @Test
    void physicalTherapyAfterSurgeryAndTensAreConservativeCare() {
        assertThat(catalogue
                        .classify(named("Physical therapy after lumbar surgery"))
                        .kind())
                .isEqualTo(Kind.CONSERVATIVE);
        var tens = catalogue.classify(named("TENS unit"));
        assertThat(tens.kind()).isEqualTo(Kind.CONSERVATIVE);
        assertThat(tens.therapyCode()).isEqualTo("PT");
        assertThat(catalogue.classify(named("NSAIDs")).kind()).isEqualTo(Kind.CONSERVATIVE);
        assertThat(catalogue.classify(named("Massage therapy")).kind()).isEqualTo(Kind.CONSERVATIVE);
    }

    @Test
    void theCatalogueCodeWinsOverTheName() {
        var byCode = catalogue.classify(coded("Injection at the pain clinic", "ESI_TF", null));
        assertThat(byCode.procedureType()).isEqualTo("ESI_TRANSFORAMINAL");
        assertThat(byCode.matchedBy()).isEqualTo("therapy code ESI_TF");
    }

    @Test
    void aCptCodeFromTheCatalogueMapsAnImportedProcedure() {
        var byCpt = catalogue.classify(coded("Injection(s), anesthetic agent(s) and/or steroid", null, "64483"));
        assertThat(byCpt.procedureType()).isEqualTo("ESI_TRANSFORAMINAL");
        assertThat(byCpt.matchedBy()).isEqualTo("CPT 64483");
        assertThat(catalogue
                        .classify(coded("Destruction by neurolytic agent", null, "64635"))
                        .procedureType())
                .isEqualTo("RADIOFREQUENCY_ABLATION");
    }

    @Test
    void namesMapToTheProcedureTypesTheRulesKnow() {
        assertThat(catalogue
                        .classify(named("Lumbar transforaminal epidural steroid injection"))
                        .procedureType())
                .isEqualTo("ESI_TRANSFORAMINAL");
        assertThat(catalogue.classify(named("Lumbar medial branch block")).procedureType())
                .isEqualTo("MEDIAL_BRANCH_BLOCK");
        assertThat(catalogue.classify(named("Lumbar radiofrequency ablation")).procedureType())
                .isEqualTo("RADIOFREQUENCY_ABLATION");
        assertThat(catalogue
                        .classify(named("Diagnostic sacroiliac joint block"))
                        .procedureType())
                .isEqualTo("SIJ_DIAGNOSTIC");
        assertThat(catalogue.classify(named("Sacroiliac joint injection")).procedureType())
                .isEqualTo("SIJ_THERAPEUTIC");
        assertThat(catalogue.classify(named("Spinal cord stimulator trial")).procedureType())
                .isEqualTo("SCS_TRIAL");
        assertThat(catalogue.classify(named("SCS generator replacement")).procedureType())
                .isEqualTo("SCS_GENERATOR_REPLACEMENT");
        var generic = catalogue.classify(named("Epidural steroid injection (outside clinic)"));
        assertThat(generic.procedureType()).isEqualTo("ESI_INTERLAMINAR");
        assertThat(generic.matchedBy()).contains("approach not stated");
    }

    @Test
    void anOperationTheCatalogueDoesNotListIsAProcedureWithoutARuleType() {
        var surgery = catalogue.classify(named("L4-L5 laminectomy"));
        assertThat(surgery.kind()).isEqualTo(Kind.PROCEDURE);
        assertThat(surgery.procedureType()).isNull();
    }

    private static PriorTreatment named(String therapy) {
        return new PriorTreatment(therapy, LocalDate.of(2025, 1, 1), null, null, TreatmentResult.NONE, null, null);
    }

    private static PriorTreatment coded(String therapy, String code, String cpt) {
        return new PriorTreatment(
                therapy,
                LocalDate.of(2025, 1, 1),
                null,
                null,
                TreatmentResult.UNKNOWN,
                null,
                null,
                code,
                cpt,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
