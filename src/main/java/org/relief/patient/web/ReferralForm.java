package org.relief.patient.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * The referral form's own fields as Spring binds and validates them ({@code @Valid @ModelAttribute}): the coordinating
 * physician, the patient's record number at the referring practice, and the "a different person" confirmation. The
 * patient, the referral and the repeatable imaging and treatment rows are the chart's records, bound by
 * {@link EntryForms#bind} under their prefixes ({@code d.}, {@code r.}, {@code img[i].}, {@code tx[i].}). Whether the
 * chosen physician is one of the clinic's is the registration's own rule (patient.Patients).
 */
record ReferralForm(
        @NotNull(message = "choose the coordinating physician") UUID coordinatingPhysicianId,
        @Size(max = 100, message = "is too long: at most 100 characters") String sourceRecordNumber,
        boolean confirmDifferentPerson) {
}
