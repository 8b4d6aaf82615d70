package org.relief.fhir.web;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.relief.fhir.Outcomes;
import org.relief.shared.ForbiddenException;
import org.relief.shared.InternalErrors;
import org.relief.shared.InvalidInputException;
import org.relief.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of {@code /fhir} as OperationOutcomes: bad input 400 naming the problem, unknown 404, outside the caller's
 * access 403 (the refusal is audited by the guard, {@code ChartAccess}, or the filter that refused).
 */
@RestControllerAdvice(basePackageClasses = FhirErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FhirErrors {

    private static final Logger log = LoggerFactory.getLogger(FhirErrors.class);

    private final FhirContext fhir;

    FhirErrors(FhirContext fhir) {
        this.fhir = fhir;
    }

    /**
     * A body over its limit ({@link BoundedBody}): 413, naming the limit and the setting that raises it. Written and
     * flushed here, and the connection closed after it: the client may still be sending the rest of a body this
     * server will not read (the container only discards a little of it before it closes), and it hears why at once.
     */
    @ExceptionHandler(BodyTooLargeException.class)
    void tooLarge(BodyTooLargeException e, HttpServletResponse response) throws IOException {
        byte[] body = Outcomes.json(fhir, Outcomes.error(IssueType.TOOCOSTLY, e.getMessage()))
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(413);
        response.setHeader("Connection", "close");
        response.setContentType("application/fhir+json;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e) {
        return outcome(404, IssueType.NOTFOUND, e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<String> forbidden(ForbiddenException e) {
        return outcome(403, IssueType.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<String> invalid(InvalidInputException e) {
        return outcome(
                400,
                IssueType.INVALID,
                String.join(
                        "; ",
                        e.problems().stream()
                                .map(p -> p.field() + " " + p.message())
                                .toList()));
    }

    @ExceptionHandler({DataFormatException.class, IllegalArgumentException.class})
    ResponseEntity<String> unreadable(RuntimeException e) {
        return outcome(400, IssueType.INVALID, e.getMessage());
    }

    /** A job that failed (an export): the server's fault, said as FHIR clients expect, in the job's own words. */
    @ExceptionHandler(BulkExportController.ExportFailedException.class)
    ResponseEntity<String> exportFailed(BulkExportController.ExportFailedException e) {
        return outcome(500, IssueType.EXCEPTION, e.getMessage());
    }

    /**
     * The server's own fault (a database error, a broken state): 500 with a plain sentence and an error reference;
     * the exception (a database's message names its SQL) goes to the log under that reference, never to the client.
     */
    @ExceptionHandler({DataAccessException.class, IllegalStateException.class})
    ResponseEntity<String> internal(RuntimeException e) {
        return outcome(
                500,
                IssueType.EXCEPTION,
                "The request failed: " + InternalErrors.sentence(InternalErrors.log(log, "FHIR request failed", e))
                        + ".");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<String> mismatch(MethodArgumentTypeMismatchException e) {
        return outcome(
                400, IssueType.INVALID, "parameter " + e.getName() + " is not a valid value: '" + e.getValue() + "'");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<String> missing(MissingServletRequestParameterException e) {
        return outcome(400, IssueType.REQUIRED, "parameter " + e.getParameterName() + " is required");
    }

    private ResponseEntity<String> outcome(int status, IssueType type, String message) {
        return ResponseEntity.status(status)
                .header("Content-Type", "application/fhir+json;charset=UTF-8")
                .body(Outcomes.json(fhir, Outcomes.error(type, message)));
    }
}
