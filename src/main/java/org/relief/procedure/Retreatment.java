package org.relief.procedure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relief.procedure.Documentation.FollowUp;
import org.relief.procedure.Documentation.Performed;
import org.relief.procedure.rules.Policy;
import org.relief.procedure.rules.ProcedureType;
import org.relief.record.Versioned;

/**
 * Nerves regrow after radiofrequency ablation. For each level and side, Relief follows the latest RFA's relief and,
 * once the relief has faded (the latest follow-up below the repeat-relief figure after an earlier one at or above
 * it), prompts re-treatment with the date the interval rule allows it and whether the last response qualifies.
 * Plain Java over the documented procedures and follow-ups.
 */
public final class Retreatment {

    /** A prompt for one level and side. */
    public record Prompt(
            String where,
            LocalDate lastRfa,
            int bestRelief,
            LocalDate bestOn,
            int latestRelief,
            LocalDate latestOn,
            Integer lastedWeeks,
            LocalDate allowedFrom,
            boolean responseQualifies,
            String text) {}

    private Retreatment() {}

    public static List<Prompt> prompts(
            List<Versioned<Performed>> performed, List<Versioned<FollowUp>> followUps, Policy policy, LocalDate today) {
        var interval = policy.get("rfa.repeat-interval-months");
        var pct = policy.get("rfa.repeat-relief-percent");
        var weeks = policy.get("rfa.repeat-relief-weeks");
        Map<String, Versioned<Performed>> latestBySite = new LinkedHashMap<>();
        performed.stream()
                .filter(v -> v.data().type() == ProcedureType.RADIOFREQUENCY_ABLATION)
                .sorted(Comparator.comparing(v -> v.data().performedOn()))
                .forEach(
                        v -> latestBySite.put(v.data().region() + " " + v.data().side(), v));
        List<Prompt> prompts = new ArrayList<>();
        latestBySite.forEach((where, rfa) -> {
            List<FollowUp> fu = followUps.stream()
                    .map(Versioned::data)
                    .filter(f -> f.procedureId().equals(rfa.entryId()))
                    .sorted(Comparator.comparing(FollowUp::followedUpOn))
                    .toList();
            if (fu.size() < 2) {
                return;
            }
            FollowUp latest = fu.get(fu.size() - 1);
            FollowUp best = fu.stream()
                    .max(Comparator.comparing(FollowUp::reliefPercent))
                    .orElseThrow();
            int threshold = pct.value().intValue();
            if (latest.reliefPercent() >= threshold || best.reliefPercent() < threshold) {
                return;
            }
            Integer lasted = fu.stream()
                    .map(FollowUp::reliefLastedWeeks)
                    .filter(w -> w != null)
                    .max(Integer::compare)
                    .orElse(null);
            LocalDate allowed =
                    rfa.data().performedOn().plusMonths(interval.value().intValue());
            boolean qualifies = lasted != null && lasted >= weeks.value().intValue();
            String text = "Relief after the RFA of " + rfa.data().performedOn() + " (" + where.toLowerCase()
                    + ") has faded: " + best.reliefPercent() + "% on " + best.followedUpOn() + ", "
                    + latest.reliefPercent() + "% on " + latest.followedUpOn()
                    + (lasted == null ? "" : "; it lasted " + lasted + " weeks") + ". A repeat RFA is allowed "
                    + (allowed.isAfter(today) ? "from " + allowed : "now") + " (" + interval.shown() + " interval); "
                    + (qualifies
                            ? "the last response qualifies (" + pct.shown() + " for " + weeks.shown() + ")."
                            : "the last response does not yet show " + pct.shown() + " lasting " + weeks.shown() + ".");
            prompts.add(new Prompt(
                    where,
                    rfa.data().performedOn(),
                    best.reliefPercent(),
                    best.followedUpOn(),
                    latest.reliefPercent(),
                    latest.followedUpOn(),
                    lasted,
                    allowed,
                    qualifies,
                    text));
        });
        return prompts;
    }
}
