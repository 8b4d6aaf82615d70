package org.relief.scheduling.solver;

import java.time.LocalDate;
import java.util.UUID;

/** When a clinician works on one day (absences leave no window), minutes after midnight. */
public record StaffWindow(UUID staffId, LocalDate day, int from, int to) {}
