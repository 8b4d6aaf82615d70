package org.relief.shared;

/** The actor's role may not do this (e.g. front desk writing a medication). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
