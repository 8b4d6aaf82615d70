package org.relief.web;

import org.relief.careteam.StaffUserDetailsService.StaffPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in staff member into every page's model for the header and navigation. */
@ControllerAdvice
class LayoutAdvice {

    @ModelAttribute("me")
    StaffPrincipal me(@AuthenticationPrincipal StaffPrincipal principal) {
        return principal;
    }
}
