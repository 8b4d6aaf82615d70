package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.relief.support.Browser;
import org.relief.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Front desk enters a referral with the imaging and prior treatment it brings, adding a row from the keyboard; a second
 * referral for the same person shows the existing record before anything is made, and goes on only when confirmed.
 */
@IntegrationTest
class ReferralIntakeBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void frontDeskEntersImagingAndPriorTreatmentsOnTheReferralAndSeesAPossibleDuplicate() throws Exception {
        try (Browser b = Browser.open(port)) {
            b.signIn("desk.miller", IntegrationTest.DEMO_PASSWORD);
            b.go("/referrals/new");
            fillPatient(b);
            b.select("img[0].modality", "MRI")
                    .type("img[0].bodyRegion", "Lumbar spine")
                    .setValue("img[0].studyDate", "2026-03-02")
                    .type("img[0].impression", "L5-S1 disc extrusion compressing the right S1 root");
            // "Add another imaging study" from the keyboard: the form comes back with a second row, nothing lost
            WebElement add = b.driver().findElement(By.id("add-imaging"));
            WebElement oldPage = b.driver().findElement(By.tagName("html"));
            add.sendKeys(Keys.ENTER);
            b.waitUntilGone(oldPage);
            b.waitFor(By.id("imaging-row-1"));
            assertThat(b.driver().findElement(By.id("img[0].impression")).getAttribute("value"))
                    .isEqualTo("L5-S1 disc extrusion compressing the right S1 root");
            assertThat(b.driver().findElement(By.id("d.familyName")).getAttribute("value"))
                    .isEqualTo("Rowtest");
            b.select("img[1].modality", "XRAY")
                    .type("img[1].bodyRegion", "Lumbar spine")
                    .setValue("img[1].studyDate", "2025-12-01")
                    .type("img[1].impression", "Mild spondylosis");
            b.type("tx[0].therapy", "Physical therapy")
                    .setValue("tx[0].startDate", "2025-10-01")
                    .setValue("tx[0].endDate", "2025-12-15")
                    .select("tx[0].result", "NONE")
                    .type("tx[0].whyStopped", "no meaningful relief");
            b.screenshot("referral-form-rows");
            b.clickAndWaitForNewPage(By.id("register"));
            assertThat(b.waitFor(By.id("patient-name")).getText()).isEqualTo("Rowtest, Casey");
            assertThat(b.pageText())
                    .contains("with 2 imaging studies and 1 prior treatment.")
                    .contains("L5-S1 disc extrusion")
                    .contains("Mild spondylosis")
                    .contains("Physical therapy")
                    .contains("Riverton Family Medicine record RFM-1234");

            // the same person again: the existing record is shown first, with a link for front desk on its team
            b.go("/referrals/new");
            fillPatient(b);
            b.clickAndWaitForNewPage(By.id("register"));
            WebElement warning = b.waitFor(By.id("possible-duplicates"));
            assertThat(warning.getText()).contains("Rowtest, Casey").contains("This is a different person");
            assertThat(warning.findElements(By.cssSelector("a[href^='/patients/']")))
                    .hasSize(1);
            assertThat(b.driver().findElement(By.id("r.reason")).getAttribute("value"))
                    .isEqualTo("Sciatica for 5 months");
            b.screenshot("referral-possible-duplicate");
            b.clickAndWaitForNewPage(By.id("confirm-different"));
            assertThat(b.waitFor(By.id("patient-name")).getText()).isEqualTo("Rowtest, Casey");
            assertThat(b.pageText()).contains("Referral registered");
        }
    }

    private static void fillPatient(Browser b) {
        b.type("d.familyName", "Rowtest")
                .type("d.givenName", "Casey")
                .setValue("d.birthDate", "1968-08-08")
                .select("d.sex", "OTHER")
                .type("r.referringClinician", "Dr. Helen Ward")
                .type("r.referringPractice", "Riverton Family Medicine")
                .type("r.reason", "Sciatica for 5 months")
                .type("sourceRecordNumber", "RFM-1234")
                .selectByText("coordinatingPhysicianId", "Dr. Anika Patel");
    }
}
