package org.relief.web;

import java.util.Map;
import org.relief.careteam.Permission;
import org.relief.careteam.StaffUserDetailsService.StaffPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in staff member into every page's model for the header and navigation, and what their role may do
 * ({@code ${may.WRITE_MEDICATIONS}}) so that pages offer only the forms and buttons the role can save.
 */
@ControllerAdvice
class LayoutAdvice {

    @ModelAttribute("me")
    StaffPrincipal me(@AuthenticationPrincipal StaffPrincipal principal) {
        return principal;
    }

    @ModelAttribute("may")
    Map<String, Boolean> may(@AuthenticationPrincipal StaffPrincipal principal) {
        return Permission.allowedFor(principal == null ? null : principal.role());
    }
}
