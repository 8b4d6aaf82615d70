package org.relief.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.portal.PortalSupport.PASSWORD;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relief.careteam.Actor;
import org.relief.support.ClinicFixture;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The patient's door is apart from the staff's: invitation from the chart, account set-up with the one-time code,
 * sign-in on the portal's own page, no crossover either way (not with the credentials, not with the session), the
 * lockout, disabling, and a password reset by a new code. Everything audited.
 */
@IntegrationTest
class PortalSecurityIT {

    private static final Pattern CODE = Pattern.compile("id=\"invite-code\"[^>]*>([A-Z0-9-]+)<");

    @LocalServerPort
    int port;

    @Autowired
    ClinicFixture fixture;

    @Autowired
    PortalAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPatientInvitedFromTheChartSetsUpTheAccountAndSeesOnlyTheirOwnStartPage() {
        UUID patient = fixture.patient().create();
        Http staff = Http.session(port, "desk.miller", IntegrationTest.DEMO_PASSWORD);
        HttpResponse<String> invited = staff.postForm("/patients/" + patient + "/portal/invite", Map.of());
        assertThat(invited.statusCode()).isEqualTo(200);
        Matcher m = CODE.matcher(invited.body());
        assertThat(m.find()).as("the code is shown").isTrue();
        String code = m.group(1);
        assertThat(code).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
        assertThat(rows(patient, "CREATE")).anyMatch(r -> r.contains("portal invitation issued"));
        // only the code's hash is kept
        assertThat(jdbc.sql("select count(*) from portal_invite where code_hash = ?")
                        .param(code.replace("-", ""))
                        .query(Long.class)
                        .single())
                .isZero();

        Http browser = Http.anonymous(port);
        HttpResponse<String> set = PortalSupport.post(
                browser,
                "/portal/welcome",
                "/portal/welcome",
                Map.of(
                        "code",
                        code.toLowerCase(),
                        "username",
                        "invited.one",
                        "password",
                        PASSWORD,
                        "confirm",
                        PASSWORD));
        assertThat(set.statusCode()).isEqualTo(302);
        assertThat(set.headers().firstValue("Location").orElseThrow()).contains("/portal/login?ready=invited.one");

        HttpResponse<String> signIn = PortalSupport.signIn(browser, "invited.one", PASSWORD);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/portal");
        assertThat(browser.get("/portal").headers().firstValue("Location").orElseThrow())
                .endsWith("/portal/patients/" + patient);
        HttpResponse<String> start = browser.get("/portal/patients/" + patient);
        assertThat(start.statusCode()).isEqualTo(200);
        assertThat(start.body()).contains("id=\"portal-name\">Dana Testperson<").doesNotContain("My patients");
        assertThat(rows(patient, "SIGN_IN")).anyMatch(r -> r.contains("portal sign-in"));

        // the code worked once
        HttpResponse<String> again = PortalSupport.post(
                Http.anonymous(port),
                "/portal/welcome",
                "/portal/welcome",
                Map.of("code", code, "username", "someone.else", "password", PASSWORD, "confirm", PASSWORD));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("This code does not work");
        assertThat(rows(patient, "DENIED")).anyMatch(r -> r.contains("portal invitation code refused"));
    }

    @Test
    void anExpiredOrReplacedCodeDoesNotWork() {
        UUID patient = fixture.patient().create();
        Actor desk = fixture.actor("desk.miller");
        String first = accounts.invite(desk, patient).code();
        String second = accounts.invite(desk, patient).code();
        HttpResponse<String> replaced = accept(first, "replaced.code");
        assertThat(replaced.statusCode()).isEqualTo(400);
        assertThat(replaced.body()).contains("This code does not work");

        jdbc.sql("""
                insert into portal_invite (id, patient_id, code_hash, issued_by, issued_at, expires_at)
                values (?, ?, ?, 'test', ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        patient,
                        PortalAccounts.hash("EXPIREDCDE"),
                        Timestamp.from(Instant.now().plus(1, ChronoUnit.MINUTES)),
                        Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES)))
                .update();
        assertThat(accept("EXPIREDCDE", "expired.code").statusCode()).isEqualTo(400);
        // the expired one is now the newest: the second code no longer works either
        assertThat(accept(second, "second.code").statusCode()).isEqualTo(400);
    }

    @Test
    void badChoicesAreNamedOnTheirFieldAndChangeNothing() {
        UUID patient = fixture.patient().create();
        String code = accounts.invite(fixture.actor("dr.patel"), patient).code();
        HttpResponse<String> r = PortalSupport.post(
                Http.anonymous(port),
                "/portal/welcome",
                "/portal/welcome",
                Map.of("code", code, "username", "X", "password", "short", "confirm", "other"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("id=\"username-error\"").contains("id=\"password-error\"");
        assertThat(r.body()).contains("id=\"confirm-error\"");
        assertThat(accounts.status(patient).username()).isNull();
        // the code still works after a refused attempt
        assertThat(accept(code, "fixed.choice").statusCode()).isEqualTo(302);
    }

    @Test
    void staffAndPatientAccountsNeverCrossDoors() {
        UUID patient = fixture.patient().create();
        PortalSupport.account(accounts, fixture.actor("dr.patel"), patient, "crossover.patient");

        // staff credentials at the portal door, patient credentials at the staff door: both refused
        Http one = Http.anonymous(port);
        assertThat(PortalSupport.signIn(one, "dr.patel", IntegrationTest.DEMO_PASSWORD)
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .contains("/portal/login?error");
        HttpResponse<String> staffDoor =
                one.postForm("/login", Map.of("username", "crossover.patient", "password", PASSWORD));
        assertThat(staffDoor.headers().firstValue("Location").orElseThrow()).contains("/login?error");

        // a patient session opens no staff page, no API
        Http patientSession = PortalSupport.session(port, "crossover.patient");
        assertThat(patientSession.get("/").headers().firstValue("Location").orElse(""))
                .endsWith("/login");
        assertThat(patientSession.get("/patients/" + patient).statusCode()).isEqualTo(302);
        assertThat(patientSession.get("/api/patients/" + patient).statusCode()).isEqualTo(401);

        // a staff session opens no portal page
        Http staffSession = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        HttpResponse<String> portal = staffSession.get("/portal/patients/" + patient);
        assertThat(portal.statusCode()).isEqualTo(302);
        assertThat(portal.headers().firstValue("Location").orElseThrow()).endsWith("/portal/login");

        // both in one browser (one cookie): each door sees only its own sign-in, and signing out of one keeps the other
        Http both = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        PortalSupport.signIn(both, "crossover.patient", PASSWORD);
        assertThat(both.get("/portal/patients/" + patient).statusCode()).isEqualTo(200);
        assertThat(both.get("/patients/" + patient).statusCode()).isEqualTo(200);
        assertThat(both.get("/portal/patients/" + patient).body()).doesNotContain("My patients");
        HttpResponse<String> out =
                PortalSupport.post(both, "/portal/patients/" + patient + "/diary", "/portal/logout", Map.of());
        assertThat(out.headers().firstValue("Location").orElseThrow()).contains("/portal/login?signedout");
        assertThat(both.get("/portal/patients/" + patient).statusCode()).isEqualTo(302);
        assertThat(both.get("/patients/" + patient).statusCode()).isEqualTo(200);
    }

    @Test
    void repeatedFailuresLockThePortalAccountLikeAStaffOne() {
        UUID patient = fixture.patient().create();
        PortalSupport.account(accounts, fixture.actor("dr.patel"), patient, "locked.patient");
        Http http = Http.anonymous(port);
        for (int i = 0; i < 5; i++) {
            PortalSupport.signIn(http, "locked.patient", "wrong password " + i);
        }
        HttpResponse<String> right = PortalSupport.signIn(http, "locked.patient", PASSWORD);
        assertThat(right.headers().firstValue("Location").orElseThrow()).contains("/portal/login?error");
        // the fifth failure locks; trying again while locked (even with the right password) is refused and counted
        assertThat(rows(patient, "LOCKED_OUT")).anyMatch(r -> r.contains("failed portal sign-in #5"));
        assertThat(rows(patient, "SIGN_IN_FAILED")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(accounts.status(patient).locked()).isTrue();

        // the clinic resets with a new code: the account is unlocked with the new password
        String code = accounts.invite(fixture.actor("desk.miller"), patient).code();
        accounts.accept(code, null, "another calm sentence 7", "another calm sentence 7", "127.0.0.1");
        assertThat(PortalSupport.signIn(http, "locked.patient", "another calm sentence 7")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .endsWith("/portal");
        assertThat(rows(patient, "UPDATE")).anyMatch(r -> r.contains("portal password reset"));
    }

    @Test
    void aDisabledAccountCannotSignIn() {
        UUID patient = fixture.patient().create();
        PortalSupport.account(accounts, fixture.actor("dr.patel"), patient, "disabled.patient");
        Http staff = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        assertThat(staff.postForm("/patients/" + patient + "/portal/disable", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(PortalSupport.signIn(Http.anonymous(port), "disabled.patient", PASSWORD)
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .contains("error");
        assertThat(rows(patient, "UPDATE")).anyMatch(r -> r.contains("portal access disabled"));
    }

    @Test
    void staffOffTheTeamCannotInviteAndTheRefusalIsAudited() {
        UUID patient = fixture.patient().create();
        Http chen = Http.session(port, "acu.chen", IntegrationTest.DEMO_PASSWORD);
        assertThat(chen.postForm("/patients/" + patient + "/portal/invite", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(rows(patient, "DENIED")).anyMatch(r -> r.contains("invite to the portal"));
        assertThat(accounts.status(patient).invited()).isFalse();
    }

    @Test
    void theDemoPatientSignsInWithTheDemoPasswordAndSeesTheirProgress() {
        Http http = Http.anonymous(port);
        HttpResponse<String> in = PortalSupport.signIn(http, "demo.patient", IntegrationTest.DEMO_PASSWORD);
        assertThat(in.headers().firstValue("Location").orElseThrow()).endsWith("/portal");
        String start = http.get("/portal").headers().firstValue("Location").orElseThrow();
        HttpResponse<String> progress = http.get(start.substring(start.indexOf("/portal")) + "/progress");
        assertThat(progress.statusCode()).isEqualTo(200);
        // the demo's outcomes patient: a year of daily pain scores, week by week, and the signed plan's therapies
        assertThat(progress.body()).contains("Week by week").contains("Physical therapy");
        assertThat(http.get(start.substring(start.indexOf("/portal")) + "/plan").body())
                .contains("What to expect");
    }

    private HttpResponse<String> accept(String code, String username) {
        return PortalSupport.post(
                Http.anonymous(port),
                "/portal/welcome",
                "/portal/welcome",
                Map.of("code", code, "username", username, "password", PASSWORD, "confirm", PASSWORD));
    }

    private List<String> rows(UUID patient, String action) {
        return jdbc.sql(
                        "select actor || ' ' || what || ': ' || outcome from audit_event where patient_id = ? and action = ?")
                .params(patient, action)
                .query(String.class)
                .list();
    }
}
