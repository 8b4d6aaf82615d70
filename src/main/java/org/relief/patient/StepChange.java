package org.relief.patient;

import java.time.Instant;

/** A move of the patient to another step of the way, kept as history. */
public record StepChange(Step step, String note, Instant at, String by) {}
