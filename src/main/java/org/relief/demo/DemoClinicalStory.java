package org.relief.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.relief.assessment.Assessments;
import org.relief.careteam.Actor;
import org.relief.careteam.CareTeams;
import org.relief.careteam.StaffDirectory;
import org.relief.evaluation.EvaluationKinds;
import org.relief.evaluation.Evaluations;
import org.relief.evaluation.Findings;
import org.relief.outcomes.Simulator;
import org.relief.patient.ChartService;
import org.relief.patient.PatientSummary;
import org.relief.patient.Patients;
import org.relief.patient.Step;
import org.relief.plan.PlanVersion;
import org.relief.plan.Plans;
import org.relief.procedure.Documentation;
import org.relief.procedure.Orders;
import org.relief.procedure.ProcedureKinds;
import org.relief.procedure.ProcedureOrder;
import org.relief.procedure.rules.Decision;
import org.relief.procedure.rules.Facts;
import org.relief.procedure.rules.ProcedureType;
import org.relief.procedure.rules.RuleEngine;
import org.springframework.stereotype.Component;

/**
 * Gives the small demo clinic's patients the clinical story of their step, through the real services (so every
 * rule, audit row and safety alert is what a clinician's entries would produce): instrument trajectories, evaluation
 * episodes, and, for patients deferred to mental health, the PHQ-9 that deferred them. A patient on a plan (or
 * discharged from one) has a signed plan fitted to their presentation and, where it holds a procedure, the order,
 * the procedure documented here and its follow-ups.
 */
@Component
class DemoClinicalStory {
    // Why over 300 lines: the demo clinic's clinical stories, a script told through the real services.

    private final Patients patients;
    private final ChartService charts;
    private final Assessments assessments;
    private final Evaluations evaluations;
    private final StaffDirectory staff;
    private final CareTeams teams;
    private final Plans plans;
    private final Orders orders;

    DemoClinicalStory(
            Patients patients,
            ChartService charts,
            Assessments assessments,
            Evaluations evaluations,
            StaffDirectory staff,
            CareTeams teams,
            Plans plans,
            Orders orders) {
        this.orders = orders;
        this.patients = patients;
        this.charts = charts;
        this.assessments = assessments;
        this.evaluations = evaluations;
        this.staff = staff;
        this.teams = teams;
        this.plans = plans;
    }

    void tell(List<UUID> patientIds, long seed) {
        Actor patel = actor("dr.patel");
        Actor okafor = actor("dr.okafor");
        Actor brooks = actor("mh.brooks");
        LocalDate today = LocalDate.now();
        for (int i = 0; i < patientIds.size(); i++) {
            UUID id = patientIds.get(i);
            Random rnd = new Random(seed * 31 + i);
            PatientSummary p = patients.summary(id);
            Actor physician = isOnTeam(patel, id) ? patel : okafor;
            switch (p.step()) {
                case REFERRED ->
                    assessments.record(physician, id, "NRS", today.minusDays(2), Map.of("pain", 6 + rnd.nextInt(4)));
                case IN_EVALUATION -> {
                    baseline(physician, id, today.minusDays(14), rnd, 7);
                    UUID episode = evaluations.start(physician, id);
                    charts.add(
                            physician,
                            id,
                            EvaluationKinds.SESSION,
                            new Findings.Session(
                                    episode,
                                    today.minusDays(14),
                                    "Pain history taken; imaging reviewed with the patient.",
                                    "Low back, right buttock",
                                    "aching, worse by evening",
                                    "over a year ago",
                                    "sitting, bending",
                                    "walking, heat"));
                    charts.add(
                            physician,
                            id,
                            EvaluationKinds.EXAM,
                            new Findings.Exam(
                                    episode,
                                    today.minusDays(14),
                                    "Lumbar flexion limited by pain",
                                    "Reflexes symmetric, strength 5/5",
                                    Findings.Finding.NEGATIVE,
                                    Findings.Finding.NEGATIVE,
                                    Findings.Finding.POSITIVE,
                                    Findings.Finding.POSITIVE,
                                    Findings.Finding.POSITIVE,
                                    Findings.Finding.NEGATIVE,
                                    Findings.Finding.NEGATIVE,
                                    Findings.Finding.NOT_DONE,
                                    Findings.Finding.POSITIVE,
                                    1,
                                    "Right gluteus medius"));
                }
                case DEFERRED_MENTAL_HEALTH -> {
                    Map<String, Integer> phq = new HashMap<>();
                    for (int q = 1; q <= 8; q++) {
                        phq.put("q" + q, 2);
                    }
                    phq.put("q9", 1);
                    assessments.record(brooksOrPhysician(brooks, physician, id), id, "PHQ9", today.minusDays(5), phq);
                }
                case PLANNING, ON_PLAN, DISCHARGED -> {
                    int start = 7 + rnd.nextInt(2);
                    baseline(physician, id, today.minusDays(120), rnd, start);
                    int improvement = p.step() == Step.PLANNING ? 0 : 1 + rnd.nextInt(3);
                    for (int m = 1; m <= 3; m++) {
                        int nrs = Math.max(1, start - improvement * m);
                        assessments.record(physician, id, "NRS", today.minusDays(120 - 30L * m), Map.of("pain", nrs));
                        assessments.record(
                                physician,
                                id,
                                "PEG",
                                today.minusDays(120 - 30L * m),
                                Map.of("p", nrs, "e", Math.min(10, nrs + 1), "g", nrs));
                    }
                    UUID episode = evaluations.start(physician, id);
                    charts.add(
                            physician,
                            id,
                            EvaluationKinds.DIAGNOSIS,
                            new Findings.Diagnosis(
                                    episode, "G89.29", "Other chronic pain", Findings.Certainty.CONFIRMED));
                    evaluations.sign(physician, id, episode);
                    if (p.step() != Step.PLANNING) {
                        planTogether(physician, id, today.minusDays(100), rnd);
                    }
                    if (p.step() == Step.DISCHARGED) {
                        patients.changeStep(physician, id, Step.DISCHARGED, "demo clinic: goals met");
                    }
                }
                default -> {}
            }
        }
    }

    /**
     * The ten-year patient's story in the clinic, beside the history the generator loaded: her pain scores each year
     * since the referral, the evaluation that confirmed the failed back surgery syndrome, and her signed plan.
     */
    void tellLongHistory(UUID id) {
        Actor patel = actor("dr.patel");
        LocalDate referred = charts.chart(patel, id).referrals().get(0).data().referralDate();
        for (int year = 0; year < 10; year++) {
            LocalDate on = referred.plusYears(year).plusDays(14);
            int nrs = Math.max(4, 8 - year / 2);
            assessments.record(patel, id, "NRS", on, Map.of("pain", nrs));
            assessments.record(patel, id, "PEG", on, Map.of("p", nrs, "e", Math.min(10, nrs + 1), "g", nrs));
        }
        UUID episode = evaluations.start(patel, id);
        charts.add(
                patel,
                id,
                EvaluationKinds.DIAGNOSIS,
                new Findings.Diagnosis(
                        episode,
                        "M96.1",
                        "Postlaminectomy syndrome, not elsewhere classified",
                        Findings.Certainty.CONFIRMED));
        charts.add(
                patel,
                id,
                EvaluationKinds.DIAGNOSIS,
                new Findings.Diagnosis(
                        episode, "M54.16", "Radiculopathy, lumbar region", Findings.Certainty.CONFIRMED));
        evaluations.sign(patel, id, episode);
        Actor pt = actor("pt.garcia");
        LocalDate today = LocalDate.now();
        var version = plans.propose(
                pt,
                id,
                List.of(
                        new PlanVersion.Goal(
                                PlanVersion.GoalKind.PAIN,
                                "Keep average pain at most 5 of 10",
                                "NRS",
                                new java.math.BigDecimal("5"),
                                today.plusMonths(6)),
                        new PlanVersion.Goal(
                                PlanVersion.GoalKind.PERSONAL, "Keep gardening an hour a day", null, null, null)),
                List.of(
                        new PlanVersion.PlannedTherapy(
                                "MEDICATION",
                                patel.staffId(),
                                null,
                                "every 3 months",
                                "ongoing",
                                null,
                                null,
                                referred.plusMonths(1),
                                null),
                        new PlanVersion.PlannedTherapy(
                                "PT",
                                pt.staffId(),
                                null,
                                "weekly",
                                "12 weeks",
                                "lumbar",
                                null,
                                today.minusWeeks(4),
                                today.plusWeeks(8)),
                        new PlanVersion.PlannedTherapy(
                                "CBT",
                                actor("mh.brooks").staffId(),
                                null,
                                "every 2 weeks",
                                "8 sessions",
                                null,
                                null,
                                today.minusWeeks(4),
                                today.plusWeeks(12))),
                null,
                0);
        plans.sign(patel, id, version.id());
    }

    /**
     * An outcomes demo patient's year: one NRS a day from the seeded {@link Simulator} series with its planted effects
     * (rounded to the whole number the instrument takes), recorded by the physician through the assessment service,
     * and a signed plan whose physical therapy and CBT dates are the scenario's (issue 12).
     */
    void tellOutcomes(UUID id, DemoClinicGenerator.OutcomesDemo which, long seed) {
        Actor patel = actor("dr.patel");
        LocalDate first = LocalDate.now().minusDays(DemoClinicGenerator.OutcomesDemo.DAYS);
        Simulator.Scenario scenario = switch (which) {
            case SYNERGY -> Simulator.ptThenCbt(first, true);
            case TOGETHER -> Simulator.simultaneous(first);
            case NOCHANGE -> Simulator.noEffect(first);
        };
        Simulator.Patient simulated = Simulator.simulate(scenario, seed ^ (0x0C7C0L + which.ordinal()));
        // the year of daily pain scores as one series (one batch and one audit row, not one of each per day)
        assessments.recordSeries(
                patel,
                id,
                "NRS",
                simulated.series().readings().stream()
                        .map(r -> new Assessments.Given(r.date(), Map.of("pain", (int) Math.round(r.value()))))
                        .toList());
        Actor pt = actor("pt.garcia");
        Actor brooks = actor("mh.brooks");
        List<PlanVersion.PlannedTherapy> therapies = new ArrayList<>();
        for (Simulator.Therapy t : scenario.therapies()) {
            boolean physical = t.name().equals(Simulator.PT);
            // the plan's end date is the last day given; the scenario's stop is the first day no longer given
            therapies.add(new PlanVersion.PlannedTherapy(
                    physical ? "PT" : "CBT",
                    physical ? pt.staffId() : brooks.staffId(),
                    null,
                    physical ? "twice a week" : "weekly",
                    t.stop() == null
                            ? "ongoing"
                            : (t.stop().toEpochDay() - t.start().toEpochDay()) / 7 + " weeks",
                    physical ? "lumbar" : null,
                    null,
                    t.start(),
                    t.stop() == null ? null : t.stop().minusDays(1)));
        }
        var version = plans.propose(
                pt,
                id,
                List.of(new PlanVersion.Goal(
                        PlanVersion.GoalKind.PAIN,
                        "Average pain at most 4 of 10",
                        "NRS",
                        new java.math.BigDecimal("4"),
                        LocalDate.now().plusMonths(3))),
                therapies,
                null,
                0);
        plans.sign(patel, id, version.id());
    }

    /**
     * The procedure a presentation's plan holds, if any: lumbar radicular pain, stenosis and failed back surgery a
     * transforaminal ESI, lumbar facet pain a diagnostic medial branch block. The other presentations get a plan
     * without a procedure (their procedures need exam findings or diagnostic blocks the demo evaluation does not
     * record, and the rules would rightly not let them proceed).
     */
    record PlannedProcedure(
            String therapyCode,
            ProcedureType type,
            Facts.Region region,
            Facts.Side side,
            Facts.Indication indication,
            String medication,
            Integer steroidMg) {}

    static PlannedProcedure procedureFor(String icd10) {
        return switch (icd10) {
            case "M54.16", "M96.1" ->
                new PlannedProcedure(
                        "ESI_TF",
                        ProcedureType.ESI_TRANSFORAMINAL,
                        Facts.Region.LUMBAR,
                        Facts.Side.LEFT,
                        Facts.Indication.RADICULOPATHY,
                        "Methylprednisolone acetate 40 mg, lidocaine 1%",
                        40);
            case "M48.061" ->
                new PlannedProcedure(
                        "ESI_TF",
                        ProcedureType.ESI_TRANSFORAMINAL,
                        Facts.Region.LUMBAR,
                        Facts.Side.BILATERAL,
                        Facts.Indication.STENOSIS,
                        "Methylprednisolone acetate 40 mg, lidocaine 1%",
                        40);
            case "M47.816" ->
                new PlannedProcedure(
                        "MBB",
                        ProcedureType.MEDIAL_BRANCH_BLOCK,
                        Facts.Region.LUMBAR,
                        Facts.Side.BILATERAL,
                        Facts.Indication.OTHER,
                        "Bupivacaine 0.5%, 0.5 ml per level",
                        null);
            default -> null;
        };
    }

    /**
     * A signed plan with several therapies at once, each owned by its discipline, and the procedure the presentation
     * calls for: ordered (the rules check it), done two weeks into the plan, followed up at two and six weeks.
     */
    private void planTogether(Actor physician, UUID id, LocalDate start, Random rnd) {
        Actor pt = actor("pt.garcia");
        Actor brooks = actor("mh.brooks");
        PlannedProcedure procedure = charts.chart(physician, id).problems().stream()
                .map(v -> v.data().icd10Code())
                .filter(java.util.Objects::nonNull)
                .map(DemoClinicalStory::procedureFor)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
        var goals = List.of(
                new PlanVersion.Goal(
                        PlanVersion.GoalKind.PAIN,
                        "Average pain at most 4 of 10",
                        "NRS",
                        new java.math.BigDecimal("4"),
                        start.plusMonths(4)),
                new PlanVersion.Goal(
                        PlanVersion.GoalKind.FUNCTION,
                        "Less disability",
                        "ODI",
                        new java.math.BigDecimal("30"),
                        start.plusMonths(4)),
                new PlanVersion.Goal(
                        PlanVersion.GoalKind.PERSONAL, "Walk to the park with my grandchildren", null, null, null));
        List<PlanVersion.PlannedTherapy> therapies = new java.util.ArrayList<>(List.of(
                new PlanVersion.PlannedTherapy(
                        "PT", pt.staffId(), null, "2x a week", "6 weeks", "lumbar", null, start, start.plusWeeks(6)),
                new PlanVersion.PlannedTherapy(
                        "CBT",
                        brooks.staffId(),
                        null,
                        "weekly",
                        "10 sessions",
                        null,
                        null,
                        start.plusWeeks(1),
                        start.plusWeeks(11)),
                new PlanVersion.PlannedTherapy(
                        "MEDICATION",
                        physician.staffId(),
                        null,
                        "every 2 months",
                        "ongoing",
                        null,
                        null,
                        start,
                        null)));
        LocalDate procedureDay = start.plusWeeks(2);
        // the team checks the procedure against the rules before it goes into the plan: when the rules would not
        // let it proceed (an outside ESI without enough relief, a blood thinner that cannot be held in time), the
        // order is still placed, so its page shows why, and the plan goes on without it
        if (procedure != null && !mayProceed(orders.check(physician, id, orderOf(procedure, procedureDay)))) {
            orders.order(physician, id, orderOf(procedure, procedureDay));
            procedure = null;
        }
        if (procedure != null) {
            therapies.add(new PlanVersion.PlannedTherapy(
                    procedure.therapyCode(),
                    physician.staffId(),
                    null,
                    "once",
                    "single procedure",
                    procedure.region().name().toLowerCase(),
                    procedure.side().name(),
                    procedureDay,
                    procedureDay));
        }
        var version = plans.propose(pt, id, goals, therapies, null, 0);
        plans.sign(physician, id, version.id());
        if (procedure != null) {
            performAndFollowUp(physician, id, procedure, procedureDay, rnd);
        }
    }

    private void performAndFollowUp(Actor physician, UUID id, PlannedProcedure p, LocalDate on, Random rnd) {
        ProcedureOrder order = orders.order(physician, id, orderOf(p, on));
        if (!order.mayProceed()) {
            return; // the rules did not let it proceed: it is not done (the order shows why)
        }
        int pre = 6 + rnd.nextInt(3);
        var done = charts.add(
                physician,
                id,
                ProcedureKinds.PERFORMED,
                new Documentation.Performed(
                        order.id(),
                        p.type(),
                        on,
                        p.region(),
                        p.side(),
                        1,
                        pre,
                        Math.max(0, pre - 3 - rnd.nextInt(3)),
                        p.medication(),
                        p.steroidMg(),
                        Documentation.Guidance.FLUOROSCOPY,
                        null));
        int relief = 50 + 10 * rnd.nextInt(4);
        charts.add(
                physician,
                id,
                ProcedureKinds.FOLLOW_UP,
                new Documentation.FollowUp(
                        done.entryId(),
                        Documentation.Point.TWO_WEEKS,
                        on.plusWeeks(2),
                        relief,
                        2,
                        Math.max(1, pre - relief / 15)));
        charts.add(
                physician,
                id,
                ProcedureKinds.FOLLOW_UP,
                new Documentation.FollowUp(
                        done.entryId(),
                        Documentation.Point.SIX_WEEKS,
                        on.plusWeeks(6),
                        relief - 10,
                        6,
                        Math.max(1, pre - relief / 15 + 1)));
    }

    private static Facts.Order orderOf(PlannedProcedure p, LocalDate on) {
        return new Facts.Order(
                p.type(),
                p.region(),
                p.side(),
                1,
                on,
                p.indication(),
                p.steroidMg() == null ? null : p.steroidMg().doubleValue(),
                p.steroidMg() != null,
                true,
                null,
                false,
                null);
    }

    private static boolean mayProceed(RuleEngine.Result result) {
        return result.decision() == Decision.ALLOW || result.decision() == Decision.WARN;
    }

    private void baseline(Actor physician, UUID id, LocalDate on, Random rnd, int pain) {
        assessments.record(physician, id, "NRS", on, Map.of("pain", pain));
        assessments.record(physician, id, "PEG", on, Map.of("p", pain, "e", Math.min(10, pain + 1), "g", pain));
        Map<String, Integer> odi = new HashMap<>();
        for (int s = 1; s <= 10; s++) {
            if (s != 8 || rnd.nextBoolean()) {
                odi.put("s" + s, 1 + rnd.nextInt(4));
            }
        }
        assessments.record(physician, id, "ODI", on, odi);
        Map<String, Integer> phq = new HashMap<>();
        for (int q = 1; q <= 9; q++) {
            phq.put("q" + q, q == 9 ? 0 : rnd.nextInt(3));
        }
        assessments.record(physician, id, "PHQ9", on, phq);
    }

    private Actor brooksOrPhysician(Actor brooks, Actor physician, UUID id) {
        return isOnTeam(brooks, id) ? brooks : physician;
    }

    private boolean isOnTeam(Actor actor, UUID id) {
        return teams.isMember(actor.staffId(), id);
    }

    private Actor actor(String username) {
        var s = staff.findByUsername(username).orElseThrow();
        return new Actor(s.id(), s.username(), s.role(), "demo");
    }
}
