package org.relief.fhir.bulk;

import org.hl7.fhir.r4.model.Reference;

/**
 * What the import of one patient looks up beyond that patient's own resources: whether a reference points at a
 * resource of the packet, and the name of the practitioner or organization it points at. A transaction Bundle
 * answers from memory ({@link NdjsonPacket}); a folder from the index of its first pass ({@link FolderPacket}).
 */
interface PacketReferences {

    /** Whether the reference (literal {@code Type/id} or conditional {@code Type?identifier=system|value}) resolves. */
    boolean resolves(Reference ref);

    /** The name of the practitioner or organization the reference resolves to, else its display, else null. */
    String nameOf(Reference ref);
}
