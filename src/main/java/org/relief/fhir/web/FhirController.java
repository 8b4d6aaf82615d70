package org.relief.fhir.web;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.relief.fhir.FhirExport;
import org.relief.fhir.bulk.Directory;
import org.relief.fhir.bulk.TransactionImport;
import org.relief.fhir.search.FhirSearch;
import org.relief.fhir.search.ResourceSearch;
import org.relief.fhir.token.ApiClient;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.relief.shared.NotFoundException;
import org.relief.shared.SaneDates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The FHIR R4 read side: capability statement, Patient read and search, Patient {@code $everything}, reads of the
 * chart's other resources and searches of them by patient, reads of a sender's directory resources; and the one
 * write, a transaction Bundle.
 */
@RestController
class FhirController {

    static final String FHIR_JSON = "application/fhir+json";

    private final FhirContext fhir;
    private final FhirExport export;
    private final FhirSearch search;
    private final ResourceSearch resources;
    private final TransactionImport transactions;
    private final Directory directory;

    private final FhirBodyCheck bodyCheck;
    private final SearchsetWriter searchsets;
    private final DataSize transactionMax;

    FhirController(
            FhirContext fhir,
            FhirExport export,
            FhirSearch search,
            ResourceSearch resources,
            TransactionImport transactions,
            Directory directory,
            SaneDates dates,
            @Value("${relief.fhir.transaction-max:16MB}") DataSize transactionMax,
            @Value("${relief.fhir.encoded-cache:32MB}") DataSize encodedCache) {
        this.transactionMax = transactionMax;
        this.directory = directory;
        this.transactions = transactions;
        this.bodyCheck = new FhirBodyCheck(dates);
        this.fhir = fhir;
        this.searchsets = new SearchsetWriter(fhir, encodedCache.toBytes());
        this.export = export;
        this.search = search;
        this.resources = resources;
    }

    @GetMapping(path = "/fhir/metadata", produces = FHIR_JSON)
    ResponseEntity<String> metadata(HttpServletRequest request) {
        return ok(search.capabilities(base(request)));
    }

    @GetMapping(path = "/fhir/Patient/{id}", produces = FHIR_JSON)
    ResponseEntity<String> patient(
            @PathVariable String id, @AuthenticationPrincipal ApiClient client, HttpServletRequest request) {
        return ok(export.patient(client.actor(request.getRemoteAddr()), uuid(id)));
    }

    @GetMapping(path = "/fhir/Patient", produces = FHIR_JSON)
    ResponseEntity<String> searchPatients(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) LocalDate birthdate,
            @RequestParam(required = false) String identifier,
            @RequestParam(name = "_count", defaultValue = "20") int count,
            @RequestParam(name = "_offset", defaultValue = "0") int offset,
            @AuthenticationPrincipal ApiClient client,
            HttpServletRequest request) {
        return ok(search.patients(
                client.actor(request.getRemoteAddr()), base(request), name, birthdate, identifier, count, offset));
    }

    /** {@code $everything} by GET, or by POST with an (empty) Parameters resource, as generic clients send it. */
    @RequestMapping(
            path = "/fhir/Patient/{id}/$everything",
            method = {RequestMethod.GET, RequestMethod.POST},
            produces = FHIR_JSON)
    void everything(
            @PathVariable String id,
            @AuthenticationPrincipal ApiClient client,
            HttpServletRequest request,
            HttpServletResponse response)
            throws java.io.IOException {
        var held = searchsets.held();
        var parts = export.everythingParts(client.actor(request.getRemoteAddr()), uuid(id), held);
        response.setContentType(FHIR_JSON + ";charset=UTF-8");
        searchsets.write(base(request), parts, held, response.getOutputStream());
    }

    @GetMapping(path = "/fhir/{type:[A-Z][A-Za-z]+}/{id}", produces = FHIR_JSON)
    ResponseEntity<String> read(
            @PathVariable String type,
            @PathVariable String id,
            @AuthenticationPrincipal ApiClient client,
            HttpServletRequest request) {
        if (Directory.TYPES.contains(type)) {
            // a sender's directory resource, as it sent it (reference data, no patient's)
            return directory
                    .read(type, id)
                    .map(json -> ResponseEntity.ok()
                            .header("Content-Type", FHIR_JSON + ";charset=UTF-8")
                            .body(json))
                    .orElseThrow(() -> new NotFoundException("No " + type + " " + id));
        }
        if (!FhirExport.PATIENT_TYPES.contains(type)) {
            throw new NotFoundException("Relief serves no " + type + " resources");
        }
        var actor = client.actor(request.getRemoteAddr());
        return ok(type.equals("Goal") ? export.readGoal(actor, id) : export.read(actor, type, uuid(id)));
    }

    @GetMapping(path = "/fhir/{type:[A-Z][A-Za-z]+}", produces = FHIR_JSON)
    ResponseEntity<String> search(
            @PathVariable String type,
            @RequestParam(required = false) String patient,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) List<String> date,
            @RequestParam(name = "_count", defaultValue = "20") int count,
            @RequestParam(name = "_offset", defaultValue = "0") int offset,
            @AuthenticationPrincipal ApiClient client,
            HttpServletRequest request) {
        if (!ResourceSearch.TYPES.contains(type)) {
            throw new NotFoundException("Relief offers no search of " + type + " (searchable: Patient, "
                    + String.join(", ", ResourceSearch.TYPES) + ")");
        }
        return ok(resources.search(
                client.actor(request.getRemoteAddr()),
                base(request),
                type,
                patient,
                code,
                date == null ? List.of() : date,
                count,
                offset));
    }

    /**
     * The transaction; {@code /fhir/} too, where the HAPI generic client (and others) send it. The body is read
     * up to {@code relief.fhir.transaction-max} and no further ({@link BoundedBody}): a larger one is a 413.
     */
    @PostMapping(
            path = {"/fhir", "/fhir/"},
            consumes = {FHIR_JSON, "application/json"},
            produces = FHIR_JSON)
    ResponseEntity<String> transaction(@AuthenticationPrincipal ApiClient client, HttpServletRequest request) {
        String body = BoundedBody.read(request, transactionMax, "RELIEF_FHIR_TRANSACTION_MAX");
        if (body.isBlank()) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "Bundle", "is required: the request body is " + "empty (send a transaction Bundle)")));
        }
        var refused = bodyCheck.check(body);
        if (refused != null) { // a control character, an over-long text, a date out of range: nothing is read
            return ResponseEntity.badRequest()
                    .header("Content-Type", FHIR_JSON + ";charset=UTF-8")
                    .body(fhir.newJsonParser().encodeResourceToString(refused));
        }
        var result = transactions.apply(client.actor(request.getRemoteAddr()), body);
        return ResponseEntity.status(result.status())
                .header("Content-Type", FHIR_JSON + ";charset=UTF-8")
                .body(fhir.newJsonParser().encodeResourceToString(result.body()));
    }

    private ResponseEntity<String> ok(IBaseResource resource) {
        return ResponseEntity.ok()
                .header("Content-Type", FHIR_JSON + ";charset=UTF-8")
                .body(fhir.newJsonParser().encodeResourceToString(resource));
    }

    /** Relief's ids are UUIDs: anything else names no resource here. */
    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No resource with id " + id);
        }
    }

    static String base(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.indexOf("/fhir") + "/fhir".length());
    }
}
