package org.relief.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.relief.assessment.Assessments;
import org.relief.careteam.Actor;
import org.relief.patient.Codes;
import org.relief.patient.Problem;
import org.relief.patient.Step;
import org.relief.plan.PlanVersion;
import org.relief.plan.Plans;
import org.relief.plan.TherapyCatalog;
import org.relief.support.ClinicFixture;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Realistic expectations and the cohort view on real PostgreSQL: 21 patients with carpal tunnel syndrome (ICD-10 G56,
 * a group no demo patient has) treated with physical therapy and acupuncture, each with a pain score (NRS 8) before
 * the plan started and one at 3 months (10 of them 4: a 50 % improvement; 11 of them 7), and a 22nd patient with the
 * same combination proposed.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CohortIT {

    @LocalServerPort
    int port;

    @Autowired
    ClinicFixture clinic;

    @Autowired
    Assessments assessments;

    @Autowired
    Plans plans;

    @Autowired
    JdbcClient jdbc;

    UUID target;
    final LocalDate start = LocalDate.now().minusDays(120);
    final String combination =
            TherapyCatalog.byCode("ACUPUNCTURE").orElseThrow().name() + " + "
                    + TherapyCatalog.byCode("PT").orElseThrow().name();

    @BeforeAll
    void cohort() {
        Actor patel = clinic.actor("dr.patel");
        for (int i = 0; i < 21; i++) {
            UUID id = patient();
            assessments.record(patel, id, "NRS", start.minusDays(10), Map.of("pain", 8));
            assessments.record(patel, id, "NRS", start.plusDays(91), Map.of("pain", i < 10 ? 4 : 7));
            var v = plans.propose(clinic.actor("pt.garcia"), id, goals(), therapies(), null, 0);
            plans.sign(patel, id, v.id());
        }
        target = patient();
        plans.propose(clinic.actor("pt.garcia"), target, goals(), therapies(), null, 0);
    }

    private UUID patient() {
        return clinic.patient()
                .onTeamOf("pt.garcia", "acu.chen")
                .withProblem(new Problem(
                        "G56.00",
                        "Carpal tunnel syndrome, unspecified upper limb",
                        start.minusYears(1),
                        Codes.ClinicalStatus.ACTIVE))
                .atStep(Step.PLANNING)
                .create();
    }

    private List<PlanVersion.Goal> goals() {
        return List.of(new PlanVersion.Goal(
                PlanVersion.GoalKind.PAIN, "Average pain at most 4 of 10", "NRS", new BigDecimal("4"), null));
    }

    private List<PlanVersion.PlannedTherapy> therapies() {
        return List.of(
                new PlanVersion.PlannedTherapy(
                        "PT",
                        clinic.actor("pt.garcia").staffId(),
                        null,
                        "2x a week",
                        "6 weeks",
                        null,
                        null,
                        start,
                        start.plusWeeks(6)),
                new PlanVersion.PlannedTherapy(
                        "ACUPUNCTURE",
                        clinic.actor("acu.chen").staffId(),
                        null,
                        "weekly",
                        "8 weeks",
                        null,
                        null,
                        start.plusDays(14),
                        start.plusWeeks(10)));
    }

    @Test
    void thePlanPageShowsWhatPatientsLikeThisOneReachedWithNAndIntervals() {
        HttpResponse<String> r = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD)
                .get("/patients/" + target + "/outcomes/expectations");
        assertThat(r.statusCode()).isEqualTo(200);
        // 10 of 21 reached 50 % (and so 30 %): 48 %, Wilson 95 % interval 28-68 %
        assertThat(r.body())
                .contains("21 similar patients found.")
                .contains("At 3 months, of 21 patients like this one treated with a similar combination, 48 % (95 % "
                        + "interval 28-68 %) reached a 30 % improvement")
                .contains("At 6 months: too few similar patients (0 with a pain score then; 20 needed)")
                .contains("the same diagnosis group (ICD-10 G56)")
                .contains("treated with the same combination: " + combination)
                .contains("Wilson");
        // the plan page holds the fragment's placeholder
        assertThat(Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD)
                        .get("/patients/" + target + "/plan")
                        .body())
                .contains("/patients/" + target + "/outcomes/expectations");
    }

    @Test
    void thePlainWordsForThePortal(@Autowired CohortService cohort) {
        assertThat(cohort.expectationsInPlainWords(clinic.actor("dr.patel"), target))
                .startsWith("About 48 in 100 people like you had at least 30 % less pain after 3 months, and about "
                        + "48 in 100 at least 50 % less (from 21 people treated here).");
    }

    @Test
    void theCohortViewIsForPhysiciansAndAdminsAuditedWithCsv() {
        long before = lastAudit();
        Http doctor = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        HttpResponse<String> page = doctor.get("/outcomes/cohort?months=3&diagnosis=G56");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(combination).contains("48 % (28–68 %)").contains("Download CSV");
        HttpResponse<String> csv = doctor.get("/outcomes/cohort.csv?months=3&diagnosis=G56");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body())
                .startsWith("row,therapy or combination,months,patients,reached 30 %")
                .contains("every baseline NRS: patients")
                // 10 of 21: 47.6 %, Wilson 28.3-67.6 % (by hand: centre 0.4799, half-width 0.1964)
                .contains("Combination," + combination + ",3,21,10,47.6,28.3,67.6,10,47.6,28.3,67.6,21,47.6,47.6");
        assertThat(auditSince(before)).contains("dr.patel READ cohort responder rates at 3 months, diagnosis G56: OK");

        HttpResponse<String> refused =
                Http.session(port, "pt.garcia", IntegrationTest.DEMO_PASSWORD).get("/outcomes/cohort?months=3");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(auditSince(before))
                .contains("pt.garcia DENIED cohort responder rates at 3 months: only physicians and clinic admins");

        HttpResponse<String> bad = doctor.get("/outcomes/cohort?months=9");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("months").contains("must be 3 or 6");
    }

    private long lastAudit() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_event")
                .query(Long.class)
                .single();
    }

    private List<String> auditSince(long id) {
        return jdbc.sql("select actor || ' ' || action || ' ' || what || ': ' || outcome from audit_event where id > ? "
                        + "order by id")
                .param(id)
                .query(String.class)
                .list();
    }
}
