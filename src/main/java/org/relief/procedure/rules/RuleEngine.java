package org.relief.procedure.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.relief.procedure.rules.Facts.History;
import org.relief.procedure.rules.Facts.Order;

/** Runs every rule that applies to an order; the decision is the heaviest of theirs. */
public final class RuleEngine {

    /** The rule whose BLOCK no override lifts: the safety protocol's hold on interventional care. */
    public static final String SAFETY_HOLD_RULE = "Safety hold";

    static final Rule SAFETY_HOLD = (o, h, p) -> h.safetyHold()
            ? Rule.Out.block(
                    SAFETY_HOLD_RULE,
                    "Interventional care is on hold after a safety alert: mental health "
                            + "care first. The physician releases the hold after the documented follow-up; it cannot be "
                            + "overridden here.",
                    "Clinic practice description (rules reference section 1)")
            : null;

    /** The engine's answer: the decision and every rule's outcome (reasons, policy values, sources). */
    public record Result(Decision decision, List<Outcome> outcomes) {}

    public Result evaluate(Order order, History history, Policy policy) {
        List<Rule> rules = new ArrayList<>();
        switch (order.type().family()) {
            case ESI -> rules.addAll(EsiRules.ALL);
            case FACET -> rules.addAll(FacetRules.ALL);
            case STIMULATION -> rules.addAll(StimulationRules.ALL);
            case SACROILIAC -> rules.addAll(SacroiliacRules.ALL);
            case VERTEBRAL -> rules.addAll(VertebralAugmentationRules.ALL);
            case TRIGGER_POINT -> rules.addAll(TriggerPointRules.ALL);
            case ADHESIOLYSIS -> rules.addAll(AdhesiolysisRules.ALL);
            case OTHER -> {
                // sympathetic and peripheral nerve blocks: no family rules, only the shared ones below
            }
        }
        if (order.type().family() == ProcedureType.Family.ADHESIOLYSIS) {
            rules.add(EsiRules.CUMULATIVE_STEROID);
        }
        rules.add(BloodThinners.RULE);
        rules.add(AllergyRules.RULE_CHECK);
        rules.add(SAFETY_HOLD);
        List<Outcome> outcomes = rules.stream()
                .map(r -> r.check(order, history, policy))
                .filter(Objects::nonNull)
                .toList();
        Decision decision =
                outcomes.stream().map(Outcome::decision).max(Enum::compareTo).orElse(Decision.ALLOW);
        return new Result(decision, outcomes);
    }
}
