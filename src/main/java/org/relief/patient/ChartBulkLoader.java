package org.relief.patient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.relief.record.RecordStore;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads many whole charts at once with batched inserts (demo clinics and benchmarks). It writes the same tables
 * the chart service writes, version by version, so a loaded chart is indistinguishable from one entered by hand.
 */
@Service
public class ChartBulkLoader {

    private final NamedParameterJdbcTemplate jdbc;
    private final RecordStore records;

    ChartBulkLoader(NamedParameterJdbcTemplate jdbc, RecordStore records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    /**
     * One entry and its versions, oldest first.
     *
     * @param kind the kind of entry
     * @param versions the entry's content in each version (at least one)
     * @param recordedAt when the first version was recorded; later versions follow a day apart
     */
    public record SeedEntry(EntryKind<?> kind, List<? extends Record> versions, Instant recordedAt) {}

    /** A whole chart to load. */
    public record SeedChart(
            UUID id,
            String mrn,
            Step step,
            Instant createdAt,
            Demographics demographics,
            List<SeedEntry> entries,
            String by) {}

    /**
     * The id the loader gives the entry at {@code index} of a chart's entries: derived from the patient, so the same
     * seed gives the same clinic, ids included, and one seeded entry can point at another (a follow-up at its
     * procedure).
     */
    public static UUID entryId(UUID patientId, int index) {
        return UUID.nameUUIDFromBytes((patientId + "/" + index).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Takes {@code n} record numbers from the same sequence registration uses. */
    @Transactional
    public List<String> reserveMrns(int n) {
        return jdbc.getJdbcTemplate()
                .queryForList("select 'R' || nextval('patient_mrn_seq') from generate_series(1, ?)", String.class, n);
    }

    @Transactional
    public void load(List<SeedChart> charts) {
        if (charts.isEmpty()) {
            return;
        }
        batch(
                "insert into patient (id, mrn, created_at, created_by) values (:id, :mrn, :at, :by)",
                charts.stream()
                        .map(c -> new MapSqlParameterSource()
                                .addValue("id", c.id())
                                .addValue("mrn", c.mrn())
                                .addValue("at", Timestamp.from(c.createdAt()))
                                .addValue("by", c.by()))
                        .toList());
        batch(
                """
                insert into patient_summary (patient_id, mrn, family_name, given_name, birth_date, step, updated_at)
                values (:id, :mrn, :family, :given, :birth, :step, :at)""",
                charts.stream()
                        .map(c -> new MapSqlParameterSource()
                                .addValue("id", c.id())
                                .addValue("mrn", c.mrn())
                                .addValue("family", c.demographics().familyName())
                                .addValue("given", c.demographics().givenName())
                                .addValue(
                                        "birth",
                                        java.sql.Date.valueOf(c.demographics().birthDate()))
                                .addValue("step", c.step().name())
                                .addValue("at", Timestamp.from(c.createdAt())))
                        .toList());
        batch(
                "insert into patient_step (patient_id, step, note, at, by_actor) values (:id, :step, :note, :at, :by)",
                charts.stream()
                        .map(c -> new MapSqlParameterSource()
                                .addValue("id", c.id())
                                .addValue("step", c.step().name())
                                .addValue("note", "demo clinic")
                                .addValue("at", Timestamp.from(c.createdAt()))
                                .addValue("by", c.by()))
                        .toList());

        Map<EntryKind<?>, List<RecordStore.Loaded>> rows = new LinkedHashMap<>();
        for (SeedChart c : charts) {
            add(rows, EntryKind.DEMOGRAPHICS, c.id(), c.id(), 1, c.demographics(), c.createdAt(), c.by());
            int index = 0;
            for (SeedEntry e : c.entries()) {
                UUID entryId = entryId(c.id(), index++);
                for (int v = 0; v < e.versions().size(); v++) {
                    add(
                            rows,
                            e.kind(),
                            c.id(),
                            entryId,
                            v + 1,
                            e.versions().get(v),
                            e.recordedAt().plusSeconds(86_400L * v),
                            c.by());
                }
            }
        }
        rows.forEach((kind, versions) -> records.load(kind.record(), versions));
    }

    private static void add(
            Map<EntryKind<?>, List<RecordStore.Loaded>> rows,
            EntryKind<?> kind,
            UUID patientId,
            UUID entryId,
            int version,
            Record data,
            Instant at,
            String by) {
        rows.computeIfAbsent(kind, k -> new ArrayList<>())
                .add(new RecordStore.Loaded(patientId, entryId, version, data, version > 1 ? "updated" : null, by, at));
    }

    private void batch(String sql, List<? extends SqlParameterSource> params) {
        for (int from = 0; from < params.size(); from += 2000) {
            jdbc.batchUpdate(
                    sql,
                    params.subList(from, Math.min(params.size(), from + 2000)).toArray(SqlParameterSource[]::new));
        }
    }
}
