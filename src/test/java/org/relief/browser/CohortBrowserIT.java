package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relief.assessment.Assessments;
import org.relief.careteam.Actor;
import org.relief.patient.Codes;
import org.relief.patient.Problem;
import org.relief.patient.Step;
import org.relief.plan.PlanVersion;
import org.relief.plan.Plans;
import org.relief.support.Browser;
import org.relief.support.ClinicFixture;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Realistic expectations on the plan page and the clinic's cohort view, in a browser: 20 patients with meralgia
 * paresthetica (ICD-10 G57, a group no other test or demo patient has) treated with physical therapy and CBT, 14 of
 * them 50 % better at 3 months; a 21st with the same combination proposed. The physician sees "20 similar patients"
 * and the rates with their intervals on the plan page, then the cohort view filtered to G57, and both fit a 400 px
 * screen. Screenshots: target/screenshots/cohort-*.png.
 */
@IntegrationTest
class CohortBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    ClinicFixture clinic;

    @Autowired
    Assessments assessments;

    @Autowired
    Plans plans;

    private final LocalDate start = LocalDate.now().minusDays(100);

    private UUID patient() {
        return clinic.patient()
                .onTeamOf("pt.garcia", "mh.brooks")
                .withProblem(new Problem(
                        "G57.10",
                        "Meralgia paresthetica, unspecified lower limb",
                        start.minusYears(1),
                        Codes.ClinicalStatus.ACTIVE))
                .atStep(Step.PLANNING)
                .create();
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
                        null),
                new PlanVersion.PlannedTherapy(
                        "CBT",
                        clinic.actor("mh.brooks").staffId(),
                        null,
                        "weekly",
                        "8 weeks",
                        null,
                        null,
                        start.plusDays(7),
                        null));
    }

    private List<PlanVersion.Goal> goals() {
        return List.of(new PlanVersion.Goal(
                PlanVersion.GoalKind.PAIN, "Average pain at most 3 of 10", "NRS", new BigDecimal("3"), null));
    }

    @Test
    void thePhysicianSeesRealisticExpectationsOnThePlanAndTheCohortView() throws Exception {
        Actor patel = clinic.actor("dr.patel");
        for (int i = 0; i < 20; i++) {
            UUID id = patient();
            assessments.record(patel, id, "NRS", start.minusDays(5), Map.of("pain", 6));
            assessments.record(patel, id, "NRS", start.plusDays(90), Map.of("pain", i < 14 ? 3 : 6));
            plans.sign(
                    patel,
                    id,
                    plans.propose(clinic.actor("pt.garcia"), id, goals(), therapies(), null, 0)
                            .id());
        }
        UUID target = patient();
        plans.propose(clinic.actor("pt.garcia"), target, goals(), therapies(), null, 0);

        try (Browser b = Browser.open(port)) {
            b.signIn("dr.patel", IntegrationTest.DEMO_PASSWORD);
            b.go("/patients/" + target + "/plan");
            // the fragment arrives by htmx after the page
            new WebDriverWait(b.driver(), Duration.ofSeconds(15))
                    .until(d -> !d.findElements(By.id("expectations")).isEmpty());
            String e = b.text(By.id("expectations"));
            // 14 of 20: 70 %, Wilson 95 % interval 48-85 %
            assertThat(e)
                    .contains("Realistic expectations")
                    .contains("20 similar patients found.")
                    .contains("70 % (48–85 %)")
                    .contains("Too few similar patients (0)")
                    .contains("the same diagnosis group (ICD-10 G57)");
            b.screenshot("cohort-expectations");
            b.resize(400, 900);
            b.go("/patients/" + target + "/plan");
            new WebDriverWait(b.driver(), Duration.ofSeconds(15))
                    .until(d -> !d.findElements(By.id("expectations")).isEmpty());
            assertThat(((Number) b.script("return document.documentElement.scrollWidth")).longValue())
                    .isLessThanOrEqualTo(400);
            b.resize(1280, 900);

            b.clickAndWaitForNewPage(By.linkText("Cohort outcomes"));
            assertThat(b.currentPath()).isEqualTo("/outcomes/cohort");
            b.select("diagnosis", "G57");
            b.clickAndWaitForNewPage(By.cssSelector("form.outcomes-picker button"));
            String table = b.text(By.id("cohort"));
            assertThat(table)
                    .contains("At 3 months: 20 patients with a baseline and a score then")
                    // row headers are shown in capitals by the style sheet
                    .containsIgnoringCase(
                            "Combination: Cognitive behavioural therapy / pain psychology + Physical therapy")
                    .contains("70 % (48–85 %)");
            assertThat(b.driver().findElement(By.id("cohort-csv")).getAttribute("href"))
                    .contains("/outcomes/cohort.csv?months=3")
                    .contains("&measure=NRS")
                    .contains("&diagnosis=G57");
            b.screenshot("cohort-view");
            b.resize(400, 900);
            b.go("/outcomes/cohort?months=3&diagnosis=G57");
            assertThat(((Number) b.script("return document.documentElement.scrollWidth")).longValue())
                    .isLessThanOrEqualTo(400);
            b.screenshot("cohort-view-narrow");
        }
    }
}
