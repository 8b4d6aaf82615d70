package org.relief.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;

/** When a session a request used must be written again ({@link SessionReadOnce.Tracked}). */
class SessionTrackedTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Instant STORED = Instant.parse("2026-11-28T09:00:00Z");

    private static SessionReadOnce.Tracked read(Duration timeout) {
        MapSession stored = new MapSession("s1");
        stored.setMaxInactiveInterval(timeout);
        stored.setLastAccessedTime(STORED);
        return new SessionReadOnce.Tracked(stored, STORED);
    }

    @Test
    void onlyARecentLastAccessIsNotWritten() {
        SessionReadOnce.Tracked session = read(Duration.ofMinutes(15));
        session.setLastAccessedTime(STORED.plusSeconds(29));
        assertThat(session.mustWrite(INTERVAL)).isFalse();
        session.setLastAccessedTime(STORED.plusSeconds(30));
        assertThat(session.mustWrite(INTERVAL)).isTrue();
        session.written();
        session.setLastAccessedTime(STORED.plusSeconds(31));
        assertThat(session.mustWrite(INTERVAL))
                .as("after the write, counted from the written access")
                .isFalse();
    }

    @Test
    void anyOtherChangeIsWritten() {
        SessionReadOnce.Tracked set = read(Duration.ofMinutes(15));
        set.setAttribute("lastSeen", 1L);
        assertThat(set.mustWrite(INTERVAL)).isTrue();

        SessionReadOnce.Tracked removed = read(Duration.ofMinutes(15));
        removed.removeAttribute("lastSeen");
        assertThat(removed.mustWrite(INTERVAL)).isTrue();

        SessionReadOnce.Tracked newId = read(Duration.ofMinutes(15));
        String before = newId.getId();
        assertThat(newId.changeSessionId()).isNotEqualTo(before);
        assertThat(newId.mustWrite(INTERVAL)).isTrue();

        SessionReadOnce.Tracked timeout = read(Duration.ofMinutes(15));
        timeout.setMaxInactiveInterval(Duration.ofMinutes(5));
        assertThat(timeout.mustWrite(INTERVAL)).isTrue();

        SessionReadOnce.Tracked fresh = new SessionReadOnce.Tracked(new MapSession(), null);
        assertThat(fresh.mustWrite(INTERVAL)).as("a new session").isTrue();
    }

    @Test
    void theIntervalIsAtMostATenthOfTheTimeoutAndZeroWritesEveryTime() {
        SessionReadOnce.Tracked shortTimeout = read(Duration.ofMinutes(2));
        shortTimeout.setLastAccessedTime(STORED.plusSeconds(12));
        assertThat(shortTimeout.mustWrite(INTERVAL))
                .as("12 s of a 2-minute timeout")
                .isTrue();

        SessionReadOnce.Tracked same = read(Duration.ofMinutes(15));
        assertThat(same.mustWrite(Duration.ZERO)).isTrue();
    }
}
