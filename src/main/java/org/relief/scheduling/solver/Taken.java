package org.relief.scheduling.solver;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An appointment already booked: its clinician, room and patient are taken from {@code start} to {@code end}, the
 * patient until {@code patientEnd} (recovery).
 */
public record Taken(UUID staffId, UUID roomId, UUID patientId, LocalDate day, int start, int end, int patientEnd) {}
