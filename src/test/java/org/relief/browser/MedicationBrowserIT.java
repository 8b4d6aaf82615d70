package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.relief.careteam.StaffDirectory;
import org.relief.medication.DoseForm;
import org.relief.medication.MedicationForm;
import org.relief.medication.Medications;
import org.relief.medication.Route;
import org.relief.medication.StrengthUnit;
import org.relief.patient.ChartService;
import org.relief.patient.EntryKind;
import org.relief.patient.Patients;
import org.relief.support.Browser;
import org.relief.support.Fixtures;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A physician structures the referral's free-text oxycodone and adds morphine ER and alprazolam: oxycodone 10 mg
 * every 6 hours = 40 mg x 1.5 = 60 MME/day, morphine ER 20 mg twice a day = 40 mg x 1.0 = 40 MME/day, 100 in all
 * (CDC 2022, shared/CLINICAL_RULES.md §10); the >= 90 and the benzodiazepine flags show; recording naloxone offered
 * and the PDMP check takes their flags away.
 */
@IntegrationTest
class MedicationBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    Patients patients;

    @Autowired
    StaffDirectory staff;

    @Autowired
    ChartService charts;

    @Autowired
    Medications medications;

    @Test
    void aPhysicianSeesMme100WithItsFlagsAndRecordsNaloxoneAndThePdmpCheck() throws Exception {
        var physician = Fixtures.actor(staff, "dr.patel");
        UUID id = patients.register(Fixtures.actor(staff, "desk.miller"), Fixtures.registration(physician.staffId()))
                .id();
        UUID freeText = charts.add(physician, id, EntryKind.MEDICATION, Fixtures.oxycodone("10 mg"))
                .entryId();

        try (Browser b = Browser.open(port)) {
            b.signIn("dr.patel", IntegrationTest.DEMO_PASSWORD);
            b.go("/patients/" + id);
            b.clickAndWaitForNewPage(By.id("medication-page"));
            assertThat(b.waitFor(By.id("to-reconcile")).getText()).contains("Oxycodone hydrochloride 5 MG");
            assertThat(b.text(By.id("not-counted"))).contains("not counted");

            b.clickAndWaitForNewPage(By.id("structure-" + freeText));
            assertThat(b.waitFor(By.id("add")).getText()).contains("Structure:");
            add(b, null, "10", "MG", "TABLET", "1 tab q6h");
            assertThat(b.driver().findElements(By.id("to-reconcile"))).isEmpty();
            assertThat(b.text(By.id("mme-total"))).isEqualTo("60");

            add(b, "morphine", "20", "MG", "ER_TABLET", "1 tab bid");
            add(b, "alprazolam", "0.5", "MG", "TABLET", "1 tab tid");
            assertThat(b.text(By.id("current-medications")))
                    .contains("oxycodone 10 mg tablet")
                    .contains("morphine 20 mg extended-release tablet")
                    .contains("alprazolam 0.5 mg tablet");

            assertThat(b.text(By.id("mme-total"))).isEqualTo("100");
            assertThat(b.text(By.id("mme-table"))).isEqualTo("CDC 2022");
            assertThat(b.text(By.id("mme-lines"))).contains("60 %").contains("40 %");
            assertThat(b.text(By.id("flag-MME_90"))).contains("90");
            assertThat(b.text(By.id("flag-OPIOID_BENZODIAZEPINE")))
                    .containsIgnoringCase("benzodiazepine")
                    .contains("Source:");
            b.waitFor(By.id("flag-NALOXONE_NOT_OFFERED"));
            b.waitFor(By.id("flag-PDMP_CHECK_DUE"));
            b.screenshot("medication-page-flags");

            b.select("kind", "NALOXONE_OFFERED");
            b.clickAndWaitForNewPage(By.id("record-safety"));
            assertThat(b.waitFor(By.id("safety-records")).getText()).contains("Naloxone offered");
            assertThat(b.driver().findElements(By.id("flag-NALOXONE_NOT_OFFERED")))
                    .isEmpty();

            b.select("kind", "PDMP_CHECKED");
            b.type("finding", "No other prescribers in 12 months");
            b.clickAndWaitForNewPage(By.id("record-safety"));
            assertThat(b.waitFor(By.id("safety-records")).getText())
                    .contains("PDMP checked")
                    .contains("No other prescribers in 12 months");
            assertThat(b.driver().findElements(By.id("flag-PDMP_CHECK_DUE"))).isEmpty();
            b.waitFor(By.id("flag-MME_90"));
            b.resize(400, 900);
            b.screenshot("medication-page-400px");

            b.go("/patients/" + id);
            assertThat(b.waitFor(By.id("chart-mme")).getText()).isEqualTo("100");
        }
    }

    /**
     * At phone width, a physician reconciles the referral's list in one screen: the free-text oxycodone 5 mg (2
     * tablets every 6 hours: 40 mg x 1.5 = 60 MME/day) and alprazolam are confirmed as structured, gabapentin is
     * stopped with a reason, the current morphine ER 20 mg twice a day (40 MME/day) is confirmed: 100 MME/day with the
     * >= 90 and benzodiazepine flags, nothing left to reconcile, the reconciliation on file.
     */
    @Test
    void aPhysicianReconcilesTheReferralsListInOneScreenAtPhoneWidth() throws Exception {
        var physician = Fixtures.actor(staff, "dr.patel");
        UUID id = patients.register(Fixtures.actor(staff, "desk.miller"), Fixtures.registration(physician.staffId()))
                .id();
        UUID oxy = charts.add(physician, id, EntryKind.MEDICATION, Fixtures.oxycodone("10 mg"))
                .entryId();
        UUID alprazolam = charts.add(physician, id, EntryKind.MEDICATION, freeText("Alprazolam 0.5 MG Oral Tablet"))
                .entryId();
        UUID gabapentin = charts.add(physician, id, EntryKind.MEDICATION, freeText("Gabapentin 300 MG Oral Capsule"))
                .entryId();
        UUID morphine = medications
                .add(
                        physician,
                        id,
                        new MedicationForm(
                                "morphine",
                                new java.math.BigDecimal("20"),
                                StrengthUnit.MG,
                                null,
                                null,
                                null,
                                DoseForm.ER_TABLET,
                                Route.ORAL,
                                "1 tab bid",
                                null,
                                null,
                                true,
                                null,
                                "low back pain",
                                null))
                .entryId();

        try (Browser b = Browser.open(port)) {
            b.resize(400, 900);
            b.signIn("dr.patel", IntegrationTest.DEMO_PASSWORD);
            b.go("/patients/" + id + "/medication");
            b.clickAndWaitForNewPage(By.id("reconcile-link"));
            assertThat(b.waitFor(By.id("referral-list")).getText())
                    .contains("Oxycodone hydrochloride 5 MG Oral Tablet")
                    .contains("Alprazolam 0.5 MG Oral Tablet")
                    .contains("Gabapentin 300 MG Oral Capsule");
            assertThat(b.text(By.id("current-list"))).contains("morphine 20 mg extended-release tablet");
            b.click("occasion-INTAKE");

            int o = line(b, oxy);
            b.click("decision-" + o + "-CONFIRMED");
            assertThat(b.driver().findElement(By.id("med-" + o + "-strength")).getAttribute("value"))
                    .isEqualTo("5"); // read from the name, as written
            b.select("med-" + o + "-form", "TABLET");
            b.select("med-" + o + "-route", "ORAL");
            b.type("med-" + o + "-sig", "2 tab q6h");
            b.type("med-" + o + "-outsidePrescriber", "Dr. Helen Ward");

            int a = line(b, alprazolam);
            b.click("decision-" + a + "-CONFIRMED");
            b.select("med-" + a + "-form", "TABLET");
            b.select("med-" + a + "-route", "ORAL");
            b.type("med-" + a + "-sig", "1 tab tid");
            b.type("med-" + a + "-outsidePrescriber", "Dr. Helen Ward");

            int g = line(b, gabapentin);
            b.click("decision-" + g + "-STOPPED");
            b.type("reason-" + g, "stopped by the patient a month ago: dizziness");

            b.click("decision-" + line(b, morphine) + "-CONFIRMED");
            assertThat((Boolean) b.script("return document.documentElement.scrollWidth <= window.innerWidth + 1"))
                    .as("no sideways scrolling at 400 px")
                    .isTrue();
            b.screenshot("medication-reconciliation-400px");
            b.script("window.scrollTo(0, 0)");
            b.screenshot("medication-reconciliation-400px-top");
            b.clickAndWaitForNewPage(By.id("save-reconciliation"));

            assertThat(b.waitFor(By.id("current-medications")).getText())
                    .contains("oxycodone 5 mg tablet")
                    .contains("alprazolam 0.5 mg tablet")
                    .contains("morphine 20 mg extended-release tablet")
                    .doesNotContain("gabapentin");
            assertThat(b.driver().findElements(By.id("to-reconcile"))).isEmpty();
            assertThat(b.text(By.id("mme-total"))).isEqualTo("100");
            b.waitFor(By.id("flag-MME_90"));
            b.waitFor(By.id("flag-OPIOID_BENZODIAZEPINE"));

            b.clickAndWaitForNewPage(By.id("reconcile-link"));
            assertThat(b.waitFor(By.id("reconciliations")).getText()).contains("Intake on");

            // the periodic review: morphine tapered from 40 mg/day (prefilled from 20 mg twice a day) at 10 % of the
            // starting dose a month (HHS 2019 as cited): ten dated steps, shown as a table and a chart
            b.go("/patients/" + id + "/medication");
            b.clickAndWaitForNewPage(By.id("review-link"));
            WebElement card = b.waitFor(By.id("review-" + morphine));
            assertThat(card.getText()).contains("Benefit not measured");
            String pre = card.findElement(By.cssSelector("input[name=startDose]"))
                    .getAttribute("id")
                    .replace("startDose", "");
            b.click(pre + "decision-TAPER");
            card.findElement(By.tagName("summary")).click();
            assertThat(b.driver().findElement(By.id(pre + "startDose")).getAttribute("value"))
                    .isEqualTo("40");
            b.setValue(pre + "firstDay", java.time.LocalDate.now().plusDays(7).toString());
            b.type(pre + "reason", "function not better; patient agrees to taper");
            b.clickAndWaitForNewPage(By.id("save-review-" + morphine));
            WebElement taper = b.waitFor(By.id("taper-" + morphine));
            assertThat(taper.getText()).contains("36 mg/day").contains("HHS");
            assertThat(taper.findElements(By.tagName("rect"))).hasSize(10);
            b.script("document.getElementById('taper-" + morphine + "').scrollIntoView()");
            b.screenshot("medication-review-taper-400px");
        }
    }

    /** The line of the reconciliation form that names this entry. */
    private static int line(Browser b, UUID entryId) {
        String name = b.driver()
                .findElement(By.cssSelector("input[type=hidden][value='" + entryId + "']"))
                .getAttribute("name");
        return Integer.parseInt(name.substring("lines[".length(), name.indexOf(']')));
    }

    private static org.relief.patient.Medication freeText(String name) {
        return new org.relief.patient.Medication(
                name,
                null,
                name.startsWith("Alprazolam")
                        ? org.relief.patient.Codes.DrugClass.BENZODIAZEPINE
                        : org.relief.patient.Codes.DrugClass.GABAPENTINOID,
                "1 tablet",
                "three times a day",
                "oral",
                null,
                org.relief.patient.Codes.MedicationStatus.ACTIVE);
    }

    private static void add(Browser b, String ingredient, String strength, String unit, String form, String sig) {
        if (ingredient != null) {
            b.select("ingredient", ingredient);
        }
        b.type("strength", strength);
        b.select("strengthUnit", unit);
        b.select("form", form);
        b.select("route", "ORAL");
        b.type("sig", sig);
        b.clickAndWaitForNewPage(By.id("add-medication"));
        b.waitFor(By.id("current-medications"));
    }
}
