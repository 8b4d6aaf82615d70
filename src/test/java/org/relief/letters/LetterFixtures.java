package org.relief.letters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.relief.assessment.Assessments;
import org.relief.careteam.Actor;
import org.relief.evaluation.EvaluationKinds;
import org.relief.evaluation.Evaluations;
import org.relief.evaluation.Findings;
import org.relief.evaluation.Findings.Finding;
import org.relief.patient.ChartService;
import org.relief.plan.PlanVersion;
import org.relief.plan.Plans;
import org.relief.support.ClinicFixture;

/** A patient a consult letter can be written for, through the real services (used by LettersIT and the browser). */
public final class LetterFixtures {

    private LetterFixtures() {}

    /**
     * Dr. Patel's patient ready for a lumbar ESI (with its documented ESI and follow-up), two NRS readings (7, then
     * 4), an exam (straight-leg raise positive left), a confirmed lumbar radiculopathy (M54.16), the evaluation
     * signed, and a signed plan of physical therapy with a pain goal three months ahead.
     */
    public static UUID evaluatedWithSignedPlan(
            ClinicFixture fixture, ChartService charts, Evaluations evaluations, Assessments assessments, Plans plans) {
        Actor physician = fixture.actor("dr.patel");
        Actor pt = fixture.actor("pt.garcia");
        UUID patient =
                fixture.patient().onTeamOf("pt.garcia").readyForLumbarEsi().create();
        LocalDate today = LocalDate.now();
        assessments.record(physician, patient, "NRS", today.minusDays(20), Map.of("pain", 7));
        assessments.record(physician, patient, "NRS", today.minusDays(1), Map.of("pain", 4));
        UUID episode = evaluations.start(physician, patient);
        charts.add(
                physician,
                patient,
                EvaluationKinds.EXAM,
                new Findings.Exam(
                        episode,
                        today,
                        "Flexion limited by pain",
                        "L5 dermatome hypoaesthesia on the left",
                        Finding.POSITIVE,
                        Finding.NEGATIVE,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Finding.NEGATIVE,
                        null,
                        null));
        charts.add(
                physician,
                patient,
                EvaluationKinds.DIAGNOSIS,
                new Findings.Diagnosis(
                        episode, "M54.16", "Radiculopathy, lumbar region", Findings.Certainty.CONFIRMED));
        evaluations.sign(physician, patient, episode);
        var goals = List.of(new PlanVersion.Goal(
                PlanVersion.GoalKind.PAIN, "Pain at most 4 of 10", "NRS", new BigDecimal("4"), today.plusMonths(3)));
        var therapies = List.of(new PlanVersion.PlannedTherapy(
                "PT", pt.staffId(), null, "2x a week", "6 weeks", "lumbar", null, today, today.plusWeeks(6)));
        PlanVersion v1 = plans.propose(pt, patient, goals, therapies, null, 0);
        plans.sign(physician, patient, v1.id());
        return patient;
    }
}
