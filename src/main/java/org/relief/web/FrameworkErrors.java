package org.relief.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.relief.shared.Labels;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors Spring MVC itself raises (unknown address, a malformed id in the address, a missing parameter, a wrong
 * method). The JSON API and FHIR keep their RFC 9457 problem details (/api) and OperationOutcomes (/fhir, answered by
 * its own advice first); a person in a browser gets the HTML error page instead (the container's error dispatch
 * renders templates/error/{status}.html, with the header of the signed-in user). A malformed id in a page's address
 * is a page that does not exist: 404.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class FrameworkErrors extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (!isMachineRequest(request)
                && ex instanceof MethodArgumentTypeMismatchException m
                && m.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return page(request, HttpStatus.NOT_FOUND);
        }
        if (!isMachineRequest(request) && ex.getPropertyName() != null) {
            // the 400 page says which field and what it needs
            request.setAttribute(
                    "badInput",
                    Labels.field(ex.getPropertyName()) + ": "
                            + BindingDefaults.needs(ex.getRequiredType(), BindingDefaults.rootCause(ex)),
                    RequestAttributes.SCOPE_REQUEST);
        }
        return super.handleTypeMismatch(ex, headers, status, request);
    }

    /**
     * A request body the container could not split into parts (no boundary, a broken part): 400, not 500. (Too large
     * an upload is the framework's own 413, handled by the base class.)
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException ex, WebRequest request) {
        if (!isMachineRequest(request)) {
            request.setAttribute(
                    "badInput",
                    "The form could not be read (a file upload without its boundary). "
                            + "Nothing was changed: open the form again and send it from there.",
                    RequestAttributes.SCOPE_REQUEST);
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "body: is not a readable multipart form (" + ex.getMessage() + ")");
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (isMachineRequest(request)) {
            return super.handleExceptionInternal(ex, body, headers, statusCode, request);
        }
        return page(request, statusCode);
    }

    /** Sends the status to the container, whose error dispatch renders the HTML page; the response is committed. */
    private static ResponseEntity<Object> page(WebRequest request, HttpStatusCode status) {
        HttpServletResponse response = ((NativeWebRequest) request).getNativeResponse(HttpServletResponse.class);
        try {
            if (response != null && !response.isCommitted()) {
                response.sendError(status.value());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    /** The JSON API and FHIR answer machines: they keep their JSON error bodies. */
    static boolean isMachineRequest(WebRequest request) {
        HttpServletRequest http = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        if (http == null) {
            return true;
        }
        String path = http.getRequestURI().substring(http.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/") || path.equals("/fhir") || path.startsWith("/fhir/");
    }
}
