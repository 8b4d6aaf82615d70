package org.relief.shared;

import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/** A bad field in input: its name (as in the form or JSON) and what is wrong with it. */
public record FieldProblem(String field, String message) {

    /**
     * The problems Spring's binding and Bean Validation found, one per field error (in the order found) and one per
     * object-level error (named by its first code's field, else "request").
     */
    public static List<FieldProblem> of(Errors errors) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError e : errors.getFieldErrors()) {
            problems.add(new FieldProblem(
                    e.getField(), e.getDefaultMessage() == null ? "is not valid" : e.getDefaultMessage()));
        }
        for (ObjectError e : errors.getGlobalErrors()) {
            problems.add(new FieldProblem(
                    "request", e.getDefaultMessage() == null ? "is not valid" : e.getDefaultMessage()));
        }
        return problems;
    }
}
