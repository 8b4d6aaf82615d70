package org.relief.medication.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.medication.DoseForm;
import org.relief.medication.MedicationForm;
import org.relief.medication.Medications;
import org.relief.medication.Route;
import org.relief.medication.SafetyRecordKind;
import org.relief.medication.StrengthUnit;
import org.relief.patient.Patients;
import org.relief.shared.InvalidInputException;
import org.relief.shared.VersionConflictException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The medication page of a patient (structured medications, those still to reconcile, the opioid safety panel and
 * its records) and the chart's compact panel. A bad form comes back with the problems beside their fields (400),
 * nothing stored.
 */
@Controller
class MedicationController {
    // Why over 300 lines: one page with five forms (add or correct, void, stop, safety records, acknowledgements), each
    // re-rendering the page with its problems; next split: the safety records' posts.

    private final Medications medications;
    private final Patients patients;

    MedicationController(Medications medications, Patients patients) {
        this.medications = medications;
        this.patients = patients;
    }

    @GetMapping("/patients/{id}/medication")
    String page(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID structure,
            @RequestParam(required = false) UUID edit,
            Actor actor,
            Model model) {
        MedicationForm form = empty(null);
        if (edit != null) {
            Medications.Entry e = medications.current(actor, id, edit).orElse(null);
            if (e != null) {
                model.addAttribute("editing", e);
                model.addAttribute("editVersion", e.version());
                return render(id, actor, model, MedicationForm.of(e.medication(), e.sigText(), null), Map.of());
            }
        }
        if (structure != null) {
            form = medications
                    .toReconcile(actor, id, structure)
                    .map(t -> new MedicationForm(
                            guessIngredient(t.name()),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            "",
                            t.startDate(),
                            null,
                            null,
                            null,
                            null,
                            t.entryId()))
                    .orElse(form);
            model.addAttribute(
                    "structuring", medications.toReconcile(actor, id, structure).orElse(null));
        }
        return render(id, actor, model, form, Map.of());
    }

    @PostMapping("/patients/{id}/medication")
    String add(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") MedicationForm form,
            BindingResult binding,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Map<String, String> errors = errors(binding);
        if (form == null) { // a value that did not convert can leave no form to show: start from a blank one
            form = empty(null);
        }
        if (errors.isEmpty()) {
            try {
                Medications.Entry saved = medications.add(actor, id, form);
                flash.addFlashAttribute("notice", saved.name() + " added: " + saved.sigWords() + ".");
                return "redirect:/patients/" + id + "/medication";
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
            }
        } else {
            // the guard still decides (and audits) who may try: a refused role gets its 403, not the form
            medications.requireMayWrite(actor, id, "add medication");
        }
        response.setStatus(400);
        if (form.structures() != null) {
            model.addAttribute(
                    "structuring",
                    medications.toReconcile(actor, id, form.structures()).orElse(null));
        }
        return render(id, actor, model, form, errors);
    }

    @PostMapping("/patients/{id}/medication/{entryId}/stop")
    String stop(
            @PathVariable UUID id,
            @PathVariable UUID entryId,
            @RequestParam int version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate stopDate,
            @RequestParam(required = false) String reason,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            Medications.Entry stopped = medications.stop(actor, id, entryId, version, stopDate, reason);
            flash.addFlashAttribute(
                    "notice",
                    stopped.name() + " stopped on " + stopped.medication().stop() + ".");
            return "redirect:/patients/" + id + "/medication";
        } catch (InvalidInputException | VersionConflictException e) {
            Map<String, String> errors = refused(e, response);
            model.addAttribute("stopErrors", errors);
            model.addAttribute("stopEntry", entryId);
            return render(id, actor, model, empty(null), Map.of());
        }
    }

    /** A refused stop or void: 409 for a stale version, else 400; the problems by field, first one each. */
    private static Map<String, String> refused(RuntimeException e, HttpServletResponse response) {
        response.setStatus(e instanceof VersionConflictException ? 409 : 400);
        Map<String, String> errors = new LinkedHashMap<>();
        if (e instanceof InvalidInputException bad) {
            bad.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
        } else {
            errors.put("version", e.getMessage());
        }
        return errors;
    }

    /** A correction: the next version, from the version the person read; a stale one is a 409 keeping what was typed. */
    @PostMapping("/patients/{id}/medication/{entryId}/correct")
    String correct(
            @PathVariable UUID id,
            @PathVariable UUID entryId,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reason,
            @Valid @ModelAttribute("form") MedicationForm form,
            BindingResult binding,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Map<String, String> errors = errors(binding);
        if (form == null) {
            form = empty(null);
        }
        if (errors.isEmpty()) {
            try {
                Medications.Entry saved = medications.correct(actor, id, entryId, version, form, reason);
                flash.addFlashAttribute("notice", saved.name() + " corrected (version " + saved.version() + ").");
                return "redirect:/patients/" + id + "/medication";
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
                response.setStatus(400);
            } catch (VersionConflictException e) {
                errors.put("version", e.getMessage());
                response.setStatus(409);
            }
        } else {
            medications.requireMayWrite(actor, id, "correct medication " + entryId);
            if (reason == null || reason.isBlank()) {
                errors.putIfAbsent("reason", "say why it is corrected");
            }
            response.setStatus(400);
        }
        model.addAttribute("editing", medications.current(actor, id, entryId).orElse(null));
        model.addAttribute("editVersion", version);
        model.addAttribute("editReason", reason);
        return render(id, actor, model, form, errors);
    }

    @PostMapping("/patients/{id}/medication/{entryId}/void")
    String voidMedication(
            @PathVariable UUID id,
            @PathVariable UUID entryId,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reason,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            medications.voidMedication(actor, id, entryId, version, reason);
            flash.addFlashAttribute("notice", "The medication was voided; its versions stay readable.");
            return "redirect:/patients/" + id + "/medication";
        } catch (InvalidInputException | VersionConflictException e) {
            Map<String, String> errors = refused(e, response);
            model.addAttribute("voidErrors", errors);
            model.addAttribute("voidEntry", entryId);
            model.addAttribute("voidReason", reason);
            return render(id, actor, model, empty(null), Map.of());
        }
    }

    @PostMapping("/patients/{id}/medication/safety-records")
    String record(
            @PathVariable UUID id,
            @RequestParam(required = false) SafetyRecordKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate onDate,
            @RequestParam(required = false) String finding,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            Medications.SafetyRecord saved = medications.record(actor, id, kind, onDate, finding);
            flash.addFlashAttribute("notice", saved.kind().label() + " recorded for " + saved.onDate() + ".");
            return "redirect:/patients/" + id + "/medication#safety";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
            model.addAttribute("safetyErrors", errors);
            model.addAttribute("safetyKind", kind);
            model.addAttribute("safetyFinding", finding);
            return render(id, actor, model, empty(null), Map.of());
        }
    }

    @PostMapping("/patients/{id}/medication/flags/{code}/acknowledge")
    String acknowledge(
            @PathVariable UUID id,
            @PathVariable String code,
            @RequestParam(required = false) String reason,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            medications.acknowledge(actor, id, code, reason);
            flash.addFlashAttribute("notice", "Flag acknowledged; the reason is kept with it.");
            return "redirect:/patients/" + id + "/medication#safety";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
            model.addAttribute("ackErrors", errors);
            model.addAttribute("ackCode", code);
            return render(id, actor, model, empty(null), Map.of());
        }
    }

    /** The chart's compact panel (loaded into the chart page by htmx). */
    @GetMapping("/patients/{id}/medication/panel")
    String panel(@PathVariable UUID id, Actor actor, Model model) {
        model.addAttribute("pid", id);
        model.addAttribute("panel", medications.panel(actor, id));
        return "medication/panel :: compact";
    }

    private String render(UUID id, Actor actor, Model model, MedicationForm form, Map<String, String> errors) {
        model.addAttribute("page", medications.page(actor, id)); // the guard first: 404/403 audited
        model.addAttribute("patient", patients.summary(id));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("ingredients", medications.ingredients());
        model.addAttribute("strengthUnits", StrengthUnit.values());
        model.addAttribute("doseForms", DoseForm.values());
        model.addAttribute("routes", Route.values());
        model.addAttribute(
                "recordKinds",
                java.util.List.of(
                        SafetyRecordKind.NALOXONE_OFFERED,
                        SafetyRecordKind.PDMP_CHECKED,
                        SafetyRecordKind.URINE_DRUG_TEST,
                        SafetyRecordKind.TREATMENT_AGREEMENT));
        model.addAttribute("today", LocalDate.now());
        model.asMap().putIfAbsent("stopErrors", Map.of());
        model.asMap().putIfAbsent("safetyErrors", Map.of());
        model.asMap().putIfAbsent("ackErrors", Map.of());
        model.asMap().putIfAbsent("voidErrors", Map.of());
        return "medication/page";
    }

    private static MedicationForm empty(UUID structures) {
        return new MedicationForm(
                "", null, null, null, null, null, null, null, "", null, null, null, null, null, structures);
    }

    private String guessIngredient(String freeText) {
        String lower = freeText == null ? "" : freeText.toLowerCase();
        return medications.ingredients().stream()
                .map(e -> e.name())
                .filter(n -> lower.matches(".*\\b" + java.util.regex.Pattern.quote(n.toLowerCase()) + "\\b.*"))
                .findFirst()
                .orElse("");
    }

    /** Bean Validation's and binding's problems, in words, by field (a number or date that does not read too). */
    static Map<String, String> errors(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError e : binding.getFieldErrors()) {
            String message = e.isBindingFailure()
                    ? switch (e.getField()) {
                        case "start" -> "give a date (YYYY-MM-DD)";
                        case "lastDoseTaken" -> "give a date and time";
                        case "strength", "secondStrength" -> "give the strength as a number";
                        default -> "choose one of the options";
                    }
                    : e.getDefaultMessage();
            errors.putIfAbsent(e.getField(), message);
        }
        return errors;
    }
}
