package org.relief.patient;

import org.relief.shared.VersionConflictException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Append-only storage of versioned chart entries, one table per kind. Nothing here updates or deletes a row (the
 * tables refuse it): a correction or a void inserts the next version, and the unique (entry_id, version) key turns
 * two concurrent edits of the same version into a conflict instead of a silent overwrite.
 */
@Repository
class ChartStore {

    private static final String META = "entry_id, version, patient_id, voided, void_reason, change_reason, recorded_by";

    private final JdbcClient jdbc;

    ChartStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    <T extends Record> Versioned<T> insert(EntryKind<T> kind, UUID patientId, UUID entryId, int version, T data,
            boolean voided, String voidReason, String changeReason, String by) {
        RecordColumns<T> cols = RecordColumns.of(kind.type());
        Map<String, Object> values = cols.values(data);
        String sql = "insert into " + kind.table() + " (" + META + ", " + String.join(", ", cols.columns())
                + ") values (:entry_id, :version, :patient_id, :voided, :void_reason, :change_reason, :recorded_by, "
                + cols.columns().stream().map(c -> ":" + c).collect(Collectors.joining(", "))
                + ") returning *";
        var spec = jdbc.sql(sql)
                .param("entry_id", entryId).param("version", version).param("patient_id", patientId)
                .param("voided", voided).param("void_reason", voidReason).param("change_reason", changeReason)
                .param("recorded_by", by);
        for (var e : values.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        try {
            return spec.query(mapper(kind)).single();
        } catch (DuplicateKeyException e) {
            // the transaction is aborted by now, so the winner cannot be read here; the caller re-reads it
            throw new VersionConflictException(entryId, version - 1, version, "another user");
        }
    }

    /** The current (highest) version of every entry of this kind for the patient that is not voided. */
    <T extends Record> List<Versioned<T>> current(EntryKind<T> kind, UUID patientId) {
        return jdbc.sql("select * from (select distinct on (entry_id) * from " + kind.table()
                        + " where patient_id = ? order by entry_id, version desc) t where not voided order by "
                        + kind.order() + ", entry_id")
                .param(patientId).query(mapper(kind)).list();
    }

    <T extends Record> Optional<Versioned<T>> latest(EntryKind<T> kind, UUID entryId) {
        return jdbc.sql("select * from " + kind.table() + " where entry_id = ? order by version desc limit 1")
                .param(entryId).query(mapper(kind)).optional();
    }

    Optional<UUID> patientOf(EntryKind<?> kind, UUID entryId) {
        return jdbc.sql("select patient_id from " + kind.table() + " where entry_id = ? limit 1").param(entryId)
                .query(UUID.class).optional();
    }

    /** Every version of one entry, newest first. */
    <T extends Record> List<Versioned<T>> history(EntryKind<T> kind, UUID entryId) {
        return jdbc.sql("select * from " + kind.table() + " where entry_id = ? order by version desc")
                .param(entryId).query(mapper(kind)).list();
    }


    private static <T extends Record> RowMapper<Versioned<T>> mapper(EntryKind<T> kind) {
        RecordColumns<T> cols = RecordColumns.of(kind.type());
        return (ResultSet rs, int n) -> versioned(rs, cols.read(rs));
    }

    private static <T extends Record> Versioned<T> versioned(ResultSet rs, T data) throws SQLException {
        return new Versioned<>(rs.getObject("entry_id", UUID.class), rs.getInt("version"), rs.getBoolean("voided"),
                rs.getString("void_reason"), rs.getString("change_reason"), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(), data);
    }
}
