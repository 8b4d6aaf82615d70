package org.relief.assessment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The flat {@code {"item": number}} objects of the instrument response's jsonb columns (answers, subscales), read
 * and written by Jackson (3, as Spring Boot's own). The rows are mapped by a static row mapper, so this uses one
 * shared default mapper rather than the Spring bean: these maps hold only names and numbers, which no application
 * setting changes. A key without a number (JSON {@code null}) is left out on reading, as it always was.
 */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.shared();
    private static final TypeReference<LinkedHashMap<String, Integer>> INTS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Double>> DOUBLES = new TypeReference<>() {
    };

    private Json() {
    }

    static String write(Map<String, ? extends Number> map) {
        return MAPPER.writeValueAsString(map);
    }

    static Map<String, Integer> readInts(String json) {
        return read(json, INTS);
    }

    static Map<String, Double> readDoubles(String json) {
        return read(json, DOUBLES);
    }

    private static <V> Map<String, V> read(String json, TypeReference<LinkedHashMap<String, V>> type) {
        LinkedHashMap<String, V> map = json == null ? null : MAPPER.readValue(json, type);
        if (map == null) { // no column value, or a JSON null
            return new LinkedHashMap<>();
        }
        map.values().removeIf(Objects::isNull);
        return map;
    }
}
