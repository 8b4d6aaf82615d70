package org.relief.careteam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** One password for several staff members at once (the demo staff on a start with RELIEF_DEMO_PASSWORD). */
@IntegrationTest
class StaffPasswordsIT {

    @Autowired
    StaffDirectory staff;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theNamedStaffGetTheNewPasswordAndLoseTheirFailedSignInsOthersKeepTheirs() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String first = "pw.first" + tag;
        String second = "pw.second" + tag;
        String other = "pw.other" + tag;
        for (String username : List.of(first, second, other)) {
            staff.create(username, "Staff " + username, Role.CHIROPRACTOR, "the-old-password-2026", "test");
        }
        staff.recordFailedSignIn(first, "127.0.0.1");
        staff.recordFailedSignIn(other, "127.0.0.1");

        staff.setPasswords(List.of(first, second), "the-new-password-2026");

        for (String username : List.of(first, second)) {
            assertThat(passwords.matches("the-new-password-2026", hash(username)))
                    .as(username)
                    .isTrue();
            assertThat(failedAttempts(username)).as(username).isZero();
        }
        assertThat(passwords.matches("the-old-password-2026", hash(other))).isTrue();
        assertThat(failedAttempts(other)).isEqualTo(1);
    }

    private String hash(String username) {
        return jdbc.sql("select password_hash from staff where username = ?")
                .param(username)
                .query(String.class)
                .single();
    }

    private int failedAttempts(String username) {
        return jdbc.sql("select failed_attempts from staff where username = ?")
                .param(username)
                .query(Integer.class)
                .single();
    }
}
