package org.relief.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
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
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (!isMachineRequest(request) && ex instanceof MethodArgumentTypeMismatchException m
                && m.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return page(request, HttpStatus.NOT_FOUND);
        }
        return super.handleTypeMismatch(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
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
