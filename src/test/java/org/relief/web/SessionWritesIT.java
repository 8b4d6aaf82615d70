package org.relief.web;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * A signed-in request that changes nothing in its session writes the session's last access only when the stored one
 * is at least {@code relief.session.last-access-write-interval} (30 s) old (issue 16; {@link SessionReadOnce}).
 */
@IntegrationTest
class SessionWritesIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.session.SessionRepository<?> sessions;

    @Test
    void theStoreReadsASessionWithoutATransaction() {
        Object store = org.springframework.test.util.ReflectionTestUtils.getField(sessions, "store");
        assertThat(org.springframework.test.util.ReflectionTestUtils.getField(store, "transactionOperations"))
                .isInstanceOf(SessionReadAlone.ReadAlone.class);
        // and a signed-in browser still keeps its session from request to request
        staff.create("session.alone", "Session Alone", Role.PHYSICAL_THERAPIST, "copper lantern orbit 8", "test");
        Http browser = Http.session(port, "session.alone", "copper lantern orbit 8");
        assertThat(browser.getAsBrowser("/").statusCode()).isEqualTo(200);
        assertThat(browser.getAsBrowser("/patients").statusCode()).isEqualTo(200);
    }

    @Test
    void aRecentLastAccessIsNotWrittenAgainAndAnOldOneIs() {
        staff.create("session.writes", "Session Writes", Role.PHYSICAL_THERAPIST, "copper lantern orbit 7", "test");
        Http browser = Http.session(port, "session.writes", "copper lantern orbit 7");
        assertThat(browser.getAsBrowser("/").statusCode()).isEqualTo(200);
        long first = lastAccess();

        assertThat(browser.getAsBrowser("/").statusCode()).isEqualTo(200);
        assertThat(browser.getAsBrowser("/patients").statusCode()).isEqualTo(200);
        assertThat(lastAccess())
                .as("nothing changed and the stored access is seconds old")
                .isEqualTo(first);

        // the stored last access (and the expiry with it) as if the previous request had come 31 s ago
        jdbc.sql("""
                        update spring_session set last_access_time = last_access_time - 31000,
                               expiry_time = expiry_time - 31000 where principal_name = ?""").param("session.writes").update();
        long aged = lastAccess();
        long before = System.currentTimeMillis();
        assertThat(browser.getAsBrowser("/").statusCode()).isEqualTo(200);
        long written = lastAccess();
        assertThat(written).as("written again: the stored access was 31 s old").isGreaterThanOrEqualTo(before - 1000);
        assertThat(written).isGreaterThan(aged);
        assertThat(expiry() - written)
                .as("the expiry follows the written access")
                .isEqualTo(15 * 60 * 1000L);
    }

    @Test
    void theSessionStillEndsAtSignOut() {
        staff.create("session.signout", "Session Signout", Role.PHYSICAL_THERAPIST, "copper lantern orbit 7", "test");
        Http browser = Http.session(port, "session.signout", "copper lantern orbit 7");
        assertThat(browser.getAsBrowser("/").statusCode()).isEqualTo(200);
        assertThat(sessions("session.signout")).isEqualTo(1);
        browser.postForm("/logout", Map.of());
        assertThat(sessions("session.signout")).isZero();
        HttpResponse<String> after = browser.getAsBrowser("/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
    }

    private long lastAccess() {
        return jdbc.sql("select last_access_time from spring_session where principal_name = ?")
                .param("session.writes")
                .query(Long.class)
                .single();
    }

    private long expiry() {
        return jdbc.sql("select expiry_time from spring_session where principal_name = ?")
                .param("session.writes")
                .query(Long.class)
                .single();
    }

    private long sessions(String user) {
        return jdbc.sql("select count(*) from spring_session where principal_name = ?")
                .param(user)
                .query(Long.class)
                .single();
    }
}
