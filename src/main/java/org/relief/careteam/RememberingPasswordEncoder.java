package org.relief.careteam;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that remembers, for a short while, that a password matched its stored hash, so HTTP Basic on
 * the API (which sends the password with every request) pays BCrypt's deliberate cost (about 70 ms of a core) once
 * per few minutes rather than on every call. Spring Security's advice for Basic is the same idea: trade the
 * long-term credential for a short-term one after one slow check; this does it without changing what clients send.
 *
 * <p>What is kept: only positive results, as an HMAC-SHA256 (the JDK's {@link Mac}, under a random key made at start
 * and never stored) of the password together with the stored hash it matched; never the password. A changed
 * password has a new hash, so an old entry can never match it; a locked or disabled account is refused before the
 * password is looked at (Spring's pre-authentication checks load the account on every request). Entries expire
 * after {@code remember} and at most {@code capacity} are kept (the oldest go first). Wrong passwords are never
 * remembered: each one pays the full BCrypt cost and counts toward the lockout as before.
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Duration remember;
    private final int capacity;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Instant> verified;

    RememberingPasswordEncoder(PasswordEncoder delegate, Duration remember, int capacity, Clock clock) {
        this.delegate = delegate;
        this.remember = remember;
        this.capacity = capacity;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.verified = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > RememberingPasswordEncoder.this.capacity;
            }
        };
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || remember.isZero() || capacity <= 0) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String mark = mark(rawPassword, encodedPassword);
        Instant now = clock.instant();
        synchronized (verified) {
            Instant until = verified.get(mark);
            if (until != null && now.isBefore(until)) {
                return true;
            }
            verified.remove(mark);
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            synchronized (verified) {
                verified.put(mark, now.plus(remember));
            }
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String mark(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
