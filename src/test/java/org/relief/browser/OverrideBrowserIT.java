package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.relief.support.Browser;
import org.relief.support.ClinicFixture;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A physician orders an ESI too soon, sees BLOCK with reason and source, overrides; the admin sees the override. */
@IntegrationTest
class OverrideBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    ClinicFixture fixture;

    @Test
    void esiTooSoonIsBlockedThenOverriddenAndTheOverrideIsListed() throws Exception {
        UUID id = fixture.patient().readyForLumbarEsi().create();
        try (Browser b = Browser.open(port)) {
            b.signIn("dr.patel", IntegrationTest.DEMO_PASSWORD);
            b.go("/patients/" + id + "/procedures");
            b.select("type", "ESI_TRANSFORAMINAL")
                    .select("region", "LUMBAR")
                    .select("side", "LEFT")
                    .setValue("plannedDate", LocalDate.now().plusDays(5).toString())
                    .type("steroidMg", "60");
            b.clickAndWaitForNewPage(By.id("place-order"));

            assertThat(b.waitFor(By.cssSelector(".decision")).getText()).isEqualTo("Blocked");
            String interval = b.text(By.cssSelector("tr.outcome-BLOCK"));
            assertThat(interval)
                    .contains("ESI: interval")
                    .contains("Only 15 days")
                    .contains("clinic practice")
                    .contains("esi.min-interval-days = 21 days");
            b.screenshot("procedure-blocked");
            b.driver()
                    .findElement(By.cssSelector(".override-reason"))
                    .sendKeys("Severe flare before a long trip; discussed risks with the patient");
            b.clickAndWaitForNewPage(By.cssSelector(".override-save"));
            assertThat(b.waitFor(By.cssSelector(".notice")).getText()).contains("Block overridden");
            assertThat(b.pageText()).contains("Overridden").contains("Severe flare before a long trip");
            b.signOut();

            b.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
            b.go("/admin/overrides");
            assertThat(b.pageText())
                    .contains("dr.patel")
                    .contains("Testperson, Dana")
                    .contains("Severe flare before a long trip")
                    .contains("ESI: interval");
            b.go("/admin/audit?action=UPDATE&actor=dr.patel");
            assertThat(b.pageText()).contains("OVERRIDE of the block on");
            b.screenshot("override-audit");
        }
    }
}
