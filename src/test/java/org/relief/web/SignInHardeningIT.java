package org.relief.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relief.careteam.Role;
import org.relief.careteam.StaffDirectory;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 10, defect 6: lockout that forgives, passwords that are not common, a change-password page, HTTPS cookies. */
@IntegrationTest
class SignInHardeningIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSuccessfulBasicRequestClearsTheFailedAttempts() {
        staff.create("basic.reset", "Basic Reset", Role.PHYSICAL_THERAPIST, "copper lantern orbit 7", "test");
        for (int i = 0; i < 3; i++) {
            assertThat(Http.basic(port, "basic.reset", "wrong password " + i)
                            .get("/api/policy")
                            .statusCode())
                    .isEqualTo(401);
        }
        assertThat(failedAttempts("basic.reset")).isEqualTo(3);
        assertThat(Http.basic(port, "basic.reset", "copper lantern orbit 7")
                        .get("/api/policy")
                        .statusCode())
                .isEqualTo(200);
        assertThat(failedAttempts("basic.reset")).isZero();
    }

    @Test
    void failedAttemptsOlderThanTheLockoutNoLongerCount() {
        staff.create("expiry.test", "Expiry Test", Role.PHYSICAL_THERAPIST, "copper lantern orbit 7", "test");
        for (int i = 0; i < 4; i++) {
            staff.recordFailedSignIn("expiry.test", "127.0.0.1");
        }
        assertThat(failedAttempts("expiry.test")).isEqualTo(4);
        // the four failures happened longer ago than the lockout duration (15 minutes)
        jdbc.sql("update staff set last_failed_at = last_failed_at - interval '16 minutes' where username = ?")
                .param("expiry.test")
                .update();
        assertThat(staff.recordFailedSignIn("expiry.test", "127.0.0.1")).isFalse();
        assertThat(failedAttempts("expiry.test")).isEqualTo(1);
        // recent failures still add up to the lockout
        for (int i = 0; i < 4; i++) {
            staff.recordFailedSignIn("expiry.test", "127.0.0.1");
        }
        assertThat(jdbc.sql("select locked_until is not null from staff where username = ?")
                        .param("expiry.test")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void theAdminCannotGiveACommonPassword() {
        Http admin = Http.session(port, "admin", IntegrationTest.ADMIN_PASSWORD);
        HttpResponse<String> r = admin.postForm(
                "/admin/staff",
                Map.of(
                        "username",
                        "common.pw",
                        "displayName",
                        "Common Password",
                        "role",
                        "PHYSICAL_THERAPIST",
                        "password",
                        "password1234"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("is one of the most common passwords");
        assertThat(staff.findByUsername("common.pw")).isEmpty();
    }

    @Test
    void everyStaffMemberChangesTheirOwnPassword() {
        staff.create("change.pw", "Change Password", Role.PHYSICAL_THERAPIST, "copper lantern orbit 7", "test");
        Http me = Http.session(port, "change.pw", "copper lantern orbit 7");
        Http other = Http.session(port, "change.pw", "copper lantern orbit 7");
        assertThat(me.get("/account/password").statusCode()).isEqualTo(200);
        assertThat(me.get("/").body()).contains("/account/password");

        HttpResponse<String> wrongCurrent = me.postForm(
                "/account/password",
                Map.of(
                        "current",
                        "not my password",
                        "password",
                        "violet harbor tram 42",
                        "confirm",
                        "violet harbor tram 42"));
        assertThat(wrongCurrent.statusCode()).isEqualTo(400);
        assertThat(wrongCurrent.body()).contains("is not your current password");
        HttpResponse<String> mismatch = me.postForm(
                "/account/password",
                Map.of(
                        "current",
                        "copper lantern orbit 7",
                        "password",
                        "violet harbor tram 42",
                        "confirm",
                        "violet harbor tram 43"));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("does not match the new password");
        HttpResponse<String> common = me.postForm(
                "/account/password",
                Map.of("current", "copper lantern orbit 7", "password", "password1234", "confirm", "password1234"));
        assertThat(common.statusCode()).isEqualTo(400);
        assertThat(common.body()).contains("common password");

        HttpResponse<String> ok = me.postForm(
                "/account/password",
                Map.of(
                        "current",
                        "copper lantern orbit 7",
                        "password",
                        "violet harbor tram 42",
                        "confirm",
                        "violet harbor tram 42"));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(Http.basic(port, "change.pw", "violet harbor tram 42")
                        .get("/api/policy")
                        .statusCode())
                .isEqualTo(200);
        assertThat(Http.basic(port, "change.pw", "copper lantern orbit 7")
                        .get("/api/policy")
                        .statusCode())
                .isEqualTo(401);
        // the same member's other session is signed out; their own stays
        assertThat(other.get("/").statusCode()).isEqualTo(302);
        assertThat(me.get("/").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where actor = 'change.pw' and action = 'UPDATE'
                and what = 'changed own password'""").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where actor = 'change.pw' and action = 'DENIED'
                and what like 'change of own password%'""").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void overHttpsTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> https = get("/login", true);
        assertThat(https.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(https.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("SESSION=").containsIgnoringCase("; Secure"));
        HttpResponse<String> http = get("/login", false);
        assertThat(http.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(http.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("SESSION=").doesNotContainIgnoringCase("secure"));
    }

    /** As the reverse proxy that ended TLS forwards it (RELIEF_FORWARD_HEADERS=native, as application-test.yml). */
    private HttpResponse<String> get(String path, boolean overHttps) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (overHttps) {
            b.header("X-Forwarded-Proto", "https");
        }
        return HttpClient.newHttpClient().send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private int failedAttempts(String username) {
        return jdbc.sql("select failed_attempts from staff where username = ?")
                .param(username)
                .query(Integer.class)
                .single();
    }
}
