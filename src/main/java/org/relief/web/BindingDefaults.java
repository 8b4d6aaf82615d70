package org.relief.web;

import org.relief.shared.Binding;
import org.relief.shared.SaneDates;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every controller's binder (address, query string, form fields, {@code @ModelAttribute} forms) converts as
 * {@link Binding} says: dates in the clinic's range, finite numbers, conversion errors in words.
 */
@ControllerAdvice
class BindingDefaults {

    private final SaneDates dates;

    BindingDefaults(SaneDates dates) {
        this.dates = dates;
    }

    @InitBinder
    void init(WebDataBinder binder) {
        Binding.configure(binder, dates);
    }

    static String needs(Class<?> type, Throwable cause) {
        return Binding.needs(type, cause);
    }

    static Throwable rootCause(Throwable e) {
        return Binding.rootCause(e);
    }
}
