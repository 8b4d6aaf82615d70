package org.relief.record;

import java.util.Objects;
import java.util.Set;

/**
 * A kind of versioned record, declared by the module that owns it (as a Spring bean): the table that keeps its
 * versions, the payload record (one column per component, in snake_case), the order {@link RecordStore#current}
 * lists entries in, and which bookkeeping columns the table has ({@link Layout}). The engine knows no table of its
 * own: everything it writes or reads is named here.
 *
 * @param <T> the payload record
 */
public final class RecordKind<T extends Record> {

    /**
     * The names of a table's bookkeeping columns. {@code entry} and {@code version} identify a version (the table
     * has a unique key on them); a null name means the table has no such column (a kind without {@code voided}
     * cannot be voided; one without {@code patient} belongs to no patient).
     */
    public record Layout(
            String entry,
            String version,
            String patient,
            String voided,
            String voidReason,
            String changeReason,
            String recordedBy,
            String recordedAt) {

        /** The chart's layout: entry_id, version, patient_id, voided, void_reason, change_reason, recorded_by/at. */
        public static final Layout STANDARD = new Layout(
                "entry_id",
                "version",
                "patient_id",
                "voided",
                "void_reason",
                "change_reason",
                "recorded_by",
                "recorded_at");

        public Layout {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(recordedBy, "recordedBy");
            Objects.requireNonNull(recordedAt, "recordedAt");
        }
    }

    private final String table;
    private final Class<T> type;
    private final String order;
    private final Layout layout;
    private final Set<String> generated;

    private RecordKind(String table, Class<T> type, String order, Layout layout, Set<String> generated) {
        this.table = requireName(table);
        this.type = Objects.requireNonNull(type, "type");
        this.order = Objects.requireNonNull(order, "order");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.generated = Set.copyOf(generated);
        RecordColumns.of(type); // refuses a payload it cannot map, at declaration rather than at the first write
    }

    /**
     * A kind whose table has the {@link Layout#STANDARD standard} bookkeeping columns.
     *
     * @param order the SQL order of {@link RecordStore#current} (columns of the table, e.g. "study_date desc")
     */
    public static <T extends Record> RecordKind<T> of(String table, Class<T> type, String order) {
        return new RecordKind<>(table, type, order, Layout.STANDARD, Set.of());
    }

    /** The same kind on a table whose bookkeeping columns are named otherwise. */
    public RecordKind<T> withLayout(Layout layout) {
        return new RecordKind<>(table, type, order, layout, generated);
    }

    /**
     * The same kind with payload components the database fills in (a row id from a sequence): read back, never
     * written.
     */
    public RecordKind<T> withGenerated(String... components) {
        return new RecordKind<>(table, type, order, layout, Set.of(components));
    }

    public Class<T> type() {
        return type;
    }

    /** Casts a payload to this kind's type, refusing a payload of another kind. */
    public T cast(Record payload) {
        if (!type.isInstance(payload)) {
            throw new IllegalArgumentException(table + " expects " + type.getSimpleName());
        }
        return type.cast(payload);
    }

    String table() {
        return table;
    }

    String order() {
        return order;
    }

    Layout layout() {
        return layout;
    }

    Set<String> generated() {
        return generated;
    }

    private static String requireName(String table) {
        if (table == null || !table.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return table;
    }

    @Override
    public String toString() {
        return table;
    }
}
