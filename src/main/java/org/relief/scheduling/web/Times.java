package org.relief.scheduling.web;

import java.beans.PropertyEditorSupport;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.WebDataBinder;

/** Times in forms are "HH:MM" (what a time input sends); anything else is named in words. */
final class Times {

    private Times() {}

    static void register(WebDataBinder binder) {
        binder.registerCustomEditor(LocalTime.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (text == null || text.isBlank()) {
                    setValue(null);
                    return;
                }
                try {
                    setValue(LocalTime.parse(text.strip()).withSecond(0).withNano(0));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("must be a time (HH:MM)");
                }
            }

            @Override
            public String getAsText() {
                return getValue() == null ? "" : getValue().toString();
            }
        });
    }
}
