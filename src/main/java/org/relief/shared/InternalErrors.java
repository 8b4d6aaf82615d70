package org.relief.shared;

import java.util.UUID;
import org.slf4j.Logger;

/**
 * The server's own errors (a database error, a bug) as a caller hears of them: a plain sentence and a reference;
 * the detail (the exception, a database's message with its SQL) goes to the server's log under that reference, never
 * into a response.
 */
public final class InternalErrors {

    private InternalErrors() {}

    /** A fresh reference: short enough to read out on the phone, unique enough to find in the log. */
    public static String newReference() {
        return UUID.randomUUID().toString().substring(0, 13);
    }

    /** Logs {@code e} (with its stack) under a new reference and returns the reference. */
    public static String log(Logger log, String what, Throwable e) {
        String reference = newReference();
        log.error("{} [error reference {}]", what, reference, e);
        return reference;
    }

    /** What a caller is told: no detail, the reference to quote. */
    public static String sentence(String reference) {
        return "an internal error occurred on the server (error reference " + reference + "; the detail is in the "
                + "server's log under it)";
    }
}
