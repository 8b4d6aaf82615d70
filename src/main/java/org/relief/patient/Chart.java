package org.relief.patient;

import java.util.List;
import org.relief.careteam.AccessGrant;
import org.relief.careteam.TeamMember;
import org.relief.record.Versioned;

/**
 * Everything the chart page and the chart API show: current versions only (an entry whose version is above 1 was
 * corrected; its history is asked for per entry).
 */
public record Chart(
        PatientSummary patient,
        AccessGrant access,
        Versioned<Demographics> demographics,
        List<Versioned<Referral>> referrals,
        List<Versioned<Problem>> problems,
        List<Versioned<ImagingStudy>> imaging,
        List<Versioned<PriorTreatment>> treatments,
        List<Versioned<Medication>> medications,
        List<Versioned<Allergy>> allergies,
        List<Versioned<Encounter>> encounters,
        List<TeamMember> careTeam,
        List<StepChange> steps) {}
