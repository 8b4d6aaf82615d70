package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.relief.careteam.Actor;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.ChartService;
import org.relief.patient.Codes;
import org.relief.patient.EntryKind;
import org.relief.patient.Patients;
import org.relief.patient.Problem;
import org.relief.support.Browser;
import org.relief.support.ClinicFixture;
import org.relief.support.Fixtures;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two people correct the same entry: the second to save gets the conflict page with the current version beside
 * what they typed, which is kept in the form; saving again applies it on top of the current version.
 */
@IntegrationTest
class ConflictBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    Patients patients;

    @Autowired
    ChartService charts;

    @Autowired
    StaffDirectory staff;

    @Autowired
    ClinicFixture fixture;

    @Autowired
    org.relief.assessment.Assessments assessments;

    @Test
    void theSecondPersonsTypedChangeIsKeptBesideTheCurrentVersion() throws Exception {
        Actor physician = Fixtures.actor(staff, "dr.patel");
        UUID id = patients.register(Fixtures.actor(staff, "desk.miller"), Fixtures.registration(physician.staffId()))
                .id();
        var problem = charts.add(
                physician,
                id,
                EntryKind.PROBLEM,
                new Problem(
                        "M54.50",
                        "Low back pain, unspecified",
                        LocalDate.now().minusMonths(8),
                        Codes.ClinicalStatus.ACTIVE));
        String path = "/patients/" + id + "/problems/" + problem.entryId() + "/edit";

        try (Browser b = Browser.open(port)) {
            b.signIn("dr.patel", IntegrationTest.DEMO_PASSWORD);
            b.go(path);
            b.type("description", "Low back pain with left L5 radiculopathy, worse on sitting");
            b.type("changeReason", "added the radicular component after today's exam");

            // meanwhile someone else saves a correction of the same entry (version 2)
            charts.correct(
                    physician,
                    id,
                    EntryKind.PROBLEM,
                    problem.entryId(),
                    1,
                    new Problem(
                            "M54.16",
                            "Radiculopathy, lumbar region",
                            LocalDate.now().minusMonths(8),
                            Codes.ClinicalStatus.ACTIVE),
                    "coded from the referral letter");

            b.clickAndWaitForNewPage(By.id("save"));
            assertThat(b.waitFor(By.id("conflict")).getText())
                    .contains("Not saved")
                    .contains("saved version 2 after you opened version 1")
                    .contains("nothing you typed is lost");
            // what was typed is still in the form, ready to save on top of version 2
            assertThat(b.driver().findElement(By.id("description")).getAttribute("value"))
                    .isEqualTo("Low back pain with left L5 radiculopathy, worse on sitting");
            assertThat(b.driver().findElement(By.id("changeReason")).getAttribute("value"))
                    .isEqualTo("added the radicular component after today's exam");
            assertThat(b.driver().findElement(By.name("version")).getAttribute("value"))
                    .isEqualTo("2");
            // the current version beside it, differences marked
            String compare = b.text(By.id("conflict-compare"));
            assertThat(compare)
                    .contains("Radiculopathy, lumbar region")
                    .contains("Low back pain with left L5 radiculopathy, worse on sitting")
                    .contains("M54.16")
                    .contains("Active")
                    .doesNotContain("ACTIVE");
            assertThat(b.driver().findElements(By.cssSelector("#conflict-compare tr.differs")))
                    .hasSize(2);
            b.screenshot("conflict-desktop");
            b.driver().manage().window().setSize(new Dimension(400, 900));
            b.screenshot("conflict-400");
            b.driver().manage().window().setSize(new Dimension(1300, 1000));

            b.type("icd10Code", "M54.16");
            b.clickAndWaitForNewPage(By.id("save"));
            assertThat(b.waitFor(By.cssSelector(".notice")).getText()).contains("corrected");
            var saved = charts.entry(physician, id, EntryKind.PROBLEM, problem.entryId());
            assertThat(saved.version()).isEqualTo(3);
            assertThat(saved.data().description())
                    .isEqualTo("Low back pain with left L5 radiculopathy, worse on sitting");
            assertThat(charts.history(physician, id, EntryKind.PROBLEM, problem.entryId()))
                    .hasSize(3);
        }
    }

    @Test
    void anInstrumentCorrectionInConflictKeepsTheTypedAnswersAndReason() {
        Actor physician = Fixtures.actor(staff, "dr.patel");
        UUID id = patients.register(Fixtures.actor(staff, "desk.miller"), Fixtures.registration(physician.staffId()))
                .id();
        var r = assessments.record(physician, id, "NRS", LocalDate.now(), java.util.Map.of("pain", 6));
        assessments.correct(
                physician, id, r.entryId(), 1, LocalDate.now(), java.util.Map.of("pain", 5), "patient re-rated");
        var web = org.relief.support.Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        var res = web.postForm(
                "/patients/" + id + "/instruments/NRS/" + r.entryId(),
                java.util.Map.of(
                        "version",
                        "1",
                        "administeredOn",
                        LocalDate.now().toString(),
                        "item.pain",
                        "8",
                        "changeReason",
                        "keyed 6 instead of 8"));
        assertThat(res.statusCode()).isEqualTo(409);
        assertThat(res.body())
                .contains("someone else changed this response first")
                .contains("value=\"keyed 6 instead of 8\"")
                .contains("name=\"version\" value=\"2\"");
        assertThat(assessments.response(physician, id, r.entryId()).total()).isEqualTo(5.0);
    }

    @Test
    void aVoidInConflictKeepsTheTypedReasonAgainstTheCurrentVersion() {
        Actor physician = Fixtures.actor(staff, "dr.patel");
        UUID id = patients.register(Fixtures.actor(staff, "desk.miller"), Fixtures.registration(physician.staffId()))
                .id();
        var problem = charts.add(
                physician,
                id,
                EntryKind.PROBLEM,
                new Problem(
                        "M54.50",
                        "Low back pain, unspecified",
                        LocalDate.now().minusMonths(8),
                        Codes.ClinicalStatus.ACTIVE));
        charts.correct(
                physician,
                id,
                EntryKind.PROBLEM,
                problem.entryId(),
                1,
                new Problem(
                        "M54.16",
                        "Radiculopathy, lumbar region",
                        LocalDate.now().minusMonths(8),
                        Codes.ClinicalStatus.ACTIVE),
                "coded from the referral letter");
        var web = org.relief.support.Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        var res = web.postForm(
                "/patients/" + id + "/problems/" + problem.entryId() + "/void",
                java.util.Map.of("version", "1", "reason", "entered on the wrong patient"));
        assertThat(res.statusCode()).isEqualTo(409);
        assertThat(res.body())
                .contains("Not voided: someone else changed this entry first")
                .contains("value=\"entered on the wrong patient\"")
                .contains("name=\"version\" value=\"2\"")
                .contains("Radiculopathy, lumbar region");
        assertThat(charts.entry(physician, id, EntryKind.PROBLEM, problem.entryId())
                        .voided())
                .isFalse();
    }

    @Test
    void aRowIsVoidedFromItsOwnPageWithAReasonAndStaysInItsHistory() throws Exception {
        Actor physician = fixture.actor("dr.patel");
        UUID id = fixture.patient()
                .withProblem(new Problem(
                        "M54.50",
                        "Entered on the wrong chart",
                        LocalDate.now().minusMonths(2),
                        Codes.ClinicalStatus.ACTIVE))
                .create();
        var problem = charts.entries(physician, id, EntryKind.PROBLEM).get(0);
        try (Browser b = Browser.open(port)) {
            b.signIn("dr.patel", IntegrationTest.DEMO_PASSWORD);
            b.go("/patients/" + id);
            // the row links to the void page; it carries no form of its own
            assertThat(b.driver().findElements(By.cssSelector("#problems-" + problem.entryId() + " form")))
                    .isEmpty();
            b.clickAndWaitForNewPage(By.cssSelector("#problems-" + problem.entryId() + " a[href$='/void']"));
            assertThat(b.waitFor(By.id("void")).getText())
                    .contains("Void this entry")
                    .contains("Voids version 1");
            assertThat(b.text(By.tagName("h1"))).isEqualTo("Void this problem / history entry");
            assertThat(b.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("void-reason");
            b.screenshot("void-page");
            b.type("void-reason", "entered on the wrong patient's chart");
            b.clickAndWaitForNewPage(By.id("void-entry"));
            assertThat(b.waitFor(By.cssSelector(".notice")).getText()).contains("voided");
            assertThat(b.driver().findElements(By.id("problems-" + problem.entryId())))
                    .isEmpty();
            assertThat(charts.history(physician, id, EntryKind.PROBLEM, problem.entryId())
                            .get(0)
                            .voidReason())
                    .isEqualTo("entered on the wrong patient's chart");

            b.go("/patients/" + id + "/problems/" + problem.entryId() + "/void");
            assertThat(b.waitFor(By.id("void")).getText()).contains("already voided");
            assertThat(b.driver().findElements(By.id("void-entry"))).isEmpty();
        }
    }
}
