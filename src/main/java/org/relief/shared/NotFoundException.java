package org.relief.shared;

/** An unknown patient or entry. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
