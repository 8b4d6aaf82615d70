package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.relief.assessment.Assessments;
import org.relief.evaluation.Evaluations;
import org.relief.letters.LetterFixtures;
import org.relief.patient.ChartService;
import org.relief.plan.Plans;
import org.relief.support.Browser;
import org.relief.support.ClinicFixture;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A physician opens the letters page from the chart, previews the consult letter drafted from the signed evaluation
 * and plan, edits it (a blank plan is refused with the field named, nothing saved), saves a draft, signs it, and
 * downloads the signed PDF.
 */
@IntegrationTest
class ConsultLetterBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    ClinicFixture fixture;

    @Autowired
    ChartService charts;

    @Autowired
    Evaluations evaluations;

    @Autowired
    Assessments assessments;

    @Autowired
    Plans plans;

    @Test
    void aPhysicianPreviewsEditsSignsAndDownloadsTheConsultLetter() throws Exception {
        UUID id = LetterFixtures.evaluatedWithSignedPlan(fixture, charts, evaluations, assessments, plans);
        try (Browser b = Browser.open(port)) {
            b.signIn("dr.patel", IntegrationTest.DEMO_PASSWORD);
            b.go("/patients/" + id);
            b.clickAndWaitForNewPage(By.id("letters-link"));
            assertThat(b.waitFor(By.id("consult-letter")).getText()).contains("first draft");
            String preview = b.waitFor(By.id("letter-preview")).getAttribute("srcdoc");
            assertThat(preview)
                    .contains("Radiculopathy, lumbar region")
                    .contains("M54.16")
                    .contains("DRAFT");
            assertThat(b.driver().findElement(By.id("planInWords")).getAttribute("value"))
                    .contains("Physical therapy with");

            // a blank plan: refused, the field named, nothing saved
            b.type("planInWords", " ");
            b.clickAndWaitForNewPage(By.id("sign-letter"));
            assertThat(b.waitFor(By.id("form-errors")).getText())
                    .contains("Nothing was saved")
                    .contains("The plan in plain words");
            assertThat(b.text(By.id("consult-letter"))).doesNotContain("Signed by");

            b.type("planInWords", "Physical therapy twice a week for six weeks, then a home programme.");
            b.type("requests", "Please keep prescribing ibuprofen 400 mg as needed.");
            b.clickAndWaitForNewPage(By.id("save-draft"));
            assertThat(b.pageText()).contains("Draft saved (version 1)");
            assertThat(b.waitFor(By.id("letter-preview")).getAttribute("srcdoc"))
                    .contains("keep prescribing ibuprofen");

            b.clickAndWaitForNewPage(By.id("sign-letter"));
            assertThat(b.pageText()).contains("Consult letter signed (version 2)");
            assertThat(b.text(By.id("signed-status"))).contains("Signed by").contains("version 2");
            assertThat(b.driver().findElements(By.id("letter-form"))).isEmpty();
            b.screenshot("consult-letter-signed");

            // the download, fetched by the browser with its own session
            String href = b.driver().findElement(By.id("consult-pdf")).getAttribute("href");
            String base64 = (String) ((JavascriptExecutor) b.driver())
                    .executeAsyncScript(
                            "const done = arguments[arguments.length - 1];"
                                    + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(buf => {"
                                    + "  let s = ''; new Uint8Array(buf).forEach(x => s += String.fromCharCode(x));"
                                    + "  done(btoa(s)); });",
                            href);
            try (PDDocument doc = Loader.loadPDF(Base64.getDecoder().decode(base64))) {
                assertThat(new PDFTextStripper().getText(doc))
                        .contains("Signed electronically by")
                        .contains("keep prescribing ibuprofen")
                        .contains("Radiculopathy, lumbar region")
                        .doesNotContain("DRAFT");
                assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            }
        }
    }
}
