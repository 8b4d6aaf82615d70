package org.relief.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.relief.assessment.Assessments;
import org.relief.careteam.Actor;
import org.relief.patient.Codes;
import org.relief.patient.Encounter;
import org.relief.patient.EntryKind;
import org.relief.patient.Problem;
import org.relief.patient.Step;
import org.relief.plan.PlanVersion;
import org.relief.plan.Plans;
import org.relief.plan.TherapyCatalog;
import org.relief.procedure.Orders;
import org.relief.procedure.ProcedureOrder;
import org.relief.screening.SafetyProtocol;
import org.relief.shared.ForbiddenException;
import org.relief.support.ClinicFixture;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The clinic's outcome report on real PostgreSQL: 20 patients with intercostal neuropathy (ICD-10 G58.0; a diagnosis group no other test uses) treated with
 * chiropractic care and CBT, NRS 8 before the plan (started 120 days ago) and 4 or 7 at 3 months (10 each), one of
 * them seen this month; a PHQ-9 with item 9 positive this month (an alert) and a blocked ESI overridden this month.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClinicReportIT {

    @LocalServerPort
    int port;

    @Autowired
    ClinicFixture clinic;

    @Autowired
    Assessments assessments;

    @Autowired
    Plans plans;

    @Autowired
    Orders orders;

    @Autowired
    ClinicReport report;

    @Autowired
    SafetyProtocol safety;

    @Autowired
    JdbcClient jdbc;

    final LocalDate today = LocalDate.now();
    final LocalDate start = today.minusDays(120);
    final String combination = TherapyCatalog.byCode("CHIRO").orElseThrow().name() + " + "
            + TherapyCatalog.byCode("CBT").orElseThrow().name();

    @BeforeAll
    void clinicData() {
        Actor patel = clinic.actor("dr.patel");
        for (int i = 0; i < 20; i++) {
            var builder = clinic.patient()
                    .onTeamOf("pt.garcia", "chiro.lee", "mh.brooks")
                    .withProblem(new Problem(
                            "G58.0", "Intercostal neuropathy", start.minusYears(1), Codes.ClinicalStatus.ACTIVE))
                    .atStep(Step.PLANNING);
            if (i == 0) {
                builder = builder.with(
                        EntryKind.ENCOUNTER, new Encounter(today, "Follow-up", "Dr. Patel", "Review of the plan"));
            }
            UUID id = builder.create();
            assessments.record(patel, id, "NRS", start.minusDays(10), Map.of("pain", 8));
            assessments.record(patel, id, "NRS", start.plusDays(91), Map.of("pain", i < 10 ? 4 : 7));
            // PEG 6 before; at 3 months 5 (a 1-point improvement, Reed 2023's figure) for 12, 5.67 for 8
            assessments.record(patel, id, "PEG", start.minusDays(10), Map.of("p", 6, "e", 6, "g", 6));
            assessments.record(
                    patel,
                    id,
                    "PEG",
                    start.plusDays(91),
                    i < 12 ? Map.of("p", 5, "e", 5, "g", 5) : Map.of("p", 5, "e", 6, "g", 6));
            var v = plans.propose(clinic.actor("pt.garcia"), id, goals(), therapies(), null, 0);
            plans.sign(patel, id, v.id());
        }
        UUID alerted = clinic.patient().onTeamOf("mh.brooks").create();
        Map<String, Integer> phq9 = new HashMap<>();
        for (int i = 1; i <= 8; i++) {
            phq9.put("q" + i, 1);
        }
        phq9.put("q9", 1);
        assessments.record(clinic.actor("mh.brooks"), alerted, "PHQ9", today, phq9);
        UUID alert = safety.status(patel, alerted).alerts().get(0).id();
        safety.followUp(
                patel, alerted, alert, SafetyProtocol.RiskLevel.LOW, "Called the patient; safety plan reviewed");

        UUID esi = clinic.patient().readyForLumbarEsi().create();
        ProcedureOrder blocked = orders.order(patel, esi, ClinicFixture.lumbarEsi(today.plusDays(5)));
        orders.override(patel, esi, blocked.id(), "Severe flare; patient travels abroad next month");
    }

    private List<PlanVersion.Goal> goals() {
        return List.of(new PlanVersion.Goal(
                PlanVersion.GoalKind.PAIN, "Average pain at most 4 of 10", "NRS", new BigDecimal("4"), null));
    }

    private List<PlanVersion.PlannedTherapy> therapies() {
        return List.of(
                new PlanVersion.PlannedTherapy(
                        "CHIRO",
                        clinic.actor("chiro.lee").staffId(),
                        null,
                        "weekly",
                        "6 weeks",
                        null,
                        null,
                        start,
                        start.plusWeeks(6)),
                new PlanVersion.PlannedTherapy(
                        "CBT",
                        clinic.actor("mh.brooks").staffId(),
                        null,
                        "weekly",
                        "8 weeks",
                        null,
                        null,
                        start.plusDays(7),
                        start.plusWeeks(9)));
    }

    @Test
    void theMonthsReportStatesItsFiguresWithAChartTaggedAndTheSameTwice() throws IOException {
        ReportPeriod month = ReportPeriod.month(YearMonth.from(today).toString(), today);
        byte[] pdf = report.pdf(clinic.actor("dr.patel"), month);
        assertThat(report.pdf(clinic.actor("admin"), month)).isEqualTo(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Clinic outcome report, " + month.label())
                    .contains("Patients seen")
                    .contains("with an encounter")
                    .contains(combination)
                    .contains("Wilson")
                    .contains("Safety alerts")
                    .contains("PHQ-9 item 9")
                    .containsPattern("\\d+ followed up")
                    .contains("Time from the alert to its documented follow-up: median")
                    .contains("Overrides of procedure rules")
                    .contains("ESI: interval")
                    .contains("No patient is named")
                    .contains("Farrar 2001")
                    .doesNotContain("CLINICAL_RULES")
                    .doesNotContain("issue 1");
            assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(doc.getDocumentCatalog().getStructureTreeRoot().getKids())
                    .isNotEmpty();
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en");
            assertThat(images(doc)).isPositive();
        }
        // the whole report's figures in the database are not written anywhere: the bytes are rendered on demand
        assertThat(jdbc.sql("select count(*) from audit_event where what = ? and actor = 'dr.patel'")
                        .param("clinic outcome report, " + month.label())
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void thePegReportCountsTheImportantChange() throws IOException {
        ReportPeriod month = ReportPeriod.month(YearMonth.from(today).toString(), today);
        byte[] pdf = report.pdf(clinic.actor("dr.patel"), month, org.relief.outcomes.Measure.PEG);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            // 12 of 20: 60 %, Wilson 95 % 39-78 %
            assertThat(text)
                    .contains("At least the important change")
                    .contains("Combination: " + combination + " 20 60 % (39-78 %)")
                    .contains("Reed, J Pain 2023")
                    .doesNotContain("At least 30 %");
            assertThat(images(doc)).isPositive();
        }
        Http doctor = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        HttpResponse<String> page = doctor.get("/outcomes/cohort?months=3&measure=PEG&diagnosis=G58");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("At least the important change").contains("60 % (39–78 %)");
        HttpResponse<String> csv = doctor.get("/outcomes/cohort.csv?months=3&measure=PEG&diagnosis=G58");
        assertThat(csv.body()).contains("Combination," + combination + ",3,20,,,,,,,,,20,60.0,");
        HttpResponse<String> bad = doctor.get("/outcomes/cohort?measure=PHQ9");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("measure").contains("must be pain (NRS), PEG or Oswestry Disability Index");
        assertThat(doctor.get("/outcomes/report.pdf?month=" + YearMonth.from(today) + "&measure=GAD7")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void anEarlierPeriodLeavesOutPatientsWhoseTimePointCameLater() throws IOException {
        ReportPeriod before =
                ReportPeriod.month(YearMonth.from(start).minusMonths(1).toString(), today);
        try (PDDocument doc = Loader.loadPDF(report.pdf(clinic.actor("dr.patel"), before))) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).doesNotContain(combination).doesNotContain("ESI: interval");
        }
    }

    @Test
    void onlyPhysiciansAndAdminsRefusalsAuditedAndABadPeriodIsA400NamingTheField() {
        Http doctor = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        HttpResponse<String> form = doctor.get("/outcomes/report");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"month\"").contains("name=\"quarter\"");
        assertThat(doctor.get("/outcomes/cohort").body())
                .contains("/outcomes/report")
                .doesNotContain("CLINICAL_RULES")
                .doesNotContain("issue 12");
        HttpResponse<String> ok = doctor.get("/outcomes/report.pdf?month=" + YearMonth.from(today));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(doctor.get("/outcomes/report.pdf?year=" + today.getYear() + "&quarter=1")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> badMonth = doctor.get("/outcomes/report.pdf?month=March");
        assertThat(badMonth.statusCode()).isEqualTo(400);
        assertThat(badMonth.body()).contains("month").contains("must be a month like 2026-03");
        HttpResponse<String> badQuarter = doctor.get("/outcomes/report.pdf?year=2026&quarter=5");
        assertThat(badQuarter.statusCode()).isEqualTo(400);
        assertThat(badQuarter.body()).contains("quarter").contains("must be 1, 2, 3 or 4");
        HttpResponse<String> future =
                doctor.get("/outcomes/report.pdf?month=" + YearMonth.from(today).plusMonths(2));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("must not be in the future");
        assertThat(doctor.get("/outcomes/report.pdf").statusCode()).isEqualTo(400);

        long before = jdbc.sql("select coalesce(max(id), 0) from audit_event")
                .query(Long.class)
                .single();
        HttpResponse<String> refused = Http.session(port, "pt.garcia", IntegrationTest.DEMO_PASSWORD)
                .get("/outcomes/report.pdf?month=" + YearMonth.from(today));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select actor || ' ' || action || ' ' || what || ': ' || outcome from audit_event "
                                + "where id > ? order by id")
                        .param(before)
                        .query(String.class)
                        .list())
                .contains("pt.garcia DENIED clinic outcome report: only physicians and clinic admins");
        assertThatThrownBy(() -> report.pdf(
                        clinic.actor("pt.garcia"),
                        ReportPeriod.month(YearMonth.from(today).toString(), today)))
                .isInstanceOf(ForbiddenException.class);
    }

    private static int images(PDDocument doc) throws IOException {
        int n = 0;
        for (PDPage page : doc.getPages()) {
            for (COSName name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                    n++;
                }
            }
        }
        return n;
    }
}
