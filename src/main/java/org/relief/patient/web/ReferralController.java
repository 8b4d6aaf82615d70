package org.relief.patient.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.careteam.Role;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.Demographics;
import org.relief.patient.Patients;
import org.relief.patient.PatientSummary;
import org.relief.patient.Referral;
import org.relief.patient.Registration;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Front desk's new-referral form: the patient, the referral, and the coordinating physician. */
@Controller
class ReferralController {

    private final Patients patients;
    private final StaffDirectory staff;
    private final EntryForms forms;

    ReferralController(Patients patients, StaffDirectory staff, EntryForms forms) {
        this.patients = patients;
        this.staff = staff;
        this.forms = forms;
    }

    @GetMapping("/referrals/new")
    String form(Model model) {
        Map<String, String> values = new HashMap<>();
        values.put("r.referralDate", java.time.LocalDate.now().toString());
        values.put("r.urgency", "ROUTINE");
        return render(model, values, Map.of());
    }

    @PostMapping("/referrals")
    String register(@RequestParam Map<String, String> params, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        Demographics demographics = bindCollecting(Demographics.class, params, "d.", problems);
        Referral referral = bindCollecting(Referral.class, params, "r.", problems);
        UUID physician = null;
        try {
            physician = UUID.fromString(params.getOrDefault("coordinatingPhysicianId", ""));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("coordinatingPhysicianId", "choose the coordinating physician"));
        }
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            PatientSummary created = patients.register(actor, new Registration(demographics, referral, physician));
            flash.addFlashAttribute("notice", "Referral registered: " + created.displayName() + " (" + created.mrn()
                    + ").");
            return "redirect:/patients/" + created.id();
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return render(model, params, EntryForms.byField(e.problems()));
        }
    }

    private <T extends Record> T bindCollecting(Class<T> type, Map<String, String> params, String prefix,
            List<FieldProblem> problems) {
        try {
            return forms.bind(type, params, prefix);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private String render(Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("demographicFields", forms.fields(Demographics.class));
        model.addAttribute("referralFields", forms.fields(Referral.class));
        model.addAttribute("physicians", staff.withRole(Role.PHYSICIAN));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "patient/referral-form";
    }
}
