package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.relief.support.Browser;
import org.relief.support.ClinicFixture;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal end to end on a phone-sized window: the physician invites the patient and assigns a PHQ-9 from the
 * chart; the patient sets up the account with the code, keeps today's diary, answers the PHQ-9 with item 9 positive
 * and sees the crisis resources at once; the physician's dashboard shows the urgent alert. Every portal page it passes
 * is checked with axe-core: no serious or critical violation.
 */
@IntegrationTest
class PortalBrowserIT {

    private static final String PASSWORD = "my calm garden path 9";

    @LocalServerPort
    int port;

    @Autowired
    ClinicFixture fixture;

    @Test
    void aPatientAnswersFromHomeAndTheTeamSeesTheAlert() throws Exception {
        UUID patient = fixture.patient().create();
        try (Browser b = Browser.open(port)) {
            b.signIn("dr.patel", IntegrationTest.DEMO_PASSWORD);
            b.go("/patients/" + patient);
            b.waitFor(By.id("portal-assign"));
            b.select("portal-instrument", "PHQ9");
            b.clickAndWaitForNewPage(By.id("portal-assign"));
            b.waitFor(By.id("portal-invite"));
            assertThat(b.text(By.id("portal-assignments"))).contains("PHQ-9");
            b.clickAndWaitForNewPage(By.id("portal-invite"));
            String code = b.waitFor(By.id("invite-code")).getText();
            assertThat(code).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
            b.screenshot("portal-invitation");
            b.signOut();

            b.resize(360, 800);
            b.go("/portal/welcome");
            accessible(b, "set up your account");
            b.type("code", code);
            b.type("username", "browser.patient");
            b.type("password", PASSWORD);
            b.type("confirm", PASSWORD);
            b.clickAndWaitForNewPage(By.id("set-up"));
            assertThat(b.pageText()).contains("Your account is ready");
            accessible(b, "sign-in");
            b.type("username", "browser.patient");
            b.type("password", PASSWORD);
            b.clickAndWaitForNewPage(By.id("sign-in"));
            assertThat(b.waitFor(By.id("portal-name")).getText()).isEqualTo("Dana Testperson");
            accessible(b, "start");

            b.clickAndWaitForNewPage(By.id("go-diary"));
            accessible(b, "diary");
            for (String item :
                    new String[] {"painNow.6", "painAverage.5", "enjoyment.4", "generalActivity.5", "sleepQuality.3"}) {
                b.click(item);
            }
            b.type("activityMinutes", "25");
            b.type("note", "Walked to the shop");
            assertThat(noSidewaysScroll(b)).as("the diary fits 360 px").isTrue();
            b.screenshot("portal-diary-360");
            b.clickAndWaitForNewPage(By.id("save-diary"));
            assertThat(b.waitFor(By.id("diary-notice")).getText()).contains("Saved");
            assertThat(b.text(By.id("diary-days"))).contains("pain 6 now, 5 on average");
            accessible(b, "diary, saved");

            b.clickAndWaitForNewPage(By.id("nav-questionnaires"));
            accessible(b, "questions");
            b.clickAndWaitForNewPage(By.id("assignment-PHQ9"));
            accessible(b, "PHQ-9");
            for (int i = 1; i <= 8; i++) {
                b.click("item.q" + i + ".0");
            }
            b.click("item.q9.1");
            b.clickAndWaitForNewPage(By.id("send-answers"));
            String crisis = b.waitFor(By.id("crisis-resources")).getText();
            assertThat(crisis).contains("988").contains("911");
            assertThat(noSidewaysScroll(b))
                    .as("the crisis resources fit 360 px")
                    .isTrue();
            b.screenshot("portal-crisis-resources-360");
            accessible(b, "crisis resources");
            b.clickAndWaitForNewPage(By.id("nav-plan"));
            accessible(b, "my plan");
            b.clickAndWaitForNewPage(By.id("nav-progress"));
            assertThat(b.pageText()).contains("My progress");
            accessible(b, "my progress");
            b.clickAndWaitForNewPage(By.id("portal-sign-out"));

            b.resize(1300, 1000);
            b.signIn("dr.patel", IntegrationTest.DEMO_PASSWORD);
            b.go("/");
            String alerts = b.waitFor(By.id("dashboard-alerts")).getAttribute("innerHTML");
            assertThat(alerts).contains("Urgent safety alerts").contains("/patients/" + patient);
        }
    }

    @Test
    void theDemoPatientsPlanAndProgressFitAPhone() throws Exception {
        try (Browser b = Browser.open(port)) {
            b.resize(360, 800);
            b.go("/portal/login");
            b.type("username", "demo.patient");
            b.type("password", IntegrationTest.DEMO_PASSWORD);
            b.clickAndWaitForNewPage(By.id("sign-in"));
            b.clickAndWaitForNewPage(By.id("nav-plan"));
            assertThat(b.text(By.id("plan-therapies"))).contains("What to expect");
            assertThat(noSidewaysScroll(b)).as("my plan fits 360 px").isTrue();
            accessible(b, "my plan (signed)");
            b.screenshot("portal-plan-360");
            b.clickAndWaitForNewPage(By.id("nav-progress"));
            assertThat(b.pageText()).contains("Week by week");
            assertThat(noSidewaysScroll(b)).as("my progress fits 360 px").isTrue();
            accessible(b, "my progress (a year of readings)");
            b.screenshot("portal-progress-360");
        }
    }

    /** axe-core on the page as shown: no serious or critical violation (each named with its nodes if any). */
    private static void accessible(Browser b, String page) {
        List<String> found = new ArrayList<>();
        for (Rule rule : new AxeBuilder().analyze(b.driver()).getViolations()) {
            if (Set.of("serious", "critical").contains(rule.getImpact())) {
                List<String> nodes = new ArrayList<>();
                rule.getNodes().forEach(n -> nodes.add(String.valueOf(n.getTarget())));
                found.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " " + nodes);
            }
        }
        assertThat(found).as("axe-core on the portal's " + page + " page").isEmpty();
    }

    private static boolean noSidewaysScroll(Browser b) {
        return (Boolean) b.script("return document.documentElement.scrollWidth <= window.innerWidth;");
    }
}
