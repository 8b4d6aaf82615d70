package org.relief.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relief.careteam.Actor;
import org.relief.careteam.StaffDirectory;
import org.relief.support.Fixtures;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 10, defect 5: a policy change stores its own reason only; the history page stays bounded. */
@IntegrationTest
class PolicyHistoryIT {

    // a key no rule test changes; its value stays 0 throughout
    private static final String KEY = "adhesiolysis.covered";

    @LocalServerPort
    int port;

    @Autowired
    PolicyValues policies;

    @Autowired
    StaffDirectory staff;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachChangeKeepsOnlyItsOwnReasonAndTheSourceUnchanged() {
        Actor admin = Fixtures.actor(staff, "admin");
        String seeded = source(KEY);
        policies.change(admin, KEY, BigDecimal.ZERO, "first reason: payer contract 2026", version());
        policies.change(admin, KEY, BigDecimal.ZERO, "second reason: clinic policy review", version());
        var rows = policies.history(KEY);
        assertThat(rows.get(0).reason()).isEqualTo("second reason: clinic policy review");
        assertThat(rows.get(0).source()).isEqualTo(seeded).doesNotContain("first reason");
        assertThat(rows.get(1).source()).isEqualTo(seeded);
    }

    @Test
    void aTooLongReasonIsRefusedNamingTheFieldAndChangesNothing() {
        long before = policies.historySize(KEY);
        Http admin = Http.session(port, "admin", IntegrationTest.ADMIN_PASSWORD);
        HttpResponse<String> r = admin.postForm(
                "/admin/policy/" + KEY,
                Map.of(
                        "value",
                        "0",
                        "reason",
                        "x".repeat(PolicyValues.MAX_REASON + 1),
                        "basedOnVersion",
                        String.valueOf(version())));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Reason is too long");
        assertThat(policies.historySize(KEY)).isEqualTo(before);
        // exactly the limit is fine
        assertThat(admin.postForm(
                                "/admin/policy/" + KEY,
                                Map.of(
                                        "value",
                                        "0",
                                        "reason",
                                        "y".repeat(PolicyValues.MAX_REASON),
                                        "basedOnVersion",
                                        String.valueOf(version())))
                        .statusCode())
                .isEqualTo(302);
    }

    @Test
    void aHistoryWithBloatedOldRowsIsShownBoundedWithShowAll() {
        String seeded = source(KEY);
        // rows as earlier versions wrote them: the source grown by every reason (never rewritten, only shown cut)
        String bloated = seeded + " (changed by the clinic: old reason)".repeat(5_000);
        for (int i = 0; i < 25; i++) {
            jdbc.sql("""
                    insert into policy_value (key, value, unit, description, source, changed_by, reason, entry_id,
                                              version)
                    select key, value, unit, description, ?, 'old version', ?, entry_id, version + 1 from policy_value
                    where key = ? order by id desc limit 1""").params(bloated, "old reason " + i, KEY).update();
        }
        long bloatedId = jdbc.sql("select max(id) from policy_value where key = ?")
                .param(KEY)
                .query(Long.class)
                .single();
        Http admin = Http.session(port, "admin", IntegrationTest.ADMIN_PASSWORD);
        HttpResponse<String> page = admin.get("/admin/policy?key=" + KEY);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().length()).isLessThan(bloated.length());
        assertThat(page.body())
                .contains("Show all changes")
                .contains("/admin/policy/changes/" + bloatedId)
                .contains("old reason 24")
                .doesNotContain("old reason 3<");
        assertThat(admin.get("/admin/policy?key=" + KEY + "&all=true").body()).contains("old reason 3<");
        assertThat(admin.get("/admin/policy/changes/" + bloatedId).body()).contains(bloated.substring(0, 2_000));

        // the next change stores the seeded source again, not the grown one
        policies.change(
                Fixtures.actor(staff, "admin"), KEY, BigDecimal.ZERO, "back to the reference source", version());
        assertThat(policies.current().values().get(KEY).source()).isEqualTo(seeded);
    }

    private int version() {
        return policies.history(KEY).get(0).version();
    }

    private String source(String key) {
        return jdbc.sql("select source from policy_value where key = ? order by id limit 1")
                .param(key)
                .query(String.class)
                .single();
    }
}
