package org.relief.shared;

import jakarta.validation.Validator;
import java.util.Objects;
import org.springframework.validation.Errors;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Checks a form or body record (its Bean Validation constraints) in a service, after the guard: a patient-scoped
 * write opens the chart first, so a person off the team who sends a bad form gets the audited refusal (403), not an
 * unaudited 400. A controller that bound the form with {@code @Valid @ModelAttribute} hands its {@code BindingResult}
 * over (conversion and constraint errors both); any other caller passes none and the record is validated here.
 */
public final class Inputs {

    private Inputs() {}

    /**
     * Throws {@link InvalidInputException} naming every bad field: those in {@code bound} when Spring bound the form,
     * else those the record's own constraints find. Nothing has been changed when it throws.
     */
    public static void check(Validator validator, Object form, Errors bound) {
        if (bound != null) {
            InvalidInputException.throwIfAny(bound); // Spring's @Valid checked the constraints too
            return;
        }
        InvalidInputException.throwIfAny(
                new SpringValidatorAdapter(validator).validateObject(Objects.requireNonNull(form, "form")));
    }
}
