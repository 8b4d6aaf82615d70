package org.relief.fhir.bulk;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The import's memory ({@code fhir_source_map}): for each resource a source system sent (source + resource type +
 * id), the patient and chart entry it became and the {@link ContentHash} of what was sent. It makes an import
 * idempotent: a resource on file with the same hash changes nothing, a changed one becomes a new version of the same
 * entry. The one class that reads or writes the table.
 */
@Repository
class SourceMap {

    /** What is on file for one source resource; {@code entryKind} is the chart entry kind's slug. */
    record Row(UUID patientId, UUID entryId, ContentHash hash, String entryKind) {}

    /** One resource to remember: its type and id at the source, what it became, and the hash of what was sent. */
    record Upsert(String resourceType, String resourceId, String entryKind, UUID entryId, ContentHash hash) {}

    private final JdbcClient jdbc;

    SourceMap(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the lock on one source identity (source + type + id) until the current transaction ends: imports of the
     * same source patient then run one after another, and the second finds the first one's rows (read committed: each
     * statement after the lock sees what the first committed). Without it, identical transaction Bundles sent at once
     * each found no row and each registered a patient (issue 10, defect 2). The primary key on the same three columns
     * is the constraint; the lock makes the one winner register the patient before anyone else looks.
     */
    void lock(String source, String resourceType, String resourceId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "fhir_source_map:" + source + "|" + key(resourceType, resourceId))
                .query((rs, n) -> 1)
                .list();
    }

    /** The rows on file for these resource ids of one source, keyed {@code type/id}. */
    Map<String, Row> rows(String source, Collection<String> resourceIds) {
        Map<String, Row> rows = new HashMap<>();
        jdbc.sql("""
                select resource_type, resource_id, patient_id, entry_id, content_hash, entry_kind from fhir_source_map
                where source = :source and resource_id in (:ids)""")
                .param("source", source)
                .param("ids", List.copyOf(resourceIds))
                .query(rs -> {
                    rows.put(
                            key(rs.getString("resource_type"), rs.getString("resource_id")),
                            new Row(
                                    rs.getObject("patient_id", UUID.class),
                                    rs.getObject("entry_id", UUID.class),
                                    new ContentHash(rs.getString("content_hash")),
                                    rs.getString("entry_kind")));
                });
        return rows;
    }

    /** The key of {@link #rows}. */
    static String key(String resourceType, String resourceId) {
        return resourceType + "/" + resourceId;
    }

    /** A patient's rows in one statement (a statement per resource was a round trip each). */
    void upsert(String source, UUID patientId, List<Upsert> rows) {
        jdbc.sql("""
                insert into fhir_source_map (source, resource_type, resource_id, patient_id, entry_kind, entry_id,
                                             content_hash)
                select :source, t, i, :patient, k, e, h
                from unnest(:types::text[], :ids::text[], :kinds::text[], :entries::uuid[], :hashes::text[])
                     as r(t, i, k, e, h)
                on conflict (source, resource_type, resource_id) do update
                set content_hash = excluded.content_hash, entry_id = excluded.entry_id, imported_at = now()""")
                .param("source", source)
                .param("patient", patientId)
                .param("types", rows.stream().map(Upsert::resourceType).toArray(String[]::new))
                .param("ids", rows.stream().map(Upsert::resourceId).toArray(String[]::new))
                .param("kinds", rows.stream().map(Upsert::entryKind).toArray(String[]::new))
                .param("entries", rows.stream().map(r -> r.entryId().toString()).toArray(String[]::new))
                .param("hashes", rows.stream().map(r -> r.hash().hex()).toArray(String[]::new))
                .update();
    }
}
