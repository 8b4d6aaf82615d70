package org.relief.fhir;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The identifiers senders gave a patient ({@code fhir_patient_identifier}), kept as sent: the Patient read returns
 * them beside the record number Relief issues, and {@code Patient?identifier=} finds a patient by any of them (FHIR
 * R4 token search: {@code value} in any system, {@code system|value}, {@code |value} without a system). Append-only.
 */
@Repository
public class PatientIdentifiers {

    /** One identifier as a sender gave it; {@code system} is empty when it gave none. */
    public record Kept(String system, String value, String use, String typeText) {

        public Identifier toFhir() {
            Identifier id = new Identifier().setValue(value);
            if (!system.isEmpty()) {
                id.setSystem(system);
            }
            if (use != null) {
                try {
                    id.setUse(Identifier.IdentifierUse.fromCode(use));
                } catch (org.hl7.fhir.exceptions.FHIRException e) {
                    // a use this FHIR version does not know: the identifier still stands without it
                }
            }
            if (typeText != null) {
                id.getType().setText(typeText);
            }
            return id;
        }
    }

    private final JdbcClient jdbc;
    private final String mrnSystem;

    PatientIdentifiers(
            JdbcClient jdbc,
            @org.springframework.beans.factory.annotation.Value("${relief.fhir.mrn-system:urn:relief:mrn}")
                    String mrnSystem) {
        this.jdbc = jdbc;
        this.mrnSystem = mrnSystem;
    }

    /**
     * Keeps the identifiers of a sent Patient that are not on file yet (in the caller's transaction). Relief's own
     * record numbers (its MRN system) are not kept: Relief issues those itself.
     */
    public void keep(UUID patientId, Patient sent, String by) {
        List<Identifier> ids = sent.getIdentifier().stream()
                .filter(i -> i.hasValue() && !i.getValue().isBlank() && !mrnSystem.equals(i.getSystem()))
                .toList();
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into fhir_patient_identifier (patient_id, system, value, use, type_text, recorded_by)
                select :patient, s, v, u, t, :by
                from unnest(:systems::text[], :values::text[], :uses::text[], :types::text[]) as r(s, v, u, t)
                on conflict do nothing""")
                .param("patient", patientId)
                .param("by", by)
                .param(
                        "systems",
                        ids.stream()
                                .map(i -> clip(i.hasSystem() ? i.getSystem() : "", 500))
                                .toArray(String[]::new))
                .param(
                        "values",
                        ids.stream().map(i -> clip(i.getValue().strip(), 200)).toArray(String[]::new))
                .param(
                        "uses",
                        ids.stream()
                                .map(i -> i.hasUse() ? i.getUse().toCode() : null)
                                .toArray(String[]::new))
                .param(
                        "types",
                        ids.stream()
                                .map(i -> i.getType().hasText()
                                        ? clip(i.getType().getText(), 200)
                                        : i.getType().hasCoding()
                                                ? clip(
                                                        i.getType()
                                                                .getCodingFirstRep()
                                                                .getCode(),
                                                        200)
                                                : null)
                                .toArray(String[]::new))
                .update();
    }

    /** The identifiers on file for these patients, oldest first. */
    public Map<UUID, List<Kept>> of(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("""
                select patient_id, system, value, use, type_text from fhir_patient_identifier
                where patient_id in (:ids) order by recorded_at, system, value""")
                .param("ids", List.copyOf(patientIds))
                .query((rs, n) -> Map.entry(
                        rs.getObject("patient_id", UUID.class),
                        new Kept(
                                rs.getString("system"),
                                rs.getString("value"),
                                rs.getString("use"),
                                rs.getString("type_text"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    public List<Kept> of(UUID patientId) {
        return of(List.of(patientId)).getOrDefault(patientId, List.of());
    }

    /**
     * The patients with an identifier of this value, among {@code among}: in any system when {@code system} is null,
     * without a system when it is empty, else in that system.
     */
    public Set<UUID> find(String system, String value, Collection<UUID> among) {
        if (among.isEmpty()) {
            return Set.of();
        }
        StringBuilder sql =
                new StringBuilder("select distinct patient_id from fhir_patient_identifier where value = :value"
                        + " and patient_id = any(:among::uuid[])");
        if (system != null) {
            sql.append(" and system = :system");
        }
        var q = jdbc.sql(sql.toString())
                .param("value", value)
                .param("among", among.stream().map(UUID::toString).toArray(String[]::new));
        if (system != null) {
            q = q.param("system", system);
        }
        return Set.copyOf(q.query(UUID.class).list());
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
