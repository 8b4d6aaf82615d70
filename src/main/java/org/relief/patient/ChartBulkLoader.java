package org.relief.patient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.relief.record.RecordStore;
import org.relief.shared.BulkCopy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads many whole charts at once with PostgreSQL COPY (demo clinics and benchmarks). It writes the same tables
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
        // COPY: the rows batched inserts wrote, at a fraction of the server's cost (issue 16: 100,000 patients)
        JdbcTemplate copy = jdbc.getJdbcTemplate();
        BulkCopy.copy(
                copy,
                "patient",
                List.of("id", "mrn", "created_at", "created_by"),
                charts.stream()
                        .map(c -> new Object[] {c.id(), c.mrn(), c.createdAt(), c.by()})
                        .toList());
        BulkCopy.copy(
                copy,
                "patient_summary",
                List.of("patient_id", "mrn", "family_name", "given_name", "birth_date", "step", "updated_at"),
                charts.stream()
                        .map(c -> new Object[] {
                            c.id(),
                            c.mrn(),
                            c.demographics().familyName(),
                            c.demographics().givenName(),
                            java.sql.Date.valueOf(c.demographics().birthDate()),
                            c.step().name(),
                            c.createdAt()
                        })
                        .toList());
        BulkCopy.copy(
                copy,
                "patient_step",
                List.of("patient_id", "step", "note", "at", "by_actor"),
                charts.stream()
                        .map(c -> new Object[] {c.id(), c.step().name(), "demo clinic", c.createdAt(), c.by()})
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
}
