package org.relief.procedure.rules;

import java.time.LocalDate;
import java.util.List;

/** Everything the rules read, gathered from the chart, evaluation, instruments and earlier procedures. */
public final class Facts {

    private Facts() {
    }

    public enum Region { CERVICAL, THORACIC, LUMBAR, SACRAL, OTHER }

    public enum Side { LEFT, RIGHT, BILATERAL, NONE }

    /** Why an ESI is given (the conservative-care length depends on it). */
    public enum Indication { RADICULOPATHY, STENOSIS, HERPES_ZOSTER, OTHER }

    /** A procedure on order, with the details the rules need. */
    public record Order(ProcedureType type, Region region, Side side, int levels, LocalDate plannedDate,
            Indication indication, Double steroidMg, boolean particulateSteroid, boolean imageGuidance,
            String intraArticularReason, boolean bleedingRiskFactors, VertebralFindings vertebral) {
    }

    /** Findings for vertebral augmentation, as the physician documents them on the order. */
    public record VertebralFindings(boolean fractureConfirmedOnImaging, boolean painFromFracture,
            boolean infectionAtSite, boolean pregnant, boolean worseningPain, boolean heightLossOver25,
            boolean kyphoticDeformity, boolean relativeContraindication, boolean boneHealthReferral) {
    }

    /** A procedure done before, with its follow-up relief where recorded. */
    public record PastProcedure(ProcedureType type, LocalDate date, Region region, Side side, int levels,
            Double steroidMg, Integer reliefPercent, Integer reliefWeeks) {
    }

    /** A diagnostic block from the evaluation (target in words). */
    public record Block(String target, LocalDate on, int reliefPercent) {
    }

    /** A blood thinner on the medication list: its name, whether active, and since when it is held. */
    public record Thinner(String name, boolean active, LocalDate heldSince) {
    }

    /** The patient's history as the rules read it. */
    public record History(LocalDate today, LocalDate painOnset, int conservativeCareWeeks, boolean imagingOnFile,
            List<PastProcedure> procedures, Integer positiveSacroiliacTests, List<Block> blocks,
            Boolean psychCleared, Integer triggerPointsFound, Integer latestNrs, Integer latestRmdq,
            List<Thinner> thinners, boolean safetyHold) {
    }
}
