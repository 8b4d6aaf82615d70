package org.relief.record;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.ObjectMapper;

/**
 * Maps a payload record to its table's columns and back: each record component is a column of the same name in
 * snake_case. String, LocalDate, Integer, Long, Boolean, BigDecimal, UUID and enums are plain columns; any other
 * component (a map, a list, a nested record) is a {@code jsonb} column written and read by Jackson.
 */
final class RecordColumns<T extends Record> {

    private static final Set<Class<?>> PLAIN = Set.of(
            String.class, LocalDate.class, Integer.class, Long.class, Boolean.class, BigDecimal.class, UUID.class);
    private static final Map<Class<?>, RecordColumns<?>> CACHE = new ConcurrentHashMap<>();

    private final RecordComponent[] components;
    private final List<String> columns;
    private final boolean[] json;
    private final Constructor<T> constructor;

    private RecordColumns(Class<T> type) {
        this.components = type.getRecordComponents();
        this.columns = Arrays.stream(components).map(c -> snake(c.getName())).toList();
        this.json = new boolean[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> t = components[i].getType();
            if (t.isPrimitive() || t.isArray()) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + components[i].getName()
                        + ": primitives and arrays are not stored (use the boxed type, or a List as jsonb)");
            }
            json[i] = !PLAIN.contains(t) && !t.isEnum();
            components[i].getAccessor().setAccessible(true); // a payload record may be package-private
        }
        try {
            this.constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
            this.constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static <T extends Record> RecordColumns<T> of(Class<T> type) {
        return (RecordColumns<T>) CACHE.computeIfAbsent(type, t -> new RecordColumns<>(type));
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    List<String> columns() {
        return columns;
    }

    /** The SQL placeholder of a column: {@code :name}, cast to jsonb for a JSON component. */
    String placeholder(String column) {
        return json[columns.indexOf(column)] ? "cast(:" + column + " as jsonb)" : ":" + column;
    }

    /** Column name to SQL parameter value (enums by name, blank strings as null, JSON components as text). */
    Map<String, Object> values(T record, ObjectMapper mapper) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < components.length; i++) {
            Object v = read(components[i], record);
            if (v instanceof Enum<?> e) {
                v = e.name();
            } else if (v instanceof String s && s.isBlank()) {
                v = null;
            } else if (v instanceof LocalDate d) {
                v = Date.valueOf(d);
            } else if (json[i] && v != null) {
                v = mapper.writeValueAsString(v);
            }
            values.put(columns.get(i), v);
        }
        return values;
    }

    /** Where this record's columns are in a result, in the order of its components (for {@link #read}). */
    int[] places(ResultSet rs) throws SQLException {
        int[] places = new int[columns.size()];
        for (int i = 0; i < places.length; i++) {
            places[i] = rs.findColumn(columns.get(i));
        }
        return places;
    }

    /** The record of the current row, its columns at {@code places} ({@link #places}). */
    T read(ResultSet rs, int[] places, ObjectMapper mapper) throws SQLException {
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> type = components[i].getType();
            int column = places[i];
            if (json[i]) {
                String text = rs.getString(column);
                args[i] = text == null
                        ? null
                        : mapper.readValue(text, mapper.constructType(components[i].getGenericType()));
            } else if (type == String.class) {
                args[i] = rs.getString(column);
            } else if (type.isEnum()) {
                String name = rs.getString(column);
                args[i] = name == null ? null : enumValue(type, name);
            } else {
                args[i] = rs.getObject(column, type);
            }
        }
        try {
            return constructor.newInstance(args);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
