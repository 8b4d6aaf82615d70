package org.relief.procedure.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.patient.ChartService;
import org.relief.patient.Patients;
import org.relief.procedure.Orders;
import org.relief.procedure.PolicyValues;
import org.relief.procedure.ProcedureKinds;
import org.relief.procedure.ProcedureOrder;
import org.relief.procedure.rules.Facts;
import org.relief.procedure.rules.ProcedureType;
import org.relief.screening.SafetyGate;
import org.relief.shared.CareOnHoldException;
import org.relief.shared.InvalidInputException;
import org.relief.shared.VersionConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The procedures page: order (with the rules' decision), override, procedures performed and their follow-ups. */
@Controller
class ProcedureController {

    private final Orders orders;
    private final Patients patients;
    private final ChartService charts;
    private final PolicyValues policies;

    private final SafetyGate gate;

    ProcedureController(Orders orders, Patients patients, ChartService charts, PolicyValues policies, SafetyGate gate) {
        this.orders = orders;
        this.gate = gate;
        this.patients = patients;
        this.charts = charts;
        this.policies = policies;
    }

    @GetMapping("/patients/{id}/procedures")
    String page(@PathVariable UUID id, Actor actor, Model model) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("plannedDate", java.time.LocalDate.now().plusDays(7).toString());
        defaults.put("levels", "1");
        defaults.put("imageGuidance", "on");
        // no default side or region: the physician chooses them (a wrong side is a wrong-site procedure)
        return render(model, id, actor, defaults, Map.of());
    }

    /** The order form, bound and validated by Spring; {@code form} is what was typed, to show it again. */
    @PostMapping("/patients/{id}/procedures/orders")
    String order(
            @PathVariable UUID id,
            @Valid @ModelAttribute("orderForm") OrderForm order,
            BindingResult binding,
            @RequestParam Map<String, String> form,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            InvalidInputException.throwIfAny(binding);
            ProcedureOrder placed = orders.order(actor, id, order.toOrder());
            // the page shows the outcome by decision: a BLOCK in red with its reason first, never as "ordered"
            flash.addFlashAttribute("placedOrder", placed.id());
            return "redirect:/patients/" + id + "/procedures#order-" + placed.id();
        } catch (InvalidInputException e) {
            response.setStatus(400);
            Map<String, String> errors = new LinkedHashMap<>();
            OrderForm.inFormOrder(e.problems())
                    .forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
            return render(model, id, actor, form, errors);
        } catch (CareOnHoldException e) {
            // refused by the safety gate (audited there): the form stays filled, the refusal says why, in the page
            response.setStatus(409);
            model.addAttribute("holdRefusal", e.getMessage());
            return render(model, id, actor, form, Map.of());
        }
    }

    @PostMapping("/patients/{id}/procedures/orders/{orderId}/cancel")
    String cancel(
            @PathVariable UUID id,
            @PathVariable UUID orderId,
            @RequestParam(defaultValue = "") String reason,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        ProcedureOrder cancelled;
        try {
            cancelled = orders.cancel(actor, id, orderId, reason);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute(
                    "cancelError",
                    Map.of(
                            "order",
                            orderId,
                            "message",
                            e.problems().stream()
                                    .map(p -> OrderForm.label(p.field()) + ": " + p.message())
                                    .collect(java.util.stream.Collectors.joining("; "))));
            Map<String, String> defaults = new LinkedHashMap<>();
            defaults.put("levels", "1");
            return render(model, id, actor, defaults, Map.of());
        }
        flash.addFlashAttribute(
                "notice",
                cancelled.order().type().label() + " order cancelled; the order and the reason are kept in the chart.");
        return "redirect:/patients/" + id + "/procedures#order-" + orderId;
    }

    @PostMapping("/patients/{id}/procedures/orders/{orderId}/override")
    String override(
            @PathVariable UUID id,
            @PathVariable UUID orderId,
            @RequestParam(defaultValue = "") String reason,
            Actor actor,
            RedirectAttributes flash) {
        orders.override(actor, id, orderId, reason);
        flash.addFlashAttribute("notice", "Block overridden; the override is recorded and listed for the clinic.");
        return "redirect:/patients/" + id + "/procedures#order-" + orderId;
    }

    @GetMapping("/patients/{id}/procedures/summary")
    String summary(@PathVariable UUID id, Actor actor, Model model) {
        model.addAttribute("patientId", id);
        model.addAttribute("orders", orders.orders(actor, id));
        return "procedure/page :: procedure-summary";
    }

    @GetMapping("/admin/overrides")
    String overrides(Model model) {
        model.addAttribute("overrides", orders.overrides());
        model.addAttribute(
                "patients",
                patients.identities(orders.overrides().stream()
                        .map(ProcedureOrder::patientId)
                        .toList()));
        return "procedure/overrides";
    }

    @GetMapping("/admin/policy")
    String policy(
            @RequestParam(required = false) String key,
            @RequestParam(defaultValue = "false") boolean all,
            Model model) {
        model.addAttribute("rows", policies.currentRows());
        model.addAttribute("key", key);
        // the newest changes, long texts cut (each has its own "show all"); the whole list on request
        model.addAttribute(
                "history",
                key == null
                        ? java.util.List.of()
                        : policies.history(key, all ? Integer.MAX_VALUE : POLICY_HISTORY_SHOWN));
        model.addAttribute("historySize", key == null ? 0 : policies.historySize(key));
        return "procedure/policy";
    }

    private static final int POLICY_HISTORY_SHOWN = 20;

    @GetMapping("/admin/policy/changes/{id}")
    String policyChange(@PathVariable long id, Model model) {
        model.addAttribute("change", policies.change(id));
        return "procedure/policy-change";
    }

    /** What the admin typed into a policy row, kept on the page when the change was not saved. */
    public record TypedPolicy(String key, BigDecimal value, String reason) {}

    @PostMapping("/admin/policy/{key}")
    String changePolicy(
            @PathVariable String key,
            @Valid @ModelAttribute PolicyValues.ValueChange form,
            BindingResult binding,
            Actor actor,
            RedirectAttributes flash,
            Model model,
            HttpServletResponse response) {
        try {
            policies.change(actor, key, form, binding); // a bad form is refused after the permission check
        } catch (VersionConflictException e) {
            // another admin changed this key after the page was opened: nothing was stored. The page shows the value
            // in force now (and its history) and keeps what this admin typed, to save again on top of it.
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("conflict", e);
            model.addAttribute("typed", new TypedPolicy(key, form.value(), form.reason()));
            return policy(key, false, model);
        }
        flash.addFlashAttribute("notice", "Policy value changed; the earlier value stays in its history.");
        return "redirect:/admin/policy?key=" + key;
    }

    private String render(Model model, UUID id, Actor actor, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("orders", orders.orders(actor, id)); // the guard first
        model.addAttribute("patient", patients.summary(id));
        // said before anything is typed: while care is on hold the gate refuses every order
        model.addAttribute("hold", gate.held(id).map(SafetyGate.Held::inWords).orElse(null));
        var performed = charts.entries(actor, id, ProcedureKinds.PERFORMED);
        var followUps = charts.entries(actor, id, ProcedureKinds.FOLLOW_UP);
        model.addAttribute("performed", performed);
        model.addAttribute("followUps", followUps);
        model.addAttribute(
                "retreatment",
                org.relief.procedure.Retreatment.prompts(
                        performed, followUps, policies.current(), java.time.LocalDate.now()));
        model.addAttribute("types", ProcedureType.values());
        model.addAttribute("regions", Facts.Region.values());
        model.addAttribute(
                "sides", java.util.List.of(Facts.Side.LEFT, Facts.Side.RIGHT, Facts.Side.BILATERAL, Facts.Side.NONE));
        model.addAttribute("lateral", OrderForm.LATERAL.stream().map(Enum::name).toList());
        model.addAttribute("fieldLabels", OrderForm.LABELS);
        model.addAttribute("indications", Facts.Indication.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        // the first field to correct takes the focus, so the page opens at the form and its error summary
        model.addAttribute(
                "firstError",
                errors.isEmpty() ? null : errors.keySet().iterator().next());
        model.addAttribute("today", java.time.LocalDate.now().toString());
        return "procedure/page";
    }
}
