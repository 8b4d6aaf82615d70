package org.relief.web;

import jakarta.servlet.http.HttpServletResponse;
import org.relief.careteam.ChartAccessDeniedException;
import org.relief.careteam.Permission;
import org.relief.careteam.StaffUserDetailsService.StaffPrincipal;
import org.relief.shared.CareOnHoldException;
import org.relief.shared.ForbiddenException;
import org.relief.shared.InvalidInputException;
import org.relief.shared.NotFoundException;
import org.relief.shared.VersionConflictException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Errors of the web pages as pages that say what happened and what to do next. */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, HttpServletResponse response) {
        return page(response, 404, "Not found", e.getMessage());
    }

    @ExceptionHandler(ChartAccessDeniedException.class)
    ModelAndView denied(ChartAccessDeniedException e, HttpServletResponse response) {
        ModelAndView mav = page(response, 403, "Not on this patient's care team", e.getMessage());
        mav.addObject("breakGlassPatient", e.patientId());
        return mav;
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden(ForbiddenException e, HttpServletResponse response) {
        return page(response, 403, "Not allowed", e.getMessage());
    }

    @ExceptionHandler(VersionConflictException.class)
    ModelAndView conflict(VersionConflictException e, HttpServletResponse response) {
        return page(response, 409, "Changed by someone else", e.getMessage());
    }

    @ExceptionHandler(CareOnHoldException.class)
    ModelAndView onHold(CareOnHoldException e, HttpServletResponse response) {
        return page(response, 409, "Interventional care is on hold", e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e, HttpServletResponse response) {
        return page(response, 400, "Invalid input", "Nothing was changed: " + e.getMessage());
    }

    private static ModelAndView page(HttpServletResponse response, int status, String title, String message) {
        response.setStatus(status);
        ModelAndView mav = new ModelAndView("error/problem");
        mav.addObject("status", status);
        mav.addObject("title", title);
        mav.addObject("message", message);
        // model attributes of @ControllerAdvice are not applied to exception views: add the signed-in user here
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal me) {
            mav.addObject("me", me);
            mav.addObject("may", Permission.allowedFor(me.role()));
        }
        return mav;
    }
}
