package org.relief.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.relief.support.IntegrationTest;
import org.relief.support.TransactionProbe;
import org.relief.support.TransactionProbe.Seen;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link PlainRead}: called alone, a read's statements run in auto-commit (each the first of its own transaction: no
 * {@code BEGIN}, no {@code COMMIT}) on one connection held for the call; inside a caller's transaction, it joins it.
 */
@IntegrationTest
class PlainReadIT {

    @Autowired
    TransactionProbe probe;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aloneItOpensNoTransactionAndKeepsOneConnection() {
        Seen plain = probe.plainRead();
        assertThat(plain.secondBackend()).isEqualTo(plain.firstBackend());
        assertThat(plain.secondStartedItsTransaction()).isTrue();

        // what it replaced: a read-only transaction around both statements
        Seen readOnly = probe.readOnlyTransaction();
        assertThat(readOnly.secondBackend()).isEqualTo(readOnly.firstBackend());
        assertThat(readOnly.secondStartedItsTransaction()).isFalse();
    }

    @Test
    void insideACallersTransactionItJoinsIt() {
        Seen joined = transactions.execute(status -> {
            jdbc.sql("select set_config('relief.probe', 'the caller''s', true)")
                    .query(String.class)
                    .single();
            return probe.plainRead();
        });
        assertThat(joined.setting()).isEqualTo("the caller's");
        assertThat(joined.secondStartedItsTransaction()).isFalse();
    }
}
