package org.relief.patient;

import java.util.List;

/**
 * What a referral brings beyond the patient and the referral itself, entered on the referral form: imaging studies
 * and treatments tried elsewhere, the patient's record number at the referring practice, and whether the person
 * registering confirmed that this is a different person from the possible duplicates shown to them.
 *
 * @param imaging imaging studies already done
 * @param treatments treatments tried before the referral
 * @param sourceRecordNumber the referring practice's record number for the patient, or null
 * @param confirmedDifferentPerson true once the registrant saw the possible duplicates and confirmed "a different
 *     person"
 */
public record Intake(
        List<ImagingStudy> imaging,
        List<PriorTreatment> treatments,
        String sourceRecordNumber,
        boolean confirmedDifferentPerson) {

    public Intake {
        imaging = List.copyOf(imaging);
        treatments = List.copyOf(treatments);
        sourceRecordNumber =
                sourceRecordNumber == null || sourceRecordNumber.isBlank() ? null : sourceRecordNumber.strip();
    }
}
