package org.relief.patient;

import org.relief.shared.InvalidInputException;
import org.relief.shared.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Validates payloads with their Bean Validation constraints; a failure names every bad field and changes nothing. */
@Component
class EntryValidator {

    private final Validator validator;

    EntryValidator(Validator validator) {
        this.validator = validator;
    }

    void validate(Object payload) {
        if (payload == null) {
            throw new InvalidInputException(List.of(new FieldProblem("body", "is required")));
        }
        var violations = validator.validate(payload);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations.stream()
                    .map(EntryValidator::problem)
                    .sorted(Comparator.comparing(FieldProblem::field))
                    .toList());
        }
    }

    private static FieldProblem problem(ConstraintViolation<?> v) {
        return new FieldProblem(v.getPropertyPath().toString(), v.getMessage());
    }
}
