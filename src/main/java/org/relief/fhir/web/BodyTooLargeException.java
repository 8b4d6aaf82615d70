package org.relief.fhir.web;

import org.springframework.util.unit.DataSize;

/** A request body over its configured maximum: answered {@code 413}, nothing of it read further or stored. */
class BodyTooLargeException extends RuntimeException {

    private final DataSize max;

    BodyTooLargeException(DataSize max, String setting) {
        super("The request body is larger than the " + inWords(max) + " a transaction Bundle may be (" + setting
                + "). Nothing was stored: send the patients in separate Bundles, or the packet to the bulk import.");
        this.max = max;
    }

    DataSize max() {
        return max;
    }

    static String inWords(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " bytes";
    }
}
