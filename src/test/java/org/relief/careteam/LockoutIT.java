package org.relief.careteam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.audit.AuditQuery;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class LockoutIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    AuditLog audit;

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        staff.create("locktest", "Lock Test", Role.CHIROPRACTOR, "the-right-password-1", "test");
        for (int i = 0; i < 5; i++) {
            var r = Http.anonymous(port)
                    .postForm("/login", java.util.Map.of("username", "locktest", "password", "wrong-" + i));
            assertThat(r.headers().firstValue("Location").orElse("")).contains("/login?error");
        }
        var right = Http.anonymous(port)
                .postForm("/login", java.util.Map.of("username", "locktest", "password", "the-right-password-1"));
        assertThat(right.headers().firstValue("Location").orElse("")).contains("/login?error");
        assertThat(Http.basic(port, "locktest", "the-right-password-1")
                        .get("/api/patients")
                        .statusCode())
                .isEqualTo(401);
        List<?> locked = audit.search(new AuditQuery(null, "locktest", null, null, AuditAction.LOCKED_OUT, 10));
        assertThat(locked).isNotEmpty();
    }

    @Test
    void successfulSignInIsAudited() {
        Http.session(port, "pt.garcia", IntegrationTest.DEMO_PASSWORD);
        assertThat(audit.search(new AuditQuery(null, "pt.garcia", null, null, AuditAction.SIGN_IN, 10)))
                .isNotEmpty();
    }
}
