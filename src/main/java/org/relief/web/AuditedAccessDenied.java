package org.relief.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.StaffUserDetailsService.StaffPrincipal;
import org.relief.shared.PatientInPath;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/**
 * A request the security rules refuse (a page of another role, e.g. /admin for a clinician; a form without its CSRF
 * token) is audited like every other refusal, then answered 403 (the HTML error page in a browser).
 */
class AuditedAccessDenied implements AccessDeniedHandler {

    private final AuditLog audit;
    private final AccessDeniedHandler delegate = new AccessDeniedHandlerImpl();

    AuditedAccessDenied(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        String who = auth == null ? "anonymous" : auth.getName();
        String role = auth != null && auth.getPrincipal() instanceof StaffPrincipal p
                ? p.role().name()
                : "ANONYMOUS";
        audit.record(
                who,
                role,
                PatientInPath.orNull(request.getRequestURI()),
                AuditAction.DENIED,
                request.getMethod() + " " + request.getRequestURI(),
                "DENIED: " + denied.getClass().getSimpleName(),
                request.getRemoteAddr());
        delegate.handle(request, response, denied);
    }
}
