package org.relief.patient.web;

import java.util.List;
import org.relief.careteam.Actor;
import org.relief.patient.PatientSummary;
import org.relief.patient.Patients;
import org.relief.patient.Patients.Scope;
import org.relief.patient.Step;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff dashboard: my patients grouped by step of the way, and patient search. */
@Controller
class DashboardController {

    private final Patients patients;
    private final SearchRows rows;

    DashboardController(Patients patients, SearchRows rows) {
        this.patients = patients;
        this.rows = rows;
    }

    @GetMapping("/")
    String dashboard(Actor actor, Model model) {
        if (actor.role() == org.relief.careteam.Role.ADMIN) {
            return "redirect:/admin";
        }
        model.addAttribute("dashboard", patients.dashboard(actor, 25));
        model.addAttribute("steps", Step.values());
        return "patient/dashboard";
    }

    /** Full page, or only the results table when htmx asks as the user types. */
    @GetMapping("/patients")
    String search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "MINE") Scope scope,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Actor actor,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("scope", scope);
        List<PatientSummary> results;
        try {
            results = q.isBlank() && scope == Scope.CLINIC ? List.of() : patients.search(actor, q, scope, 50);
        } catch (org.relief.shared.InvalidInputException e) {
            // a clinic-wide search that asks for less than one person's identity finds nothing and says what it needs
            results = List.of();
            model.addAttribute("needs", Patients.CLINIC_SEARCH_NEEDS);
        }
        model.addAttribute("results", results);
        // the rows as finished text, each kept per summary: interpreted per row, they were most of the results'
        // rendering (issue 16)
        model.addAttribute("rows", rows.of(results));
        return htmx != null ? "patient/search :: results" : "patient/search";
    }
}
