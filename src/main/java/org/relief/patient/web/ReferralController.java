package org.relief.patient.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.Permission;
import org.relief.careteam.Role;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.Demographics;
import org.relief.patient.ImagingStudy;
import org.relief.patient.Intake;
import org.relief.patient.PatientSummary;
import org.relief.patient.Patients;
import org.relief.patient.PossibleDuplicateException;
import org.relief.patient.PriorTreatment;
import org.relief.patient.Referral;
import org.relief.patient.Registration;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The new-referral form: the patient, the referral, the coordinating physician, and the imaging studies and prior
 * treatments the referral brings (repeatable rows: "Add another" re-shows the form with one more row, keeping what was
 * typed; no script needed). A possible duplicate is shown before a second record is made. The form's own fields are
 * a {@link ReferralForm} bound by Spring; the chart records in it are bound by {@link EntryForms#bind}; every bad field
 * is named at once.
 */
@Controller
class ReferralController {

    /** Row prefixes of the repeatable sections: imaging studies and prior treatments. */
    static final String IMAGING = "img";

    static final String TREATMENT = "tx";

    private final Patients patients;
    private final StaffDirectory staff;
    private final EntryForms forms;
    private final ChartAccess access;

    ReferralController(Patients patients, StaffDirectory staff, EntryForms forms, ChartAccess access) {
        this.patients = patients;
        this.staff = staff;
        this.forms = forms;
        this.access = access;
    }

    @GetMapping("/referrals/new")
    String form(Actor actor, Model model) {
        access.requirePermission(actor, Permission.REGISTER_REFERRAL, null, "open referral form");
        Map<String, String> values = new HashMap<>();
        values.put("r.referralDate", LocalDate.now().toString());
        values.put("r.urgency", "ROUTINE");
        return render(model, values, Map.of(), 1, 1);
    }

    @PostMapping("/referrals")
    String register(
            @Valid @ModelAttribute ReferralForm form,
            BindingResult binding,
            @RequestParam Map<String, String> params,
            @RequestParam(required = false) String add,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        access.requirePermission(actor, Permission.REGISTER_REFERRAL, null, "register referral");
        int imagingRows = rows(params, IMAGING) + (IMAGING.equals(add) ? 1 : 0);
        int treatmentRows = rows(params, TREATMENT) + (TREATMENT.equals(add) ? 1 : 0);
        if (add != null) {
            return render(model, params, Map.of(), imagingRows, treatmentRows);
        }
        List<FieldProblem> problems = new ArrayList<>(FieldProblem.of(binding));
        Demographics demographics = bindCollecting(Demographics.class, params, "d.", problems);
        Referral referral = bindCollecting(Referral.class, params, "r.", problems);
        List<ImagingStudy> imaging = bindRows(ImagingStudy.class, params, IMAGING, imagingRows, problems);
        List<PriorTreatment> treatments = bindRows(PriorTreatment.class, params, TREATMENT, treatmentRows, problems);
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            Intake intake =
                    new Intake(imaging, treatments, form.getSourceRecordNumber(), form.isConfirmDifferentPerson());
            PatientSummary created = patients.register(
                    actor, new Registration(demographics, referral, form.getCoordinatingPhysicianId()), intake);
            flash.addFlashAttribute(
                    "notice",
                    "Referral registered: " + created.displayName() + " (" + created.mrn()
                            + ")"
                            + (imaging.isEmpty() && treatments.isEmpty()
                                    ? "."
                                    : ", with "
                                            + count(imaging.size(), "imaging study", "imaging studies") + " and "
                                            + count(treatments.size(), "prior treatment", "prior treatments") + "."));
            return "redirect:/patients/" + created.id();
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return render(model, params, EntryForms.byField(e.problems()), imagingRows, treatmentRows);
        } catch (PossibleDuplicateException e) {
            response.setStatus(409);
            Map<UUID, Boolean> mayOpen = new LinkedHashMap<>();
            e.candidates().forEach(c -> mayOpen.put(c.id(), access.mayOpen(actor, c.id())));
            model.addAttribute("duplicates", e.candidates());
            model.addAttribute("mayOpen", mayOpen);
            return render(model, params, Map.of(), imagingRows, treatmentRows);
        }
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** How many rows of a section the form had: one more than the highest index sent, at least one. */
    static int rows(Map<String, String> params, String prefix) {
        int max = -1;
        for (String key : params.keySet()) {
            if (key.startsWith(prefix + "[")) {
                int close = key.indexOf(']');
                try {
                    max = Math.max(max, Integer.parseInt(key.substring(prefix.length() + 1, close)));
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    // not a row field
                }
            }
        }
        return Math.min(Math.max(max + 1, 1), 50);
    }

    /** Binds each row that has anything typed in it; an empty row is no entry. */
    private <T extends Record> List<T> bindRows(
            Class<T> type, Map<String, String> params, String prefix, int rows, List<FieldProblem> problems) {
        List<T> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String p = prefix + "[" + i + "].";
            boolean typed = params.entrySet().stream()
                    .anyMatch(e -> e.getKey().startsWith(p) && !e.getValue().isBlank());
            if (typed) {
                T row = bindCollecting(type, params, p, problems);
                if (row != null) {
                    list.add(row);
                }
            }
        }
        return list;
    }

    private <T extends Record> T bindCollecting(
            Class<T> type, Map<String, String> params, String prefix, List<FieldProblem> problems) {
        try {
            return forms.bind(type, params, prefix);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private String render(
            Model model, Map<String, String> values, Map<String, String> errors, int imagingRows, int treatmentRows) {
        model.addAttribute("demographicFields", forms.fields(Demographics.class));
        model.addAttribute("referralFields", forms.fields(Referral.class));
        model.addAttribute("imagingFields", forms.fields(ImagingStudy.class));
        model.addAttribute("treatmentFields", forms.fields(PriorTreatment.class));
        model.addAttribute(
                "imagingRows", IntStream.range(0, imagingRows).boxed().toList());
        model.addAttribute(
                "treatmentRows", IntStream.range(0, treatmentRows).boxed().toList());
        model.addAttribute("physicians", staff.withRole(Role.PHYSICIAN));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "patient/referral-form";
    }
}
