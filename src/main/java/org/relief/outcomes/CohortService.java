package org.relief.outcomes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.relief.assessment.InstrumentWindows;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.Purpose;
import org.relief.careteam.Role;
import org.relief.patient.CohortFacts;
import org.relief.plan.PlanCohort;
import org.relief.plan.PlanVersion;
import org.relief.plan.Plans;
import org.relief.plan.TherapyCatalog;
import org.relief.procedure.PolicyValues;
import org.relief.shared.ForbiddenException;
import org.springframework.stereotype.Service;

/**
 * Wires {@link Cohort} to the clinic's data, read-only through the owning modules' cohort readers (patient facts,
 * first signed plans, instrument means in windows, aggregated in the database): realistic expectations for one
 * patient's plan (audited as a read of that chart) and the clinic's cohort view (physicians and admins; audited, a
 * refusal too). The minimum number of similar patients is the admin's policy value
 * {@value OutcomesPolicy#MIN_SIMILAR_PATIENTS} (procedure module's policy values, changed on the admin policy page).
 */
@Service
public class CohortService {

    private final ChartAccess access;
    private final Plans plans;
    private final PlanCohort planCohort;
    private final CohortFacts facts;
    private final InstrumentWindows windows;
    private final PolicyValues policyValues;
    private final AuditLog audit;

    CohortService(
            ChartAccess access,
            Plans plans,
            PlanCohort planCohort,
            CohortFacts facts,
            InstrumentWindows windows,
            PolicyValues policyValues,
            AuditLog audit) {
        this.access = access;
        this.plans = plans;
        this.planCohort = planCohort;
        this.facts = facts;
        this.windows = windows;
        this.policyValues = policyValues;
        this.audit = audit;
    }

    /** The outcomes policy with the clinic's minimum number of similar patients (admin policy page). */
    public OutcomesPolicy policy() {
        OutcomesPolicy p = OutcomesPolicy.defaults();
        var v = policyValues.current().values().get(OutcomesPolicy.MIN_SIMILAR_PATIENTS);
        if (v != null && v.number() != p.value(OutcomesPolicy.MIN_SIMILAR_PATIENTS)) {
            p = p.with(OutcomesPolicy.MIN_SIMILAR_PATIENTS, v.number());
        }
        return p;
    }

    /** What the plan page shows: the expectation, or why there is none (no plan, no therapy with a start). */
    public record PlanExpectation(UUID patientId, Cohort.Expectation expectation, String none) {}

    /**
     * Realistic expectations for the patient's newest plan version (proposed or signed): similar patients treated
     * here with the same combination (audited as a read of this chart; refused off the care team).
     */
    public PlanExpectation expectations(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.read("realistic expectations"));
        List<PlanVersion> versions = plans.versions(actor, patientId);
        if (versions.isEmpty()) {
            return new PlanExpectation(patientId, null, "No plan yet: expectations follow the proposed therapies.");
        }
        PlanVersion newest = versions.stream()
                .max(Comparator.comparingInt(PlanVersion::version))
                .orElseThrow();
        List<String> combination = new ArrayList<>();
        LocalDate start = null;
        for (PlanVersion.PlannedTherapy t : newest.therapies()) {
            String name = TherapyCatalog.byCode(t.therapyCode())
                    .map(org.relief.plan.Therapy::name)
                    .orElse(t.therapyCode());
            if (!combination.contains(name)) {
                combination.add(name);
            }
            if (t.startDate() != null && (start == null || t.startDate().isBefore(start))) {
                start = t.startDate();
            }
        }
        if (combination.isEmpty()) {
            return new PlanExpectation(patientId, null, "The plan names no therapy yet.");
        }
        LocalDate anchor = start == null ? LocalDate.now() : start;
        OutcomesPolicy policy = policy();
        CohortFacts.Fact me = facts.all().stream()
                .filter(f -> f.patientId().equals(patientId))
                .findFirst()
                .orElseThrow();
        Double peg = windows.means(
                        "PEG",
                        Map.of(patientId, anchor),
                        List.of(new InstrumentWindows.Window(
                                -(int) Math.round(policy.value(OutcomesPolicy.BASELINE_WINDOW_DAYS)), 0)))
                .getOrDefault(patientId, new Double[] {null})[0];
        Cohort.Target target = new Cohort.Target(
                Cohort.age(me.birthDate(), anchor), me.diagnosisGroup(), me.priorWithoutRelief(), peg, combination);
        List<Cohort.Member> others = members(policy).stream()
                .filter(m -> !m.patientId().equals(patientId))
                .toList();
        return new PlanExpectation(patientId, new Cohort(policy).expect(target, others), null);
    }

    /** The expectation in plain words, for the patient portal (same reading, same audit). */
    public String expectationsInPlainWords(Actor actor, UUID patientId) {
        PlanExpectation e = expectations(actor, patientId);
        return e.expectation() == null
                ? "Your team has not yet set out a plan to compare with others. They will talk with you about "
                        + "what is realistic."
                : e.expectation().plainText();
    }

    /** Filters of the cohort view: diagnosis group (ICD-10 three characters) and age band, each optional. */
    public record Filter(String diagnosisGroup, String ageBand) {}

    /** The cohort view's table (physicians and clinic admins; audited once, a refusal too). */
    public Cohort.Table table(Actor actor, int months, Filter filter) {
        return table(actor, months, filter, null);
    }

    /**
     * The cohort table as it stood on {@code reachedBy} (the clinic's outcome report for a period): only patients whose
     * first signed plan started early enough that the follow-up window at {@code months} had closed by that day, so a
     * later period's data never changes an earlier report. Null: everyone (the cohort view).
     */
    public Cohort.Table table(Actor actor, int months, Filter filter, LocalDate reachedBy) {
        return table(actor, months, filter, reachedBy, Measure.NRS);
    }

    /** The same for a measure: NRS, PEG or ODI (responders by the measure's important change; see Cohort). */
    public Cohort.Table table(Actor actor, int months, Filter filter, LocalDate reachedBy, Measure measure) {
        Objects.requireNonNull(filter, "filter");
        String what = "cohort responder rates at " + months + " months"
                + (measure == Measure.NRS ? "" : ", " + Cohort.shortName(measure))
                + (filter.diagnosisGroup() == null ? "" : ", diagnosis " + filter.diagnosisGroup())
                + (filter.ageBand() == null ? "" : ", age " + filter.ageBand())
                + (reachedBy == null ? "" : ", reached by " + reachedBy);
        if (actor.role() != Role.PHYSICIAN && actor.role() != Role.ADMIN) {
            audit.record(actor, null, AuditAction.DENIED, what, "only physicians and clinic admins");
            throw new ForbiddenException(
                    actor.role().label() + " may not open the cohort view: only physicians and clinic admins.");
        }
        audit.record(actor, null, AuditAction.READ, what, "OK");
        OutcomesPolicy policy = policy();
        Cohort cohort = new Cohort(policy);
        List<Cohort.Member> ms = members(policy, measure).stream()
                .filter(m -> filter.diagnosisGroup() == null
                        || filter.diagnosisGroup().equals(m.diagnosisGroup()))
                .filter(m -> filter.ageBand() == null || filter.ageBand().equals(cohort.ageBand(m.age())))
                .filter(m ->
                        reachedBy == null || !closes(m.start(), months, policy).isAfter(reachedBy))
                .toList();
        return cohort.table(ms, months, measure);
    }

    /** The last day of the follow-up window at {@code months} for a plan started on {@code start}. */
    private static LocalDate closes(LocalDate start, int months, OutcomesPolicy policy) {
        int half = (int) Math.round(policy.value(OutcomesPolicy.FOLLOW_UP_WINDOW_DAYS));
        return start.plusDays(Cohort.MONTH_DAYS[months == 6 ? 1 : 0] + half);
    }

    /** The diagnosis groups and age bands present, for the filters. */
    public record Choices(List<String> diagnosisGroups, List<String> ageBands) {}

    public Choices choices() {
        Cohort cohort = new Cohort(OutcomesPolicy.defaults());
        List<CohortFacts.Fact> all = facts.all();
        LocalDate today = LocalDate.now();
        return new Choices(
                all.stream()
                        .map(CohortFacts.Fact::diagnosisGroup)
                        .filter(Objects::nonNull)
                        .distinct()
                        .sorted()
                        .toList(),
                all.stream()
                        .map(f -> Cohort.age(f.birthDate(), today))
                        .sorted()
                        .map(cohort::ageBand)
                        .distinct()
                        .toList());
    }

    /** Every patient with a signed plan, with their facts and NRS / PEG means in the policy's windows. */
    List<Cohort.Member> members(OutcomesPolicy policy) {
        return members(policy, Measure.NRS);
    }

    /** The same with the scores of {@code measure} in the NRS places (baseline, 3 and 6 months). */
    List<Cohort.Member> members(OutcomesPolicy policy, Measure measure) {
        Map<UUID, CohortFacts.Fact> byId = new HashMap<>();
        facts.all().forEach(f -> byId.put(f.patientId(), f));
        List<PlanCohort.FirstPlan> firsts = planCohort.firstSignedPlans();
        Map<UUID, LocalDate> anchors = new HashMap<>();
        firsts.forEach(f -> anchors.put(f.patientId(), f.start()));
        int base = (int) Math.round(policy.value(OutcomesPolicy.BASELINE_WINDOW_DAYS));
        int half = (int) Math.round(policy.value(OutcomesPolicy.FOLLOW_UP_WINDOW_DAYS));
        List<InstrumentWindows.Window> ws = List.of(
                new InstrumentWindows.Window(-base, 0),
                new InstrumentWindows.Window(Cohort.MONTH_DAYS[0] - half, Cohort.MONTH_DAYS[0] + half + 1),
                new InstrumentWindows.Window(Cohort.MONTH_DAYS[1] - half, Cohort.MONTH_DAYS[1] + half + 1));
        Map<UUID, Double[]> nrs = windows.means(measure == Measure.PHQ9 ? "PHQ9" : measure.name(), anchors, ws);
        Map<UUID, Double[]> peg = windows.means("PEG", anchors, ws.subList(0, 1));
        List<Cohort.Member> out = new ArrayList<>();
        for (PlanCohort.FirstPlan f : firsts) {
            CohortFacts.Fact fact = byId.get(f.patientId());
            if (fact == null) {
                continue;
            }
            Double[] n = nrs.getOrDefault(f.patientId(), new Double[3]);
            Double[] p = peg.getOrDefault(f.patientId(), new Double[1]);
            out.add(new Cohort.Member(
                    f.patientId(),
                    Cohort.age(fact.birthDate(), f.start()),
                    fact.diagnosisGroup(),
                    fact.priorWithoutRelief(),
                    f.therapies(),
                    f.start(),
                    n[0],
                    p[0],
                    n[1],
                    n[2]));
        }
        return out;
    }
}
