package org.relief.procedure.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The policy exactly as the migration seeds it, so the rule tests use the shipped defaults. */
final class SeedPolicy {

    private static final Pattern ROW =
            Pattern.compile("\\('([^']+)', ([0-9.]+), '((?:[^']|'')*)', '((?:[^']|'')*)', '((?:[^']|'')*)'");

    private SeedPolicy() {}

    static Policy load() {
        try {
            String sql = Files.readString(Path.of("src/main/resources/db/migration/V13__policy.sql"))
                    + Files.readString(
                            Path.of("src/main/resources/db/migration/V31__policy_sij_conservative_care.sql"));
            Map<String, Policy.Value> values = new HashMap<>();
            Matcher m = ROW.matcher(sql);
            long id = 1;
            while (m.find()) {
                values.put(
                        m.group(1),
                        new Policy.Value(
                                m.group(1),
                                new BigDecimal(m.group(2)),
                                m.group(3),
                                m.group(5).replace("''", "'"),
                                id++));
            }
            return new Policy(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Policy with(String key, String value) {
        Policy p = load();
        Map<String, Policy.Value> values = new HashMap<>(p.values());
        Policy.Value v = values.get(key);
        values.put(key, new Policy.Value(key, new BigDecimal(value), v.unit(), v.source(), 999));
        return new Policy(values);
    }
}
