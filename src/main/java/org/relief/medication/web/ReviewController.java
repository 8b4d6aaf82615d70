package org.relief.medication.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.medication.MedicationReview;
import org.relief.medication.MedicationReviews;
import org.relief.patient.Patients;
import org.relief.shared.InvalidInputException;
import org.relief.shared.VersionConflictException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The periodic review screen: each medication with its benefit from the patient's own scores, the deprescribing
 * prompt, the decision form, and the taper plans as dated steps and a chart. A bad form comes back (400) with the
 * problems beside the fields of the medication it was for.
 */
@Controller
class ReviewController {

    private final MedicationReviews reviews;
    private final Patients patients;

    ReviewController(MedicationReviews reviews, Patients patients) {
        this.reviews = reviews;
        this.patients = patients;
    }

    @GetMapping("/patients/{id}/medication/review")
    String page(@PathVariable UUID id, Actor actor, Model model) {
        return render(id, actor, model, null, Map.of());
    }

    @PostMapping("/patients/{id}/medication/review")
    String record(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") MedicationReview.Form form,
            BindingResult binding,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError e : binding.getFieldErrors()) {
            errors.putIfAbsent(
                    e.getField(),
                    !e.isBindingFailure()
                            ? e.getDefaultMessage()
                            : e.getField().endsWith("Dose")
                                    ? "give a number (mg/day)"
                                    : e.getField().equals("firstDay")
                                                    || e.getField().equals("nextReview")
                                            ? "give a date (YYYY-MM-DD)"
                                            : "choose one of the options");
        }
        if (errors.isEmpty() && form != null) {
            try {
                MedicationReviews.Done done = reviews.record(actor, id, form);
                flash.addFlashAttribute(
                        "notice",
                        "Review recorded: " + done.review().medicationName() + ", "
                                + done.review().decision().label().toLowerCase() + ".");
                return "redirect:/patients/" + id + "/medication/review";
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
                response.setStatus(400);
            } catch (VersionConflictException e) {
                errors.put("version", e.getMessage());
                response.setStatus(409);
            }
        } else {
            reviews.requireMayReview(actor, id);
            response.setStatus(400);
        }
        return render(id, actor, model, form, errors);
    }

    private String render(UUID id, Actor actor, Model model, MedicationReview.Form form, Map<String, String> errors) {
        model.addAttribute("page", reviews.page(actor, id)); // the guard first
        model.addAttribute("patient", patients.summary(id));
        model.addAttribute("typed", form);
        model.addAttribute(
                "typedFor",
                form == null
                        ? null
                        : form.medication() == null
                                ? "start"
                                : form.medication().toString());
        model.addAttribute("errors", errors);
        model.addAttribute(
                "decisions",
                java.util.List.of(
                        MedicationReview.Decision.CONTINUE,
                        MedicationReview.Decision.CHANGE_DOSE,
                        MedicationReview.Decision.TAPER,
                        MedicationReview.Decision.STOP));
        return "medication/review";
    }
}
