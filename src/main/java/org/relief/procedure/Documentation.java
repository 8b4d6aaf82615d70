package org.relief.procedure;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.relief.procedure.rules.Facts.Region;
import org.relief.procedure.rules.Facts.Side;
import org.relief.procedure.rules.ProcedureType;

/** Procedure documentation and follow-up, stored as versioned chart entries. */
public final class Documentation {

    private Documentation() {}

    public enum Guidance {
        FLUOROSCOPY,
        CT,
        ULTRASOUND,
        NONE
    }

    /** Follow-up points; relief and how long it lasted feed the repeat rules. */
    public enum Point {
        TWO_WEEKS,
        SIX_WEEKS,
        THREE_MONTHS,
        SIX_MONTHS,
        OTHER
    }

    /** A procedure performed. Steroid in mg methylprednisolone-equivalent (summed for the 12-month warning). */
    public record Performed(
            UUID orderId,
            @NotNull ProcedureType type,
            @NotNull @PastOrPresent LocalDate performedOn,
            @NotNull Region region,
            @NotNull Side side,
            @NotNull @Min(1) @Max(10) Integer levels,
            @Min(0) @Max(10) Integer preNrs,
            @Min(0) @Max(10) Integer postNrs,
            @Size(max = 300) String medication,
            @Min(0) @Max(1000) Integer steroidMg,
            @NotNull Guidance imageGuidance,
            @Size(max = 2000) String complications) {}

    /** A follow-up of a procedure: % relief of the index pain and how many weeks it has lasted so far. */
    public record FollowUp(
            @NotNull UUID procedureId,
            @NotNull Point point,
            @NotNull @PastOrPresent LocalDate followedUpOn,
            @NotNull @Min(0) @Max(100) Integer reliefPercent,
            @Min(0) @Max(520) Integer reliefLastedWeeks,
            @Min(0) @Max(10) Integer nrs) {}
}
