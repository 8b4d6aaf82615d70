package org.relief.patient;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps a payload record to its table's columns and back: each record component is a column of the same name in
 * snake_case. Components are String, LocalDate, Integer, UUID or enums, which keeps the mapping small and explicit.
 */
final class RecordColumns<T extends Record> {

    private static final Map<Class<?>, RecordColumns<?>> CACHE = new ConcurrentHashMap<>();

    private final RecordComponent[] components;
    private final List<String> columns;
    private final Constructor<T> constructor;

    private RecordColumns(Class<T> type) {
        this.components = type.getRecordComponents();
        this.columns = Arrays.stream(components).map(c -> snake(c.getName())).toList();
        try {
            this.constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
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

    /** Column name to SQL parameter value (enums by name, blank strings as null). */
    Map<String, Object> values(T record) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < components.length; i++) {
            Object v = read(components[i], record);
            if (v instanceof Enum<?> e) {
                v = e.name();
            } else if (v instanceof String s && s.isBlank()) {
                v = null;
            } else if (v instanceof LocalDate d) {
                v = Date.valueOf(d);
            }
            values.put(columns.get(i), v);
        }
        return values;
    }

    T read(ResultSet rs) throws SQLException {
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> type = components[i].getType();
            String column = columns.get(i);
            if (type == String.class) {
                args[i] = rs.getString(column);
            } else if (type == LocalDate.class) {
                args[i] = rs.getObject(column, LocalDate.class);
            } else if (type == Integer.class) {
                args[i] = rs.getObject(column, Integer.class);
            } else if (type == java.util.UUID.class) {
                args[i] = rs.getObject(column, java.util.UUID.class);
            } else if (type.isEnum()) {
                String name = rs.getString(column);
                args[i] = name == null ? null : enumValue(type, name);
            } else {
                throw new IllegalStateException("unsupported component type " + type);
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
