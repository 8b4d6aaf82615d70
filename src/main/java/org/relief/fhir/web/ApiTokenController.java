package org.relief.fhir.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.careteam.Role;
import org.relief.careteam.StaffDirectory;
import org.relief.fhir.token.ApiTokens;
import org.relief.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's API tokens page: issue (the token is shown once), list, revoke. Under /admin, so admins only. */
@Controller
class ApiTokenController {

    private final ApiTokens tokens;
    private final StaffDirectory staff;

    ApiTokenController(ApiTokens tokens, StaffDirectory staff) {
        this.tokens = tokens;
        this.staff = staff;
    }

    @GetMapping("/admin/api-tokens")
    String list(Model model) {
        model.addAttribute("tokens", tokens.all());
        model.addAttribute(
                "staff",
                staff.all().stream()
                        .filter(s -> s.role() != Role.ADMIN && s.enabled())
                        .toList());
        return "admin/api-tokens";
    }

    @PostMapping("/admin/api-tokens")
    String issue(
            @RequestParam String name,
            @RequestParam(required = false) List<String> scopes,
            @RequestParam(required = false) UUID staffId,
            Actor actor,
            Model model,
            HttpServletResponse response) {
        try {
            var issued = tokens.issue(actor, name, Set.copyOf(scopes == null ? List.of() : scopes), staffId);
            model.addAttribute("issued", issued.token());
            model.addAttribute("issuedName", name.strip());
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("errors", e.problems());
        }
        return list(model);
    }

    @PostMapping("/admin/api-tokens/{id}/revoke")
    String revoke(@PathVariable UUID id, Actor actor, RedirectAttributes flash) {
        tokens.revoke(actor, id);
        flash.addFlashAttribute("notice", "Token revoked: it no longer opens /fhir.");
        return "redirect:/admin/api-tokens";
    }
}
