package org.relief.plan.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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

    /**
     * The propose form, bound and validated by Spring ({@code plan}); {@code form} is what was typed, to show it
     * again. A version that cannot be read counts as missing: the service then refuses with a 400 after its access
     * checks, so a role that may not propose still gets its 403.
     */
    @PostMapping("/patients/{id}/plan")
    String propose(
            @PathVariable UUID id,
            @Valid @ModelAttribute("planForm") PlanForm plan,
            BindingResult binding,
            @RequestParam Map<String, String> form,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            List<FieldProblem> problems = FieldProblem.of(binding).stream()
                    .filter(p -> !p.field().equals(BASED_ON))
                    .toList();
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            PlanVersion v = plans.propose(
                    actor,
                    id,
                    plan.goals(),
                    plan.therapies(),
                    plan.changeReason(),
                    binding.hasFieldErrors(BASED_ON) || plan.basedOnVersion() == null || plan.basedOnVersion() < 0
                            ? null
                            : plan.basedOnVersion());
            flash.addFlashAttribute("notice", "Plan version " + v.version() + " proposed; the physician signs it.");
            return "redirect:/patients/" + id + "/plan";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
            return render(model, id, actor, plans.versions(actor, id), form, errors);
        } catch (VersionConflictException e) {
            // someone proposed a version after this person opened the form: nothing was stored and nothing typed is
            // lost. The form keeps what was typed, now based on the current version (shown above it), so proposing
            // again builds on it, as the chart's entry conflict page does.
            response.setStatus(409);
            List<PlanVersion> versions = plans.versions(actor, id);
            Map<String, String> typed = new LinkedHashMap<>(form);
            typed.put(
                    BASED_ON,
                    String.valueOf(versions.isEmpty() ? 0 : versions.get(0).version()));
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

    private String render(
            Model model,
            UUID id,
            Actor actor,
            List<PlanVersion> versions,
            Map<String, String> form,
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
        model.addAttribute(
                "goalRows",
                java.util.stream.IntStream.range(0, GOAL_ROWS).boxed().toList());
        model.addAttribute(
                "therapyRows",
                java.util.stream.IntStream.range(0, THERAPY_ROWS).boxed().toList());
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
            f.put(
                    "goal[" + i + "].targetDate",
                    g.targetDate() == null ? "" : g.targetDate().toString());
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
            f.put(
                    "therapy[" + i + "].end",
                    t.endDate() == null ? "" : t.endDate().toString());
        }
        return f;
    }
}
