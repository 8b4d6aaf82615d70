package org.relief.fhir.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.relief.fhir.bulk.BulkExport;
import org.relief.fhir.bulk.BulkExport.Job;
import org.relief.fhir.token.ApiClient;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.relief.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * FHIR Bulk Data export: kick-off ({@code GET /fhir/$export}, {@code GET /fhir/Group/{staff id}/$export}) answers
 * 202 with the status URL in Content-Location; the status answers 202 with X-Progress while running and 200 with
 * the manifest when done (500 with the reason when it failed); the files are ndjson; DELETE on the status cancels
 * and removes the job. Only the token that started a job sees it (anyone else: 404). Jobs and files are in the
 * database: any node answers. {@code _since} (a FHIR instant) limits the export to resources recorded after it.
 */
@RestController
class BulkExportController {

    private static final String NDJSON = "application/fhir+ndjson";

    private final BulkExport exports;
    private final Duration keep;

    BulkExportController(BulkExport exports, @Value("${relief.fhir.export.keep:24h}") Duration keep) {
        this.exports = exports;
        this.keep = keep;
    }

    /** {@code _since} as the Bulk Data spec has it: a FHIR instant (date, time and zone). */
    static Instant since(String since) {
        try {
            return OffsetDateTime.parse(since.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw problem(
                    "_since",
                    "must be a FHIR instant with date, time and zone, such as " + "2026-01-31T00:00:00Z ('" + since
                            + "' is not)");
        }
    }

    @GetMapping("/fhir/$export")
    ResponseEntity<String> exportAll(
            @RequestHeader(name = "Prefer", required = false) String prefer,
            @RequestParam(name = "_type", required = false) String types,
            @RequestParam(name = "_outputFormat", required = false) String format,
            @RequestParam(name = "_since", required = false) String since,
            @AuthenticationPrincipal ApiClient client,
            HttpServletRequest request) {
        return kickOff(prefer, types, format, since, null, client, request);
    }

    /** A Group is one staff member's patients (their care teams), e.g. a physician's; its id is the staff id. */
    @GetMapping("/fhir/Group/{id}/$export")
    ResponseEntity<String> exportGroup(
            @PathVariable String id,
            @RequestHeader(name = "Prefer", required = false) String prefer,
            @RequestParam(name = "_type", required = false) String types,
            @RequestParam(name = "_outputFormat", required = false) String format,
            @RequestParam(name = "_since", required = false) String since,
            @AuthenticationPrincipal ApiClient client,
            HttpServletRequest request) {
        return kickOff(prefer, types, format, since, FhirController.uuid(id), client, request);
    }

    private ResponseEntity<String> kickOff(
            String prefer,
            String types,
            String format,
            String since,
            UUID group,
            ApiClient client,
            HttpServletRequest request) {
        if (prefer == null || !prefer.contains("respond-async")) {
            throw problem("Prefer", "must be respond-async (a bulk export is asynchronous)");
        }
        if (format != null
                && !Set.of("application/fhir+ndjson", "application/ndjson", "ndjson")
                        .contains(format)) {
            throw problem("_outputFormat", "Relief writes application/fhir+ndjson only");
        }
        Instant after = since == null ? null : since(since);
        Set<String> wanted = types == null || types.isBlank()
                ? Set.of()
                : Arrays.stream(types.split(","))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .collect(Collectors.toSet());
        String url = request.getRequestURL() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        UUID job = exports.start(client.actor(request.getRemoteAddr()), client.tokenId(), url, group, wanted, after);
        return ResponseEntity.status(202)
                .header("Content-Location", FhirController.base(request) + "/$export-status/" + job)
                .build();
    }

    @GetMapping("/fhir/$export-status/{job}")
    ResponseEntity<Manifest> status(
            @PathVariable String job, @AuthenticationPrincipal ApiClient client, HttpServletRequest request) {
        Job j = exports.job(client.tokenId(), FhirController.uuid(job))
                .orElseThrow(() -> new NotFoundException("No export job " + job));
        return switch (j.state()) {
            case QUEUED, RUNNING ->
                ResponseEntity.status(202)
                        .header("X-Progress", j.patientsDone() + " of " + j.patients() + " patients")
                        .header("Retry-After", "2")
                        .build();
            case DONE ->
                ResponseEntity.ok()
                        .header("Content-Type", "application/json")
                        .header(
                                "Expires",
                                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                        j.finishedAt().plus(keep).atOffset(ZoneOffset.UTC)))
                        .body(manifest(j, FhirController.base(request)));
            case FAILED ->
                throw new ExportFailedException("export failed" + (j.failure() == null ? "" : ": " + j.failure()));
        };
    }

    @DeleteMapping("/fhir/$export-status/{job}")
    ResponseEntity<Void> cancel(@PathVariable String job, @AuthenticationPrincipal ApiClient client) {
        if (!exports.delete(client.tokenId(), FhirController.uuid(job))) {
            throw new NotFoundException("No export job " + job);
        }
        return ResponseEntity.status(202).build();
    }

    /**
     * One file of a finished export, from the database (so from any node), streamed a page of parts at a time. The
     * download is audited: one row per patient whose resources the file holds.
     */
    @GetMapping("/fhir/$export-file/{job}/{file}")
    void file(
            @PathVariable String job,
            @PathVariable String file,
            @AuthenticationPrincipal ApiClient client,
            HttpServletRequest request,
            HttpServletResponse response)
            throws java.io.IOException {
        String type = file.endsWith(".ndjson") ? file.substring(0, file.length() - ".ndjson".length()) : file;
        UUID jobId = FhirController.uuid(job);
        if (!exports.open(client.actor(request.getRemoteAddr()), client.tokenId(), jobId, type)) {
            throw new NotFoundException("No file " + file + " in export " + job);
        }
        response.setStatus(200);
        response.setContentType(NDJSON);
        response.setContentLengthLong(exports.size(jobId, type));
        var out = response.getOutputStream();
        exports.parts(jobId, type, p -> {
            try {
                out.write(p.ndjson().getBytes(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        out.flush();
    }

    /**
     * The Bulk Data manifest of a finished job, written by Jackson: every output file with its type, URL and count,
     * and the file of OperationOutcomes under {@code error} when some patients could not be exported.
     */
    record Manifest(
            String transactionTime, String request, boolean requiresAccessToken, List<File> output, List<File> error) {

        /** One file of the export; {@code count} is given for outputs only. */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        record File(String type, String url, Long count) {}
    }

    static Manifest manifest(Job j, String base) {
        String files = base + "/$export-file/" + j.id() + "/";
        List<Manifest.File> output = j.outputs().stream()
                .map(o -> new Manifest.File(o.type(), files + o.type() + ".ndjson", o.count()))
                .toList();
        List<Manifest.File> error = j.errors() == 0
                ? List.of()
                : List.of(new Manifest.File("OperationOutcome", files + "OperationOutcome.ndjson", null));
        return new Manifest(j.startedAt().toString(), j.request(), true, output, error);
    }

    private static InvalidInputException problem(String field, String message) {
        return new InvalidInputException(List.of(new FieldProblem(field, message)));
    }

    /** An export job that ended FAILED: its reason is the job's own words (see {@code BulkExport}), no internals. */
    static final class ExportFailedException extends RuntimeException {
        ExportFailedException(String message) {
            super(message);
        }
    }
}
