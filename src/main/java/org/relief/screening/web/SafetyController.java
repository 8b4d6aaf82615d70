package org.relief.screening.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.relief.assessment.SafetyFlag;
import org.relief.careteam.Actor;
import org.relief.screening.CandidacyRules.Outcome;
import org.relief.screening.CandidacyScreen;
import org.relief.screening.SafetyProtocol;
import org.relief.screening.SafetyProtocol.RiskLevel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The safety banner and forms on the chart, the dashboard's urgent alerts, and the candidacy section. Each safety form
 * is a record Spring binds and validates ({@code @Valid @ModelAttribute}); the service refuses a bad one after its
 * guard, so an off-team post is an audited 403 whatever it carries.
 */
@Controller
class SafetyController {

    private final SafetyProtocol safety;
    private final CandidacyScreen candidacy;

    SafetyController(SafetyProtocol safety, CandidacyScreen candidacy) {
        this.safety = safety;
        this.candidacy = candidacy;
    }

    @GetMapping("/patients/{id}/safety/banner")
    String banner(@PathVariable UUID id, Actor actor, Model model) {
        model.addAttribute("status", safety.status(actor, id));
        model.addAttribute("patientId", id);
        model.addAttribute("risks", RiskLevel.values());
        model.addAttribute("concerns", SafetyFlag.Concern.values());
        return "screening/banner :: banner";
    }

    @GetMapping("/safety/alerts")
    String dashboardAlerts(Actor actor, Model model) {
        model.addAttribute("alerts", safety.dashboardAlerts(actor));
        model.addAttribute("crisisResources", safety.crisisResources());
        return "screening/dashboard-alerts :: alerts";
    }

    @PostMapping("/patients/{id}/safety/concerns")
    String report(
            @PathVariable UUID id,
            @Valid @ModelAttribute SafetyProtocol.ConcernReport form,
            BindingResult binding,
            Actor actor,
            RedirectAttributes flash) {
        safety.report(actor, id, form, binding); // refuses a bad form after the guard
        flash.addFlashAttribute("notice", "Safety alert raised; interventional care is on hold.");
        return "redirect:/patients/" + id;
    }

    @PostMapping("/patients/{id}/safety/alerts/{alertId}/follow-up")
    String followUp(
            @PathVariable UUID id,
            @PathVariable UUID alertId,
            @Valid @ModelAttribute SafetyProtocol.FollowUp form,
            BindingResult binding,
            Actor actor,
            RedirectAttributes flash) {
        safety.followUp(actor, id, alertId, form, binding);
        flash.addFlashAttribute("notice", "Follow-up documented.");
        return "redirect:/patients/" + id;
    }

    @PostMapping("/patients/{id}/safety/hold/release")
    String release(
            @PathVariable UUID id,
            @Valid @ModelAttribute SafetyProtocol.Release form,
            BindingResult binding,
            Actor actor,
            RedirectAttributes flash) {
        safety.releaseHold(actor, id, form, binding);
        flash.addFlashAttribute("notice", "Hold released: interventional care may resume.");
        return "redirect:/patients/" + id;
    }

    @GetMapping("/patients/{id}/candidacy/section")
    String candidacy(@PathVariable UUID id, Actor actor, Model model) {
        model.addAttribute("patientId", id);
        model.addAttribute("decision", candidacy.screen(actor, id));
        model.addAttribute("calls", candidacy.calls(id));
        model.addAttribute("outcomes", Outcome.values());
        return "screening/candidacy :: candidacy-section";
    }

    @PostMapping("/patients/{id}/candidacy/call")
    String call(
            @PathVariable UUID id,
            @Valid @ModelAttribute CandidacyScreen.CallForm form,
            BindingResult binding,
            Actor actor,
            RedirectAttributes flash) {
        candidacy.recordCall(actor, id, form, binding); // a bad form is refused after the guard
        flash.addFlashAttribute("notice", "Candidacy call recorded.");
        return "redirect:/patients/" + id + "#candidacy";
    }
}
