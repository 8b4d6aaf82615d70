package org.relief.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.assessment.Assessments;
import org.relief.careteam.Actor;
import org.relief.evaluation.Evaluations;
import org.relief.fhir.FhirExport;
import org.relief.fhir.FhirValidation;
import org.relief.patient.ChartService;
import org.relief.plan.Plans;
import org.relief.shared.InvalidInputException;
import org.relief.support.ClinicFixture;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Letters as PDFs, opened with PDFBox: what they state (from signed records), their structure tree, the same bytes
 * twice, DRAFT on every page of an unsigned letter; signing (a version with its PDF, never changed after), bad input
 * (400 naming the field, nothing stored), and the signed letter in {@code $everything} as a valid DocumentReference.
 */
@IntegrationTest
class LettersIT {

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

    @Autowired
    ConsultLetters letters;

    @Autowired
    Reports reports;

    @Autowired
    FhirExport export;

    @Autowired
    FhirValidation validation;

    @Autowired
    JdbcClient jdbc;

    Actor physician;
    UUID patient;

    @BeforeEach
    void anEvaluatedPatientWithASignedPlan() {
        physician = fixture.actor("dr.patel");
        patient = LetterFixtures.evaluatedWithSignedPlan(fixture, charts, evaluations, assessments, plans);
    }

    @Test
    void theDraftStatesSignedRecordsAndSaysDraftOnEveryPageTheSameBytesTwice() throws Exception {
        byte[] a = letters.pdf(physician, patient, null).orElseThrow();
        byte[] b = letters.pdf(physician, patient, null).orElseThrow();
        keep("consult-draft", a);
        assertThat(java.util.Arrays.equals(a, b)).as("the same bytes twice").isTrue();
        try (PDDocument doc = Loader.loadPDF(a)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("Consult letter")
                    .contains("Relief Pain Clinic") // the letterhead, from RELIEF_CLINIC_NAME's default
                    .contains("Dear ")
                    .contains("Radiculopathy, lumbar region")
                    .contains("M54.16")
                    .contains("Physical therapy")
                    .contains("Straight-leg raise")
                    .contains("left positive, right negative")
                    .contains("Numeric") // the NRS by its name, with its score
                    .contains("DRAFT - NOT SIGNED")
                    .doesNotContain("Signed electronically");
            assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(doc.getDocumentCatalog().getStructureTreeRoot().getKids())
                    .isNotEmpty();
            assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en");
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                PDFTextStripper one = new PDFTextStripper();
                one.setStartPage(page);
                one.setEndPage(page);
                assertThat(one.getText(doc)).as("page " + page).contains("DRAFT");
            }
        }
    }

    @Test
    void signingStoresAVersionWithItsPdfAndASignedLetterIsNotChanged() throws Exception {
        LetterText text = new LetterText(
                "Physical therapy twice a week for six weeks.",
                "Please keep prescribing ibuprofen; stop the tramadol.",
                null,
                LocalDate.now().plusMonths(3),
                0);
        var draft = letters.saveDraft(physician, patient, text, null);
        assertThat(draft.version()).isEqualTo(1);
        var signed = letters.sign(
                physician,
                patient,
                new LetterText(text.planInWords(), text.requests(), "Seen with the team.", text.nextReview(), 1),
                null);
        assertThat(signed.version()).isEqualTo(2);
        byte[] pdf = letters.pdf(physician, patient, null).orElseThrow();
        keep("consult-signed", pdf);
        assertThat(letters.pdf(physician, patient, 2).orElseThrow()).isEqualTo(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String words = new PDFTextStripper().getText(doc);
            assertThat(words)
                    .contains("Signed electronically by " + signed.signedBy())
                    .contains("stop the tramadol")
                    .contains("Radiculopathy, lumbar region")
                    .doesNotContain("DRAFT");
            assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
        }
        // a signed letter takes no further draft, and its rows cannot be changed
        assertThatThrownBy(() -> letters.saveDraft(physician, patient, new LetterText("x", null, null, null, 2), null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> letters.saveDraft(
                        physician, patient, new LetterText("x", null, null, LocalDate.now(), 2), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("signed already");
        assertThatThrownBy(() -> jdbc.sql("update consult_letter set plan_in_words = 'changed' where patient_id = ?")
                        .param(patient)
                        .update())
                .hasMessageContaining("append-only");
        assertThat(versions()).isEqualTo(2);
        // the letter by its id; another patient's letter id is not found on this chart
        assertThat(letters.pdf(physician, patient, signed.entryId(), null).orElseThrow())
                .isEqualTo(pdf);
        // a new evaluation episode starts a new letter; the signed one stays listed
        evaluations.start(physician, patient);
        var preview = letters.preview(physician, patient);
        assertThat(preview.possible()).isFalse();
        assertThat(preview.earlierSigned())
                .extracting(ConsultLetters.Letter::entryId)
                .containsExactly(signed.entryId());
        UUID other = fixture.patient().create();
        assertThatThrownBy(() -> letters.pdf(physician, other, signed.entryId(), null))
                .isInstanceOf(org.relief.shared.NotFoundException.class);
    }

    @Test
    void badInputIsA400NamingTheFieldAndStoresNothing() {
        Http page = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        var r = page.postForm(
                "/patients/" + patient + "/letters/consult/sign",
                Map.of("planInWords", "", "nextReview", "next tuesday", "basedOnVersion", "0"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Next review").contains("Nothing was saved");
        var blank = page.postForm(
                "/patients/" + patient + "/letters/consult/draft",
                Map.of(
                        "planInWords",
                        " ",
                        "nextReview",
                        LocalDate.now().plusDays(30).toString(),
                        "basedOnVersion",
                        "0"));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("The plan in plain words: write the plan in plain words");
        assertThat(versions()).isZero();
        // a role that may not sign gets the audited refusal, not the form's errors
        Http pt = Http.session(port, "pt.garcia", IntegrationTest.DEMO_PASSWORD);
        assertThat(pt.postForm(
                                "/patients/" + patient + "/letters/consult/sign",
                                Map.of("planInWords", "", "basedOnVersion", "0"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void noLetterBeforeTheEvaluationIsSigned() {
        UUID unevaluated = fixture.patient().create();
        assertThat(letters.pdf(physician, unevaluated, null)).isEmpty();
        Http page = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        var pdf = page.get("/patients/" + unevaluated + "/letters/consult.pdf");
        assertThat(pdf.statusCode()).isEqualTo(303);
        assertThat(page.get("/patients/" + unevaluated + "/letters").body())
                .contains("The evaluation is not signed yet");
    }

    @Test
    void theSignedLetterIsADocumentReferenceInEverythingThatValidates() {
        letters.sign(
                physician,
                patient,
                new LetterText("Physical therapy.", null, null, LocalDate.now().plusMonths(1), 0),
                null);
        byte[] pdf = letters.pdf(physician, patient, null).orElseThrow();
        List<Resource> all = export.everything(physician, patient);
        List<DocumentReference> refs = all.stream()
                .filter(r -> r instanceof DocumentReference d
                        && d.getContentFirstRep()
                                .getAttachment()
                                .getContentType()
                                .equals("application/pdf"))
                .map(r -> (DocumentReference) r)
                .toList();
        assertThat(refs).hasSize(1);
        assertThat(refs.get(0).getContentFirstRep().getAttachment().getData()).isEqualTo(pdf);
        assertThat(refs.get(0).getType().getCodingFirstRep().getCode()).isEqualTo("11488-4");
        List<String> errors = new ArrayList<>();
        for (Resource r : all) {
            validation.errors(r).forEach(e -> errors.add(r.fhirType() + "/" + r.getIdPart() + " " + e));
        }
        assertThat(errors).as("validation errors").isEmpty();
        // and it reads by id like every other resource
        assertThat(export.read(
                                physician,
                                "DocumentReference",
                                UUID.fromString(refs.get(0).getIdPart()))
                        .getIdPart())
                .isEqualTo(refs.get(0).getIdPart());
    }

    @Test
    void procedureReportPlanAndDischargeSummaryAreTaggedAndTheSameTwice() throws Exception {
        byte[] report = reports.procedureReport(physician, patient, null).orElseThrow();
        assertThat(reports.procedureReport(physician, patient, null).orElseThrow())
                .isEqualTo(report);
        assertThat(text(report))
                .contains("Procedure report")
                .contains("Dexamethasone 10 mg")
                .contains("60 %")
                .contains("Fluoroscopy")
                .contains("7 of 10")
                .contains("3 of 10")
                .contains("Documented by");
        byte[] plan = reports.patientPlan(physician, patient).orElseThrow();
        assertThat(reports.patientPlan(physician, patient).orElseThrow()).isEqualTo(plan);
        assertThat(text(plan)).contains("My plan").contains("Physical therapy").contains("Pain at most 4 of 10");
        byte[] discharge = reports.dischargeSummary(physician, patient).orElseThrow();
        assertThat(reports.dischargeSummary(physician, patient).orElseThrow()).isEqualTo(discharge);
        keep("procedure-report", report);
        keep("plan", plan);
        keep("discharge", discharge);
        assertThat(text(discharge))
                .contains("Pain over time")
                .contains("2 pain scores (NRS)")
                .contains("What helped")
                .contains("the analysis needs at least")
                .contains("Final scores against baseline");
        try (PDDocument doc = Loader.loadPDF(discharge)) {
            assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(doc.getPage(0).getResources().getXObjectNames())
                    .as("the trajectory plot")
                    .isNotEmpty();
        }
    }

    /** Keeps the PDF and its first page as an image under target/letters, to look at (as the browser screenshots). */
    static void keep(String name, byte[] pdf) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "letters");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(name + ".pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            javax.imageio.ImageIO.write(
                    new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 80),
                    "png",
                    dir.resolve(name + ".png").toFile());
        }
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            return new PDFTextStripper().getText(doc);
        }
    }

    private long versions() {
        return jdbc.sql("select count(*) from consult_letter where patient_id = ?")
                .param(patient)
                .query(Long.class)
                .single();
    }
}
