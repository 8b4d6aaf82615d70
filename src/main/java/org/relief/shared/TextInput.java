package org.relief.shared;

import java.util.Locale;

/**
 * What any text a person or client sends must not contain: a NUL byte or another C0 control character except tab,
 * carriage return and line feed (PostgreSQL refuses NUL in text; the others are never meant as input). And no single
 * text may be longer than {@link #MAX_LENGTH}: a backstop under the fields' own, shorter limits (a 100,001-character
 * text once broke the safety banner).
 */
public final class TextInput {

    /** The longest single text accepted anywhere (a field's own limit is usually far shorter). */
    public static final int MAX_LENGTH = 20_000;

    private TextInput() {}

    /** Why this text is refused, or null when it is fine. */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() > MAX_LENGTH) {
            return "is too long: at most 20,000 characters (this one has "
                    + String.format(Locale.ROOT, "%,d", text.length()) + ")";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
                return "contains a control character (code " + (int) c + " at position " + (i + 1)
                        + "): remove it and send again";
            }
        }
        return null;
    }
}
