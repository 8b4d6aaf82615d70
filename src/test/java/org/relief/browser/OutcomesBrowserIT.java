package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.Patients;
import org.relief.support.Browser;
import org.relief.support.Fixtures;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The physician opens the demo patient with a planted PT + CBT synergy from the chart, sees the trajectory drawn with
 * the therapy bands and "Possible synergy" with its interval; the patient whose therapies started on the same day
 * shows "Not separable"; the page fits a 400 px screen. Screenshots: target/screenshots/outcomes-*.png.
 */
@IntegrationTest
class OutcomesBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    Patients patients;

    @Autowired
    StaffDirectory staff;

    private UUID demo(String family) {
        return patients.search(Fixtures.actor(staff, "dr.patel"), family, Patients.Scope.MINE, 1)
                .get(0)
                .id();
    }

    @Test
    void thePhysicianSeesTheTrajectoryWithTherapyBandsAndThePossibleSynergy() throws Exception {
        UUID synergy = demo("Synergy");
        UUID together = demo("Together");
        try (Browser b = Browser.open(port)) {
            b.signIn("dr.patel", IntegrationTest.DEMO_PASSWORD);
            b.go("/patients/" + synergy);
            b.clickAndWaitForNewPage(By.linkText("Outcomes"));
            assertThat(b.currentPath()).isEqualTo("/patients/" + synergy + "/outcomes");
            b.waitFor(By.id("outcomes-chart"));
            new WebDriverWait(b.driver(), Duration.ofSeconds(15))
                    .until(d -> Boolean.TRUE.equals(b.script("const c = document.getElementById('outcomes-chart');"
                            + " return c.dataset.drawn === '1' && !!Chart.getChart(c);")));
            // the chart holds the year's readings and the two therapies it draws as bands
            assertThat(((Number) b.script("return Chart.getChart(document.getElementById('outcomes-chart'))"
                                    + ".data.datasets[0].data.length"))
                            .intValue())
                    .isEqualTo(365);
            String bands = b.driver().findElement(By.id("outcomes-chart")).getAttribute("data-therapies");
            assertThat(bands)
                    .contains("Physical therapy|")
                    .contains("Cognitive behavioural therapy / pain psychology|");
            assertThat(b.text(By.cssSelector("ul.therapy-legend")))
                    .contains("Physical therapy")
                    .contains("Cognitive behavioural therapy");
            String together1 = b.text(By.cssSelector("ul.interactions"));
            assertThat(together1)
                    .contains("Possible synergy")
                    .contains("Physical therapy + Cognitive behavioural therapy / pain psychology")
                    .containsPattern("95 % interval −?\\d+\\.\\d\\d to −\\d+\\.\\d\\d\\)");
            assertThat(b.text(By.id("helped")))
                    .contains("Which therapies helped")
                    .contains("Change in level");
            assertThat(b.text(By.cssSelector("table caption"))).contains("Pain (NRS 0-10) by date");
            b.screenshot("outcomes-synergy");
            b.script("document.getElementById('helped').scrollIntoView()");
            b.screenshot("outcomes-helped");

            b.resize(400, 900);
            b.go("/patients/" + synergy + "/outcomes");
            b.waitFor(By.id("outcomes-chart"));
            assertThat(((Number) b.script("return document.documentElement.scrollWidth")).longValue())
                    .isLessThanOrEqualTo(400);
            b.screenshot("outcomes-narrow");
            b.resize(1280, 900);

            b.go("/patients/" + together + "/outcomes");
            assertThat(b.waitFor(By.cssSelector("li.not-separable")).getText()).startsWith("Not separable:");
            assertThat(b.text(By.cssSelector("ul.interactions"))).contains("Not separable");
            assertThat(b.text(By.cssSelector("ul.interactions"))).doesNotContain("Possible synergy");
            b.screenshot("outcomes-not-separable");

            b.go("/patients/" + synergy + "/outcomes?measure=ODI");
            assertThat(b.text(By.id("outcomes-empty"))).contains("0 readings").contains("at least 24");
        }
    }
}
