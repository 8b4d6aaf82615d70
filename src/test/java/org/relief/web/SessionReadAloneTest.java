package org.relief.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/** The session store's read of one session runs without its transaction; everything else keeps it. */
class SessionReadAloneTest {

    private final List<String> transactions = new ArrayList<>();

    private final TransactionOperations store = new TransactionOperations() {
        @Override
        public <T> T execute(TransactionCallback<T> action) {
            transactions.add("begin");
            return action.doInTransaction(null);
        }
    };

    @Test
    void onlyTheReadOfOneSessionRunsWithoutATransaction() {
        var operations = new SessionReadAlone.ReadAlone(store);

        String saved = operations.execute(status -> "saved");
        assertThat(saved).isEqualTo("saved");
        assertThat(transactions).containsExactly("begin");

        String read = SessionReadAlone.reading(() -> operations.execute(status -> "read"));
        assertThat(read).isEqualTo("read");
        assertThat(transactions).as("the read: no transaction").containsExactly("begin");

        String deleted = operations.execute(status -> "deleted");
        assertThat(deleted).isEqualTo("deleted");
        assertThat(transactions).as("after the read, transactions again").containsExactly("begin", "begin");
    }
}
