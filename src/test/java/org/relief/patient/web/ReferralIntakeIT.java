package org.relief.patient.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.audit.AuditLog;
import org.relief.audit.AuditQuery;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.ChartService;
import org.relief.patient.Codes;
import org.relief.patient.Patients;
import org.relief.support.Fixtures;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The referral form as front desk uses it: imaging and prior treatments on the referral, duplicates shown first. */
@IntegrationTest
class ReferralIntakeIT {

    private static final String LINK_TO_EXISTING = "<a href=\"/patients/[0-9a-f-]{36}\">Duplicato";

    @LocalServerPort
    int port;

    @Autowired
    Patients patients;

    @Autowired
    ChartService charts;

    @Autowired
    StaffDirectory staff;

    @Autowired
    AuditLog audit;

    @Test
    void imagingAndPriorTreatmentsAreEnteredOnTheReferral() {
        Http desk = Http.session(port, "desk.miller", IntegrationTest.DEMO_PASSWORD);
        Map<String, String> form = referral("Intakeone", "Robin", "1961-04-02");
        form.put("img[0].modality", "MRI");
        form.put("img[0].bodyRegion", "Lumbar spine");
        form.put("img[0].studyDate", "2026-02-10");
        form.put("img[0].impression", "L4-5 disc protrusion contacting the left L5 root");
        form.put("img[1].modality", "XRAY");
        form.put("img[1].bodyRegion", "Lumbar spine");
        form.put("img[1].studyDate", "2025-11-03");
        form.put("img[1].impression", "Mild degenerative change");
        form.put("tx[0].therapy", "Physical therapy");
        form.put("tx[0].startDate", "2025-09-01");
        form.put("tx[0].endDate", "2025-11-15");
        form.put("tx[0].result", "PARTIAL");
        form.put("tx[1].therapy", "");
        HttpResponse<String> r = desk.postForm("/referrals", form);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        UUID id =
                UUID.fromString(r.headers().firstValue("Location").orElseThrow().replaceAll(".*/patients/", ""));
        var physician = Fixtures.actor(staff, "dr.patel");
        var chart = charts.chart(physician, id);
        assertThat(chart.imaging())
                .extracting(v -> v.data().modality())
                .containsExactlyInAnyOrder(Codes.Modality.MRI, Codes.Modality.XRAY);
        assertThat(chart.treatments()).singleElement().satisfies(v -> {
            assertThat(v.data().therapy()).isEqualTo("Physical therapy");
            assertThat(v.data().result()).isEqualTo(Codes.TreatmentResult.PARTIAL);
            assertThat(v.recordedBy()).isEqualTo("desk.miller");
        });
        assertThat(desk.get("/patients/" + id).body())
                .contains("L4-5 disc protrusion")
                .contains("Physical therapy");
    }

    @Test
    void addAnotherRowKeepsWhatWasTypedAndSavesNothing() {
        Http desk = Http.session(port, "desk.miller", IntegrationTest.DEMO_PASSWORD);
        long before = patients.count();
        Map<String, String> form = referral("Intaketwo", "Sam", "1970-01-01");
        form.put("img[0].modality", "MRI");
        form.put("img[0].impression", "Typed before adding a row");
        form.put("add", "img");
        HttpResponse<String> r = desk.postForm("/referrals", form);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("id=\"imaging-row-1\"")
                .doesNotContain("id=\"imaging-row-2\"")
                .contains("Typed before adding a row")
                .contains("value=\"Intaketwo\"");
        assertThat(patients.count()).isEqualTo(before);
    }

    @Test
    void aBadRowIsNamedInWordsAndNothingIsSaved() {
        Http desk = Http.session(port, "desk.miller", IntegrationTest.DEMO_PASSWORD);
        long before = patients.count();
        Map<String, String> form = referral("Intakethree", "Lee", "1980-03-03");
        form.put("tx[0].therapy", "Acupuncture");
        form.put("tx[0].startDate", "2025-05-01");
        form.put("tx[0].endDate", "2025-04-01");
        HttpResponse<String> r = desk.postForm("/referrals", form);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body())
                .contains("id=\"tx[0].endDate-error\"")
                .contains("must not be before the start date")
                .contains("id=\"tx[0].result-error\"");
        assertThat(patients.count()).isEqualTo(before);
    }

    @Test
    void aPossibleDuplicateIsShownBeforeASecondRecordIsMade() {
        Http desk = Http.session(port, "desk.miller", IntegrationTest.DEMO_PASSWORD);
        Map<String, String> first = referral("Duplicato", "Maria", "1955-06-30");
        first.put("sourceRecordNumber", "RFM-4711");
        assertThat(desk.postForm("/referrals", first).statusCode()).isEqualTo(302);
        String existing = patients.possibleDuplicates(
                        new org.relief.patient.Demographics(
                                "Duplicato",
                                "Maria",
                                LocalDate.of(1955, 6, 30),
                                Codes.Sex.FEMALE,
                                null,
                                null,
                                null,
                                null,
                                null),
                        "",
                        null)
                .get(0)
                .mrn();
        long before = patients.count();

        // same name and birth date (typed differently), by front desk who registered the first: a link to it
        Map<String, String> again = referral(" duplicato ", "MARIA", "1955-06-30");
        HttpResponse<String> warned = desk.postForm("/referrals", again);
        assertThat(warned.statusCode()).isEqualTo(409);
        assertThat(warned.body())
                .contains("id=\"possible-duplicates\"")
                .contains(existing)
                .contains("This is a different person")
                .containsPattern(LINK_TO_EXISTING);
        assertThat(patients.count()).isEqualTo(before);

        // same record number from the same practice, another name, by someone not on that patient's team: no link
        Http pt = Http.session(port, "pt.garcia", IntegrationTest.DEMO_PASSWORD);
        Map<String, String> sameNumber = referral("Otherwise", "Named", "1990-01-01");
        sameNumber.put("sourceRecordNumber", "RFM-4711");
        HttpResponse<String> warnedPt = pt.postForm("/referrals", sameNumber);
        assertThat(warnedPt.statusCode()).isEqualTo(409);
        assertThat(warnedPt.body()).contains(existing).doesNotContainPattern(LINK_TO_EXISTING);
        assertThat(patients.count()).isEqualTo(before);

        // a different person: confirmed, registered, and the confirmation is in the audit log
        again.put("confirmDifferentPerson", "true");
        HttpResponse<String> confirmed = desk.postForm("/referrals", again);
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(patients.count()).isEqualTo(before + 1);
        assertThat(audit.search(new AuditQuery(null, "desk.miller", null, null, null, 200)))
                .anyMatch(e ->
                        e.what().contains("confirmed a different person from possible duplicate(s) [" + existing + "]"))
                .anyMatch(e -> e.what().contains("possible duplicate shown"));
    }

    private Map<String, String> referral(String family, String given, String born) {
        Map<String, String> f = new HashMap<>();
        f.put("d.familyName", family);
        f.put("d.givenName", given);
        f.put("d.birthDate", born);
        f.put("d.sex", "FEMALE");
        f.put("r.referringClinician", "Dr. Helen Ward");
        f.put("r.referringPractice", "Riverton Family Medicine");
        f.put("r.reason", "Low back pain for 8 months");
        f.put("r.referralDate", LocalDate.now().toString());
        f.put("r.urgency", "ROUTINE");
        f.put(
                "coordinatingPhysicianId",
                staff.findByUsername("dr.patel").orElseThrow().id().toString());
        return f;
    }
}
