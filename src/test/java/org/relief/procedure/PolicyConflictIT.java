package org.relief.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relief.careteam.Actor;
import org.relief.careteam.StaffDirectory;
import org.relief.shared.InvalidInputException;
import org.relief.shared.VersionConflictException;
import org.relief.support.Fixtures;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two admins open the policy page; the first saves a change, the second then saves one based on the version both
 * saw. Without the expected-version check the second silently wins (a lost update); with it, nothing of the second
 * is stored and the answer is 409: the page keeps what the admin typed, the JSON names the key.
 */
@IntegrationTest
class PolicyConflictIT {

    // a key no rule test reads; its value stays 0 (not covered) throughout
    private static final String KEY = "adhesiolysis.covered";

    @LocalServerPort
    int port;

    @Autowired
    PolicyValues policies;

    @Autowired
    StaffDirectory staff;

    @Test
    void aStaleChangeIsRefusedAndTheFirstChangeStaysInForce() {
        Actor admin = Fixtures.actor(staff, "admin");
        int opened = version();
        policies.change(admin, KEY, BigDecimal.ZERO, "first admin: payer contract 2026", opened);
        long size = policies.historySize(KEY);

        assertThatThrownBy(() -> policies.change(admin, KEY, BigDecimal.ONE, "second admin: stale page", opened))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(opened);
                    assertThat(e.currentVersion()).isEqualTo(opened + 1);
                    assertThat(e.field()).isEqualTo(KEY);
                });
        assertThat(policies.historySize(KEY)).isEqualTo(size);
        assertThat(policies.current().values().get(KEY).value()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(policies.history(KEY).get(0).reason()).isEqualTo("first admin: payer contract 2026");
        // a change that does not say which version it started from is refused too, naming the field
        assertThatThrownBy(() -> policies.change(admin, KEY, BigDecimal.ZERO, "no version given", null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).anyMatch(p -> p.field().equals("basedOnVersion")));
    }

    @Test
    void theStaleFormAnswers409KeepingWhatTheAdminTyped() {
        Http admin = Http.session(port, "admin", IntegrationTest.ADMIN_PASSWORD);
        int opened = version();
        assertThat(admin.postForm(
                                "/admin/policy/" + KEY,
                                Map.of(
                                        "value",
                                        "0",
                                        "reason",
                                        "first admin: clinic policy",
                                        "basedOnVersion",
                                        String.valueOf(opened)))
                        .statusCode())
                .isEqualTo(302);
        long size = policies.historySize(KEY);

        HttpResponse<String> stale = admin.postForm(
                "/admin/policy/" + KEY,
                Map.of(
                        "value",
                        "1",
                        "reason",
                        "second admin typed this reason",
                        "basedOnVersion",
                        String.valueOf(opened)));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body())
                .contains("Changed by someone else")
                .contains("second admin typed this reason")
                .contains("name=\"basedOnVersion\" value=\"" + (opened + 1) + "\"");
        assertThat(policies.historySize(KEY)).isEqualTo(size);
        assertThat(policies.current().values().get(KEY).value()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void theStaleJsonChangeAnswersAProblemNamingTheKey() {
        Http api = Http.basic(port, "admin", IntegrationTest.ADMIN_PASSWORD);
        int opened = version();
        assertThat(api.putJson(
                                "/api/admin/policy/" + KEY,
                                "{\"value\": 0, \"reason\": \"first admin: by the API\", " + "\"basedOnVersion\": "
                                        + opened + "}")
                        .statusCode())
                .isEqualTo(200);
        long size = policies.historySize(KEY);

        HttpResponse<String> stale = api.putJson(
                "/api/admin/policy/" + KEY,
                "{\"value\": 1, \"reason\": " + "\"second admin: stale\", \"basedOnVersion\": " + opened + "}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("\"field\":\"" + KEY + "\"").contains("\"currentVersion\":" + (opened + 1));
        assertThat(policies.historySize(KEY)).isEqualTo(size);
    }

    private int version() {
        return policies.history(KEY).get(0).version();
    }
}
