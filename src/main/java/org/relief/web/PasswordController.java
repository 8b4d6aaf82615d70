package org.relief.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.relief.careteam.Actor;
import org.relief.careteam.PasswordPolicy;
import org.relief.careteam.StaffDirectory;
import org.relief.careteam.StaffDirectory.PasswordChangeRefusedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every signed-in staff member changes their own password here: the current one, the new one twice. The new one
 * must pass the {@link PasswordPolicy}; the change is audited and signs out the member's other sessions.
 */
@Controller
class PasswordController {

    private final StaffDirectory staff;
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    PasswordController(StaffDirectory staff, ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
        this.staff = staff;
        this.sessions = sessions;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute("min", PasswordPolicy.MIN);
        model.addAttribute("max", PasswordPolicy.MAX);
        return "account/password";
    }

    @PostMapping("/account/password")
    String change(
            @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirm,
            Actor actor,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!password.equals(confirm)) {
            errors.put("confirm", "does not match the new password");
        } else {
            try {
                staff.changeOwnPassword(actor, current, password);
                signOutOtherSessions(actor.username(), request);
                flash.addFlashAttribute("notice", "Your password is changed. Your other sessions are signed out.");
                return "redirect:/";
            } catch (PasswordChangeRefusedException e) {
                errors.put(e.refused().field(), e.refused().message());
            }
        }
        response.setStatus(400);
        model.addAttribute("errors", errors);
        return form(model);
    }

    private void signOutOtherSessions(String username, HttpServletRequest request) {
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        var mine = request.getSession(false);
        if (repository != null) {
            repository.findByPrincipalName(username).keySet().stream()
                    .filter(id -> mine == null || !id.equals(mine.getId()))
                    .forEach(repository::deleteById);
        }
    }
}
