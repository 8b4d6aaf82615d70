package org.relief.letters;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.careteam.Role;
import org.relief.outcomes.Cohort;
import org.relief.outcomes.CohortService;
import org.relief.outcomes.Measure;
import org.relief.patient.CohortFacts;
import org.relief.procedure.ClinicActivity;
import org.relief.screening.ClinicAlerts;
import org.relief.shared.ForbiddenException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's outcome report for a month or a quarter, as a tagged PDF (physicians and clinic admins; audited, a
 * refusal too): the patients seen in the period (an encounter or a procedure performed), the cohort's responder rates
 * per therapy and combination with 95 % intervals as they stood at the period's end ({@code outcomes.CohortService}),
 * the safety alerts raised in the period and how long their follow-up took ({@code screening.ClinicAlerts}), and the
 * overrides of a blocking procedure rule ({@code procedure.ClinicActivity}), with a chart of the responder rates. No
 * patient is named. Dated by the period's last day, so the same period and the same data give the same bytes.
 */
@Service
public class ClinicReport {

    private final CohortService cohort;
    private final CohortFacts facts;
    private final ClinicActivity procedures;
    private final ClinicAlerts alerts;
    private final AuditLog audit;
    private final Documents documents;

    ClinicReport(
            CohortService cohort,
            CohortFacts facts,
            ClinicActivity procedures,
            ClinicAlerts alerts,
            AuditLog audit,
            Documents documents) {
        this.cohort = cohort;
        this.facts = facts;
        this.procedures = procedures;
        this.alerts = alerts;
        this.audit = audit;
        this.documents = documents;
    }

    /** Whether this role may have the report (physicians and clinic admins). */
    public static boolean mayHave(Actor actor) {
        return actor.role() == Role.PHYSICIAN || actor.role() == Role.ADMIN;
    }

    /** Refuses (audited) a role that may not have the report. */
    public void check(Actor actor, String what) {
        if (!mayHave(actor)) {
            audit.record(actor, null, AuditAction.DENIED, what, "only physicians and clinic admins");
            throw new ForbiddenException(actor.role().label()
                    + " may not have the clinic's outcome report: only physicians and clinic admins.");
        }
    }

    /** A count with its label, for the report's small tables. */
    public record Count(String label, int count) {}

    /** The report as PDF. */
    @Transactional(readOnly = true)
    public byte[] pdf(Actor actor, ReportPeriod period) {
        return pdf(actor, period, Measure.NRS);
    }

    /** The report with the responder rates of another measure (PEG or ODI: by the measure's important change). */
    @Transactional(readOnly = true)
    public byte[] pdf(Actor actor, ReportPeriod period, Measure measure) {
        String what = "clinic outcome report, " + period.label()
                + (measure == Measure.NRS ? "" : ", " + Cohort.shortName(measure));
        check(actor, what);
        audit.record(actor, null, AuditAction.READ, what, "OK");
        ZoneId zone = ZoneId.systemDefault();
        Instant from = period.from().atStartOfDay(zone).toInstant();
        Instant to = period.to().plusDays(1).atStartOfDay(zone).toInstant();

        Set<UUID> encounters = facts.seenBetween(period.from(), period.to());
        Set<UUID> treated = procedures.treatedBetween(period.from(), period.to());
        Set<UUID> seen = new HashSet<>(encounters);
        seen.addAll(treated);

        CohortService.Filter all = new CohortService.Filter(null, null);
        Cohort.Table at3 = cohort.table(actor, 3, all, period.to(), measure);
        Cohort.Table at6 = cohort.table(actor, 6, all, period.to(), measure);

        List<ClinicAlerts.Raised> raised = alerts.raisedBetween(from, to);
        List<Long> waits = new ArrayList<>();
        for (ClinicAlerts.Raised a : raised) {
            if (a.followedUpAt() != null) {
                waits.add(Duration.between(a.raisedAt(), a.followedUpAt()).toMinutes());
            }
        }
        waits.sort(null);
        List<ClinicActivity.Overridden> overrides = procedures.overridesBetween(from, to);

        Map<String, Object> model = new HashMap<>();
        model.put("title", "Clinic outcome report, " + period.label());
        model.put("draft", false);
        model.put("period", period);
        model.put("seen", seen.size());
        model.put("withEncounter", encounters.size());
        model.put("withProcedure", treated.size());
        model.put("tables", List.of(at3, at6));
        model.put("measure", measure);
        model.put("chart", chart(at3));
        model.put("alerts", raised.size());
        model.put("alertsFollowedUp", waits.size());
        model.put("alertsOpen", raised.size() - waits.size());
        model.put(
                "alertsByTrigger",
                counts(raised.stream().map(ClinicAlerts.Raised::trigger).toList()));
        model.put("medianFollowUp", waits.isEmpty() ? null : minutes(median(waits)));
        model.put("longestFollowUp", waits.isEmpty() ? null : minutes(waits.get(waits.size() - 1)));
        model.put("overrides", overrides.size());
        model.put(
                "overridesByProcedure",
                counts(overrides.stream()
                        .map(ClinicActivity.Overridden::procedure)
                        .toList()));
        model.put(
                "overridesByRule",
                counts(overrides.stream()
                        .flatMap(o -> o.blockingRules().stream())
                        .toList()));
        return documents.pdf("clinic", model, period.to());
    }

    /** The 3-month responder rates (at least 30 %) of the rows with enough patients, as bars; null when none. */
    private static String chart(Cohort.Table table) {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Cohort.Row r : table.rows()) {
            if (!r.overall().tooFew()) {
                labels.add(r.label());
                values.add(
                        table.percentRates()
                                ? r.overall().moderate().percent()
                                : r.overall().meaningful().percent());
            }
        }
        String axis = table.percentRates()
                ? "At least 30 % less pain at 3 months (%)"
                : "At least the important change in " + Cohort.shortName(table.measure()) + " at 3 months (%)";
        return labels.isEmpty() ? null : Charts.bars(labels, values, axis);
    }

    private static List<Count> counts(List<String> labels) {
        Map<String, Integer> byLabel = new TreeMap<>();
        labels.forEach(l -> byLabel.merge(l, 1, Integer::sum));
        return byLabel.entrySet().stream()
                .map(e -> new Count(e.getKey(), e.getValue()))
                .toList();
    }

    private static long median(List<Long> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** A duration in words: minutes below an hour, else hours and minutes. */
    static String minutes(long minutes) {
        if (minutes < 60) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long h = minutes / 60;
        long m = minutes % 60;
        return h + (h == 1 ? " hour" : " hours") + (m == 0 ? "" : " " + m + (m == 1 ? " minute" : " minutes"));
    }
}
