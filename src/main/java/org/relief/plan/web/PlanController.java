package org.relief.plan.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.careteam.CareTeams;
import org.relief.patient.Patients;
import org.relief.plan.PlanVersion;
import org.relief.plan.Plans;
import org.relief.plan.TherapyCatalog;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.relief.shared.VersionConflictException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The plan page: current version, timeline, versions, the propose form and the physician's signature. */
@Controller
class PlanController {

    static final int GOAL_ROWS = 4;
    static final int THERAPY_ROWS = 6;
    /** The form's hidden field: the plan version the proposer started from (0: no plan yet). */
    static final String BASED_ON = "basedOnVersion";

    private final Plans plans;
    private final Patients patients;
    private final CareTeams teams;

    PlanController(Plans plans, Patients patients, CareTeams teams) {
        this.plans = plans;
        this.patients = patients;
        this.teams = teams;
    }

    @GetMapping("/therapies")
    String catalogue(Model model) {
        model.addAttribute("therapies", TherapyCatalog.ALL);
        return "plan/catalogue";
    }

    @GetMapping("/patients/{id}/plan")
    String page(@PathVariable UUID id, Actor actor, Model model) {
        List<PlanVersion> versions = plans.versions(actor, id);
        return render(model, id, actor, versions, prefill(versions.isEmpty() ? null : versions.get(0)), Map.of());
    }

    @GetMapping("/patients/{id}/plan/summary")
    String summary(@PathVariable UUID id, Actor actor, Model model) {
        List<PlanVersion> versions = plans.versions(actor, id);
        model.addAttribute("patientId", id);
        model.addAttribute("plan", versions.isEmpty() ? null : versions.get(0));
        return "plan/page :: plan-summary";
    }

    @PostMapping("/patients/{id}/plan")
    String propose(@PathVariable UUID id, @RequestParam Map<String, String> form, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        try {
            List<FieldProblem> problems = new ArrayList<>();
            List<PlanVersion.Goal> goals = collect(() -> goals(form), problems);
            List<PlanVersion.PlannedTherapy> therapies = collect(() -> therapies(form), problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            PlanVersion v = plans.propose(actor, id, goals, therapies, form.get("changeReason"),
                    basedOnVersion(form));
            flash.addFlashAttribute("notice", "Plan version " + v.version() + " proposed; the physician signs it.");
            return "redirect:/patients/" + id + "/plan";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> errors.put(p.field(), p.message()));
            return render(model, id, actor, plans.versions(actor, id), form, errors);
        } catch (VersionConflictException e) {
            // someone proposed a version after this person opened the form: nothing was stored and nothing typed is
            // lost. The form keeps what was typed, now based on the current version (shown above it), so proposing
            // again builds on it, as the chart's entry conflict page does.
            response.setStatus(409);
            List<PlanVersion> versions = plans.versions(actor, id);
            Map<String, String> typed = new LinkedHashMap<>(form);
            typed.put(BASED_ON, String.valueOf(versions.isEmpty() ? 0 : versions.get(0).version()));
            String view = render(model, id, actor, versions, typed, Map.of());
            model.addAttribute("conflict", e);
            return view;
        }
    }

    @PostMapping("/patients/{id}/plan/{versionId}/sign")
    String sign(@PathVariable UUID id, @PathVariable UUID versionId, Actor actor, RedirectAttributes flash) {
        plans.sign(actor, id, versionId);
        flash.addFlashAttribute("notice", "Plan signed.");
        return "redirect:/patients/" + id + "/plan";
    }

    /** Runs one parser, keeping its field problems so every bad field of the form is reported at once. */
    private static <T> List<T> collect(java.util.function.Supplier<List<T>> parse, List<FieldProblem> problems) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return List.of();
        }
    }

    private String render(Model model, UUID id, Actor actor, List<PlanVersion> versions, Map<String, String> form,
            Map<String, String> errors) {
        PlanVersion current = versions.isEmpty() ? null : versions.get(0);
        model.addAttribute("patient", patients.summary(id));
        model.addAttribute("versions", versions);
        model.addAttribute("current", current);
        model.addAttribute("maySign", current != null && !current.signed() && plans.maySign(actor, id, current));
        model.addAttribute("onHold", plans.onHold(id));
        model.addAttribute("timeline", Timeline.of(versions));
        model.addAttribute("catalogue", TherapyCatalog.ALL);
        model.addAttribute("team", teams.members(id));
        model.addAttribute("goalKinds", PlanVersion.GoalKind.values());
        model.addAttribute("goalRows", java.util.stream.IntStream.range(0, GOAL_ROWS).boxed().toList());
        model.addAttribute("therapyRows", java.util.stream.IntStream.range(0, THERAPY_ROWS).boxed().toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "plan/page";
    }

    private static Map<String, String> prefill(PlanVersion v) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(BASED_ON, String.valueOf(v == null ? 0 : v.version()));
        if (v == null) {
            f.put("goal[0].kind", "PAIN");
            f.put("goal[1].kind", "FUNCTION");
            f.put("goal[2].kind", "PERSONAL");
            return f;
        }
        for (int i = 0; i < v.goals().size() && i < GOAL_ROWS; i++) {
            var g = v.goals().get(i);
            f.put("goal[" + i + "].kind", g.kind().name());
            f.put("goal[" + i + "].description", g.description());
            f.put("goal[" + i + "].measure", g.measure() == null ? "" : g.measure());
            f.put("goal[" + i + "].target", g.target() == null ? "" : g.target().toPlainString());
            f.put("goal[" + i + "].targetDate", g.targetDate() == null ? "" : g.targetDate().toString());
        }
        for (int i = 0; i < v.therapies().size() && i < THERAPY_ROWS; i++) {
            var t = v.therapies().get(i);
            f.put("therapy[" + i + "].code", t.therapyCode());
            f.put("therapy[" + i + "].owner", t.ownerId().toString());
            f.put("therapy[" + i + "].frequency", t.frequency());
            f.put("therapy[" + i + "].duration", t.duration());
            f.put("therapy[" + i + "].region", t.region() == null ? "" : t.region());
            f.put("therapy[" + i + "].side", t.side() == null ? "" : t.side());
            f.put("therapy[" + i + "].start", t.startDate().toString());
            f.put("therapy[" + i + "].end", t.endDate() == null ? "" : t.endDate().toString());
        }
        return f;
    }

    static List<PlanVersion.Goal> goals(Map<String, String> f) {
        List<PlanVersion.Goal> goals = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < GOAL_ROWS; i++) {
            String p = "goal[" + i + "].";
            String description = f.getOrDefault(p + "description", "").strip();
            if (description.isEmpty()) {
                continue;
            }
            try {
                goals.add(new PlanVersion.Goal(PlanVersion.GoalKind.valueOf(f.getOrDefault(p + "kind", "PERSONAL")),
                        description, blank(f.get(p + "measure")), number(f.get(p + "target"), p + "target"),
                        date(f.get(p + "targetDate"), p + "targetDate")));
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return goals;
    }

    static List<PlanVersion.PlannedTherapy> therapies(Map<String, String> f) {
        List<PlanVersion.PlannedTherapy> list = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < THERAPY_ROWS; i++) {
            String p = "therapy[" + i + "].";
            String code = f.getOrDefault(p + "code", "").strip();
            if (code.isEmpty()) {
                continue;
            }
            UUID owner = null;
            try {
                owner = UUID.fromString(f.getOrDefault(p + "owner", ""));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("therapies[" + list.size() + "].ownerId", "choose who owns it"));
            }
            try {
                list.add(new PlanVersion.PlannedTherapy(code, owner, null, f.getOrDefault(p + "frequency", "").strip(),
                        f.getOrDefault(p + "duration", "").strip(), blank(f.get(p + "region")), blank(f.get(p + "side")),
                        date(f.get(p + "start"), "therapies[" + list.size() + "].startDate"),
                        date(f.get(p + "end"), "therapies[" + list.size() + "].endDate")));
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return list;
    }

    /**
     * The version the form was based on, null when the form lacks it (an old page, a hand-made request): the service
     * refuses that with a 400 after its access checks, so a role that may not propose still gets its 403.
     */
    static Integer basedOnVersion(Map<String, String> f) {
        try {
            int v = Integer.parseInt(f.getOrDefault(BASED_ON, "").strip());
            return v >= 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static LocalDate date(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(List.of(new FieldProblem(field, "must be a date (YYYY-MM-DD)")));
        }
    }

    private static java.math.BigDecimal number(String raw, String field) {
        try {
            return raw == null || raw.isBlank() ? null : new java.math.BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(List.of(new FieldProblem(field, "must be a number")));
        }
    }
}
