package org.relief.fhir.translate;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Reference;
import org.relief.patient.Codes.Modality;
import org.relief.patient.EntryKind;
import org.relief.record.Versioned;

/**
 * ImagingStudy / DiagnosticReport (imaging) -> imaging study, and back as ImagingStudy. Modalities by their DICOM
 * codes; a radiology report's modality is read from its LOINC name (XR, MR, CT, US) when it has no DICOM code.
 */
public final class ImagingTranslator {

    private ImagingTranslator() {}

    public static ImagingStudy toFhir(Versioned<org.relief.patient.ImagingStudy> v, UUID patientId) {
        var s = v.data();
        ImagingStudy fhir = new ImagingStudy();
        fhir.setId(v.entryId().toString());
        fhir.setStatus(ImagingStudy.ImagingStudyStatus.AVAILABLE);
        fhir.addModality(new Coding(Terminology.DICOM, dicom(s.modality()), null));
        fhir.setSubject(new Reference("Patient/" + patientId));
        fhir.setStartedElement(
                new org.hl7.fhir.r4.model.DateTimeType(s.studyDate().toString()));
        fhir.setDescription(s.modality().name().replace('_', ' ') + " " + s.bodyRegion());
        fhir.addNote().setText("Impression: " + s.impression());
        return fhir;
    }

    static String dicom(Modality m) {
        return switch (m) {
            case XRAY -> "DX";
            case MRI -> "MR";
            case CT -> "CT";
            case ULTRASOUND -> "US";
            case BONE_SCAN -> "NM";
            case DEXA -> "BMD";
            case FLUOROSCOPY -> "RF";
        };
    }

    static Modality fromDicom(String code) {
        return switch (code == null ? "" : code) {
            case "DX", "CR" -> Modality.XRAY;
            case "MR" -> Modality.MRI;
            case "CT" -> Modality.CT;
            case "US" -> Modality.ULTRASOUND;
            case "BMD" -> Modality.DEXA;
            case "RF", "XA" -> Modality.FLUOROSCOPY;
            default -> null;
        };
    }

    public static Translation fromStudy(ImagingStudy s) {
        Modality modality = s.getModality().stream()
                .map(c -> fromDicom(c.getCode()))
                .filter(m -> m != null)
                .findFirst()
                .orElse(s.getSeries().stream()
                        .map(x -> fromDicom(x.getModality().getCode()))
                        .filter(m -> m != null)
                        .findFirst()
                        .orElse(null));
        if (modality == null) {
            return Translation.skip("no modality Relief records (x-ray, MRI, CT, ultrasound, DEXA, fluoroscopy)");
        }
        LocalDate date = Terminology.date(s.getStartedElement());
        if (date == null) {
            return Translation.skip("no study date");
        }
        String region = s.getSeries().stream()
                .map(x -> x.getBodySite().getDisplay())
                .filter(d -> d != null)
                .findFirst()
                .orElse(null);
        String impression = s.hasDescription()
                ? s.getDescription()
                : s.getNote().stream()
                        .map(n -> n.getText())
                        .filter(t -> t != null)
                        .findFirst()
                        .orElse(null);
        return Translation.of(
                EntryKind.IMAGING,
                new org.relief.patient.ImagingStudy(
                        modality,
                        Terminology.clip(Terminology.orNotStated(region), 100),
                        date,
                        Terminology.clip(Terminology.orNotStated(impression), 4000)));
    }

    public static Translation fromReport(DiagnosticReport r) {
        String name = Terminology.text(r.getCode());
        boolean imaging = r.getCategory().stream()
                .anyMatch(c -> c.getCoding().stream()
                        .anyMatch(x -> "RAD".equals(x.getCode()) || "LP29684-5".equals(x.getCode())));
        if (!imaging || name == null) {
            return Translation.skip("not an imaging report (Relief keeps imaging reports only)");
        }
        Modality modality = fromName(name);
        if (modality == null) {
            return Translation.skip("imaging report whose modality cannot be told from '" + name + "'");
        }
        LocalDate date = r.hasEffectiveDateTimeType()
                ? Terminology.date(r.getEffectiveDateTimeType())
                : r.hasEffectivePeriod()
                        ? Terminology.start(r.getEffectivePeriod())
                        : Terminology.date(r.getIssuedElement());
        if (date == null) {
            return Translation.skip("no study date");
        }
        String impression = r.hasConclusion() ? r.getConclusion() : null;
        return Translation.of(
                EntryKind.IMAGING,
                new org.relief.patient.ImagingStudy(
                        modality,
                        Terminology.clip(name, 100),
                        date,
                        Terminology.clip(Terminology.orNotStated(impression), 4000)));
    }

    private static Modality fromName(String name) {
        String n = " " + name.toUpperCase(Locale.ROOT) + " ";
        if (n.contains(" MR ") || n.contains("MRI")) {
            return Modality.MRI;
        }
        if (n.contains(" CT ")) {
            return Modality.CT;
        }
        if (n.contains(" XR ") || n.contains("X-RAY") || n.contains("RADIOGRAPH")) {
            return Modality.XRAY;
        }
        if (n.contains(" US ") || n.contains("ULTRASOUND")) {
            return Modality.ULTRASOUND;
        }
        return null;
    }
}
