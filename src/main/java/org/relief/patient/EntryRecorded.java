package org.relief.patient;

import java.util.UUID;
import org.relief.careteam.Actor;

/**
 * Published inside the transaction that adds a chart entry (first version), so modules that own a kind can react
 * (a procedure documented without an order runs the procedure rules).
 */
public record EntryRecorded(UUID patientId, EntryKind<?> kind, UUID entryId, Record data, Actor actor) {}
