package org.relief.procedure.rules;

import static org.relief.procedure.rules.Rule.Out.allow;
import static org.relief.procedure.rules.Rule.Out.block;
import static org.relief.procedure.rules.Rule.Out.missing;

import java.util.List;

/**
 * Spinal cord and peripheral nerve stimulation rules (rules reference section 4): psychological clearance before a
 * trial (L37632; Aetna CPB 0194), a successful trial (at least 50% pain reduction) before a permanent implant, no new
 * trial for a generator replacement (L37632).
 * The numbers are the defaults of the policy values the rules read.
 */
final class StimulationRules {

    private StimulationRules() {}

    static final Rule PSYCH_CLEARANCE = (o, h, p) -> {
        if (o.type() != ProcedureType.SCS_TRIAL && o.type() != ProcedureType.PNS_TRIAL) {
            return null;
        }
        String src = "LCD L37632; Aetna CPB 0194";
        if (h.psychCleared() == null) {
            return block(
                    "Stimulation: psychological clearance",
                    "No psychological evaluation on file; clearance is " + "required before a trial.",
                    src);
        }
        return h.psychCleared()
                ? allow("Stimulation: psychological clearance", "Psychologically cleared.", src)
                : block(
                        "Stimulation: psychological clearance",
                        "The psychological evaluation did not clear the " + "patient.",
                        src);
    };

    static final Rule TRIAL_BEFORE_IMPLANT = (o, h, p) -> {
        ProcedureType trial = o.type() == ProcedureType.SCS_IMPLANT
                ? ProcedureType.SCS_TRIAL
                : o.type() == ProcedureType.PNS_IMPLANT ? ProcedureType.PNS_TRIAL : null;
        if (o.type() == ProcedureType.SCS_GENERATOR_REPLACEMENT) {
            return allow("Stimulation: trial", "Generator replacement needs no new trial.", "LCD L37632");
        }
        if (trial == null) {
            return null;
        }
        var pct = p.get("scs.trial-relief-percent");
        return History12m.last(h, q -> q.type() == trial)
                .map(t -> {
                    if (t.reliefPercent() == null) {
                        return t.reliefKnownBelow(pct.value().intValue())
                                ? block(
                                        "Stimulation: trial",
                                        "Trial of " + t.when() + ": " + t.reliefText() + "; success " + "needs "
                                                + pct.shown() + ".",
                                        pct.source(),
                                        pct)
                                : missing(
                                        "Stimulation: trial",
                                        "The trial of " + t.when() + " has no recorded pain " + "reduction ("
                                                + t.reliefText() + "). " + t.complete("relief %") + ".",
                                        pct.source(),
                                        pct);
                    }
                    return t.reliefPercent() >= pct.value().intValue()
                            ? allow(
                                    "Stimulation: trial",
                                    "Trial of " + t.when() + ": " + t.reliefPercent() + "% pain "
                                            + "reduction (success is " + pct.shown() + " with functional gain).",
                                    pct.source(),
                                    pct)
                            : block(
                                    "Stimulation: trial",
                                    "Trial of " + t.when() + ": " + t.reliefPercent() + "%; success " + "needs "
                                            + pct.shown() + ".",
                                    pct.source(),
                                    pct);
                })
                .orElseGet(() -> block(
                        "Stimulation: trial",
                        "No trial on record; a permanent implant needs a successful " + "trial first.",
                        pct.source(),
                        pct));
    };

    static final List<Rule> ALL = List.of(PSYCH_CLEARANCE, TRIAL_BEFORE_IMPLANT);
}
