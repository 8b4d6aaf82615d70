package org.relief.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.relief.careteam.ChartAccessDeniedException;
import org.relief.shared.CareOnHoldException;
import org.relief.shared.FieldProblem;
import org.relief.shared.ForbiddenException;
import org.relief.shared.InternalErrors;
import org.relief.shared.InvalidInputException;
import org.relief.shared.JsonApi;
import org.relief.shared.NotFoundException;
import org.relief.shared.VersionConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the JSON API as RFC 9457 problem details. Bad input is a 400 whose {@code errors} name every bad field;
 * an unknown patient 404 and a forbidden access 403 (both audited where they are refused: the guard, {@code
 * ChartAccess}, or the rule that refused); a stale edit 409; an action the
 * safety hold refuses 409 (audited by the safety gate).
 */
@RestControllerAdvice(annotations = JsonApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return badRequest(e.problems());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return badRequest(List.of(JsonErrors.fieldOf(e)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(List.of(new FieldProblem(
                e.getName(), BindingDefaults.needs(e.getRequiredType(), BindingDefaults.rootCause(e)))));
    }

    /** A body bound by Spring and checked by Bean Validation ({@code @Valid @RequestBody}): every bad field. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail notValid(MethodArgumentNotValidException e) {
        return badRequest(FieldProblem.of(e.getBindingResult()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return badRequest(List.of(new FieldProblem(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ChartAccessDeniedException.class)
    ProblemDetail denied(ChartAccessDeniedException e) {
        ProblemDetail p = problem(HttpStatus.FORBIDDEN, "Not on this patient's care team", e.getMessage());
        p.setProperty("breakGlass", "/api/patients/" + e.patientId() + "/break-glass");
        return p;
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(VersionConflictException.class)
    ProblemDetail conflict(VersionConflictException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "Changed by someone else", e.getMessage());
        p.setProperty("entryId", e.entryId());
        p.setProperty("expectedVersion", e.expectedVersion());
        p.setProperty("currentVersion", e.currentVersion());
        if (e.field() != null) {
            p.setProperty("field", e.field());
        }
        return p;
    }

    @ExceptionHandler(CareOnHoldException.class)
    ProblemDetail onHold(CareOnHoldException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "Interventional care is on hold", e.getMessage());
        p.setProperty("refused", e.action());
        p.setProperty("hold", e.hold());
        return p;
    }

    /**
     * A database error: 500 with a plain sentence and an error reference; the exception (its message names the SQL)
     * goes to the server's log under that reference, never into the response.
     */
    @ExceptionHandler(DataAccessException.class)
    ProblemDetail database(DataAccessException e) {
        String reference = InternalErrors.log(log, "API request failed", e);
        ProblemDetail p = problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Server error",
                "The request failed: " + InternalErrors.sentence(reference) + ".");
        p.setProperty("errorReference", reference);
        return p;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegal(IllegalArgumentException e) {
        return badRequest(List.of(JsonErrors.fromMessage(e.getMessage())));
    }

    private static ProblemDetail badRequest(List<FieldProblem> problems) {
        ProblemDetail p = problem(
                HttpStatus.BAD_REQUEST,
                "Invalid input",
                "Nothing was changed. Correct the named fields and send again.");
        p.setProperty(
                "errors",
                problems.stream()
                        .map(f -> Map.of("field", f.field(), "message", f.message()))
                        .toList());
        return p;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("about:blank"));
        return p;
    }
}
