package org.relief.portal.web;

import java.time.LocalDate;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.patient.Patients;
import org.relief.portal.Diary;
import org.relief.portal.DiarySignals;
import org.relief.portal.PortalAccounts;
import org.relief.portal.Questionnaires;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff side of the portal, on the chart: the patient's portal access (invite, a new code as a password reset,
 * disable), diary adherence with the latest entries, and the questionnaires assigned. Through the guard, as every
 * chart door.
 */
@Controller
class PortalStaffController {

    private final PortalAccounts accounts;
    private final Diary diary;
    private final Questionnaires questionnaires;
    private final Patients patients;
    private final DiarySignals signals;

    PortalStaffController(
            PortalAccounts accounts,
            Diary diary,
            Questionnaires questionnaires,
            Patients patients,
            DiarySignals signals) {
        this.signals = signals;
        this.accounts = accounts;
        this.diary = diary;
        this.questionnaires = questionnaires;
        this.patients = patients;
    }

    /** The dashboard's diary signals (htmx): PEG rising by the meaningful change in a week, a silent diary. */
    @GetMapping("/diary/signals")
    String signals(Actor actor, Model model) {
        model.addAttribute("signals", signals.forDashboard(actor));
        return "portal/signals :: signals";
    }

    /** The chart's portal panel (htmx). */
    @GetMapping("/patients/{id}/portal/panel")
    String panel(@PathVariable UUID id, Actor actor, Model model) {
        model.addAttribute("adherence", diary.adherence(actor, id));
        model.addAttribute("assignments", questionnaires.list(actor, id));
        model.addAttribute("account", accounts.status(id));
        model.addAttribute("instruments", Questionnaires.answerable());
        model.addAttribute("patientId", id);
        model.addAttribute("today", LocalDate.now());
        return "portal/panel :: panel";
    }

    /** A new one-time code (first invitation or password reset), shown once on a printable page. */
    @PostMapping("/patients/{id}/portal/invite")
    String invite(@PathVariable UUID id, Actor actor, Model model) {
        PortalAccounts.Invitation invitation = accounts.invite(actor, id);
        model.addAttribute("code", PortalAccounts.display(invitation.code()));
        model.addAttribute("expiresAt", invitation.expiresAt());
        model.addAttribute("patient", patients.summary(id));
        return "portal/invitation";
    }

    @PostMapping("/patients/{id}/portal/disable")
    String disable(@PathVariable UUID id, Actor actor, RedirectAttributes flash) {
        accounts.disable(actor, id);
        flash.addFlashAttribute("notice", "Portal access disabled. A new invitation turns it on again.");
        return "redirect:/patients/" + id;
    }

    /** Assign a questionnaire due by a date; a bad choice or date is a 400 naming the field (after the guard). */
    @PostMapping("/patients/{id}/portal/questionnaires")
    String assign(
            @PathVariable UUID id,
            @RequestParam(required = false) String instrument,
            @RequestParam(required = false) String dueOn,
            Actor actor,
            RedirectAttributes flash) {
        // read here and refused by the service after its guard: off the team, even a bad date is the audited 403
        LocalDate due;
        try {
            due = dueOn == null || dueOn.isBlank() ? null : LocalDate.parse(dueOn.strip());
        } catch (java.time.format.DateTimeParseException e) {
            due = null;
        }
        var a = questionnaires.assign(actor, id, instrument, due);
        flash.addFlashAttribute("notice", a.instrumentName() + " assigned in the portal, due " + a.dueOn() + ".");
        return "redirect:/patients/" + id;
    }
}
