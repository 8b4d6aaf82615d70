package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.relief.assessment.SafetyFlag;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.Patients;
import org.relief.screening.SafetyProtocol;
import org.relief.support.Browser;
import org.relief.support.ClinicFixture;
import org.relief.support.Fixtures;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The order form does not mislead: no side is chosen for the physician; bad input is named in words next to its
 * field and at the top; a BLOCK reads as a block (red, reason first), never as "ordered"; the safety hold offers no
 * Override button; an order is cancelled with a reason and shows as cancelled.
 */
@IntegrationTest
class OrderFormBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    Patients patients;

    @Autowired
    ClinicFixture fixture;

    @Autowired
    StaffDirectory staff;

    @Autowired
    SafetyProtocol safety;

    @Test
    void noDefaultSideErrorsInWordsBlockShownAsBlockAndCancel() throws Exception {
        UUID id = fixture.patient().readyForLumbarEsi().create();
        try (Browser b = Browser.open(port)) {
            b.signIn("dr.patel", IntegrationTest.DEMO_PASSWORD);
            b.go("/patients/" + id + "/procedures");
            Select side = new Select(b.driver().findElement(By.id("side")));
            assertThat(side.getFirstSelectedOption().getAttribute("value")).isEmpty();
            assertThat(side.getFirstSelectedOption().getText()).isEqualTo("Choose…");
            assertThat(side.getOptions())
                    .extracting(WebElement::getText)
                    .contains("Left", "Right", "Bilateral", "Midline / no side");

            // a transforaminal ESI without a side, and a steroid dose that is not a number
            b.select("type", "ESI_TRANSFORAMINAL")
                    .select("region", "LUMBAR")
                    .setValue("plannedDate", LocalDate.now().plusDays(5).toString())
                    .type("steroidMg", "sixty");
            b.clickAndWaitForNewPage(By.id("place-order"));
            String summary = b.waitFor(By.id("order-errors")).getText();
            assertThat(summary)
                    .contains("Nothing was ordered")
                    .contains("Side:")
                    .contains("Steroid dose (mg):")
                    .doesNotContain("steroidMg")
                    .doesNotContainPattern("(?m)^side:");
            assertThat(b.text(By.id("side-error"))).contains("choose");
            assertThat(b.text(By.id("steroidMg-error"))).contains("must be a number");
            assertThat(b.driver().findElement(By.id("steroidMg")).getAttribute("value"))
                    .isEqualTo("sixty");
            b.screenshot("order-form-errors");

            // "midline / no side" is not a side for a transforaminal ESI
            b.select("side", "NONE").type("steroidMg", "60");
            b.clickAndWaitForNewPage(By.id("place-order"));
            assertThat(b.waitFor(By.id("side-error")).getText()).contains("left, right or bilateral");
            assertThat(b.text(By.id("order-errors"))).contains("Side:");

            // too soon after the last ESI: a BLOCK, shown as a block with its reason first
            b.select("side", "LEFT");
            b.clickAndWaitForNewPage(By.id("place-order"));
            WebElement result = b.waitFor(By.id("order-result"));
            assertThat(result.getAttribute("class")).contains("alert");
            assertThat(result.getText())
                    .startsWith("Blocked")
                    .contains("Only 15 days")
                    .doesNotContain("ordered:");
            assertThat(b.driver().findElements(By.cssSelector(".notice"))).isEmpty();
            WebElement card = b.driver().findElement(By.cssSelector(".order"));
            assertThat(card.getAttribute("class")).contains("order-blocked");
            assertThat(card.findElement(By.cssSelector(".decision")).getText()).isEqualTo("Blocked");
            assertThat(card.findElement(By.cssSelector(".block-summary")).getText())
                    .startsWith("Blocked:")
                    .contains("Only 15 days");
            assertThat(card.findElements(By.cssSelector(".override-save"))).hasSize(1);
            assertThat(card.getText())
                    .doesNotContain("BLOCK")
                    .doesNotContain("LUMBAR")
                    .doesNotContain("LEFT");
            b.screenshot("order-blocked-desktop");
            b.driver().manage().window().setSize(new Dimension(400, 900));
            b.go("/patients/" + id + "/procedures");
            b.screenshot("order-blocked-400");
            b.driver().manage().window().setSize(new Dimension(1300, 1000));

            // cancelled with a reason: kept, shown as cancelled, nothing left to override or document
            b.driver().findElement(By.cssSelector(".cancel-order summary")).click();
            b.driver()
                    .findElement(By.cssSelector(".cancel-reason"))
                    .sendKeys("Patient wants to wait for the flare to settle");
            b.clickAndWaitForNewPage(By.cssSelector(".cancel-save"));
            assertThat(b.waitFor(By.cssSelector(".notice")).getText()).contains("order cancelled");
            WebElement cancelled = b.driver().findElement(By.cssSelector(".order"));
            assertThat(cancelled.getAttribute("class")).contains("order-cancelled");
            assertThat(cancelled.getText()).contains("Cancelled").contains("Patient wants to wait for the flare");
            assertThat(cancelled.findElements(By.cssSelector(".override-save"))).isEmpty();
            assertThat(cancelled.findElements(By.linkText("Document this procedure")))
                    .isEmpty();
            b.screenshot("order-cancelled");
        }
    }

    @Test
    void theSafetyHoldIsShownAsABlockWithNoOverrideButton() throws Exception {
        UUID id = fixture.patient().readyForLumbarEsi().create();
        safety.report(
                Fixtures.actor(staff, "dr.patel"),
                id,
                SafetyFlag.Concern.SUICIDAL_IDEATION,
                "Disclosed thoughts of dying");
        try (Browser b = Browser.open(port)) {
            b.signIn("dr.patel", IntegrationTest.DEMO_PASSWORD);
            b.go("/patients/" + id + "/procedures");
            b.select("type", "ESI_TRANSFORAMINAL")
                    .select("region", "LUMBAR")
                    .select("side", "RIGHT")
                    .setValue("plannedDate", LocalDate.now().plusDays(30).toString())
                    .type("steroidMg", "40");
            b.clickAndWaitForNewPage(By.id("place-order"));
            String page = b.pageText();
            assertThat(page).containsIgnoringCase("hold").doesNotContain("ordered:");
            assertThat(b.driver().findElements(By.cssSelector(".override-save")))
                    .isEmpty();
            assertThat(b.driver().findElements(By.cssSelector(".override-reason")))
                    .isEmpty();
            assertThat(b.driver().findElements(By.cssSelector(".notice"))).isEmpty();
            b.screenshot("order-safety-hold");
        }
    }
}
