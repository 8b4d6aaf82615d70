package org.relief.patient.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * The referral form's own fields as Spring binds and validates them ({@code @Valid @ModelAttribute}): the coordinating
 * physician, the patient's record number at the referring practice, and the "a different person" confirmation. A
 * JavaBean, not a record, so a value that cannot be converted (a physician id that is not one) does not hide the
 * other fields' checks, and an absent checkbox is simply off. The patient, the referral and the repeatable imaging and
 * treatment rows are the chart's records, bound by {@link EntryForms#bind} under their prefixes ({@code d.},
 * {@code r.}, {@code img[i].}, {@code tx[i].}). Whether the chosen physician is one of the clinic's is the
 * registration's own rule (patient.Patients).
 */
public class ReferralForm {

    @NotNull(message = "choose the coordinating physician")
    private UUID coordinatingPhysicianId;

    @Size(max = 100, message = "is too long: at most 100 characters")
    private String sourceRecordNumber;

    private boolean confirmDifferentPerson;

    public UUID getCoordinatingPhysicianId() {
        return coordinatingPhysicianId;
    }

    public void setCoordinatingPhysicianId(UUID coordinatingPhysicianId) {
        this.coordinatingPhysicianId = coordinatingPhysicianId;
    }

    public String getSourceRecordNumber() {
        return sourceRecordNumber;
    }

    public void setSourceRecordNumber(String sourceRecordNumber) {
        this.sourceRecordNumber = sourceRecordNumber;
    }

    public boolean isConfirmDifferentPerson() {
        return confirmDifferentPerson;
    }

    public void setConfirmDifferentPerson(boolean confirmDifferentPerson) {
        this.confirmDifferentPerson = confirmDifferentPerson;
    }
}
