package org.relief.support;

import org.relief.shared.PlainRead;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** What two statements of one call see of their connection and transaction (for {@code PlainReadIT}). */
public class TransactionProbe {

    private final JdbcClient jdbc;

    TransactionProbe(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param firstBackend the database process of the first statement
     * @param secondBackend the database process of the second
     * @param secondStartedItsTransaction whether the second statement ran in a transaction begun after the first
     *     statement's (as in auto-commit, where each statement is a transaction of its own)
     * @param setting {@code relief.probe} as the caller's transaction set it, or empty
     */
    public record Seen(int firstBackend, int secondBackend, boolean secondStartedItsTransaction, String setting) {}

    @PlainRead
    public Seen plainRead() {
        return look();
    }

    @Transactional(readOnly = true)
    public Seen readOnlyTransaction() {
        return look();
    }

    private Seen look() {
        // now() is the start of the statement's transaction: the same for both statements of one transaction, later
        // for the second when each statement is a transaction of its own (the first waits 20 ms)
        record First(int pid, java.time.OffsetDateTime began) {}
        First first = jdbc.sql("select pg_backend_pid() as pid, now() as began from pg_sleep(0.02)")
                .query((rs, n) -> new First(rs.getInt("pid"), rs.getObject("began", java.time.OffsetDateTime.class)))
                .single();
        return jdbc.sql("""
                        select pg_backend_pid() as pid, now() > ? as later,
                               coalesce(current_setting('relief.probe', true), '') as setting""")
                .param(first.began())
                .query((rs, n) ->
                        new Seen(first.pid(), rs.getInt("pid"), rs.getBoolean("later"), rs.getString("setting")))
                .single();
    }
}
