package org.relief.fhir.translate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.relief.plan.Therapy;
import org.relief.plan.TherapyCatalog;
import org.relief.procedure.Documentation.FollowUp;
import org.relief.procedure.Documentation.Guidance;
import org.relief.procedure.Documentation.Performed;
import org.relief.procedure.rules.Facts.Region;
import org.relief.record.Versioned;

/**
 * Procedure performed in the clinic -> Procedure; its follow-ups -> Observations of % relief (Relief's code
 * system, part of the Procedure). CPT only where the therapy catalogue names one code for the procedure done (see
 * {@link #cpt}); otherwise the Procedure has Relief's procedure type as text and no CPT.
 */
public final class PerformedProcedureTranslator {

    static final String CPT = "http://www.ama-assn.org/go/cpt";
    static final String RELIEF_PROCEDURE = "urn:relief:procedure-type";
    static final String RELIEF_FOLLOW_UP = "urn:relief:procedure-followup";
    static final String RELIEF_PERCENT = "relief-percent";

    private PerformedProcedureTranslator() {}

    public static Procedure toFhir(Versioned<Performed> v, UUID patientId) {
        Performed p = v.data();
        Procedure out = new Procedure();
        out.setId(v.entryId().toString());
        out.setStatus(Procedure.ProcedureStatus.COMPLETED);
        cpt(p).ifPresent(code -> out.getCode().addCoding().setSystem(CPT).setCode(code));
        out.getCode()
                .addCoding()
                .setSystem(RELIEF_PROCEDURE)
                .setCode(p.type().name())
                .setDisplay(p.type().label());
        out.getCode().setText(p.type().label());
        out.setSubject(new Reference("Patient/" + patientId));
        out.setPerformed(new DateTimeType(p.performedOn().toString()));
        out.addBodySite().setText(bodySite(p));
        if (p.complications() != null && !p.complications().isBlank()) {
            out.addComplication().setText(p.complications());
        }
        if (p.preNrs() != null || p.postNrs() != null) {
            out.addNote().setText("Pain (NRS 0-10) before: " + orDash(p.preNrs()) + ", after: " + orDash(p.postNrs()));
        }
        if (p.medication() != null && !p.medication().isBlank()) {
            out.addNote()
                    .setText("Medication: " + p.medication()
                            + (p.steroidMg() == null
                                    ? ""
                                    : " (steroid " + p.steroidMg() + " mg methylprednisolone-equivalent)"));
        }
        out.addNote().setText("Image guidance: " + p.imageGuidance().name().toLowerCase(Locale.ROOT));
        return out;
    }

    public static Observation followUp(Versioned<FollowUp> v, UUID patientId) {
        FollowUp f = v.data();
        Observation o = new Observation();
        o.setId(v.entryId().toString());
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.getCode()
                .addCoding()
                .setSystem(RELIEF_FOLLOW_UP)
                .setCode(RELIEF_PERCENT)
                .setDisplay("Relief of the index pain after a procedure");
        o.getCode()
                .setText("Relief after procedure ("
                        + f.point().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
        o.setSubject(new Reference("Patient/" + patientId));
        o.addPartOf(new Reference("Procedure/" + f.procedureId()));
        o.setEffective(new DateTimeType(f.followedUpOn().toString()));
        o.setValue(new Quantity()
                .setValue(f.reliefPercent())
                .setUnit("%")
                .setSystem(InstrumentTranslator.UCUM)
                .setCode("%"));
        if (f.reliefLastedWeeks() != null) {
            var c = o.addComponent()
                    .setValue(new Quantity()
                            .setValue(f.reliefLastedWeeks())
                            .setUnit("weeks")
                            .setSystem(InstrumentTranslator.UCUM)
                            .setCode("wk"));
            c.getCode()
                    .addCoding()
                    .setSystem(RELIEF_FOLLOW_UP)
                    .setCode("relief-lasted")
                    .setDisplay("How long the relief has lasted");
        }
        if (f.nrs() != null) {
            var c = o.addComponent()
                    .setValue(new Quantity()
                            .setValue(f.nrs())
                            .setUnit("score")
                            .setSystem(InstrumentTranslator.UCUM)
                            .setCode("{score}"));
            c.getCode().addCoding().setSystem(RELIEF_FOLLOW_UP).setCode("nrs").setDisplay("Pain now (NRS 0-10)");
        }
        return o;
    }

    /**
     * The CPT code of what was done, from the therapy catalogue: its only code for this procedure type; or, where
     * the catalogue splits the code by spine region (interlaminar and transforaminal ESI, medial branch block,
     * radiofrequency ablation), the first-level code of the region, and only with fluoroscopy or CT guidance, which
     * those codes include. Add-on codes for further levels are not emitted. Anything else: no CPT.
     */
    static Optional<String> cpt(Performed p) {
        List<String> codes = TherapyCatalog.ALL.stream()
                .filter(t -> p.type().name().equals(t.procedureType()))
                .map(Therapy::cpt)
                .findFirst()
                .orElse(List.of());
        boolean imaged = p.imageGuidance() == Guidance.FLUOROSCOPY || p.imageGuidance() == Guidance.CT;
        if (p.type().isEsi() && !imaged) {
            return Optional.empty(); // the catalogue's epidural codes are those "with imaging guidance"
        }
        if (codes.size() == 1) {
            return Optional.of(codes.get(0));
        }
        boolean upper = p.region() == Region.CERVICAL || p.region() == Region.THORACIC;
        boolean lower = p.region() == Region.LUMBAR || p.region() == Region.SACRAL;
        if (!imaged || !(upper || lower)) {
            return Optional.empty();
        }
        String code = switch (p.type()) {
            case ESI_INTERLAMINAR -> upper ? "62321" : "62323";
            case ESI_TRANSFORAMINAL -> upper ? "64479" : "64483";
            case MEDIAL_BRANCH_BLOCK -> upper ? "64490" : "64493";
            case RADIOFREQUENCY_ABLATION -> upper ? "64633" : "64635";
            default -> null;
        };
        return Optional.ofNullable(code).filter(codes::contains);
    }

    private static String bodySite(Performed p) {
        String region = p.region().name().toLowerCase(Locale.ROOT);
        String side = switch (p.side()) {
            case LEFT -> ", left";
            case RIGHT -> ", right";
            case BILATERAL -> ", bilateral";
            case NONE -> "";
        };
        return Character.toUpperCase(region.charAt(0)) + region.substring(1) + side + ", " + p.levels()
                + (p.levels() == 1 ? " level" : " levels");
    }

    private static String orDash(Integer n) {
        return n == null ? "-" : n.toString();
    }
}
