package org.relief.patient;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.relief.patient.Codes.BodySide;
import org.relief.patient.Codes.SpineRegion;
import org.relief.patient.Codes.TreatmentResult;
import org.relief.shared.CrossFieldChecked;

/**
 * A treatment tried before (or outside) the clinic, and how it went. An outside procedure is the same clinical fact
 * as one documented here, so the entry can carry what the procedure rules read: which therapy of the catalogue it
 * was (or its CPT / SNOMED CT code as imported), where, the steroid dose and the relief it gave. Entries written
 * before these fields existed have them empty; the rules then map the therapy by its name and say what is missing.
 *
 * @param therapyCode the therapy catalogue's code (e.g. ESI_TF), when known
 * @param cptCode the CPT code as entered or imported
 * @param snomedCode the SNOMED CT concept id as imported
 * @param steroidMg steroid dose in mg methylprednisolone-equivalent
 * @param reliefPercent relief of the index pain, in percent
 * @param reliefWeeks how many weeks the relief lasted
 * @param resultAsReported the result in the sender's words (e.g. FHIR Procedure.outcome "No improvement")
 */
@CrossFieldChecked.Valid
public record PriorTreatment(
        @NotBlank @Size(max = 200) String therapy,
        @NotNull @PastOrPresent LocalDate startDate,
        LocalDate endDate,
        @Size(max = 200) String doseOrFrequency,
        @NotNull TreatmentResult result,
        @Size(max = 500) String sideEffects,
        @Size(max = 500) String whyStopped,

        @Pattern(
                regexp = "^[A-Z][A-Z0-9_]{1,39}$",
                message = "must be a therapy code of the catalogue, such as " + "ESI_TF")
        String therapyCode,

        @Pattern(regexp = "^[0-9]{4}[0-9A-Z]$", message = "must be a CPT code of five characters, such as 64483")
        String cptCode,

        @Pattern(regexp = "^[0-9]{6,18}$", message = "must be a SNOMED CT concept id (digits)")
        String snomedCode,

        SpineRegion region,
        BodySide side,
        @Min(1) @Max(10) Integer levels,
        @Min(0) @Max(1000) Integer steroidMg,
        @Min(0) @Max(100) Integer reliefPercent,
        @Min(0) @Max(520) Integer reliefWeeks,
        @Size(max = 300) String resultAsReported)
        implements CrossFieldChecked {

    /** A treatment as the referral names it, without the procedure details. */
    public PriorTreatment(
            String therapy,
            LocalDate startDate,
            LocalDate endDate,
            String doseOrFrequency,
            TreatmentResult result,
            String sideEffects,
            String whyStopped) {
        this(
                therapy,
                startDate,
                endDate,
                doseOrFrequency,
                result,
                sideEffects,
                whyStopped,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** The procedure facts the entry holds, in words for the chart ("lumbar, left, 80 mg steroid, 60% relief"). */
    public String procedureDetails() {
        List<String> parts = new ArrayList<>();
        if (region != null) {
            parts.add(region.name().toLowerCase(Locale.ROOT));
        }
        if (side != null) {
            parts.add(side.name().toLowerCase(Locale.ROOT));
        }
        if (levels != null) {
            parts.add(levels + (levels == 1 ? " level" : " levels"));
        }
        if (steroidMg != null) {
            parts.add(steroidMg + " mg steroid");
        }
        if (reliefPercent != null) {
            parts.add(reliefPercent + "% relief" + (reliefWeeks == null ? "" : " for " + reliefWeeks + " weeks"));
        }
        if (resultAsReported != null) {
            parts.add("reported: \"" + resultAsReported + "\"");
        }
        return String.join(", ", parts);
    }

    @Override
    public Map<String, String> crossFieldProblems() {
        return endDate != null && startDate != null && endDate.isBefore(startDate)
                ? Map.of("endDate", "must not be before the start date")
                : Map.of();
    }
}
