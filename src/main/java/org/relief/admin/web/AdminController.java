package org.relief.admin.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.audit.AuditQuery;
import org.relief.careteam.Actor;
import org.relief.careteam.CareTeams;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.PasswordPolicy;
import org.relief.careteam.Role;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.PatientSummary;
import org.relief.patient.Patients;
import org.relief.shared.FieldProblem;
import org.relief.shared.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The clinic admin's pages. Only ROLE_ADMIN reaches them (see the security configuration). */
@Controller
class AdminController {

    private final StaffDirectory staff;
    private final CareTeams teams;
    private final ChartAccess access;
    private final Patients patients;
    private final AuditLog audit;
    private final PasswordPolicy passwordPolicy;

    AdminController(
            StaffDirectory staff,
            CareTeams teams,
            ChartAccess access,
            Patients patients,
            AuditLog audit,
            PasswordPolicy passwordPolicy) {
        this.passwordPolicy = passwordPolicy;
        this.staff = staff;
        this.teams = teams;
        this.access = access;
        this.patients = patients;
        this.audit = audit;
    }

    @GetMapping("/admin")
    String overview(Model model) {
        model.addAttribute("staff", staff.all());
        model.addAttribute("roles", Role.staff());
        model.addAttribute("patientCount", patients.count());
        return "admin/overview";
    }

    @PostMapping("/admin/staff")
    String createStaff(
            @Valid @ModelAttribute StaffForm form,
            BindingResult binding,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        FieldProblem.of(binding).forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
        String username = binding.getFieldValue("username") instanceof String u ? u.strip() : "";
        if (!errors.containsKey("password") && !errors.containsKey("username")) {
            passwordPolicy.problem(username, form.getPassword()).ifPresent(p -> errors.put("password", p));
        }
        if (errors.isEmpty()) {
            try {
                staff.create(username, form.getDisplayName(), form.getRole(), form.getPassword(), actor.username());
                flash.addFlashAttribute("notice", "Account " + username + " created.");
                return "redirect:/admin";
            } catch (IllegalArgumentException e) {
                errors.put("username", "is already taken");
            }
        }
        response.setStatus(400);
        model.addAttribute("errors", errors);
        Map<String, String> values = new java.util.HashMap<>();
        for (String field : List.of("username", "displayName", "role")) {
            Object v = binding.getFieldValue(field);
            values.put(field, v == null ? "" : v instanceof Role r ? r.name() : v.toString());
        }
        model.addAttribute("values", values);
        return overview(model);
    }

    @PostMapping("/admin/staff/{id}/enabled")
    String enable(@PathVariable UUID id, @RequestParam boolean enabled, Actor actor, RedirectAttributes flash) {
        staff.setEnabled(id, enabled, actor.username());
        flash.addFlashAttribute("notice", enabled ? "Account enabled." : "Account disabled.");
        return "redirect:/admin";
    }

    /** Team management: find a patient by record number, then add or remove team members. */
    @GetMapping("/admin/teams")
    String teams(@RequestParam(defaultValue = "") String mrn, Actor actor, Model model) {
        model.addAttribute("mrn", mrn);
        if (!mrn.isBlank()) {
            Optional<PatientSummary> patient =
                    patients.findByMrn(actor, mrn.strip().toUpperCase());
            patient.ifPresent(p -> {
                model.addAttribute("patient", p);
                model.addAttribute("members", teams.members(p.id()));
                model.addAttribute(
                        "staff",
                        staff.all().stream().filter(s -> s.role() != Role.ADMIN).toList());
            });
            if (patient.isEmpty()) {
                model.addAttribute("notFound", true);
            }
        }
        return "admin/teams";
    }

    @PostMapping("/admin/teams/{patientId}/members")
    String addMember(@PathVariable UUID patientId, @RequestParam UUID staffId, Actor actor, RedirectAttributes flash) {
        PatientSummary p = patients.summary(patientId);
        staff.find(staffId)
                .filter(s -> s.role() != Role.ADMIN)
                .orElseThrow(() -> new NotFoundException("No such staff member"));
        teams.add(patientId, staffId, actor.username());
        flash.addFlashAttribute("notice", "Added to the care team.");
        return "redirect:/admin/teams?mrn=" + p.mrn();
    }

    @PostMapping("/admin/teams/{patientId}/members/{staffId}/remove")
    String removeMember(
            @PathVariable UUID patientId, @PathVariable UUID staffId, Actor actor, RedirectAttributes flash) {
        PatientSummary p = patients.summary(patientId);
        teams.remove(patientId, staffId, actor.username());
        flash.addFlashAttribute("notice", "Removed from the care team.");
        return "redirect:/admin/teams?mrn=" + p.mrn();
    }

    @GetMapping("/admin/audit")
    String audit(
            @RequestParam(required = false) UUID patient,
            @RequestParam(required = false) String mrn,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) AuditAction action,
            Actor me,
            Model model) {
        UUID patientId = patient;
        if (patientId == null && mrn != null && !mrn.isBlank()) {
            patientId = patients.findByMrn(me, mrn.strip().toUpperCase())
                    .map(PatientSummary::id)
                    .orElse(new UUID(0, 0));
        }
        model.addAttribute("events", audit.show(me, new AuditQuery(patientId, actor, from, to, action, 500)));
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute(
                "filter",
                Map.of(
                        "mrn",
                        mrn == null ? "" : mrn,
                        "actor",
                        actor == null ? "" : actor,
                        "from",
                        from == null ? "" : from.toString(),
                        "to",
                        to == null ? "" : to.toString(),
                        "action",
                        action == null ? "" : action.name()));
        return "admin/audit";
    }

    @GetMapping("/admin/break-glass")
    String breakGlass(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        LocalDate end = to == null ? LocalDate.now() : to;
        LocalDate start = from == null ? end.minusDays(30) : from;
        var entries = access.breakGlassReport(start, end);
        model.addAttribute("entries", entries);
        model.addAttribute(
                "patients",
                patients.identities(entries.stream().map(e -> e.patientId()).toList()));
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        return "admin/break-glass";
    }
}
