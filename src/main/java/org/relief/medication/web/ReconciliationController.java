package org.relief.medication.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.medication.DoseForm;
import org.relief.medication.Medications;
import org.relief.medication.Reconciliation;
import org.relief.medication.Reconciliations;
import org.relief.medication.Route;
import org.relief.medication.StrengthUnit;
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
 * The reconciliation screen: the referral's list beside the current structured list, every line decided in one
 * form. A bad form comes back as typed with each problem beside its line (400); a line changed meanwhile is a 409
 * keeping what was typed.
 */
@Controller
class ReconciliationController {

    private final Reconciliations reconciliations;
    private final Medications medications;
    private final Patients patients;

    ReconciliationController(Reconciliations reconciliations, Medications medications, Patients patients) {
        this.reconciliations = reconciliations;
        this.medications = medications;
        this.patients = patients;
    }

    @GetMapping("/patients/{id}/medication/reconcile")
    String page(@PathVariable UUID id, Actor actor, Model model) {
        Reconciliations.Worklist wl = reconciliations.worklist(actor, id);
        return render(id, model, wl, wl.form(), Map.of());
    }

    @PostMapping("/patients/{id}/medication/reconcile")
    String reconcile(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") Reconciliation.Form form,
            BindingResult binding,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Map<String, String> errors = errors(binding);
        if (errors.isEmpty() && form != null) {
            try {
                Reconciliations.Done done = reconciliations.reconcile(actor, id, form);
                flash.addFlashAttribute(
                        "notice",
                        "Reconciliation recorded: " + done.count(Reconciliation.Decision.CONFIRMED) + " confirmed, "
                                + done.count(Reconciliation.Decision.CHANGED) + " changed, "
                                + done.count(Reconciliation.Decision.STOPPED) + " stopped, "
                                + done.count(Reconciliation.Decision.LEFT_TO_RECONCILE) + " left to reconcile.");
                return "redirect:/patients/" + id + "/medication";
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
                response.setStatus(400);
            } catch (VersionConflictException e) {
                errors.put("lines", e.getMessage());
                response.setStatus(409);
            }
        } else {
            reconciliations.requireMayReconcile(actor, id); // the guard decides (and audits) who may try
            response.setStatus(400);
        }
        Reconciliations.Worklist wl = reconciliations.worklist(actor, id);
        Reconciliation.Form typed = form == null || form.lines() == null ? wl.form() : form;
        return render(id, model, wl, typed, errors);
    }

    private String render(
            UUID id, Model model, Reconciliations.Worklist wl, Reconciliation.Form form, Map<String, String> errors) {
        Map<UUID, String> listed = new HashMap<>();
        Map<UUID, String> detail = new HashMap<>();
        for (Medications.ToReconcile t : wl.referralList()) {
            listed.put(t.entryId(), t.asWritten());
            detail.put(
                    t.entryId(),
                    "written by " + t.recordedBy() + (t.startDate() == null ? "" : ", since " + t.startDate()));
        }
        for (Medications.Entry e : wl.current()) {
            listed.put(e.entryId(), e.name() + ", " + e.sigWords());
            detail.put(
                    e.entryId(),
                    (e.medication().prescriber() == null
                                    ? ""
                                    : e.medication().prescriber().ours()
                                            ? "ours ("
                                                    + e.medication()
                                                            .prescriber()
                                                            .name() + ")"
                                            : "outside: "
                                                    + e.medication()
                                                            .prescriber()
                                                            .name())
                            + (e.medication().start() == null
                                    ? ""
                                    : ", since " + e.medication().start()));
        }
        model.addAttribute("patient", patients.summary(id));
        model.addAttribute("wl", wl);
        model.addAttribute("form", form);
        model.addAttribute("listed", listed);
        model.addAttribute("detail", detail);
        model.addAttribute("errors", errors);
        model.addAttribute("ingredients", medications.ingredients());
        model.addAttribute("strengthUnits", StrengthUnit.values());
        model.addAttribute("doseForms", DoseForm.values());
        model.addAttribute("routes", Route.values());
        model.addAttribute("occasions", Reconciliation.Occasion.values());
        model.addAttribute("decisions", Reconciliation.Decision.values());
        model.addAttribute("lineErrors", lineErrors(form, errors));
        return "medication/reconcile";
    }

    /** The lines with a problem (to open them and mark them). */
    private static List<Integer> lineErrors(Reconciliation.Form form, Map<String, String> errors) {
        int n = form == null || form.lines() == null ? 0 : form.lines().size();
        return java.util.stream.IntStream.range(0, n)
                .filter(i -> errors.keySet().stream().anyMatch(k -> k.startsWith("lines[" + i + "]")))
                .boxed()
                .toList();
    }

    /** Binding's and Bean Validation's problems in words, by field ("lines[0].medication.strength"). */
    static Map<String, String> errors(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError e : binding.getFieldErrors()) {
            String f = e.getField();
            String message = !e.isBindingFailure()
                    ? e.getDefaultMessage()
                    : f.endsWith("trength")
                            ? "give the strength as a number"
                            : f.endsWith("start")
                                    ? "give a date (YYYY-MM-DD)"
                                    : f.endsWith("lastDoseTaken")
                                            ? "give a date and time"
                                            : f.endsWith("version") ? "reload the screen" : "choose one of the options";
            errors.putIfAbsent(f, message);
        }
        return errors;
    }
}
