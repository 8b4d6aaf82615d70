package org.relief.careteam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberingPasswordEncoderTest {

    /** Counts the slow checks that reach BCrypt. */
    static final class Counting implements PasswordEncoder {
        final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        int checks;

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks++;
            return bcrypt.matches(raw, encoded);
        }
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-28T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Counting bcrypt = new Counting();
    private final MovableClock clock = new MovableClock();
    private final RememberingPasswordEncoder encoder =
            new RememberingPasswordEncoder(bcrypt, Duration.ofMinutes(5), 2, clock);

    @Test
    void aMatchingPasswordIsCheckedOnceWithinThePeriod() {
        String hash = encoder.encode("correct horse battery");
        assertThat(encoder.matches("correct horse battery", hash)).isTrue();
        assertThat(encoder.matches("correct horse battery", hash)).isTrue();
        assertThat(encoder.matches("correct horse battery", hash)).isTrue();
        assertThat(bcrypt.checks).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsNeverRememberedAndAlwaysPaysTheFullCheck() {
        String hash = encoder.encode("correct horse battery");
        assertThat(encoder.matches("correct horse battery", hash)).isTrue();
        assertThat(encoder.matches("wrong horse battery", hash)).isFalse();
        assertThat(encoder.matches("wrong horse battery", hash)).isFalse();
        assertThat(bcrypt.checks).isEqualTo(3);
    }

    @Test
    void aChangedPasswordHashNeverMatchesWhatWasRememberedForTheOldOne() {
        String old = encoder.encode("correct horse battery");
        assertThat(encoder.matches("correct horse battery", old)).isTrue();
        String replaced = encoder.encode("a new long passphrase");
        assertThat(encoder.matches("correct horse battery", replaced)).isFalse();
        assertThat(encoder.matches("a new long passphrase", replaced)).isTrue();
        assertThat(bcrypt.checks).isEqualTo(3);
    }

    @Test
    void anEntryExpiresAfterThePeriod() {
        String hash = encoder.encode("correct horse battery");
        encoder.matches("correct horse battery", hash);
        clock.now = clock.now.plus(Duration.ofMinutes(5)).plusSeconds(1);
        assertThat(encoder.matches("correct horse battery", hash)).isTrue();
        assertThat(bcrypt.checks).isEqualTo(2);
    }

    @Test
    void theOldestEntryGoesWhenTheCapacityIsReached() {
        String a = encoder.encode("password number one");
        String b = encoder.encode("password number two");
        String c = encoder.encode("password number three");
        encoder.matches("password number one", a);
        encoder.matches("password number two", b);
        encoder.matches("password number three", c); // capacity 2: the first goes
        encoder.matches("password number one", a);
        assertThat(bcrypt.checks).isEqualTo(4);
    }

    @Test
    void zeroTurnsItOff() {
        var off = new RememberingPasswordEncoder(bcrypt, Duration.ZERO, 2, clock);
        String hash = off.encode("correct horse battery");
        off.matches("correct horse battery", hash);
        off.matches("correct horse battery", hash);
        assertThat(bcrypt.checks).isEqualTo(2);
    }
}
