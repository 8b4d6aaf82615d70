package org.relief.record;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.RowMapperResultSetExtractor;

/**
 * Several reads sent to the database at once ({@link RecordStore#reads()}): each read is added, then {@link #run()}
 * sends them all as one prepared statement and one round trip, and each read's result is then {@link Read#get()}. The
 * PostgreSQL JDBC driver sends the statements of one prepared statement in one message, each statement prepared on
 * its own, and gives one result per statement in order. A chart is a dozen small reads; one round trip each was most
 * of the database's CPU for the chart page and its JSON (issue 16: protocol and wake-ups, not the queries).
 *
 * <p>The reads see what the caller's transaction sees, as the same queries sent one by one would. A read checks no
 * access: the caller opens the chart (the guard, the audit) before it runs them. Not thread-safe; run once.
 */
public final class Reads {

    private final JdbcOperations jdbc;
    private final RecordStore store;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> args = new ArrayList<>();
    private final List<ResultSetExtractor<?>> extractors = new ArrayList<>();
    private Object[] results;

    Reads(JdbcOperations jdbc, RecordStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** One read's result, there once the reads have run. */
    public static final class Read<R> {
        private final Reads reads;
        private final int index;

        private Read(Reads reads, int index) {
            this.reads = reads;
            this.index = index;
        }

        @SuppressWarnings("unchecked")
        public R get() {
            if (reads.results == null) {
                throw new IllegalStateException("the reads have not run yet");
            }
            return (R) reads.results[index];
        }
    }

    /** What {@link RecordStore#current} returns. */
    public <T extends Record> Read<List<Versioned<T>>> current(RecordKind<T> kind, UUID patientId) {
        return add(store.currentSql(kind), new RowMapperResultSetExtractor<>(store.mapper(kind)), patientId);
    }

    /** What {@link RecordStore#newest} returns. */
    public <T extends Record> Read<Newest<T>> newest(RecordKind<T> kind, UUID patientId, int limit) {
        return add(store.newestSql(kind, limit), store.newestOf(kind), patientId, limit);
    }

    /** Any other read: a query (with {@code ?} for its arguments, no {@code ;}) and its rows. */
    public <R> Read<List<R>> query(String query, RowMapper<R> rows, Object... arguments) {
        return add(query, new RowMapperResultSetExtractor<>(rows), arguments);
    }

    private <R> Read<R> add(String query, ResultSetExtractor<R> extractor, Object... arguments) {
        if (results != null) {
            throw new IllegalStateException("the reads have run already");
        }
        if (query.indexOf(';') >= 0) {
            throw new IllegalArgumentException("one statement per read: " + query);
        }
        sql.append(extractors.isEmpty() ? "" : ";\n").append(query);
        args.addAll(Arrays.asList(arguments)); // a null argument is a SQL null
        extractors.add(extractor);
        return new Read<>(this, extractors.size() - 1);
    }

    /** Sends every read added (one round trip); their results are then there. Nothing added: nothing sent. */
    public void run() {
        if (results != null) {
            throw new IllegalStateException("the reads have run already");
        }
        Object[] done = new Object[extractors.size()];
        if (!extractors.isEmpty()) {
            jdbc.execute(sql.toString(), (PreparedStatementCallback<Void>) ps -> {
                new ArgumentPreparedStatementSetter(args.toArray()).setValues(ps);
                boolean isResult = ps.execute();
                for (int i = 0; i < done.length; i++) {
                    if (!isResult) {
                        throw new IllegalStateException("read " + (i + 1) + " of " + done.length + " gave no rows");
                    }
                    ResultSet rs = ps.getResultSet();
                    done[i] = extractors.get(i).extractData(rs);
                    isResult = ps.getMoreResults(); // closes this result
                }
                return null;
            });
        }
        results = done;
    }
}
