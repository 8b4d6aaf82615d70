package org.relief.shared;

/** A bad field in input: its name (as in the form or JSON) and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
