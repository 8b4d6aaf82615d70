package org.relief.patient;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Validates payloads with their Bean Validation constraints; a failure names every bad field and changes nothing. */
@Component
class EntryValidator {

    private final Validator validator;
    private final ObjectProvider<TreatmentCatalogue> catalogue;

    private final LocalDate earliest;
    private final LocalDate latest;

    EntryValidator(
            Validator validator,
            ObjectProvider<TreatmentCatalogue> catalogue,
            @Value("${relief.input.earliest-date:1900-01-01}") LocalDate earliest,
            @Value("${relief.input.latest-date:2100-12-31}") LocalDate latest) {
        this.validator = validator;
        this.catalogue = catalogue;
        this.earliest = earliest;
        this.latest = latest;
    }

    void validate(Object payload) {
        if (payload == null) {
            throw new InvalidInputException(List.of(new FieldProblem("body", "is required")));
        }
        var violations = validator.validate(payload);
        List<FieldProblem> problems =
                new ArrayList<>(violations.stream().map(EntryValidator::problem).toList());
        TreatmentCatalogue known = catalogue();
        if (payload instanceof PriorTreatment t
                && t.therapyCode() != null
                && known != null
                && problems.stream().noneMatch(p -> p.field().equals("therapyCode"))
                && !known.knows(t.therapyCode())) {
            problems.add(new FieldProblem("therapyCode", "is not a therapy of the catalogue"));
        }
        Set<String> named =
                new HashSet<>(problems.stream().map(FieldProblem::field).toList());
        checkDates("", payload, problems, named);
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(FieldProblem::field));
            throw new InvalidInputException(problems);
        }
    }

    private volatile TreatmentCatalogue resolvedCatalogue;

    /**
     * The treatment catalogue, looked up once it exists: asking the bean factory on every entry took about half of
     * the validation's time in a bulk import (JFR, issue 16).
     */
    private TreatmentCatalogue catalogue() {
        TreatmentCatalogue c = resolvedCatalogue;
        if (c == null) {
            c = catalogue.getIfAvailable();
            resolvedCatalogue = c;
        }
        return c;
    }

    /**
     * Every date a person or client gives must lie in the clinic's sane range (policy: RELIEF_EARLIEST_DATE ..
     * RELIEF_LATEST_DATE, by default 1900-01-01 .. 2100-12-31): a year -999999999 would be stored as -infinity and
     * break every later export of the chart. Walks the payload's record components, lists and nested records.
     */
    private void checkDates(String path, Object value, List<FieldProblem> problems, Set<String> named) {
        if (value instanceof LocalDate date) {
            if ((date.isBefore(earliest) || date.isAfter(latest)) && !named.contains(path)) {
                problems.add(new FieldProblem(path, "must be a date between " + earliest + " and " + latest));
            }
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                checkDates(path + "[" + i++ + "]", item, problems, named);
            }
        } else if (value instanceof Record record) {
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                Object component;
                try {
                    var accessor = c.getAccessor();
                    accessor.setAccessible(true);
                    component = accessor.invoke(record);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue;
                }
                checkDates(path.isEmpty() ? c.getName() : path + "." + c.getName(), component, problems, named);
            }
        }
    }

    private static FieldProblem problem(ConstraintViolation<?> v) {
        return new FieldProblem(v.getPropertyPath().toString(), v.getMessage());
    }
}
