package org.relief.patient;

import org.relief.shared.InvalidInputException;
import org.relief.shared.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Validates payloads with their Bean Validation constraints; a failure names every bad field and changes nothing. */
@Component
class EntryValidator {

    private final Validator validator;
    private final ObjectProvider<TreatmentCatalogue> catalogue;

    EntryValidator(Validator validator, ObjectProvider<TreatmentCatalogue> catalogue) {
        this.validator = validator;
        this.catalogue = catalogue;
    }

    void validate(Object payload) {
        if (payload == null) {
            throw new InvalidInputException(List.of(new FieldProblem("body", "is required")));
        }
        var violations = validator.validate(payload);
        List<FieldProblem> problems = new ArrayList<>(violations.stream().map(EntryValidator::problem).toList());
        TreatmentCatalogue known = catalogue.getIfAvailable();
        if (payload instanceof PriorTreatment t && t.therapyCode() != null && known != null
                && problems.stream().noneMatch(p -> p.field().equals("therapyCode")) && !known.knows(t.therapyCode())) {
            problems.add(new FieldProblem("therapyCode", "is not a therapy of the catalogue"));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(FieldProblem::field));
            throw new InvalidInputException(problems);
        }
    }

    private static FieldProblem problem(ConstraintViolation<?> v) {
        return new FieldProblem(v.getPropertyPath().toString(), v.getMessage());
    }
}
