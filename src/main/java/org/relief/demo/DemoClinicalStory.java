package org.relief.demo;

import java.time.LocalDate;
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
import org.relief.patient.ChartService;
import org.relief.patient.PatientSummary;
import org.relief.patient.Patients;
import org.relief.patient.Step;
import org.relief.plan.PlanVersion;
import org.relief.plan.Plans;
import org.springframework.stereotype.Component;

/**
 * Gives the small demo clinic's patients the clinical story of their step, through the real services (so every
 * rule, audit row and safety alert is what a clinician's entries would produce): instrument trajectories, evaluation
 * episodes, and, for patients deferred to mental health, the PHQ-9 that deferred them.
 */
@Component
class DemoClinicalStory {

    private final Patients patients;
    private final ChartService charts;
    private final Assessments assessments;
    private final Evaluations evaluations;
    private final StaffDirectory staff;
    private final CareTeams teams;
    private final Plans plans;

    DemoClinicalStory(Patients patients, ChartService charts, Assessments assessments, Evaluations evaluations,
            StaffDirectory staff, CareTeams teams, Plans plans) {
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
                case REFERRED -> assessments.record(physician, id, "NRS", today.minusDays(2),
                        Map.of("pain", 6 + rnd.nextInt(4)));
                case IN_EVALUATION -> {
                    baseline(physician, id, today.minusDays(14), rnd, 7);
                    UUID episode = evaluations.start(physician, id);
                    charts.add(physician, id, EvaluationKinds.SESSION, new Findings.Session(episode,
                            today.minusDays(14), "Pain history taken; imaging reviewed with the patient.",
                            "Low back, right buttock", "aching, worse by evening", "over a year ago",
                            "sitting, bending", "walking, heat"));
                    charts.add(physician, id, EvaluationKinds.EXAM, new Findings.Exam(episode, today.minusDays(14),
                            "Lumbar flexion limited by pain", "Reflexes symmetric, strength 5/5",
                            Findings.Finding.NEGATIVE, Findings.Finding.NEGATIVE, Findings.Finding.POSITIVE,
                            Findings.Finding.POSITIVE, Findings.Finding.POSITIVE, Findings.Finding.NEGATIVE,
                            Findings.Finding.NEGATIVE, Findings.Finding.NOT_DONE, Findings.Finding.POSITIVE, 1,
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
                        assessments.record(physician, id, "PEG", today.minusDays(120 - 30L * m),
                                Map.of("p", nrs, "e", Math.min(10, nrs + 1), "g", nrs));
                    }
                    UUID episode = evaluations.start(physician, id);
                    charts.add(physician, id, EvaluationKinds.DIAGNOSIS, new Findings.Diagnosis(episode, "G89.29",
                            "Other chronic pain", Findings.Certainty.CONFIRMED));
                    evaluations.sign(physician, id, episode);
                    if (p.step() != Step.PLANNING) {
                        planTogether(physician, id, today.minusDays(100));
                    }
                    if (p.step() == Step.DISCHARGED) {
                        patients.changeStep(physician, id, Step.DISCHARGED, "demo clinic: goals met");
                    }
                }
                default -> {
                }
            }
        }
    }

    /** A signed plan with several therapies at once, each owned by its discipline. */
    private void planTogether(Actor physician, UUID id, LocalDate start) {
        Actor pt = actor("pt.garcia");
        Actor brooks = actor("mh.brooks");
        var goals = List.of(
                new PlanVersion.Goal(PlanVersion.GoalKind.PAIN, "Average pain at most 4 of 10", "NRS",
                        new java.math.BigDecimal("4"), start.plusMonths(4)),
                new PlanVersion.Goal(PlanVersion.GoalKind.FUNCTION, "Less disability", "ODI",
                        new java.math.BigDecimal("30"), start.plusMonths(4)),
                new PlanVersion.Goal(PlanVersion.GoalKind.PERSONAL, "Walk to the park with my grandchildren", null,
                        null, null));
        var therapies = List.of(
                new PlanVersion.PlannedTherapy("PT", pt.staffId(), null, "2x a week", "6 weeks", "lumbar", null,
                        start, start.plusWeeks(6)),
                new PlanVersion.PlannedTherapy("CBT", brooks.staffId(), null, "weekly", "10 sessions", null, null,
                        start.plusWeeks(1), start.plusWeeks(11)),
                new PlanVersion.PlannedTherapy("ESI_TF", physician.staffId(), null, "once", "single injection",
                        "lumbar", "LEFT", start.plusWeeks(2), start.plusWeeks(2)),
                new PlanVersion.PlannedTherapy("MEDICATION", physician.staffId(), null, "every 2 months",
                        "ongoing", null, null, start, null));
        var version = plans.propose(pt, id, goals, therapies, null, 0);
        plans.sign(physician, id, version.id());
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
