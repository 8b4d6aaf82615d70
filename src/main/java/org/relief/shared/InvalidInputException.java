package org.relief.shared;

import java.util.List;
import java.util.stream.Collectors;

/** Input that failed validation; nothing was changed. Carries each bad field. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** Throws when binding or validation found anything; nothing is changed then. */
    public static void throwIfAny(org.springframework.validation.Errors errors) {
        if (errors.hasErrors()) {
            throw new InvalidInputException(FieldProblem.of(errors));
        }
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
