package org.relief.shared;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.beans.PropertyAccessException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.util.ObjectUtils;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;

/**
 * How Spring turns request text (address, query string, form field) into values: a date is ISO (YYYY-MM-DD) and in
 * the clinic's range ({@link SaneDates}); a decimal number is finite (NaN and Infinity are not numbers a person
 * means); empty text is no value. A value that cannot be converted becomes a field error that says in words what the
 * field needs ("must be a date (YYYY-MM-DD)"), not the converter's exception text. Every controller's binder gets
 * this (web.BindingDefaults); a binder made by hand (the chart's generic entry forms) calls {@link #configure}.
 */
public final class Binding {

    private Binding() {}

    /** Registers the editors and the error wording on a binder. */
    public static void configure(DataBinder binder, SaneDates dates) {
        binder.registerCustomEditor(LocalDate.class, new DateEditor(dates));
        binder.registerCustomEditor(Double.class, new FiniteEditor(true));
        binder.registerCustomEditor(double.class, new FiniteEditor(false));
        binder.setBindingErrorProcessor(new InWords());
    }

    /** What a field of this type needs, in words, for a value that could not be converted. */
    public static String needs(Class<?> type, Throwable cause) {
        if (cause instanceof IllegalArgumentException
                && cause.getMessage() != null
                && cause.getMessage().startsWith("must ")) {
            return cause.getMessage(); // our own editors say it already
        }
        if (type == null) {
            return "is not a valid value";
        }
        if (type == LocalDate.class) {
            return "must be a date (YYYY-MM-DD)";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type.isEnum() || type == java.util.UUID.class) { // an id comes from a list of choices (a select)
            return "is not one of the choices";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be on or off";
        }
        return "is not a valid value";
    }

    static final class DateEditor extends PropertyEditorSupport {
        private final SaneDates dates;

        DateEditor(SaneDates dates) {
            this.dates = dates;
        }

        @Override
        public void setAsText(String text) {
            if (!StringUtils.hasText(text)) {
                setValue(null);
                return;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("must be a date (YYYY-MM-DD)", e);
            }
            String problem = dates.problem(date);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            setValue(date);
        }

        @Override
        public String getAsText() {
            return getValue() == null ? "" : getValue().toString();
        }
    }

    static final class FiniteEditor extends PropertyEditorSupport {
        private final boolean allowEmpty;

        FiniteEditor(boolean allowEmpty) {
            this.allowEmpty = allowEmpty;
        }

        @Override
        public void setAsText(String text) {
            if (!StringUtils.hasText(text)) {
                if (!allowEmpty) {
                    throw new IllegalArgumentException("must be a number");
                }
                setValue(null);
                return;
            }
            double value;
            try {
                value = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a number", e);
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("must be a finite number (not NaN or Infinity)");
            }
            setValue(value);
        }

        @Override
        public String getAsText() {
            return getValue() == null ? "" : getValue().toString();
        }
    }

    /** A conversion failure as a field error whose message says what the field needs. */
    static final class InWords extends DefaultBindingErrorProcessor {
        @Override
        public void processPropertyAccessException(PropertyAccessException ex, BindingResult bindingResult) {
            String field = ex.getPropertyName();
            if (field == null) {
                super.processPropertyAccessException(ex, bindingResult);
                return;
            }
            Class<?> type = ex instanceof TypeMismatchException tm ? tm.getRequiredType() : null;
            Object rejected = ex.getValue();
            if (ObjectUtils.isArray(rejected)) {
                rejected = StringUtils.arrayToCommaDelimitedString(ObjectUtils.toObjectArray(rejected));
            }
            FieldError error = new FieldError(
                    bindingResult.getObjectName(),
                    field,
                    rejected,
                    true,
                    bindingResult.resolveMessageCodes(ex.getErrorCode(), field),
                    getArgumentsForBindError(bindingResult.getObjectName(), field),
                    needs(type, rootCause(ex)));
            error.wrap(ex);
            bindingResult.addError(error);
        }
    }

    public static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
