package org.relief.fhir.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Patient;
import org.relief.careteam.Actor;
import org.relief.fhir.FhirExport;
import org.relief.fhir.translate.PatientTranslator;
import org.relief.patient.ChartService;
import org.relief.patient.EntryKind;
import org.relief.patient.PatientSummary;
import org.relief.patient.Patients;
import org.springframework.stereotype.Service;

/**
 * FHIR searches. Patient search looks among the caller's patients (the care teams of the staff member the token
 * acts as), by name, birth date or record number, and pages with {@code _count} / {@code _offset}.
 */
@Service
public class FhirSearch {

    /** Patient search reads at most this many matches before paging. */
    static final int MAX_MATCHES = 200;

    private final Patients patients;
    private final ChartService charts;
    private final FhirExport export;

    FhirSearch(Patients patients, ChartService charts, FhirExport export) {
        this.patients = patients;
        this.charts = charts;
        this.export = export;
    }

    public CapabilityStatement capabilities(String base) {
        return Capabilities.statement(base);
    }

    public Bundle patients(Actor actor, String base, String name, LocalDate birthdate, String identifier, int count,
            int offset) {
        int pageSize = Math.max(1, Math.min(count, 100));
        int from = Math.max(0, offset);
        String mrn = null;
        if (identifier != null && !identifier.isBlank()) {
            int bar = identifier.indexOf('|');
            String system = bar < 0 ? null : identifier.substring(0, bar);
            if (system != null && !system.isEmpty() && !system.equals(export.mrnSystem())) {
                return FhirExport.searchset(base, List.of(), 0);
            }
            mrn = identifier.substring(bar + 1).strip();
        }
        // the most selective criterion goes to the database, the others filter what it found
        String q = mrn != null ? mrn : birthdate != null ? birthdate.toString() : name == null ? "" : name;
        String mrnWanted = mrn;
        List<PatientSummary> found = patients.search(actor, q, Patients.Scope.MINE, MAX_MATCHES).stream()
                .filter(p -> mrnWanted == null || p.mrn().equalsIgnoreCase(mrnWanted))
                .filter(p -> birthdate == null || birthdate.equals(p.birthDate()))
                .filter(p -> name == null || name.isBlank() || matchesName(p, name))
                .toList();
        List<Patient> page = found.stream().skip(from).limit(pageSize)
                .map(p -> PatientTranslator.toFhir(p, charts.entries(actor, p.id(), EntryKind.DEMOGRAPHICS).get(0)
                        .data(), export.mrnSystem()))
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
