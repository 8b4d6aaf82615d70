package org.relief.letters.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.letters.ConsultLetters;
import org.relief.letters.LetterText;
import org.relief.letters.Reports;
import org.relief.patient.Patients;
import org.relief.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The patient's letters page (the consult letter: preview, edit, save, sign; the other documents to print) and the
 * PDFs. Every route opens the chart through the services (the guard, audited). A PDF that cannot be made yet (no
 * signed evaluation, no procedure, no signed plan) leads back to the letters page, which says why.
 */
@Controller
class LetterController {

    private final ConsultLetters letters;
    private final Reports reports;
    private final Patients patients;

    LetterController(ConsultLetters letters, Reports reports, Patients patients) {
        this.letters = letters;
        this.reports = reports;
        this.patients = patients;
    }

    @GetMapping("/patients/{id}/letters")
    String page(@PathVariable UUID id, Actor actor, Model model) {
        return render(id, actor, model, null, Map.of());
    }

    @PostMapping("/patients/{id}/letters/consult/draft")
    String saveDraft(
            @PathVariable UUID id,
            @Valid @ModelAttribute("text") LetterText text,
            BindingResult binding,
            @RequestParam Map<String, String> raw,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            var saved = letters.saveDraft(actor, id, text, binding);
            flash.addFlashAttribute("notice", "Draft saved (version " + saved.version() + ").");
            return "redirect:/patients/" + id + "/letters";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return render(id, actor, model, typed(text, raw), problems(e));
        }
    }

    @PostMapping("/patients/{id}/letters/consult/sign")
    String sign(
            @PathVariable UUID id,
            @Valid @ModelAttribute("text") LetterText text,
            BindingResult binding,
            @RequestParam Map<String, String> raw,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            var signed = letters.sign(actor, id, text, binding);
            flash.addFlashAttribute(
                    "notice", "Consult letter signed (version " + signed.version() + "): its PDF is on the chart.");
            return "redirect:/patients/" + id + "/letters";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return render(id, actor, model, typed(text, raw), problems(e));
        }
    }

    /** The consult letter: the signed PDF (or the version asked for), else the draft marked DRAFT on every page. */
    @GetMapping("/patients/{id}/letters/consult.pdf")
    ResponseEntity<byte[]> consultPdf(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID letter,
            @RequestParam(required = false) Integer version,
            Actor actor) {
        return pdf(id, letters.pdf(actor, id, letter, version), "consult-letter");
    }

    /** The report of a procedure performed (the latest when none is named). */
    @GetMapping("/patients/{id}/letters/procedure-report.pdf")
    ResponseEntity<byte[]> procedureReport(
            @PathVariable UUID id, @RequestParam(required = false) UUID procedure, Actor actor) {
        return pdf(id, reports.procedureReport(actor, id, procedure), "procedure-report");
    }

    /** The patient's plan in plain language (the latest signed plan). */
    @GetMapping("/patients/{id}/letters/plan.pdf")
    ResponseEntity<byte[]> plan(@PathVariable UUID id, Actor actor) {
        return pdf(id, reports.patientPlan(actor, id), "my-plan");
    }

    /** The discharge summary: course, trajectory, final against baseline scores, medications at discharge. */
    @GetMapping("/patients/{id}/letters/discharge.pdf")
    ResponseEntity<byte[]> discharge(@PathVariable UUID id, Actor actor) {
        return pdf(id, reports.dischargeSummary(actor, id), "discharge-summary");
    }

    private ResponseEntity<byte[]> pdf(UUID id, Optional<byte[]> pdf, String name) {
        if (pdf.isEmpty()) {
            return ResponseEntity.status(303)
                    .header(HttpHeaders.LOCATION, "/patients/" + id + "/letters")
                    .build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name + "-" + patients.summary(id).mrn() + ".pdf")
                                .build()
                                .toString())
                .body(pdf.get());
    }

    private String render(UUID id, Actor actor, Model model, LetterText typed, Map<String, String> errors) {
        ConsultLetters.Preview preview = letters.preview(actor, id); // the guard first: 404/403 audited
        model.addAttribute("patient", patients.summary(id));
        model.addAttribute("preview", preview);
        LetterText text = typed != null ? typed : preview.text();
        model.addAttribute("text", text);
        model.addAttribute("errors", errors);
        model.addAttribute("documents", reports.available(actor, id));
        if (preview.possible()) {
            boolean signed = preview.current() != null && preview.current().signed();
            model.addAttribute(
                    "letterHtml",
                    signed
                            ? letters.html(
                                    preview.facts(),
                                    preview.current().text(),
                                    false,
                                    preview.current().signedBy(),
                                    preview.current().letterDate())
                            : letters.html(
                                    preview.facts(),
                                    text == null ? preview.text() : text,
                                    true,
                                    null,
                                    java.time.LocalDate.now()));
        }
        return "letters/page";
    }

    /** What was typed: the bound form, or (a value that did not convert leaves none) the texts as sent. */
    private static LetterText typed(LetterText bound, Map<String, String> raw) {
        if (bound != null) {
            return bound;
        }
        Integer version;
        try {
            version = Integer.valueOf(raw.getOrDefault("basedOnVersion", "0"));
        } catch (NumberFormatException e) {
            version = 0;
        }
        return new LetterText(raw.get("planInWords"), raw.get("requests"), raw.get("comments"), null, version);
    }

    private static Map<String, String> problems(InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
        return errors;
    }
}
