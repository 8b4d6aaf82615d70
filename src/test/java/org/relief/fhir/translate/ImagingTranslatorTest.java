package org.relief.fhir.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.fhir.translate.Entries.PATIENT;
import static org.relief.fhir.translate.Entries.data;
import static org.relief.fhir.translate.Entries.first;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.junit.jupiter.api.Test;
import org.relief.patient.Codes.Modality;
import org.relief.patient.EntryKind;

class ImagingTranslatorTest {

    @Test
    void toFhirNamesTheModalityByItsDicomCode() {
        var v = first(new org.relief.patient.ImagingStudy(
                Modality.MRI, "Lumbar spine", LocalDate.of(2025, 10, 1), "L4-5 disc protrusion"));
        ImagingStudy s = ImagingTranslator.toFhir(v, PATIENT);
        assertThat(s.getModalityFirstRep().getSystem()).isEqualTo(Terminology.DICOM);
        assertThat(s.getModalityFirstRep().getCode()).isEqualTo("MR");
        assertThat(s.getStartedElement().getValueAsString()).isEqualTo("2025-10-01");
        assertThat(s.getDescription()).isEqualTo("MRI Lumbar spine");
        assertThat(s.getNoteFirstRep().getText()).isEqualTo("Impression: L4-5 disc protrusion");
    }

    @Test
    void everyModalityGoesOutAndComesBackAsItself() {
        for (Modality m : Modality.values()) {
            var v = first(new org.relief.patient.ImagingStudy(m, "Knee", LocalDate.of(2025, 10, 1), "Normal"));
            Translation back = ImagingTranslator.fromStudy(ImagingTranslator.toFhir(v, PATIENT));
            if (m == Modality.BONE_SCAN) {
                // exported as nuclear medicine (NM), which also covers studies that are no bone scan: not imported
                assertThat(back.skipped()).as(m.name()).isTrue();
                continue;
            }
            assertThat(back.kind()).isEqualTo(EntryKind.IMAGING);
            var in = data(back, org.relief.patient.ImagingStudy.class);
            assertThat(in.modality()).as(m.name()).isEqualTo(m);
            assertThat(in.studyDate()).isEqualTo(LocalDate.of(2025, 10, 1));
            // the study's description (modality and region) is read back as its impression
            assertThat(in.impression()).isEqualTo(m.name().replace('_', ' ') + " Knee");
        }
    }

    @Test
    void fromStudyReadsTheModalityOfASeriesAndTheRegionOfItsBodySite() {
        ImagingStudy s = new ImagingStudy();
        s.setStartedElement(new DateTimeType("2024-02-29"));
        var series = s.addSeries().setModality(new Coding(Terminology.DICOM, "CR", null));
        series.setBodySite(new Coding(Terminology.SNOMED, "122496007", "Lumbar spine"));
        var in = data(ImagingTranslator.fromStudy(s), org.relief.patient.ImagingStudy.class);
        assertThat(in.modality()).isEqualTo(Modality.XRAY);
        assertThat(in.bodyRegion()).isEqualTo("Lumbar spine");
        assertThat(in.impression()).isEqualTo("not stated");
        assertThat(ImagingTranslator.fromStudy(new ImagingStudy()).skipReason()).startsWith("no modality");
    }

    @Test
    void fromReportKeepsRadiologyReportsWhoseModalityItsNameTells() {
        DiagnosticReport r = new DiagnosticReport();
        r.addCategory().addCoding().setCode("LP29684-5");
        r.getCode().setText("MR Lumbar spine WO contrast");
        r.setEffective(new DateTimeType("2025-03-04T10:00:00Z"));
        r.setConclusion("Mild facet arthropathy");
        var in = data(ImagingTranslator.fromReport(r), org.relief.patient.ImagingStudy.class);
        assertThat(in.modality()).isEqualTo(Modality.MRI);
        assertThat(in.studyDate()).isEqualTo(LocalDate.of(2025, 3, 4));
        assertThat(in.impression()).isEqualTo("Mild facet arthropathy");

        r.getCode().setText("PET scan");
        assertThat(ImagingTranslator.fromReport(r).skipReason()).contains("PET scan");
        DiagnosticReport lab = new DiagnosticReport();
        lab.getCode().setText("CBC");
        assertThat(ImagingTranslator.fromReport(lab).skipReason()).startsWith("not an imaging report");
    }
}
