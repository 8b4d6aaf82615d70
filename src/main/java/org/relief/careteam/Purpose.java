package org.relief.careteam;

import java.util.Objects;

/**
 * Why a chart is opened, in words, as the audit log shows it ("chart", "add problem"). A read is audited when the
 * chart is opened; a write is audited when it is done ({@link OpenChart#audit}), and a write that ends without
 * saving anything is audited at the end of the request (see {@link ChartAccess}).
 *
 * @param what what is read or attempted, in words
 * @param write whether the actor means to change the chart
 */
public record Purpose(String what, boolean write) {

    public Purpose {
        Objects.requireNonNull(what, "what");
    }

    /** Reading (a page, a form, a JSON or FHIR read). */
    public static Purpose read(String what) {
        return new Purpose(what, false);
    }

    /** Changing the chart. */
    public static Purpose write(String what) {
        return new Purpose(what, true);
    }
}
