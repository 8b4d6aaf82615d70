package org.relief.fhir.search;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Patient;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.careteam.CareTeams;
import org.relief.fhir.FhirExport;
import org.relief.fhir.PatientIdentifiers;
import org.relief.fhir.translate.PatientTranslator;
import org.relief.patient.ChartService;
import org.relief.patient.EntryKind;
import org.relief.patient.PatientSummary;
import org.relief.patient.Patients;
import org.springframework.stereotype.Service;

/**
 * FHIR searches. Patient search looks among the caller's patients (the care teams of the staff member the token
 * acts as), by name, birth date or identifier (Relief's record number or one a sender gave), and pages with
 * {@code _count} / {@code _offset}.
 */
@Service
public class FhirSearch {

    /** Patient search reads at most this many matches before paging. */
    static final int MAX_MATCHES = 200;

    private final Patients patients;
    private final ChartService charts;
    private final FhirExport export;
    private final PatientIdentifiers identifiers;
    private final CareTeams teams;
    private final AuditLog audit;

    FhirSearch(
            Patients patients,
            ChartService charts,
            FhirExport export,
            PatientIdentifiers identifiers,
            CareTeams teams,
            AuditLog audit) {
        this.identifiers = identifiers;
        this.teams = teams;
        this.audit = audit;
        this.patients = patients;
        this.charts = charts;
        this.export = export;
    }

    public CapabilityStatement capabilities(String base) {
        return Capabilities.statement(base);
    }

    public Bundle patients(
            Actor actor, String base, String name, LocalDate birthdate, String identifier, int count, int offset) {
        int pageSize = Math.max(1, Math.min(count, 100));
        int from = Math.max(0, offset);
        List<PatientSummary> found;
        if (identifier != null && !identifier.isBlank()) {
            found = byIdentifier(actor, identifier.strip());
        } else {
            // the most selective criterion goes to the database, the others filter what it found
            String q = birthdate != null ? birthdate.toString() : name == null ? "" : name;
            found = patients.search(actor, q, Patients.Scope.MINE, MAX_MATCHES);
        }
        found = found.stream()
                .filter(p -> birthdate == null || birthdate.equals(p.birthDate()))
                .filter(p -> name == null || name.isBlank() || matchesName(p, name))
                .toList();
        List<Patient> page = found.stream()
                .skip(from)
                .limit(pageSize)
                .map(p -> PatientTranslator.toFhir(
                        p,
                        charts.entries(actor, p.id(), EntryKind.DEMOGRAPHICS)
                                .get(0)
                                .data(),
                        export.mrnSystem(),
                        export.senders(p.id())))
                .toList();
        Bundle bundle = FhirExport.searchset(base, page, found.size());
        String query = base + "/Patient?" + (name == null ? "" : "name=" + enc(name) + "&")
                + (birthdate == null ? "" : "birthdate=" + birthdate + "&")
                + (identifier == null ? "" : "identifier=" + enc(identifier) + "&") + "_count=" + pageSize;
        bundle.addLink().setRelation("self").setUrl(query + "&_offset=" + from);
        if (from + pageSize < found.size()) {
            bundle.addLink().setRelation("next").setUrl(query + "&_offset=" + (from + pageSize));
        }
        if (from > 0) {
            bundle.addLink().setRelation("previous").setUrl(query + "&_offset=" + Math.max(0, from - pageSize));
        }
        return bundle;
    }

    /**
     * Token search on Patient.identifier (FHIR R4 §2.1.1.4.3 "token"): {@code value} matches an identifier of that
     * value in any system (Relief's record number, or one a sender gave), {@code system|value} one in that system,
     * {@code |value} one sent without a system. Among the caller's patients only; Relief's record number matches
     * whatever its case.
     */
    private List<PatientSummary> byIdentifier(Actor actor, String identifier) {
        int bar = identifier.indexOf('|');
        String system = bar < 0 ? null : identifier.substring(0, bar).strip();
        String value = identifier.substring(bar + 1).strip();
        if (value.isEmpty()) {
            return List.of();
        }
        Map<UUID, PatientSummary> found = new LinkedHashMap<>();
        if ((system == null || system.equals(export.mrnSystem())) && value.matches("(?i)R\\d+")) {
            // the record number: Patients' own search (scoped to the caller's teams, audited)
            patients.search(actor, value, Patients.Scope.MINE, MAX_MATCHES).stream()
                    .filter(p -> p.mrn().equalsIgnoreCase(value))
                    .forEach(p -> found.put(p.id(), p));
        }
        if (system == null || !system.equals(export.mrnSystem())) {
            Set<UUID> mine = teams.patientsOf(actor.staffId());
            Set<UUID> ids = identifiers.find(system, value, mine);
            patients.identities(ids).values().stream()
                    .sorted(java.util.Comparator.comparing(PatientSummary::familyName)
                            .thenComparing(PatientSummary::givenName)
                            .thenComparing(PatientSummary::mrn))
                    .forEach(p -> found.putIfAbsent(p.id(), p));
            audit.record(
                    actor.username(),
                    actor.role().name(),
                    null,
                    AuditAction.SEARCH,
                    "FHIR Patient search identifier=" + identifier + " (mine): " + ids.size()
                            + " found by a sender's identifier",
                    "OK",
                    actor.address());
        }
        return List.copyOf(found.values());
    }

    private static boolean matchesName(PatientSummary p, String name) {
        String full = (p.familyName() + " " + p.givenName()).toLowerCase(Locale.ROOT);
        for (String word : name.toLowerCase(Locale.ROOT).replace(",", " ").split("\\s+")) {
            if (!word.isEmpty() && !full.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
