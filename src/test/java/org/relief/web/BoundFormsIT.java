package org.relief.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.assessment.SafetyFlag;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.Patients;
import org.relief.screening.SafetyProtocol;
import org.relief.support.Fixtures;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The forms Spring binds and validates as records (issue 9, "let the framework bind and validate"): the safety forms,
 * the referral form's own fields and the new-account form. A value that cannot be converted or breaks a constraint is
 * a 400 saying what the field needs, in words, and changes nothing; the same form filled in properly is accepted.
 */
@IntegrationTest
class BoundFormsIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    Patients patients;

    @Autowired
    SafetyProtocol safety;

    @Autowired
    JdbcClient jdbc;

    UUID patientId;
    Http patel;

    @BeforeEach
    void register() {
        // a name of its own: the shared fixture person is searched for by name in other tests (a result limit)
        var fixture = Fixtures.registration(
                staff.findByUsername("dr.patel").orElseThrow().id());
        var d = fixture.demographics();
        var own = new org.relief.patient.Demographics(
                "Boundform",
                d.givenName(),
                d.birthDate(),
                d.sex(),
                d.phone(),
                d.email(),
                d.addressLine(),
                d.city(),
                d.postalCode());
        patientId = patients.register(
                        Fixtures.actor(staff, "desk.miller"),
                        new org.relief.patient.Registration(own, fixture.referral(), fixture.coordinatingPhysicianId()))
                .id();
        patel = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
    }

    @Test
    void aConcernWithoutItsChoiceOrWithAnUnknownOneIs400AndRaisesNoAlert() {
        String path = "/patients/" + patientId + "/safety/concerns";
        HttpResponse<String> none = patel.postForm(path, Map.of("note", "Hearing voices today"));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("choose suicidal ideation or psychosis");
        HttpResponse<String> unknown = patel.postForm(path, Map.of("concern", "BOREDOM", "note", "Hearing voices"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("is not one of the choices");
        HttpResponse<String> blank = patel.postForm(path, Map.of("concern", "PSYCHOSIS", "note", "   "));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("describe what you observed");
        assertThat(alerts()).isZero();

        assertThat(patel.postForm(path, Map.of("concern", "PSYCHOSIS", "note", "Hearing voices today"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(alerts()).isEqualTo(1);
    }

    @Test
    void aFollowUpWithAnUnknownRiskOrATooShortActionIs400AndTheAlertStaysOpen() {
        UUID alertId = safety.report(
                        Fixtures.actor(staff, "dr.patel"),
                        patientId,
                        SafetyFlag.Concern.PSYCHOSIS,
                        "Hearing voices today")
                .id();
        String path = "/patients/" + patientId + "/safety/alerts/" + alertId + "/follow-up";
        HttpResponse<String> unknown =
                patel.postForm(path, Map.of("risk", "SEVERE", "actionTaken", "Saw the patient with the therapist"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("is not one of the choices");
        // nine characters once the spaces around them are left off
        HttpResponse<String> shortAction = patel.postForm(path, Map.of("risk", "LOW", "actionTaken", "   Saw them   "));
        assertThat(shortAction.statusCode()).isEqualTo(400);
        assertThat(shortAction.body()).contains("describe the action taken (at least 10 characters)");
        assertThat(followUps(alertId)).isZero();

        assertThat(patel.postForm(path, Map.of("risk", "LOW", "actionTaken", "  Saw them, ok  "))
                        .statusCode())
                .isEqualTo(302);
        assertThat(followUps(alertId)).isEqualTo(1);
    }

    @Test
    void aReleaseWithoutAReasonIs400AndTheHoldStays() {
        UUID alertId = safety.report(
                        Fixtures.actor(staff, "dr.patel"),
                        patientId,
                        SafetyFlag.Concern.PSYCHOSIS,
                        "Hearing voices today")
                .id();
        safety.followUp(
                Fixtures.actor(staff, "dr.patel"),
                patientId,
                alertId,
                SafetyProtocol.RiskLevel.LOW,
                "Saw the patient with the therapist");
        String path = "/patients/" + patientId + "/safety/hold/release";
        HttpResponse<String> none = patel.postForm(path, Map.of());
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("say why interventional care may resume (at least 10 characters)");
        HttpResponse<String> tooLong = patel.postForm(path, Map.of("reason", "x".repeat(4_001)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("is too long: at most 4,000 characters");
        assertThat(safety.isOnHold(patientId)).isTrue();

        assertThat(patel.postForm(path, Map.of("reason", "Followed up, risk low, care may resume"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(safety.isOnHold(patientId)).isFalse();
    }

    @Test
    void aReferralWhosePhysicianIsNotAChoiceIs400BesideTheFieldAndRegistersNoOne() {
        Http desk = Http.session(port, "desk.miller", IntegrationTest.DEMO_PASSWORD);
        long before = count("patient");
        Map<String, String> f = referral();
        f.put("coordinatingPhysicianId", "not-a-physician");
        f.put("sourceRecordNumber", "R".repeat(101));
        HttpResponse<String> bad = desk.postForm("/referrals", f);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("is not one of the choices").contains("is too long: at most 100 characters");
        f.remove("coordinatingPhysicianId");
        f.remove("sourceRecordNumber");
        HttpResponse<String> missing = desk.postForm("/referrals", f);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("choose the coordinating physician");
        assertThat(count("patient")).isEqualTo(before);

        f.put(
                "coordinatingPhysicianId",
                staff.findByUsername("dr.patel").orElseThrow().id().toString());
        assertThat(desk.postForm("/referrals", f).statusCode()).isEqualTo(302);
        assertThat(count("patient")).isEqualTo(before + 1);
    }

    @Test
    void aNewAccountWithAnUnknownRoleOrNoUserNameIs400NamingEachAndCreatesNone() {
        Http admin = Http.session(port, "admin", IntegrationTest.ADMIN_PASSWORD);
        HttpResponse<String> bad = admin.postForm(
                "/admin/staff",
                Map.of("displayName", "No Name", "role", "JANITOR", "password", "a long and unusual passphrase 7"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("is not one of the choices").contains("is required");
        HttpResponse<String> shape = admin.postForm(
                "/admin/staff",
                Map.of(
                        "username",
                        "Bad Name!",
                        "displayName",
                        "Bad Name",
                        "role",
                        "PHYSICAL_THERAPIST",
                        "password",
                        "a long and unusual passphrase 7"));
        assertThat(shape.statusCode()).isEqualTo(400);
        assertThat(shape.body()).contains("3-40 lower-case letters");
        assertThat(staff.findByUsername("Bad Name!")).isEmpty();

        HttpResponse<String> ok = admin.postForm(
                "/admin/staff",
                Map.of(
                        "username",
                        "pt.bound",
                        "displayName",
                        "Bound Form",
                        "role",
                        "PHYSICAL_THERAPIST",
                        "password",
                        "a long and unusual passphrase 7"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(302);
        assertThat(staff.findByUsername("pt.bound")).isPresent();
    }

    @Test
    void anInstrumentResponseWithoutADateIs400AndStoresNothing() {
        String path = "/patients/" + patientId + "/instruments/NRS";
        HttpResponse<String> none = patel.postForm(path, Map.of("item.pain", "6"));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("must be a date (YYYY-MM-DD)");
        HttpResponse<String> garbled = patel.postForm(path, Map.of("item.pain", "6", "administeredOn", "yesterday"));
        assertThat(garbled.statusCode()).isEqualTo(400);
        assertThat(garbled.body()).contains("must be a date (YYYY-MM-DD)");
        assertThat(responses()).isZero();

        assertThat(patel.postForm(
                                path,
                                Map.of(
                                        "item.pain",
                                        "6",
                                        "administeredOn",
                                        LocalDate.now().toString()))
                        .statusCode())
                .isEqualTo(302);
        assertThat(responses()).isEqualTo(1);
    }

    @Test
    void aPolicyChangeWithANegativeValueOrNoVersionIs400AndChangesNothing() {
        Http admin = Http.session(port, "admin", IntegrationTest.ADMIN_PASSWORD);
        String key = "adhesiolysis.covered";
        String path = "/admin/policy/" + key;
        long before = policyRows(key);
        HttpResponse<String> negative =
                admin.postForm(path, Map.of("value", "-1", "reason", "payer contract 2026", "basedOnVersion", "1"));
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("must be a number, 0 or more");
        HttpResponse<String> noVersion = admin.postForm(path, Map.of("value", "1", "reason", "payer contract 2026"));
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(noVersion.body()).contains("reload the policy page");
        HttpResponse<String> notANumber =
                admin.postForm(path, Map.of("value", "lots", "reason", "payer contract 2026", "basedOnVersion", "1"));
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("must be a number");
        assertThat(policyRows(key)).isEqualTo(before);
    }

    @Test
    void aCandidacyCallWithoutTheCallIs400() {
        HttpResponse<String> none = patel.postForm(
                "/patients/" + patientId + "/candidacy/call", Map.of("reason", "the patient prefers to wait"));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("choose the final call");
        HttpResponse<String> unknown =
                patel.postForm("/patients/" + patientId + "/candidacy/call", Map.of("finalCall", "MAYBE"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("is not one of the choices");
        assertThat(jdbc.sql("select count(*) from candidacy_call where patient_id = ?")
                        .param(patientId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private long responses() {
        return jdbc.sql("select count(*) from instrument_response where patient_id = ?")
                .param(patientId)
                .query(Long.class)
                .single();
    }

    private long policyRows(String key) {
        return jdbc.sql("select count(*) from policy_value where key = ?")
                .param(key)
                .query(Long.class)
                .single();
    }

    private Map<String, String> referral() {
        Map<String, String> f = new HashMap<>();
        String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        f.put("d.familyName", "Bound" + letters);
        f.put("d.givenName", "Form" + letters);
        f.put("d.birthDate", "1971-03-04");
        f.put("d.sex", "FEMALE");
        f.put("r.referringClinician", "Dr. Helen Ward");
        f.put("r.referringPractice", "Riverton Family Medicine");
        f.put("r.reason", "Low back pain for 8 months");
        f.put("r.referralDate", LocalDate.now().toString());
        f.put("r.urgency", "ROUTINE");
        return f;
    }

    private long alerts() {
        return jdbc.sql("select count(*) from safety_alert where patient_id = ?")
                .param(patientId)
                .query(Long.class)
                .single();
    }

    private long followUps(UUID alertId) {
        return jdbc.sql("select count(*) from safety_followup where alert_id = ?")
                .param(alertId)
                .query(Long.class)
                .single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
