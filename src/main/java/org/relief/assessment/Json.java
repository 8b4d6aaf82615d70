package org.relief.assessment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The flat {"item": number} objects stored in jsonb columns; small enough not to need a JSON library here. */
final class Json {

    private static final Pattern ENTRY = Pattern.compile("\"([^\"]+)\"\\s*:\\s*(-?[0-9.]+)");

    private Json() {
    }

    static String write(Map<String, ? extends Number> map) {
        return map.entrySet().stream()
                .map(e -> "\"" + e.getKey().replace("\"", "") + "\": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    static Map<String, Integer> readInts(String json) {
        Map<String, Integer> map = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(json == null ? "" : json);
        while (m.find()) {
            map.put(m.group(1), (int) Double.parseDouble(m.group(2)));
        }
        return map;
    }

    static Map<String, Double> readDoubles(String json) {
        Map<String, Double> map = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(json == null ? "" : json);
        while (m.find()) {
            map.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return map;
    }
}
