package org.relief.fhir.search;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.relief.careteam.Actor;
import org.relief.fhir.FhirExport;
import org.relief.fhir.translate.Terminology;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * Searches of a patient's resources of one type ({@code Observation?patient=&code=&date=}, {@code Procedure?patient=},
 * ...), paged with {@code _count} / {@code _offset}. The patient is required: the resources are read through
 * {@link FhirExport#ofType}, so the caller's access to that chart is checked and the read audited.
 */
@Service
public class ResourceSearch {

    /** The types searchable by patient, and which of them take {@code code} and {@code date}. */
    public static final List<String> TYPES = List.of(
            "Observation",
            "Procedure",
            "Condition",
            "MedicationStatement",
            "MedicationRequest",
            "CarePlan",
            "Appointment");

    private final FhirExport export;

    ResourceSearch(FhirExport export) {
        this.export = export;
    }

    /**
     * @param patient {@code Patient/<id>} or the bare id
     * @param code tokens ({@code system|code}, {@code code} or {@code |code}), comma-separated alternatives
     * @param dates each {@code [eq|ge|gt|le|lt]YYYY[-MM[-DD]]}, all must hold
     */
    public Bundle search(
            Actor actor,
            String base,
            String type,
            String patient,
            String code,
            List<String> dates,
            int count,
            int offset) {
        if (!TYPES.contains(type)) {
            throw invalid("type", type + " is not searchable here (searchable: " + TYPES + ")");
        }
        if (patient == null || patient.isBlank()) {
            throw invalid("patient", "is required (Relief searches one patient's chart at a time)");
        }
        if (code != null && !type.equals("Observation")) {
            throw invalid("code", "is supported for Observation only");
        }
        if (!dates.isEmpty() && !type.equals("Observation") && !type.equals("Appointment")) {
            throw invalid("date", "is supported for Observation and Appointment only");
        }
        UUID patientId = patientId(patient);
        Predicate<Resource> filter = r -> true;
        if (code != null && !code.isBlank()) {
            filter = filter.and(codeMatches(code));
        }
        for (String d : dates) {
            filter = filter.and(dateMatches(d));
        }
        List<Resource> found =
                export.ofType(actor, patientId, type).stream().filter(filter).toList();
        int pageSize = Math.max(1, Math.min(count, 100));
        int from = Math.max(0, offset);
        Bundle bundle = FhirExport.searchset(
                base, found.stream().skip(from).limit(pageSize).toList(), found.size());
        StringBuilder query = new StringBuilder(base + "/" + type + "?patient=" + patientId);
        if (code != null) {
            query.append("&code=").append(enc(code));
        }
        dates.forEach(d -> query.append("&date=").append(enc(d)));
        query.append("&_count=").append(pageSize);
        bundle.addLink().setRelation("self").setUrl(query + "&_offset=" + from);
        if (from + pageSize < found.size()) {
            bundle.addLink().setRelation("next").setUrl(query + "&_offset=" + (from + pageSize));
        }
        if (from > 0) {
            bundle.addLink().setRelation("previous").setUrl(query + "&_offset=" + Math.max(0, from - pageSize));
        }
        return bundle;
    }

    static UUID patientId(String reference) {
        String id = reference.startsWith("Patient/") ? reference.substring("Patient/".length()) : reference;
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw invalid("patient", "'" + reference + "' is not a Relief patient id (Patient/<uuid>)");
        }
    }

    static Predicate<Resource> codeMatches(String tokens) {
        List<Predicate<Coding>> any = new ArrayList<>();
        for (String token : tokens.split(",")) {
            int bar = token.indexOf('|');
            String system = bar < 0 ? null : token.substring(0, bar);
            String value = token.substring(bar + 1);
            any.add(c -> value.equals(c.getCode())
                    && (system == null || (system.isEmpty() ? !c.hasSystem() : system.equals(c.getSystem()))));
        }
        return r -> codeOf(r).getCoding().stream().anyMatch(c -> any.stream().anyMatch(p -> p.test(c)));
    }

    private static CodeableConcept codeOf(Resource r) {
        return r instanceof Observation o ? o.getCode() : new CodeableConcept();
    }

    static Predicate<Resource> dateMatches(String param) {
        String prefix = param.length() > 2 && Character.isLetter(param.charAt(0)) ? param.substring(0, 2) : "eq";
        String value = prefix.equals("eq") && !param.startsWith("eq") ? param : param.substring(2);
        LocalDate lo;
        LocalDate hi;
        try {
            if (value.length() == 4) {
                lo = LocalDate.of(Integer.parseInt(value), 1, 1);
                hi = lo.plusYears(1).minusDays(1);
            } else if (value.length() == 7) {
                YearMonth ym = YearMonth.parse(value);
                lo = ym.atDay(1);
                hi = ym.atEndOfMonth();
            } else {
                lo = LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
                hi = lo;
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            throw invalid("date", "'" + param + "' is not [eq|ge|gt|le|lt]YYYY[-MM[-DD]]");
        }
        LocalDate from = lo;
        LocalDate to = hi;
        Predicate<LocalDate> test = switch (prefix) {
            case "eq" -> d -> !d.isBefore(from) && !d.isAfter(to);
            case "ge" -> d -> !d.isBefore(from);
            case "gt" -> d -> d.isAfter(to);
            case "le" -> d -> !d.isAfter(to);
            case "lt" -> d -> d.isBefore(from);
            default -> throw invalid("date", "prefix '" + prefix + "' is not supported (eq, ge, gt, le, lt)");
        };
        return r -> r instanceof Observation o
                        && o.hasEffectiveDateTimeType()
                        && test.test(Terminology.date(o.getEffectiveDateTimeType()))
                || r instanceof org.hl7.fhir.r4.model.Appointment a
                        && a.hasStart()
                        && test.test(a.getStartElement()
                                .getValueAsCalendar()
                                .toZonedDateTime()
                                .toLocalDate());
    }

    private static InvalidInputException invalid(String field, String message) {
        return new InvalidInputException(List.of(new FieldProblem(field, message)));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
