package org.relief.patient.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.patient.ChartPage;
import org.relief.patient.ChartService;
import org.relief.patient.EntryKind;
import org.relief.patient.Patients;
import org.relief.patient.Step;
import org.relief.record.Versioned;
import org.relief.shared.InvalidInputException;
import org.relief.shared.VersionConflictException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The chart page and the forms that add, correct and void its entries. */
@Controller
class ChartController {

    private final ChartService charts;
    private final Patients patients;
    private final ChartAccess access;
    private final EntryForms forms;
    private final ChartRows rows;
    private final EntryPermissions permissions;

    ChartController(
            ChartService charts,
            Patients patients,
            ChartAccess access,
            EntryForms forms,
            ChartRows rows,
            EntryPermissions permissions) {
        this.charts = charts;
        this.patients = patients;
        this.access = access;
        this.forms = forms;
        this.rows = rows;
        this.permissions = permissions;
    }

    /** Long sections (a ten-year history has hundreds of visits) show the newest rows unless all are asked for. */
    private static final int SECTION_ROWS = 20;

    @GetMapping("/patients/{id}")
    String chart(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean full, Actor actor, Model model) {
        // each long section read only to the rows shown (a ten-year history has 300 visits), all with ?full=true
        ChartPage page = charts.chartPage(actor, id, full ? Integer.MAX_VALUE : SECTION_ROWS);
        model.addAttribute("page", page);
        model.addAttribute("rows", rows.of(page, id, permissions.writableBy(actor.role())));
        model.addAttribute("limit", SECTION_ROWS);
        // the safety gate decides which steps are open (while care is on hold: mental health first, or discharge)
        model.addAttribute("steps", patients.openSteps(id));
        model.addAttribute("allSteps", Step.values().length);
        model.addAttribute("sourceRecordNumbers", patients.sourceRecordNumbers(id));
        return "patient/chart";
    }

    /** A new entry's form; query parameters named like its fields prefill them (e.g. ?episodeId=...). */
    @GetMapping("/patients/{id}/{slug}/new")
    String newEntry(
            @PathVariable UUID id,
            @PathVariable String slug,
            @RequestParam Map<String, String> prefill,
            Actor actor,
            Model model) {
        EntryKind<?> kind = kind(slug);
        charts.openForm(actor, id, kind, "form to add " + kind.label().toLowerCase());
        return form(model, id, kind, null, prefill, Map.of(), null);
    }

    @PostMapping("/patients/{id}/{slug}")
    String add(
            @PathVariable UUID id,
            @PathVariable String slug,
            @RequestParam Map<String, String> params,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        EntryKind<?> kind = kind(slug);
        charts.requireMayWrite(actor, id, kind, "add " + slug); // a role that may not save gets 403, not field errors
        try {
            Versioned<?> saved = addTyped(actor, id, kind, params);
            flash.addFlashAttribute("notice", kind.label() + " added.");
            return "redirect:" + home(id, kind) + "#" + kind.slug() + "-" + saved.entryId();
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return form(model, id, kind, null, params, EntryForms.byField(e.problems()), null);
        }
    }

    @GetMapping("/patients/{id}/{slug}/{entryId}/edit")
    String edit(
            @PathVariable UUID id, @PathVariable String slug, @PathVariable UUID entryId, Actor actor, Model model) {
        EntryKind<?> kind = kind(slug);
        charts.openForm(actor, id, kind, "form to correct " + kind.label().toLowerCase() + " " + entryId);
        Versioned<?> current = charts.entry(actor, id, kind, entryId);
        return form(model, id, kind, current, EntryForms.values(current.data()), Map.of(), null);
    }

    @PostMapping("/patients/{id}/{slug}/{entryId}")
    String correct(
            @PathVariable UUID id,
            @PathVariable String slug,
            @PathVariable UUID entryId,
            @RequestParam int version,
            @RequestParam(required = false) String changeReason,
            @RequestParam Map<String, String> params,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        EntryKind<?> kind = kind(slug);
        charts.requireMayWrite(actor, id, kind, "correct " + slug + " " + entryId);
        try {
            correctTyped(actor, id, kind, entryId, version, params, changeReason);
            flash.addFlashAttribute("notice", kind.label() + " corrected; the earlier version is kept in its history.");
            return "redirect:" + home(id, kind) + "#" + kind.slug() + "-" + entryId;
        } catch (InvalidInputException e) {
            response.setStatus(400);
            Versioned<?> current = charts.entry(actor, id, kind, entryId);
            return form(model, id, kind, current, params, EntryForms.byField(e.problems()), changeReason);
        } catch (VersionConflictException e) {
            // someone else saved first: nothing typed is lost. The form keeps this person's change, now against the
            // current version (saving again applies it on top), and the current version is shown beside it.
            response.setStatus(409);
            Versioned<?> current = charts.entry(actor, id, kind, entryId);
            String view = form(model, id, kind, current, params, Map.of(), changeReason);
            model.addAttribute("conflict", e);
            model.addAttribute("currentValues", EntryForms.values(current.data()));
            return view;
        }
    }

    @PostMapping("/patients/{id}/{slug}/{entryId}/void")
    String voidEntry(
            @PathVariable UUID id,
            @PathVariable String slug,
            @PathVariable UUID entryId,
            @RequestParam int version,
            @RequestParam(defaultValue = "") String reason,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        EntryKind<?> kind = kind(slug);
        try {
            charts.voidEntry(actor, id, kind, entryId, version, reason);
        } catch (VersionConflictException e) {
            // changed by someone else first: show every version, and the void form again with the typed reason,
            // now against the current version
            response.setStatus(409);
            model.addAttribute("conflict", e);
            model.addAttribute("voidReason", reason);
            return history(id, slug, entryId, actor, model);
        }
        flash.addFlashAttribute("notice", kind.label() + " voided; it stays readable in its history.");
        return "redirect:" + home(id, kind);
    }

    /** The void form: the entry's history with a reason to give (the chart's rows link here). */
    @GetMapping("/patients/{id}/{slug}/{entryId}/void")
    String voidForm(
            @PathVariable UUID id, @PathVariable String slug, @PathVariable UUID entryId, Actor actor, Model model) {
        String view = history(id, slug, entryId, actor, model);
        model.addAttribute("voiding", true);
        return view;
    }

    @GetMapping("/patients/{id}/{slug}/{entryId}/history")
    String history(
            @PathVariable UUID id, @PathVariable String slug, @PathVariable UUID entryId, Actor actor, Model model) {
        EntryKind<?> kind = kind(slug);
        var versions = charts.history(actor, id, kind, entryId); // the guard first
        model.addAttribute("patient", patients.summary(id));
        model.addAttribute("kind", kind);
        model.addAttribute("fields", forms.fields(kind));
        model.addAttribute(
                "versions",
                versions.stream()
                        .map(v -> Map.of("v", v, "values", EntryForms.values(v.data())))
                        .toList());
        model.addAttribute("latest", versions.isEmpty() ? null : versions.get(0)); // newest first
        model.addAttribute("slug", slug);
        if (!model.containsAttribute("voiding")) {
            model.addAttribute("voiding", false);
        }
        return "patient/history";
    }

    @PostMapping("/patients/{id}/break-glass")
    String breakGlass(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            access.breakGlass(actor, id, reason);
        } catch (IllegalArgumentException e) {
            response.setStatus(400);
            model.addAttribute("status", 403);
            model.addAttribute("title", "Not on this patient's care team");
            model.addAttribute("message", "You are not on this patient's care team.");
            model.addAttribute("breakGlassPatient", id);
            model.addAttribute("reasonError", "Say why you need this chart (at least 10 characters).");
            return "error/problem";
        }
        flash.addFlashAttribute("notice", "You broke the glass. This access is recorded and reported to the admin.");
        return "redirect:/patients/" + id;
    }

    @PostMapping("/patients/{id}/step")
    String step(
            @PathVariable UUID id,
            @RequestParam Step step,
            @RequestParam(defaultValue = "") String note,
            Actor actor,
            RedirectAttributes flash) {
        patients.changeStep(actor, id, step, note.isBlank() ? null : note.strip());
        flash.addFlashAttribute("notice", "Moved to " + step.label() + ".");
        return "redirect:/patients/" + id;
    }

    private String form(
            Model model,
            UUID patientId,
            EntryKind<?> kind,
            Versioned<?> current,
            Map<String, String> values,
            Map<String, String> errors,
            String changeReason) {
        model.addAttribute("patient", patients.summary(patientId));
        model.addAttribute("kind", kind);
        model.addAttribute("fields", forms.fields(kind));
        model.addAttribute("current", current);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("changeReason", changeReason);
        model.addAttribute("icd10", org.relief.patient.Icd10Catalog.COMMON);
        model.addAttribute("therapies", forms.therapies());
        model.addAttribute("back", home(patientId, kind));
        return "patient/entry-form";
    }

    private <T extends Record> Versioned<T> addTyped(
            Actor actor, UUID id, EntryKind<T> kind, Map<String, String> params) {
        return charts.add(actor, id, kind, forms.bind(kind.type(), params, ""));
    }

    private <T extends Record> Versioned<T> correctTyped(
            Actor actor,
            UUID id,
            EntryKind<T> kind,
            UUID entryId,
            int version,
            Map<String, String> params,
            String reason) {
        return charts.correct(actor, id, kind, entryId, version, forms.bind(kind.type(), params, ""), reason);
    }

    private static String home(UUID id, EntryKind<?> kind) {
        return "/patients/" + id + (kind.home().isEmpty() ? "" : "/" + kind.home());
    }

    private EntryKind<?> kind(String slug) {
        return charts.kind(slug);
    }
}
