package org.relief.patient;

import java.util.List;
import org.relief.careteam.AccessGrant;
import org.relief.careteam.TeamMember;
import org.relief.record.Versioned;

/** The chart's head ({@link ChartService#head}): who the patient is, how the reader came in, and the care team. */
public record ChartHead(
        PatientSummary patient, AccessGrant access, Versioned<Demographics> demographics, List<TeamMember> careTeam) {}
