package org.relief.evaluation.web;

import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.evaluation.Evaluations;
import org.relief.patient.Patients;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The evaluation page (entries are added through the chart's generic forms, which return here). */
@Controller
class EvaluationController {

    private final Evaluations evaluations;
    private final Patients patients;

    EvaluationController(Evaluations evaluations, Patients patients) {
        this.evaluations = evaluations;
        this.patients = patients;
    }

    @GetMapping("/patients/{id}/evaluation")
    String page(@PathVariable UUID id, Actor actor, Model model) {
        model.addAttribute("episode", evaluations.latest(actor, id).orElse(null)); // the guard first
        model.addAttribute("patient", patients.summary(id));
        model.addAttribute("today", java.time.LocalDate.now().toString());
        // the safety gate: signing moves the patient to planning, which a hold forbids
        model.addAttribute("mayMoveToPlanning", patients.allowsStep(id, org.relief.patient.Step.PLANNING));
        return "evaluation/page";
    }

    /** A summary card for the chart page (loaded by htmx). */
    @GetMapping("/patients/{id}/evaluation/summary")
    String summary(@PathVariable UUID id, Actor actor, Model model) {
        model.addAttribute("patientId", id);
        model.addAttribute("episode", evaluations.latest(actor, id).orElse(null));
        return "evaluation/page :: evaluation-summary";
    }

    @PostMapping("/patients/{id}/evaluation/start")
    String start(@PathVariable UUID id, Actor actor, RedirectAttributes flash) {
        evaluations.start(actor, id);
        flash.addFlashAttribute("notice", "Evaluation started.");
        return "redirect:/patients/" + id + "/evaluation";
    }

    @PostMapping("/patients/{id}/evaluation/{episodeId}/sign")
    String sign(@PathVariable UUID id, @PathVariable UUID episodeId, Actor actor, RedirectAttributes flash) {
        evaluations.sign(actor, id, episodeId);
        flash.addFlashAttribute("notice", "Evaluation signed; the patient moves to planning.");
        return "redirect:/patients/" + id + "/evaluation";
    }
}
