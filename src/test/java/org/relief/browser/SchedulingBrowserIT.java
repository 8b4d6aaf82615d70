package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relief.careteam.Actor;
import org.relief.patient.Codes;
import org.relief.patient.Medication;
import org.relief.plan.PlanVersion;
import org.relief.plan.Plans;
import org.relief.procedure.Orders;
import org.relief.procedure.rules.Facts;
import org.relief.procedure.rules.ProcedureType;
import org.relief.support.Browser;
import org.relief.support.ClinicFixture;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The front desk books physical therapy twice a week for six weeks, then tries to put another patient into one of
 * those times and reads why not; the physician runs the optimiser for a plan with an ESI, physical therapy and CBT
 * (last ESI 10 days ago, apixaban), watches it solve, and accepts the proposal; the ESI lands on a day the procedure
 * rules allow.
 */
@IntegrationTest
class SchedulingBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    ClinicFixture fixture;

    @Autowired
    Plans plans;

    @Autowired
    Orders orders;

    static final String GYM = "5c0e0000-0000-4000-8000-000000000003";

    @Test
    void theFrontDeskBooksASeriesAndSeesAConflictAndThePhysicianAcceptsAProposal() throws Exception {
        Actor therapist = fixture.actor("pt.garcia");
        UUID first =
                fixture.patient().named("Scheduleperson").onTeamOf("pt.garcia").create();
        UUID second =
                fixture.patient().named("Scheduleperson").onTeamOf("pt.garcia").create();
        LocalDate monday =
                LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(20);

        try (Browser b = Browser.open(port)) {
            b.signIn("desk.miller", IntegrationTest.DEMO_PASSWORD);
            b.go("/patients/" + first + "/appointments");
            b.select("series-type", "PT_SESSION");
            b.select("series-staff", therapist.staffId().toString());
            b.select("series-room", GYM);
            b.setValue("series-first", monday.toString());
            b.setValue("series-last", monday.plusWeeks(6).minusDays(1).toString());
            b.setValue("series-start", "15:00");
            b.click("series-day-MONDAY").click("series-day-THURSDAY");
            b.clickAndWaitForNewPage(By.id("series-submit"));
            assertThat(b.waitFor(By.className("notice")).getText())
                    .contains("12 Physical therapy session appointments booked");
            assertThat(b.driver().findElements(By.cssSelector("#appointment-list tr.appointment")))
                    .hasSize(12);

            b.go("/patients/" + second + "/appointments");
            b.select("book-type", "PT_SESSION");
            b.select("book-staff", therapist.staffId().toString());
            b.select("book-room", GYM);
            b.setValue("book-date", monday.plusDays(3).toString());
            b.setValue("book-start", "15:30");
            b.clickAndWaitForNewPage(By.id("book-submit"));
            assertThat(b.waitFor(By.id("booking-conflict")).getText())
                    .contains("Not booked")
                    .contains("Maria Garcia, DPT is already booked on " + monday.plusDays(3) + " 15:00–15:45")
                    .contains("Physical therapy gym is already booked");
            b.screenshot("scheduling-conflict");
            // at 400 px the page does not scroll sideways
            b.resize(400, 900);
            assertThat((Boolean) b.script(
                            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"))
                    .isTrue();
            b.resize(1200, 900);
            b.signOut();

            // the physician's plan: ESI, PT twice a week, CBT weekly; last ESI 10 days ago, apixaban
            Actor doctor = fixture.actor("dr.patel");
            UUID patient = fixture.patient()
                    .named("Scheduleperson")
                    .onTeamOf("pt.garcia", "mh.brooks")
                    .readyForLumbarEsi()
                    .withMedication(new Medication(
                            "apixaban",
                            null,
                            Codes.DrugClass.ANTICOAGULANT,
                            "5 mg",
                            "twice a day",
                            "oral",
                            null,
                            Codes.MedicationStatus.ACTIVE))
                    .create();
            LocalDate today = LocalDate.now();
            orders.order(
                    doctor,
                    patient,
                    new Facts.Order(
                            ProcedureType.ESI_TRANSFORAMINAL,
                            Facts.Region.LUMBAR,
                            Facts.Side.LEFT,
                            1,
                            today.plusDays(14),
                            Facts.Indication.RADICULOPATHY,
                            60.0,
                            false,
                            true,
                            null,
                            true,
                            null));
            PlanVersion plan = plans.propose(
                    doctor,
                    patient,
                    List.of(new PlanVersion.Goal(
                            PlanVersion.GoalKind.PAIN,
                            "Pain at most 4 of 10",
                            "NRS",
                            new BigDecimal("4"),
                            today.plusMonths(3))),
                    List.of(
                            therapy("ESI_TF", doctor, "once"),
                            therapy("PT", therapist, "2x a week"),
                            therapy("CBT", fixture.actor("mh.brooks"), "weekly")),
                    null,
                    0);
            plans.sign(doctor, patient, plan.id());

            b.signIn("dr.patel", IntegrationTest.DEMO_PASSWORD);
            b.go("/patients/" + patient + "/appointments");
            for (String d : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
                b.click("optimise-day-" + d);
            }
            b.clickAndWaitForNewPage(By.id("optimise-submit"));
            assertThat(b.waitFor(By.id("score")).getText()).contains("Best so far");
            new WebDriverWait(b.driver(), Duration.ofSeconds(40))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("accept")));
            String proposal = b.text(By.id("proposal"));
            assertThat(proposal).contains("Epidural steroid injection").contains("Physical therapy session (8 of 8)");
            assertThat(b.text(By.id("score"))).contains("no hard rule broken").contains("every visit placed");
            b.screenshot("scheduling-proposal");
            b.clickAndWaitForNewPage(By.id("accept"));
            assertThat(b.waitFor(By.className("notice")).getText())
                    .contains("13 appointment(s) booked from the proposal.");
            String list = b.text(By.id("appointment-list"));
            assertThat(list).contains("Epidural steroid injection");
            LocalDate esiDay =
                    LocalDate.parse(b.driver().findElements(By.cssSelector("#appointment-list tr.appointment")).stream()
                            .filter(tr -> tr.getText().contains("Epidural steroid injection"))
                            .findFirst()
                            .orElseThrow()
                            .findElement(By.tagName("td"))
                            .getText());
            // the last ESI was 10 days ago: the 21-day interval (and apixaban's 5-day hold) push it to today + 11 or
            // later
            assertThat(esiDay).isAfterOrEqualTo(today.plusDays(11));
        }
    }

    private static PlanVersion.PlannedTherapy therapy(String code, Actor owner, String frequency) {
        return new PlanVersion.PlannedTherapy(
                code, owner.staffId(), null, frequency, "4 weeks", null, null, LocalDate.now(), null);
    }
}
