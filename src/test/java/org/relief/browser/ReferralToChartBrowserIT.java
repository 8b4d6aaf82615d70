package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.relief.support.Browser;
import org.relief.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Front desk enters a referral (first with a mistake the form names), sees it in the chart; a clinician off the
 * team is refused until breaking the glass with a reason; the admin sees it on the break-glass report.
 */
@IntegrationTest
class ReferralToChartBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void frontDeskRegistersAReferralAndAnOutsiderMustBreakTheGlass() throws Exception {
        try (Browser b = Browser.open(port)) {
            b.signIn("desk.miller", IntegrationTest.DEMO_PASSWORD);
            b.screenshot("dashboard-front-desk");
            b.go("/referrals/new");
            b.type("d.familyName", "Browsertest")
                    .type("d.givenName", "Alex")
                    .setValue("d.birthDate", "1975-03-14")
                    .select("d.sex", "FEMALE")
                    .type("d.phone", "555 222 3333")
                    .type("r.referringClinician", "Dr. Grace Osei")
                    .type("r.referringPractice", "Oakridge Family Practice")
                    .type("d.email", "alex.browsertest@example.org")
                    .selectByText("coordinatingPhysicianId", "Dr. Anika Patel");
            // one deliberate mistake: the referral reason is left empty
            b.clickAndWaitForNewPage(By.id("register"));

            assertThat(b.waitFor(By.id("r.reason-error")).getText()).isEqualTo("must not be blank");
            assertThat(b.pageText()).contains("Nothing was saved");
            assertThat(b.driver().findElement(By.id("d.familyName")).getAttribute("value"))
                    .isEqualTo("Browsertest");
            b.screenshot("referral-form-error");

            b.type("r.reason", "Chronic low back pain, 9 months, PT and NSAIDs without relief");
            b.clickAndWaitForNewPage(By.id("register"));
            assertThat(b.waitFor(By.id("patient-name")).getText()).isEqualTo("Browsertest, Alex");
            assertThat(b.pageText())
                    .contains("Referral registered")
                    .contains("Dr. Grace Osei")
                    .contains("Chronic low back pain, 9 months");
            String chartPath = b.currentPath().replaceAll("#.*", "");
            b.screenshot("chart-after-referral");
            b.signOut();

            b.signIn("chiro.lee", IntegrationTest.DEMO_PASSWORD);
            b.go(chartPath);
            assertThat(b.waitFor(By.tagName("h1")).getText()).isEqualTo("Not on this patient's care team");
            assertThat(b.pageText()).doesNotContain("Chronic low back pain");
            b.screenshot("break-the-glass");
            b.type("reason", "Patient walked in for a session; covering colleague is away");
            b.clickAndWaitForNewPage(By.id("break-glass"));
            assertThat(b.waitFor(By.id("patient-name")).getText()).isEqualTo("Browsertest, Alex");
            assertThat(b.pageText()).contains("You broke the glass").contains("Chronic low back pain");
            b.signOut();

            b.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
            b.go("/admin/break-glass");
            assertThat(b.pageText())
                    .contains("Jordan Lee, DC")
                    .contains("Browsertest, Alex")
                    .contains("covering colleague is away");
            b.screenshot("break-glass-report");
            b.signOut();
        }
    }

    @Test
    void physicianSeesTheirPatientsByStepAndFindsOneBySearch() throws Exception {
        try (Browser b = Browser.open(port)) {
            b.signIn("dr.patel", IntegrationTest.DEMO_PASSWORD);
            assertThat(b.pageText())
                    .contains("My patients")
                    .contains("Referred")
                    .contains("In evaluation")
                    .contains("On a plan");
            b.screenshot("dashboard-physician");
            b.type("q", "tenyear");
            assertThat(b.waitFor(By.cssSelector("#quick-results a")).getText()).isEqualTo("Tenyear, Morgan");
            b.driver().findElement(By.cssSelector("#quick-results a")).click();
            assertThat(b.waitFor(By.id("patient-name")).getText()).isEqualTo("Tenyear, Morgan");
            assertThat(b.pageText()).contains("Postlaminectomy syndrome").contains("Visit 300 of the long-term");
            b.screenshot("chart-long-history");

            b.go("/");
            // the dashboard lists the most recently changed first, and other tests put their own patients on a plan:
            // follow its "On a plan" links until a patient whose pain changed meaningfully (the demo's, or another
            // test's)
            List<String> onAPlan =
                    b.driver().findElements(By.xpath("//section[h2/span[text()='On a plan']]//a")).stream()
                            .map(a -> a.getAttribute("href"))
                            .toList();
            assertThat(onAPlan).isNotEmpty();
            String instruments = "";
            for (String href : onAPlan) {
                b.driver().get(href);
                b.waitFor(By.id("patient-name"));
                if (b.driver()
                        .findElements(By.cssSelector("#instruments canvas"))
                        .isEmpty()) {
                    continue;
                }
                instruments = b.text(By.id("instruments"));
                if (instruments.contains("meaningfully")) {
                    break;
                }
            }
            assertThat(instruments).contains("Numeric pain rating").contains("meaningfully");
            // on a plan: a signed version with its therapies, each with its owner
            assertThat(b.text(By.id("plan-summary"))).contains("signed").contains(" — ");
            ((org.openqa.selenium.JavascriptExecutor) b.driver())
                    .executeScript("document.getElementById('plan-summary').scrollIntoView()");
            Thread.sleep(300); // let Chart.js finish drawing before the picture
            b.screenshot("chart-on-plan");
        }
    }
}
