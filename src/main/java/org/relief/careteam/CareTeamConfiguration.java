package org.relief.careteam;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class CareTeamConfiguration {

    /**
     * BCrypt by default, with the algorithm id stored beside each hash so it can be upgraded later; a password that
     * matched is remembered for {@code relief.security.remember-verified-password} (0 turns it off), so HTTP Basic
     * on the API does not pay BCrypt on every request ({@link RememberingPasswordEncoder}).
     */
    @Bean
    PasswordEncoder passwordEncoder(
            @Value("${relief.security.remember-verified-password:5m}") Duration remember, Clock clock) {
        return new RememberingPasswordEncoder(
                PasswordEncoderFactories.createDelegatingPasswordEncoder(), remember, 1_000, clock);
    }
}
