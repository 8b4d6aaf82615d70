package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
