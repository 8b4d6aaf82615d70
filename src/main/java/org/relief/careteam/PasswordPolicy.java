package org.relief.careteam;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a staff password must be (OWASP ASVS 4.0 V2.1): at least 12 characters, at most 64 (and 72 bytes, BCrypt's
 * limit), not one of the 30,000 most common passwords (shipped in security/common-passwords.txt), nor one of them
 * with digits or symbols put before or after ("password1234"), nor the username, a keyboard or number run, or a
 * few characters repeated. Any characters are allowed, spaces included; no composition rules (ASVS 2.1.9).
 */
@Component
public class PasswordPolicy {

    public static final int MIN = 12;
    public static final int MAX = 64;

    private static final String[] RUNS = {
        "01234567890123456789012345678901234567890",
        "98765432109876543210987654321098765432109",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
        "qwertyuiopasdfghjklzxcvbnmqwertyuiopasdfghjklzxcvbnm",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
        "qwertzuiopasdfghjklyxcvbnm",
        "azertyuiopqsdfghjklmwxcvbn"
    };

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load();
    }

    /** Why the password is not good enough, in words for the form; empty when it is. */
    public Optional<String> problem(String username, String password) {
        if (password == null || password.length() < MIN) {
            return Optional.of("at least " + MIN + " characters");
        }
        if (password.length() > MAX || password.getBytes(StandardCharsets.UTF_8).length > 72) {
            return Optional.of("at most " + MAX + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("is one of the most common passwords; choose another");
        }
        String core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        if (!core.isEmpty() && common.contains(core)) {
            return Optional.of("is a common password with digits or symbols added; choose another");
        }
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not contain the username");
        }
        if (lower.matches("(?s)(.{1,32}?)\\1+")) {
            return Optional.of("repeats a shorter password; choose another");
        }
        if (lower.chars().distinct().count() < 5) {
            return Optional.of("repeats too few characters; choose another");
        }
        for (String run : RUNS) {
            if (run.contains(lower)) {
                return Optional.of("is a run of keys or digits; choose another");
            }
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(40_000);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
