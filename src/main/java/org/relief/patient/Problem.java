package org.relief.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.relief.patient.Codes.ClinicalStatus;
import org.relief.shared.CrossFieldChecked;

/**
 * A problem or past history item, coded in ICD-10-CM. A problem that came from another system coded only in
 * SNOMED CT (a FHIR referral, say) keeps that code instead: nothing maps one to the other without a reviewed map.
 */
@CrossFieldChecked.Valid
public record Problem(
        @Pattern(
                regexp = "^[A-TV-Z][0-9][0-9AB](\\.[0-9A-TV-Z]{1,4})?$",
                message = "must be an ICD-10-CM code such as M54.50")
        String icd10Code,

        @Pattern(regexp = "^[0-9]{6,18}$", message = "must be a SNOMED CT concept id (digits)")
        String snomedCode,

        @NotBlank @Size(max = 300) String description,
        @PastOrPresent LocalDate onsetDate,
        @NotNull ClinicalStatus clinicalStatus)
        implements CrossFieldChecked {

    /** A problem coded in ICD-10-CM only, as staff enter it. */
    public Problem(String icd10Code, String description, LocalDate onsetDate, ClinicalStatus clinicalStatus) {
        this(icd10Code, null, description, onsetDate, clinicalStatus);
    }

    /** Every problem carries a code: ICD-10-CM unless SNOMED CT came in (reported on {@code icd10Code}). */
    @Override
    public Map<String, String> crossFieldProblems() {
        boolean coded = (icd10Code != null && !icd10Code.isBlank()) || (snomedCode != null && !snomedCode.isBlank());
        return coded ? Map.of() : Map.of("icd10Code", "is required (an ICD-10-CM code such as M54.50)");
    }
}
