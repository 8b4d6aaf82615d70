package org.relief.patient;

import java.util.List;
import org.relief.record.Newest;
import org.relief.record.Versioned;

/**
 * The chart as its page shows it ({@link ChartService#chartPage}): the head, the short sections whole, each long
 * section's newest rows with its total, and the patient's way through the clinic.
 */
public record ChartPage(
        ChartHead head,
        List<Versioned<Referral>> referrals,
        Newest<Problem> problems,
        Newest<ImagingStudy> imaging,
        Newest<PriorTreatment> treatments,
        Newest<Medication> medications,
        List<Versioned<Allergy>> allergies,
        Newest<Encounter> encounters,
        Newest<Document> documents,
        List<StepChange> steps) {}
