package org.relief.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.relief.record.RecordKind.Layout;
import org.relief.shared.BulkCopy;
import org.relief.shared.NotFoundException;
import org.relief.shared.VersionConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * The record engine: append-only storage of versioned records of any {@link RecordKind}. Nothing here updates or
 * deletes a row (the tables refuse it too): a correction or a void inserts the next version. Every write after the
 * first names the version it was based on; if that is no longer the latest, nothing is stored and a
 * {@link VersionConflictException} says who wrote the newer one. The unique (entry, version) key of each table turns
 * two concurrent writes based on the same version into the same conflict.
 */
@Repository
public class RecordStore {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final ObjectMapper json;

    RecordStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch, ObjectMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    /**
     * Inserts version 1 of a new entry. If the entry exists already (someone else created it first, e.g. the first
     * version of a patient's plan), nothing is stored: a {@link VersionConflictException} from version 0.
     */
    public <T extends Record> Versioned<T> insertFirst(
            RecordKind<T> kind, UUID patientId, UUID entryId, T data, String by) {
        return insertFirst(kind, patientId, entryId, data, null, by);
    }

    /** {@link #insertFirst(RecordKind, UUID, UUID, Record, String)} with a reason the first version gives. */
    public <T extends Record> Versioned<T> insertFirst(
            RecordKind<T> kind, UUID patientId, UUID entryId, T data, String changeReason, String by) {
        Optional<Head> head = head(kind, entryId);
        if (head.isPresent()) {
            throw new VersionConflictException(
                    entryId, 0, head.get().version(), head.get().recordedBy());
        }
        return insert(kind, patientId, entryId, 1, data, false, null, changeReason, by);
    }

    /**
     * Inserts the next version of an entry (a correction), provided {@code expectedVersion} is still its latest.
     *
     * @throws NotFoundException when there is no such entry
     * @throws VersionConflictException when someone wrote a newer version meanwhile: nothing is stored
     */
    public <T extends Record> Versioned<T> insertNext(
            RecordKind<T> kind, UUID entryId, int expectedVersion, T data, String changeReason, String by) {
        Head head = expect(kind, entryId, expectedVersion);
        return insert(kind, head.patientId(), entryId, head.version() + 1, data, false, null, changeReason, by);
    }

    /**
     * Voids an entry: the next version, its content unchanged, marked voided with the reason. The same
     * expected-version rule as {@link #insertNext}.
     */
    public <T extends Record> Versioned<T> voidEntry(
            RecordKind<T> kind, UUID entryId, int expectedVersion, String reason, String by) {
        if (kind.layout().voided() == null) {
            throw new UnsupportedOperationException(kind + " records cannot be voided");
        }
        Head head = expect(kind, entryId, expectedVersion);
        T data = latest(kind, entryId).orElseThrow().data();
        return insert(kind, head.patientId(), entryId, head.version() + 1, data, true, reason, null, by);
    }

    /** The latest version of every entry of this kind for the patient that is not voided, in the kind's order. */
    public <T extends Record> List<Versioned<T>> current(RecordKind<T> kind, UUID patientId) {
        Layout l = kind.layout();
        if (l.patient() == null) {
            throw new UnsupportedOperationException(kind + " records belong to no patient");
        }
        return jdbc.sql("select * from (select distinct on (" + l.entry() + ") * from " + kind.table() + " where "
                        + l.patient() + " = ? order by " + l.entry() + ", " + l.version() + " desc) t"
                        + (l.voided() == null ? "" : " where not " + l.voided())
                        + " order by " + kind.order() + ", " + l.entry())
                .param(patientId)
                .query(mapper(kind))
                .list();
    }

    /** The latest version of every entry of this kind that is not voided, in the kind's order (all patients). */
    public <T extends Record> List<Versioned<T>> currentAll(RecordKind<T> kind) {
        Layout l = kind.layout();
        return jdbc.sql("select * from (select distinct on (" + l.entry() + ") * from " + kind.table()
                        + " order by " + l.entry() + ", " + l.version() + " desc) t"
                        + (l.voided() == null ? "" : " where not " + l.voided())
                        + " order by " + kind.order() + ", " + l.entry())
                .query(mapper(kind))
                .list();
    }

    /** The latest version of one entry, voided or not. */
    public <T extends Record> Optional<Versioned<T>> latest(RecordKind<T> kind, UUID entryId) {
        Layout l = kind.layout();
        return jdbc.sql("select * from " + kind.table() + " where " + l.entry() + " = ? order by " + l.version()
                        + " desc limit 1")
                .param(entryId)
                .query(mapper(kind))
                .optional();
    }

    /** Every version of one entry, newest first. */
    public <T extends Record> List<Versioned<T>> history(RecordKind<T> kind, UUID entryId) {
        Layout l = kind.layout();
        return jdbc.sql("select * from " + kind.table() + " where " + l.entry() + " = ? order by " + l.version()
                        + " desc")
                .param(entryId)
                .query(mapper(kind))
                .list();
    }

    /** The patient an entry belongs to, if the entry exists. */
    public Optional<UUID> patientOf(RecordKind<?> kind, UUID entryId) {
        Layout l = kind.layout();
        if (l.patient() == null) {
            return Optional.empty();
        }
        return jdbc.sql("select " + l.patient() + " from " + kind.table() + " where " + l.entry() + " = ? limit 1")
                .param(entryId)
                .query(UUID.class)
                .optional();
    }

    /**
     * One version a bulk load writes, with its own time (demo clinics, benchmarks): loaded records are the same rows
     * a hand entry writes, version by version.
     */
    public record Loaded(
            UUID patientId,
            UUID entryId,
            int version,
            Record data,
            String changeReason,
            String recordedBy,
            Instant recordedAt) {}

    /**
     * Writes many versions of one kind with PostgreSQL COPY (no version check: the loader owns ids and versions): the
     * same rows, column for column, that {@link #insertFirst} and its kin write one at a time.
     */
    public <T extends Record> void load(RecordKind<T> kind, List<Loaded> versions) {
        if (versions.isEmpty()) {
            return;
        }
        Layout l = kind.layout();
        RecordColumns<T> cols = RecordColumns.of(kind.type());
        List<Object[]> rows = new ArrayList<>(versions.size());
        List<String> columns = null;
        for (Loaded v : versions) {
            Map<String, Object> values = bookkeeping(
                    kind, v.patientId(), v.entryId(), v.version(), false, null, v.changeReason(), v.recordedBy());
            values.put(l.recordedAt(), Timestamp.from(v.recordedAt()));
            values.putAll(payload(kind, cols, kind.cast(v.data())));
            columns = columns == null ? List.copyOf(values.keySet()) : columns;
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = values.get(columns.get(i));
            }
            rows.add(row);
        }
        BulkCopy.copy(batch.getJdbcTemplate(), kind.table(), columns, rows);
    }

    private <T extends Record> Versioned<T> insert(
            RecordKind<T> kind,
            UUID patientId,
            UUID entryId,
            int version,
            T data,
            boolean voided,
            String voidReason,
            String changeReason,
            String by) {
        RecordColumns<T> cols = RecordColumns.of(kind.type());
        Map<String, Object> values =
                bookkeeping(kind, patientId, entryId, version, voided, voidReason, changeReason, by);
        values.putAll(payload(kind, cols, data));
        var spec = jdbc.sql(insertSql(kind, cols, List.copyOf(values.keySet())) + " returning *");
        for (var e : values.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        try {
            return spec.query(mapper(kind)).single();
        } catch (DuplicateKeyException e) {
            // another writer stored this version between the check and the insert; the transaction is aborted by
            // now, so the winner cannot be read here
            throw new VersionConflictException(entryId, version - 1, version, "another user");
        }
    }

    private Map<String, Object> bookkeeping(
            RecordKind<?> kind,
            UUID patientId,
            UUID entryId,
            int version,
            boolean voided,
            String voidReason,
            String changeReason,
            String by) {
        Layout l = kind.layout();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(l.entry(), entryId);
        values.put(l.version(), version);
        if (l.patient() != null) {
            values.put(l.patient(), patientId);
        }
        if (l.voided() != null) {
            values.put(l.voided(), voided);
        }
        if (l.voidReason() != null) {
            values.put(l.voidReason(), voidReason);
        }
        if (l.changeReason() != null) {
            values.put(l.changeReason(), changeReason);
        }
        values.put(l.recordedBy(), by);
        return values;
    }

    private <T extends Record> Map<String, Object> payload(RecordKind<T> kind, RecordColumns<T> cols, T data) {
        Map<String, Object> values = cols.values(data, json);
        values.keySet().removeAll(kind.generated());
        return values;
    }

    private static String insertSql(RecordKind<?> kind, RecordColumns<?> cols, List<String> columns) {
        return "insert into " + kind.table() + " (" + String.join(", ", columns) + ") values ("
                + columns.stream()
                        .map(c -> cols.columns().contains(c) ? cols.placeholder(c) : ":" + c)
                        .collect(Collectors.joining(", "))
                + ")";
    }

    /** The latest version of an entry, or a conflict when it is not the one the writer started from. */
    private Head expect(RecordKind<?> kind, UUID entryId, int expectedVersion) {
        Head head = head(kind, entryId).orElseThrow(() -> new NotFoundException("No record " + entryId));
        if (head.version() != expectedVersion) {
            throw new VersionConflictException(entryId, expectedVersion, head.version(), head.recordedBy());
        }
        return head;
    }

    private record Head(UUID patientId, int version, String recordedBy) {}

    private Optional<Head> head(RecordKind<?> kind, UUID entryId) {
        Layout l = kind.layout();
        return jdbc.sql("select " + (l.patient() == null ? "null" : l.patient()) + " as patient, " + l.version()
                        + " as version, " + l.recordedBy() + " as recorded_by from " + kind.table() + " where "
                        + l.entry() + " = ? order by " + l.version() + " desc limit 1")
                .param(entryId)
                .query((rs, n) -> new Head(
                        rs.getObject("patient", UUID.class), rs.getInt("version"), rs.getString("recorded_by")))
                .optional();
    }

    private <T extends Record> RowMapper<Versioned<T>> mapper(RecordKind<T> kind) {
        RecordColumns<T> cols = RecordColumns.of(kind.type());
        Layout l = kind.layout();
        return (ResultSet rs, int n) -> new Versioned<>(
                rs.getObject(l.entry(), UUID.class),
                rs.getInt(l.version()),
                l.voided() != null && rs.getBoolean(l.voided()),
                text(rs, l.voidReason()),
                text(rs, l.changeReason()),
                rs.getString(l.recordedBy()),
                rs.getTimestamp(l.recordedAt()).toInstant(),
                cols.read(rs, json));
    }

    private static String text(ResultSet rs, String column) throws SQLException {
        return column == null ? null : rs.getString(column);
    }
}
