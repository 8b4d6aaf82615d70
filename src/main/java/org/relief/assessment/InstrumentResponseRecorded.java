package org.relief.assessment;

import java.util.List;
import java.util.UUID;

/**
 * Published, inside the recording transaction, when a response is stored. The safety protocol listens: a response
 * with a safety flag and its alert are saved together or not at all.
 */
public record InstrumentResponseRecorded(
        UUID patientId,
        UUID entryId,
        String instrument,
        List<SafetyFlag> flags,
        UUID staffId,
        String username,
        String role,
        String address) {}
