package org.relief.assessment.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.relief.assessment.Assessments;
import org.relief.assessment.Instrument;
import org.relief.assessment.InstrumentResponse;
import org.relief.assessment.Instruments;
import org.relief.assessment.Score;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.Permission;
import org.relief.careteam.Purpose;
import org.relief.patient.Patients;
import org.relief.shared.InvalidInputException;
import org.relief.shared.NotFoundException;
import org.relief.shared.VersionConflictException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Instrument pages: the chart's instruments section, the record form with its live score, and each history. */
@Controller
class AssessmentController {

    private final Assessments assessments;
    private final Patients patients;
    private final ChartAccess access;

    AssessmentController(Assessments assessments, Patients patients, ChartAccess access) {
        this.assessments = assessments;
        this.patients = patients;
        this.access = access;
    }

    /** The chart's section (loaded into the chart page by htmx). */
    @GetMapping("/patients/{id}/instruments/section")
    String section(@PathVariable UUID id, Actor actor, Model model) {
        Map<String, List<InstrumentResponse>> history = assessments.history(actor, id);
        model.addAttribute("patientId", id);
        model.addAttribute("instruments", Instruments.ALL);
        model.addAttribute("history", history);
        model.addAttribute("series", series(history));
        return "assessment/section :: instruments-section";
    }

    @GetMapping("/patients/{id}/instruments/{code}/new")
    String form(@PathVariable UUID id, @PathVariable String code, Actor actor, Model model) {
        access.open(actor, id, Purpose.read("form to record " + code), Permission.RECORD_INSTRUMENTS);
        return render(model, id, instrument(code), Map.of(), LocalDate.now().toString(), Map.of(), null);
    }

    /** The live score while the form is being filled in (htmx, on every change). Stores nothing. */
    @PostMapping("/patients/{id}/instruments/{code}/preview")
    String preview(
            @PathVariable UUID id,
            @PathVariable String code,
            @RequestParam Map<String, String> params,
            Actor actor,
            Model model) {
        access.open(actor, id, Purpose.read("live score of " + code), Permission.RECORD_INSTRUMENTS);
        Instrument instrument = instrument(code);
        try {
            model.addAttribute("score", assessments.preview(code, answers(instrument, params)));
        } catch (InvalidInputException e) {
            model.addAttribute("score", null);
        }
        model.addAttribute("instrument", instrument);
        return "assessment/form :: score";
    }

    @PostMapping("/patients/{id}/instruments/{code}")
    String record(
            @PathVariable UUID id,
            @PathVariable String code,
            @Valid @ModelAttribute ResponseForm form,
            BindingResult binding,
            @RequestParam Map<String, String> params,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        // the guard first: an invalid form re-renders with the patient's name, so only for who may record
        access.open(actor, id, Purpose.write("record " + code), Permission.RECORD_INSTRUMENTS);
        Instrument instrument = instrument(code);
        Map<String, Integer> answers = answers(instrument, params);
        String date = params.getOrDefault("administeredOn", "");
        try {
            InvalidInputException.throwIfAny(binding); // after the guard
            InstrumentResponse saved = assessments.record(actor, id, code, form.administeredOn(), answers);
            flash.addFlashAttribute(
                    "notice",
                    instrument.name() + " recorded: "
                            + (saved.total() == null
                                    ? "incomplete, no total"
                                    : format(saved.total()) + (saved.band() == null ? "" : ", " + saved.band()))
                            + (saved.safetyFlags().isEmpty() ? "." : ". SAFETY ALERT raised."));
            return "redirect:/patients/" + id + "#instruments";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> errors.put(p.field(), p.message()));
            return render(model, id, instrument, answers, date, errors, safePreview(code, answers));
        }
    }

    @GetMapping("/patients/{id}/instruments/{code}/{entryId}/edit")
    String edit(
            @PathVariable UUID id, @PathVariable String code, @PathVariable UUID entryId, Actor actor, Model model) {
        access.open(
                actor,
                id,
                Purpose.read("form to correct instrument response " + entryId),
                Permission.RECORD_INSTRUMENTS);
        InstrumentResponse r = assessments.response(actor, id, entryId);
        model.addAttribute("editing", r);
        return render(
                model,
                id,
                instrument(code),
                r.answers(),
                r.administeredOn().toString(),
                Map.of(),
                safePreview(code, r.answers()));
    }

    @PostMapping("/patients/{id}/instruments/{code}/{entryId}")
    String correct(
            @PathVariable UUID id,
            @PathVariable String code,
            @PathVariable UUID entryId,
            @RequestParam int version,
            @Valid @ModelAttribute ResponseForm form,
            BindingResult binding,
            @RequestParam Map<String, String> params,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Instrument instrument = instrument(code);
        Map<String, Integer> answers = answers(instrument, params);
        String date = params.getOrDefault("administeredOn", "");
        try {
            // a bad form re-renders below, and that opens the chart first: an off-team post is an audited 403
            InvalidInputException.throwIfAny(binding);
            assessments.correct(
                    actor, id, entryId, version, form.administeredOn(), answers, params.get("changeReason"));
            flash.addFlashAttribute("notice", instrument.name() + " corrected; the earlier version is kept.");
            return "redirect:/patients/" + id + "/instruments/" + instrument.code();
        } catch (InvalidInputException e) {
            response.setStatus(400);
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> errors.put(p.field(), p.message()));
            model.addAttribute("editing", assessments.response(actor, id, entryId));
            model.addAttribute("changeReason", params.get("changeReason"));
            return render(model, id, instrument, answers, date, errors, safePreview(code, answers));
        } catch (VersionConflictException e) {
            // someone else saved first: the typed answers stay in the form, now against the current version, and the
            // current version is shown beside them, so nothing typed is lost
            response.setStatus(409);
            InstrumentResponse current = assessments.response(actor, id, entryId);
            model.addAttribute("editing", current);
            model.addAttribute("conflict", e);
            model.addAttribute("changeReason", params.get("changeReason"));
            return render(model, id, instrument, answers, date, Map.of(), safePreview(code, answers));
        }
    }

    @GetMapping("/patients/{id}/instruments/{code}")
    String history(@PathVariable UUID id, @PathVariable String code, Actor actor, Model model) {
        Instrument instrument = instrument(code);
        Map<String, List<InstrumentResponse>> history = assessments.history(actor, id);
        model.addAttribute("patient", patients.summary(id));
        model.addAttribute("instrument", instrument);
        model.addAttribute("responses", history.getOrDefault(instrument.code(), List.of()));
        model.addAttribute("series", series(history));
        return "assessment/history";
    }

    @PostMapping("/patients/{id}/instruments/{code}/{entryId}/void")
    String voidResponse(
            @PathVariable UUID id,
            @PathVariable String code,
            @PathVariable UUID entryId,
            @RequestParam int version,
            @RequestParam(defaultValue = "") String reason,
            Actor actor,
            RedirectAttributes flash) {
        assessments.voidResponse(actor, id, entryId, version, reason);
        flash.addFlashAttribute("notice", "Response voided; it stays in the record's history.");
        return "redirect:/patients/" + id + "/instruments/" + code;
    }

    private String render(
            Model model,
            UUID patientId,
            Instrument instrument,
            Map<String, Integer> answers,
            String date,
            Map<String, String> errors,
            Score score) {
        model.addAttribute("patient", patients.summary(patientId));
        model.addAttribute("instrument", instrument);
        model.addAttribute("texts", assessments.loadedTexts(instrument.code()));
        model.addAttribute("answers", answers);
        model.addAttribute("administeredOn", date);
        model.addAttribute("errors", errors);
        model.addAttribute("score", score);
        return "assessment/form";
    }

    private Score safePreview(String code, Map<String, Integer> answers) {
        try {
            return assessments.preview(code, answers);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** Form fields named "item.q1" etc.; blank or non-numeric values count as unanswered. */
    static Map<String, Integer> answers(Instrument instrument, Map<String, String> params) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (Instrument.Item item : instrument.items()) {
            String raw = params.get("item." + item.id());
            if (raw != null && raw.matches("-?\\d{1,3}")) {
                answers.put(item.id(), Integer.parseInt(raw));
            }
        }
        return answers;
    }

    /**
     * Chart data per instrument: "date,score,marker,baseline;..." for charts.js; the marker ("improved",
     * "worsened") is set when the change from the reading before or from the baseline is meaningful, and the last
     * field says the change from baseline in words (no commas).
     */
    static Map<String, String> series(Map<String, List<InstrumentResponse>> history) {
        Map<String, String> series = new LinkedHashMap<>();
        history.forEach((code, list) -> series.put(
                code,
                String.join(
                        ";",
                        list.stream()
                                .filter(r -> r.total() != null)
                                .map(r -> r.administeredOn() + "," + r.total() + ","
                                        + (r.meaningfulEither() == null ? "" : r.meaningfulEither()) + ","
                                        + (r.fromBaseline() == null
                                                ? ""
                                                : (r.fromBaseline().percent() != null
                                                                ? r.fromBaseline()
                                                                        .percentShown()
                                                                : r.fromBaseline()
                                                                        .pointsShown())
                                                        + " since baseline: "
                                                        + r.fromBaseline().summary()))
                                .toList())));
        return series;
    }

    static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static Instrument instrument(String code) {
        return Instruments.byCode(code).orElseThrow(() -> new NotFoundException("No instrument '" + code + "'"));
    }

    /**
     * The instrument form's date as Spring binds it ({@code @Valid @ModelAttribute}: a date in the clinic's range, see
     * shared.Binding). The answers ({@code item.<id>}) differ per instrument and are read by {@link #answers}; what
     * each answer may be is the instrument's to say (assessment.Assessments).
     */
    record ResponseForm(
            @NotNull(message = "must be a date (YYYY-MM-DD)")
            LocalDate administeredOn) {}
}
