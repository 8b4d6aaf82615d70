package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.relief.careteam.CareTeams;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.Patients;
import org.relief.support.Browser;
import org.relief.support.Fixtures;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The safety path end to end: a PHQ-9 with item 9 positive raises the alert, the hold and the crisis resources;
 * the therapist documents the follow-up; only the physician can release the hold.
 */
@IntegrationTest
class SafetyProtocolBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    Patients patients;

    @Autowired
    StaffDirectory staff;

    @Autowired
    CareTeams teams;

    @Test
    void phq9ItemNineAlertsHoldsAndIsReleasedOnlyByThePhysician() throws Exception {
        UUID id = patients.register(
                        Fixtures.actor(staff, "desk.miller"),
                        Fixtures.registration(
                                staff.findByUsername("dr.patel").orElseThrow().id()))
                .id();
        teams.add(id, staff.findByUsername("mh.brooks").orElseThrow().id(), "test");

        try (Browser b = Browser.open(port)) {
            b.signIn("mh.brooks", IntegrationTest.DEMO_PASSWORD);
            b.go("/patients/" + id + "/instruments/PHQ9/new");
            for (int i = 1; i <= 8; i++) {
                b.click("item.q" + i + ".1");
            }
            b.click("item.q9.1");
            assertThat(b.waitFor(By.id("score-safety")).getText())
                    .contains("Safety")
                    .contains("Several days");
            assertThat(b.text(By.id("score-total"))).isEqualTo("9.00");
            b.screenshot("phq9-live-score");
            b.clickAndWaitForNewPage(By.id("save"));

            assertThat(b.waitFor(By.id("safety-alert")).getText()).contains("Urgent safety alert");
            assertThat(b.text(By.id("crisis-resources"))).contains("988");
            assertThat(b.text(By.id("care-hold"))).contains("Interventional care is on hold");
            b.screenshot("safety-alert");
            b.driver().findElement(By.cssSelector(".follow-up-risk")).sendKeys("LOW");
            b.driver()
                    .findElement(By.cssSelector(".follow-up-action"))
                    .sendKeys("Seen today; no plan or intent; safety plan agreed; weekly therapy");
            b.clickAndWaitForNewPage(By.cssSelector(".follow-up-save"));

            assertThat(b.waitFor(By.id("care-hold")).getText()).contains("on hold");
            assertThat(b.pageText()).contains("the physician releases the hold");
            assertThat(b.driver().findElements(By.id("release-hold"))).isEmpty();
            b.signOut();

            b.signIn("dr.patel", IntegrationTest.DEMO_PASSWORD);
            b.go("/patients/" + id);
            b.waitFor(By.id("release-hold"));
            b.type("release-reason", "Therapist follow-up documented; evaluation may continue");
            b.clickAndWaitForNewPage(By.id("release-hold"));
            assertThat(b.waitFor(By.id("patient-name")).getText()).contains("Testperson");
            assertThat(b.pageText()).contains("Hold released");
            b.waitFor(By.cssSelector("#safety details"));
            assertThat(b.driver().findElements(By.id("safety-alert"))).isEmpty();
        }
    }
}
