package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.relief.careteam.Actor;
import org.relief.portal.PortalAccounts;
import org.relief.support.Browser;
import org.relief.support.ClinicFixture;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Keyboard alone at 360 px: the patient signs in and keeps today's diary without a mouse. Tab moves from field to
 * field, the arrow keys choose on each 0-10 scale (the keyboard pattern of a radio group), keys type the minutes and
 * the note, and Enter on the button saves. Every stop of the Tab key shows where the focus is (a visible outline)
 * and sits inside the 360 px window. Before your procedure is reached the same way, fits 360 px and passes
 * axe-core (no serious or critical violation).
 */
@IntegrationTest
class PortalKeyboardBrowserIT {

    private static final String PASSWORD = "slow tide evening 31";

    @LocalServerPort
    int port;

    @Autowired
    ClinicFixture fixture;

    @Autowired
    PortalAccounts accounts;

    @Autowired
    org.relief.procedure.Orders orders;

    private final List<String> focusProblems = new ArrayList<>();

    @Test
    void theDiaryIsFilledAndSavedWithTheKeyboardAlone() throws Exception {
        UUID patient = fixture.patient().create();
        Actor patel = fixture.actor("dr.patel");
        accounts.accept(accounts.invite(patel, patient).code(), "keys.only", PASSWORD, PASSWORD, "127.0.0.1");
        try (Browser b = Browser.open(port)) {
            b.resize(360, 800);
            b.go("/portal/login");
            tabTo(b, "username");
            keys(b, "keys.only");
            tabTo(b, "password");
            keys(b, PASSWORD);
            enterAndWaitForNewPage(b);
            assertThat(b.waitFor(By.id("portal-name")).getText()).isEqualTo("Dana Testperson");

            tabTo(b, "go-diary");
            enterAndWaitForNewPage(b);
            int[] chosen = {6, 5, 4, 5, 3};
            String[] scales = {"painNow", "painAverage", "enjoyment", "generalActivity", "sleepQuality"};
            for (int i = 0; i < scales.length; i++) {
                tabTo(b, scales[i] + ".0");
                // Space takes the first answer, each arrow the next one
                keys(b, Keys.SPACE);
                for (int k = 0; k < chosen[i]; k++) {
                    keys(b, Keys.ARROW_RIGHT);
                }
                assertThat(b.driver()
                                .findElement(By.cssSelector("input[name='" + scales[i] + "']:checked"))
                                .getAttribute("value"))
                        .as(scales[i])
                        .isEqualTo(String.valueOf(chosen[i]));
            }
            tabTo(b, "activityMinutes");
            keys(b, "25");
            tabTo(b, "sideEffects");
            keys(b, "none");
            tabTo(b, "note");
            keys(b, "Walked to the shop");
            tabTo(b, "save-diary");
            enterAndWaitForNewPage(b);

            assertThat(b.waitFor(By.id("diary-notice")).getText()).contains("Saved");
            assertThat(b.text(By.id("diary-days"))).contains("pain 6 now, 5 on average; slept 3/10; 25 min active");
            assertThat(focusProblems)
                    .as("focus visible and inside 360 px at every Tab stop")
                    .isEmpty();
            b.screenshot("portal-diary-keyboard-360");
        }
    }

    @Test
    void beforeYourProcedureIsReachedByKeyboardFitsAPhoneAndPassesAxe() throws Exception {
        UUID patient = fixture.patient()
                .readyForLumbarEsi()
                .withMedication(new org.relief.patient.Medication(
                        "Warfarin sodium 5 MG Oral Tablet",
                        null,
                        org.relief.patient.Codes.DrugClass.ANTICOAGULANT,
                        "1 tablet",
                        "daily",
                        "oral",
                        null,
                        org.relief.patient.Codes.MedicationStatus.ACTIVE))
                .create();
        Actor patel = fixture.actor("dr.patel");
        var order = orders.order(
                patel,
                patient,
                ClinicFixture.lumbarEsi(java.time.LocalDate.now().plusDays(21)));
        if (order.decision() == org.relief.procedure.rules.Decision.BLOCK) {
            orders.override(patel, patient, order.id(), "test: the patient's page is what is checked here");
        }
        accounts.accept(accounts.invite(patel, patient).code(), "keys.procedure", PASSWORD, PASSWORD, "127.0.0.1");
        try (Browser b = Browser.open(port)) {
            b.resize(360, 800);
            b.go("/portal/login");
            tabTo(b, "username");
            keys(b, "keys.procedure");
            tabTo(b, "password");
            keys(b, PASSWORD);
            enterAndWaitForNewPage(b);
            tabTo(b, "go-procedures");
            enterAndWaitForNewPage(b);
            assertThat(b.pageText())
                    .contains("Before your procedure")
                    .contains("take your last dose on")
                    .contains("Start it again 6 hours after the procedure");
            assertThat((Boolean) b.script("return document.documentElement.scrollWidth <= window.innerWidth;"))
                    .as("fits 360 px")
                    .isTrue();
            List<String> found = new ArrayList<>();
            for (var rule : new com.deque.html.axecore.selenium.AxeBuilder()
                    .analyze(b.driver())
                    .getViolations()) {
                if (java.util.Set.of("serious", "critical").contains(rule.getImpact())) {
                    found.add(rule.getId() + ": " + rule.getHelp());
                }
            }
            assertThat(found).as("axe-core on Before your procedure").isEmpty();
            assertThat(focusProblems).isEmpty();
            b.screenshot("portal-procedure-360");
        }
    }

    /** Presses Tab until the element with this id has the focus (at most 40 times), checking each stop. */
    private void tabTo(Browser b, String id) {
        if (id.equals(b.driver().switchTo().activeElement().getAttribute("id"))) {
            return; // already there (the sign-in page puts the focus on the name)
        }
        for (int i = 0; i < 40; i++) {
            keys(b, Keys.TAB);
            WebElement focused = b.driver().switchTo().activeElement();
            checkFocus(b, focused);
            if (id.equals(focused.getAttribute("id"))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    private void checkFocus(Browser b, WebElement focused) {
        if (focused.getTagName().equals("body")) {
            return; // Tab past the last control leaves the page for the browser's own controls
        }
        String what = focused.getTagName() + "#" + focused.getAttribute("id");
        Object visible = b.script("var e = document.activeElement, s = getComputedStyle(e);"
                + "return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';");
        if (!Boolean.TRUE.equals(visible)) {
            focusProblems.add(what + ": no visible focus");
        }
        Object inside = b.script("var r = document.activeElement.getBoundingClientRect();"
                + "return r.left >= 0 && r.right <= window.innerWidth;");
        if (!Boolean.TRUE.equals(inside)) {
            focusProblems.add(what + ": outside the 360 px window");
        }
    }

    private static void keys(Browser b, CharSequence... keys) {
        new Actions(b.driver()).sendKeys(keys).perform();
    }

    private static void enterAndWaitForNewPage(Browser b) {
        WebElement oldPage = b.driver().findElement(By.tagName("html"));
        keys(b, Keys.ENTER);
        b.waitUntilGone(oldPage);
    }
}
