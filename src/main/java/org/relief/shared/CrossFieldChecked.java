package org.relief.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * A record whose rules span several fields ("end not before start"). Each broken rule is reported on the field a
 * person must change. The method is deliberately not a bean getter, so it never appears in JSON.
 */
public interface CrossFieldChecked {

    /** Broken cross-field rules: field name -> message (empty when all hold). */
    Map<String, String> crossFieldProblems();

    /** Put on the record type to have Bean Validation ask {@link #crossFieldProblems()}. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Validator.class)
    @interface Valid {
        String message() default "is not valid";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Reports each broken rule on its own field. */
    class Validator implements ConstraintValidator<Valid, CrossFieldChecked> {

        @Override
        public boolean isValid(CrossFieldChecked value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            Map<String, String> problems = value.crossFieldProblems();
            if (problems.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            problems.forEach((field, message) -> context.buildConstraintViolationWithTemplate(message)
                    .addPropertyNode(field)
                    .addConstraintViolation());
            return false;
        }
    }
}
