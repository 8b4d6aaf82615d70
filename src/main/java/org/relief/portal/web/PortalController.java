package org.relief.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.relief.assessment.Assessments;
import org.relief.assessment.Instrument;
import org.relief.assessment.InstrumentResponse;
import org.relief.assessment.Instruments;
import org.relief.careteam.Actor;
import org.relief.portal.Diary;
import org.relief.portal.Diary.DiaryForm;
import org.relief.portal.PatientPrincipal;
import org.relief.portal.PortalAccounts;
import org.relief.portal.PortalViews;
import org.relief.portal.Questionnaires;
import org.relief.scheduling.Appointment;
import org.relief.scheduling.Appointments;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.relief.shared.VersionConflictException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The patient's pages, phone first. Every page names the patient in its address and passes it to the portal's
 * services, which open the chart through the guard as this patient ({@code SELF}): another id is an audited 403, an
 * unknown one an audited 404, like every chart door.
 */
// Why over 300 lines: one controller for the patient's core pages (start, diary, questionnaires, plan, progress), each
// a thin door to a service; splitting it would scatter the shared form-error handling.
@Controller
class PortalController {

    private final PortalAccounts accounts;
    private final Diary diary;
    private final Questionnaires questionnaires;
    private final PortalViews views;
    private final Assessments assessments;
    private final Appointments appointments;

    PortalController(
            PortalAccounts accounts,
            Diary diary,
            Questionnaires questionnaires,
            PortalViews views,
            Assessments assessments,
            Appointments appointments) {
        this.accounts = accounts;
        this.diary = diary;
        this.questionnaires = questionnaires;
        this.views = views;
        this.assessments = assessments;
        this.appointments = appointments;
    }

    @ModelAttribute("patientMe")
    PatientPrincipal patientMe(@AuthenticationPrincipal PatientPrincipal me) {
        return me;
    }

    @GetMapping("/portal/login")
    String login() {
        return "portal/login";
    }

    @GetMapping("/portal")
    String home(@AuthenticationPrincipal PatientPrincipal me) {
        return "redirect:/portal/patients/" + me.patientId();
    }

    @GetMapping("/portal/welcome")
    String welcome(Model model) {
        model.addAttribute("errors", Map.of());
        model.addAttribute("form", Map.of());
        return "portal/welcome";
    }

    /** The patient accepts the clinic's invitation: the code, a sign-in name, a password. */
    @PostMapping("/portal/welcome")
    String accept(
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        try {
            String name = accounts.accept(
                    form.get("code"),
                    form.get("username"),
                    form.get("password"),
                    form.get("confirm"),
                    request.getRemoteAddr());
            flash.addAttribute("ready", name);
            return "redirect:/portal/login";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("errors", errors(e.problems()));
            Map<String, String> typed = new HashMap<>(form);
            typed.remove("password");
            typed.remove("confirm");
            model.addAttribute("form", typed);
            return "portal/welcome";
        }
    }

    @GetMapping("/portal/patients/{id}")
    String start(@PathVariable UUID id, @AuthenticationPrincipal PatientPrincipal me, HttpServletRequest r, Model m) {
        Actor actor = me.toActor(r.getRemoteAddr());
        m.addAttribute("diary", diary.page(actor, id));
        m.addAttribute("assignments", questionnaires.list(actor, id));
        m.addAttribute("crisisResources", questionnaires.crisisResources());
        m.addAttribute("clinicPhone", questionnaires.clinicPhone());
        m.addAttribute("procedures", views.beforeProcedures(actor, id));
        m.addAttribute(
                "nextAppointment",
                PortalAppointmentsController.upcoming(appointments, me, r, id).stream()
                        .filter(Appointment::booked)
                        .findFirst()
                        .orElse(null));
        m.addAttribute("patientId", id);
        return "portal/home";
    }

    @GetMapping("/portal/patients/{id}/diary")
    String diaryPage(
            @PathVariable UUID id, @AuthenticationPrincipal PatientPrincipal me, HttpServletRequest r, Model m) {
        return renderDiary(m, id, me.toActor(r.getRemoteAddr()), null, Map.of());
    }

    /** Today's entry, or its same-day correction. Bad input: the form again with each field's message, 400. */
    @PostMapping("/portal/patients/{id}/diary")
    String saveDiary(
            @PathVariable UUID id,
            @Valid @ModelAttribute("diaryForm") DiaryForm form,
            BindingResult binding,
            @RequestParam MultiValueMap<String, String> typed,
            @AuthenticationPrincipal PatientPrincipal me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        Actor actor = me.toActor(request.getRemoteAddr());
        try {
            var saved = diary.save(actor, id, form, binding);
            flash.addFlashAttribute("notice", saved.version() == 1 ? "Saved. Thank you." : "Corrected. Thank you.");
            return "redirect:/portal/patients/" + id + "/diary";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return renderDiary(model, id, actor, typed, errors(e.problems()));
        } catch (VersionConflictException e) {
            response.setStatus(409);
            model.addAttribute("conflict", true);
            return renderDiary(model, id, actor, typed, Map.of());
        }
    }

    private String renderDiary(
            Model model, UUID id, Actor actor, MultiValueMap<String, String> typed, Map<String, String> errors) {
        Diary.Page page = diary.page(actor, id);
        model.addAttribute("diary", page);
        Map<String, String> values = new HashMap<>();
        java.util.Set<String> ticked = new java.util.HashSet<>();
        if (typed != null) {
            typed.forEach((k, v) -> {
                if (k.equals("medicationsTaken") || k.equals("therapiesDone")) {
                    ticked.addAll(v);
                } else if (!v.isEmpty()) {
                    values.put(k, v.get(0));
                }
            });
        } else if (page.todays() != null) {
            Diary.DiaryDay d = page.todays().data();
            values.put("painNow", String.valueOf(d.painNow()));
            values.put("painAverage", String.valueOf(d.painAverage()));
            values.put("enjoyment", String.valueOf(d.enjoyment()));
            values.put("generalActivity", String.valueOf(d.generalActivity()));
            values.put("sleepQuality", String.valueOf(d.sleepQuality()));
            values.put("activityMinutes", String.valueOf(d.activityMinutes()));
            values.put("sideEffects", d.sideEffects());
            values.put("note", d.note());
            d.medicationsTaken().forEach(t -> ticked.add(t.medication().toString()));
            d.therapiesDone().forEach(t -> ticked.add(t.therapy()));
        }
        if (page.todays() != null) {
            // a correction names the version it corrects: always today's current one
            values.put("version", String.valueOf(page.todays().version()));
        }
        model.addAttribute("values", values);
        model.addAttribute("ticked", ticked);
        model.addAttribute("errors", errors);
        model.addAttribute("patientId", id);
        return "portal/diary";
    }

    @GetMapping("/portal/patients/{id}/questionnaires")
    String questionnaireList(
            @PathVariable UUID id, @AuthenticationPrincipal PatientPrincipal me, HttpServletRequest r, Model m) {
        m.addAttribute("assignments", questionnaires.list(me.toActor(r.getRemoteAddr()), id));
        m.addAttribute("patientId", id);
        return "portal/questionnaires";
    }

    /** A questionnaire to answer; once answered, what was answered (and the crisis resources after a safety flag). */
    @GetMapping("/portal/patients/{id}/questionnaires/{assignmentId}")
    String questionnaire(
            @PathVariable UUID id,
            @PathVariable UUID assignmentId,
            @AuthenticationPrincipal PatientPrincipal me,
            HttpServletRequest r,
            Model m) {
        Actor actor = me.toActor(r.getRemoteAddr());
        var a = questionnaires.assignment(actor, id, assignmentId);
        InstrumentResponse answered = a.answered() ? assessments.response(actor, id, a.responseId()) : null;
        return renderQuestionnaire(m, id, a, answered, Map.of(), Map.of());
    }

    @PostMapping("/portal/patients/{id}/questionnaires/{assignmentId}")
    String answer(
            @PathVariable UUID id,
            @PathVariable UUID assignmentId,
            @RequestParam Map<String, String> form,
            @AuthenticationPrincipal PatientPrincipal me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Actor actor = me.toActor(request.getRemoteAddr());
        Map<String, Integer> answers = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("item.") && v != null && !v.isBlank()) {
                try {
                    answers.put(k.substring(5), Integer.valueOf(v.strip()));
                } catch (NumberFormatException e) {
                    errors.put("answers." + k.substring(5), "choose one of the answers");
                }
            }
        });
        try {
            if (!errors.isEmpty()) {
                questionnaires.assignment(actor, id, assignmentId); // the guard first: another chart is a 403
                throw new InvalidInputException(errors.entrySet().stream()
                        .map(e -> new FieldProblem(e.getKey(), e.getValue()))
                        .toList());
            }
            Questionnaires.Answered done = questionnaires.answer(actor, id, assignmentId, answers);
            // shown at once, on this screen: the answer and, after a safety flag, the crisis resources
            return renderQuestionnaire(
                    model, id, questionnaires.assignment(actor, id, assignmentId), done.response(), Map.of(), Map.of());
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return renderQuestionnaire(
                    model, id, questionnaires.assignment(actor, id, assignmentId), null, form, errors(e.problems()));
        }
    }

    private String renderQuestionnaire(
            Model model,
            UUID id,
            Questionnaires.Assignment a,
            InstrumentResponse answered,
            Map<String, String> typed,
            Map<String, String> errors) {
        Instrument instrument = Instruments.byCode(a.instrument()).orElseThrow();
        model.addAttribute("assignment", a);
        model.addAttribute("instrument", instrument);
        model.addAttribute("answered", answered);
        model.addAttribute(
                "flagged", answered != null && !answered.safetyFlags().isEmpty());
        model.addAttribute("crisisResources", questionnaires.crisisResources());
        model.addAttribute("clinicPhone", questionnaires.clinicPhone());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("patientId", id);
        return "portal/questionnaire";
    }

    @GetMapping("/portal/patients/{id}/plan")
    String plan(@PathVariable UUID id, @AuthenticationPrincipal PatientPrincipal me, HttpServletRequest r, Model m) {
        m.addAttribute("plan", views.plan(me.toActor(r.getRemoteAddr()), id));
        m.addAttribute("patientId", id);
        return "portal/plan";
    }

    @GetMapping("/portal/patients/{id}/progress")
    String progress(
            @PathVariable UUID id, @AuthenticationPrincipal PatientPrincipal me, HttpServletRequest r, Model m) {
        m.addAttribute("progress", views.progress(me.toActor(r.getRemoteAddr()), id));
        m.addAttribute("patientId", id);
        return "portal/progress";
    }

    /** Before your procedure: each ordered procedure still to come, with the blood-thinner dates of its order. */
    @GetMapping("/portal/patients/{id}/procedures")
    String procedures(
            @PathVariable UUID id, @AuthenticationPrincipal PatientPrincipal me, HttpServletRequest r, Model m) {
        m.addAttribute("procedures", views.beforeProcedures(me.toActor(r.getRemoteAddr()), id));
        m.addAttribute("clinicPhone", questionnaires.clinicPhone());
        m.addAttribute("patientId", id);
        return "portal/procedures";
    }

    static Map<String, String> errors(List<FieldProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
        return errors;
    }
}
