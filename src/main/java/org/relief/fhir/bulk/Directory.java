package org.relief.fhir.bulk;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.relief.careteam.Actor;
import org.relief.fhir.bulk.NdjsonPacket.Line;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A sender's directory ({@code fhir_directory_resource}): the Organization, Practitioner, Location and
 * PractitionerRole resources sent in transaction Bundles, kept as sent, so that a later patient Bundle may reference
 * them ({@code Practitioner/id} or {@code Practitioner?identifier=system|value}) as it could on a FHIR server, and
 * so that they can be read back. One id space for the clinic, as on a FHIR server: the same type and id sent again
 * with other content becomes a new version (append-only), the newest current. Reference data: no patient's.
 */
@Repository
public class Directory {

    /** The resource types a directory keeps. */
    public static final Set<String> TYPES = org.relief.fhir.FhirExport.DIRECTORY_TYPES;

    /** What keeping one resource did: CREATED, UPDATED (a new version) or UNCHANGED, and where it is served. */
    public record Kept(ImportReport.Status status, String location) {}

    private final JdbcClient jdbc;
    private final FhirContext fhir;

    Directory(JdbcClient jdbc, FhirContext fhir) {
        this.jdbc = jdbc;
        this.fhir = fhir;
    }

    /** Keeps the directory resources among {@code lines}, in one transaction; the others are left alone. */
    @Transactional
    public Map<Line, Kept> keep(Actor actor, List<Line> lines) {
        Map<Line, Kept> kept = new LinkedHashMap<>();
        for (Line l : lines) {
            if (!TYPES.contains(l.type())) {
                continue;
            }
            String hash = ContentHash.of(l.json()).hex();
            var current = jdbc.sql("""
                    select version, content_hash from fhir_directory_resource
                    where resource_type = ? and resource_id = ? order by version desc limit 1""")
                    .params(l.type(), l.id())
                    .query((rs, n) -> Map.entry(rs.getInt(1), rs.getString(2)))
                    .optional();
            ImportReport.Status status;
            if (current.isPresent() && current.get().getValue().equals(hash)) {
                status = ImportReport.Status.UNCHANGED;
            } else {
                int version = current.map(Map.Entry::getKey).orElse(0) + 1;
                jdbc.sql("""
                        insert into fhir_directory_resource (resource_type, resource_id, version, content_hash,
                                                             resource, recorded_by)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(l.type(), l.id(), version, hash, l.json(), actor.username())
                        .update();
                status = current.isEmpty() ? ImportReport.Status.CREATED : ImportReport.Status.UPDATED;
            }
            for (Identifier id : identifiers(l.resource())) {
                if (id.hasSystem() && id.hasValue()) {
                    jdbc.sql("""
                            insert into fhir_directory_identifier (resource_type, system, value, resource_id)
                            values (?, ?, ?, ?) on conflict do nothing""")
                            .params(l.type(), id.getSystem(), id.getValue(), l.id())
                            .update();
                }
            }
            kept.put(l, new Kept(status, l.type() + "/" + l.id()));
        }
        return kept;
    }

    /**
     * The directory resource a reference points at: {@code Type/id}, or {@code Type?identifier=system|value} (the
     * newest resource with that identifier); empty for any other reference.
     */
    Optional<Line> resolve(Reference ref) {
        if (ref == null || !ref.hasReference()) {
            return Optional.empty();
        }
        String r = ref.getReference();
        int q = r.indexOf("?identifier=");
        int slash = r.indexOf('/');
        String type = q > 0 ? r.substring(0, q) : slash > 0 ? r.substring(0, slash) : "";
        if (!TYPES.contains(type)) {
            return Optional.empty();
        }
        String id;
        if (q > 0) {
            String token = r.substring(q + "?identifier=".length());
            int bar = token.indexOf('|');
            if (bar <= 0) {
                return Optional.empty();
            }
            id = jdbc.sql("""
                    select resource_id from fhir_directory_identifier
                    where resource_type = ? and system = ? and value = ? order by recorded_at desc limit 1""")
                    .params(type, token.substring(0, bar), token.substring(bar + 1))
                    .query(String.class)
                    .optional()
                    .orElse(null);
            if (id == null) {
                return Optional.empty();
            }
        } else {
            id = r.substring(slash + 1);
        }
        return read(type, id)
                .map(json -> new Line(
                        "directory", 0, json, (Resource) fhir.newJsonParser().parseResource(json)));
    }

    /** The current version of a directory resource, as sent (JSON). */
    public Optional<String> read(String type, String id) {
        return jdbc.sql("""
                select resource from fhir_directory_resource where resource_type = ? and resource_id = ?
                order by version desc limit 1""").params(type, id).query(String.class).optional();
    }

    private static List<Identifier> identifiers(Resource r) {
        if (r instanceof Practitioner p) {
            return p.getIdentifier();
        }
        if (r instanceof Organization o) {
            return o.getIdentifier();
        }
        if (r instanceof Location l) {
            return l.getIdentifier();
        }
        if (r instanceof PractitionerRole pr) {
            return pr.getIdentifier();
        }
        return new ArrayList<>();
    }
}
