package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.ChartService;
import org.relief.patient.EntryKind;
import org.relief.patient.Patients;
import org.relief.support.Browser;
import org.relief.support.Fixtures;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * At 400 px wide (a phone) every page keeps "Sign out" in view and never scrolls sideways as a whole: the header
 * wraps, and wide tables scroll inside their own box. Screenshots go to target/screenshots/narrow-*.png.
 */
@IntegrationTest
class NarrowScreenBrowserIT {

    private static final int WIDTH = 400;

    @LocalServerPort
    int port;

    @Autowired
    Patients patients;

    @Autowired
    StaffDirectory staff;

    @Autowired
    ChartService charts;

    @Test
    void everyPageFitsA400PixelScreen() throws Exception {
        UUID tenYear = patients.search(Fixtures.actor(staff, "dr.patel"), "Tenyear", Patients.Scope.MINE, 1)
                .get(0)
                .id();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("dashboard", "/");
        pages.put("chart", "/patients/" + tenYear);
        UUID visit = charts.entries(Fixtures.actor(staff, "dr.patel"), tenYear, EntryKind.ENCOUNTER)
                .get(0)
                .entryId();
        pages.put("void", "/patients/" + tenYear + "/encounters/" + visit + "/void");
        pages.put("procedures", "/patients/" + tenYear + "/procedures");
        pages.put("plan", "/patients/" + tenYear + "/plan");
        pages.put("evaluation", "/patients/" + tenYear + "/evaluation");
        pages.put("letters", "/patients/" + tenYear + "/letters");
        pages.put("instrument-history", "/patients/" + tenYear + "/instruments/NRS");
        pages.put("referral-form", "/referrals/new");
        pages.put("search", "/patients?q=a&scope=CLINIC");
        pages.put("not-found", "/nonexistent");
        List<String> wrong = new ArrayList<>();
        try (Browser b = Browser.open(port)) {
            b.signIn("dr.patel", IntegrationTest.DEMO_PASSWORD).resize(WIDTH, 900);
            check(b, pages, wrong);
            b.signOut().signIn("admin", IntegrationTest.ADMIN_PASSWORD);
            Map<String, String> admin = new LinkedHashMap<>();
            admin.put("admin", "/admin");
            admin.put("admin-audit", "/admin/audit");
            admin.put("admin-policy", "/admin/policy");
            check(b, admin, wrong);
        }
        assertThat(wrong).isEmpty();
    }

    private static void check(Browser b, Map<String, String> pages, List<String> wrong) {
        for (var page : pages.entrySet()) {
            b.go(page.getValue());
            // the chart's sections arrive by htmx after the page: wait until every placeholder is replaced
            new WebDriverWait(b.driver(), Duration.ofSeconds(15))
                    .until(d -> Boolean.TRUE.equals(b.script(
                            "return document.readyState === 'complete' && !document.body.innerText.includes('Loading…')"
                                    + " && !document.getElementById('safety-placeholder')")));
            assertThat(((Number) b.script("return window.innerWidth")).intValue())
                    .isEqualTo(WIDTH);
            b.screenshot("narrow-" + page.getKey());
            long scrollWidth = ((Number) b.script("return document.documentElement.scrollWidth")).longValue();
            if (scrollWidth > WIDTH) {
                wrong.add(page.getValue() + ": the page scrolls sideways (" + scrollWidth + " px wide)");
            }
            @SuppressWarnings("unchecked")
            List<Number> signOut = (List<Number>) b.script("var r = document.querySelector('header.top form button')"
                    + ".getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom];");
            if (signOut.get(0).doubleValue() < 0
                    || signOut.get(1).doubleValue() > WIDTH
                    || signOut.get(2).doubleValue() < 0
                    || signOut.get(1).doubleValue() <= 0) {
                wrong.add(page.getValue() + ": Sign out is off-screen at " + signOut);
            }
        }
    }
}
