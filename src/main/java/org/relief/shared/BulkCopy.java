package org.relief.shared;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes many rows into one table with PostgreSQL's {@code COPY ... FROM STDIN} (text format) on the current
 * transaction's connection: the same rows a batched {@code INSERT} writes (columns left out take their defaults, as
 * there), at a fraction of the server's cost per row. For bulk loads only (the demo clinic); issue 16 measured the
 * seeding of 100,000 patients with it.
 *
 * <p>Values: {@code null}, String, UUID, Integer, Long, Boolean, BigDecimal, {@link java.sql.Date}, {@link Timestamp}
 * and {@link Instant} (written as UTC instants, for {@code timestamptz} columns); a JSON text goes into a
 * {@code jsonb} column as it is. Anything else is refused.
 */
public final class BulkCopy {

    private static final int FLUSH_AT = 1 << 16;

    private BulkCopy() {}

    /**
     * Copies {@code rows} (each one value per column, in the order of {@code columns}) into {@code table}.
     *
     * @return the number of rows the server reports as copied
     */
    public static long copy(JdbcTemplate jdbc, String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin";
        Long copied = jdbc.execute((ConnectionCallback<Long>) con -> {
            CopyIn in = con.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                StringBuilder text = new StringBuilder(FLUSH_AT + 4096);
                for (Object[] row : rows) {
                    if (row.length != columns.size()) {
                        throw new IllegalArgumentException("a row for " + table + " has " + row.length + " values for "
                                + columns.size() + " columns");
                    }
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) {
                            text.append('\t');
                        }
                        append(text, row[i]);
                    }
                    text.append('\n');
                    if (text.length() >= FLUSH_AT) {
                        write(in, text);
                    }
                }
                write(in, text);
                return in.endCopy();
            } catch (RuntimeException | SQLException e) {
                if (in.isActive()) {
                    in.cancelCopy();
                }
                throw e;
            }
        });
        return copied == null ? 0 : copied;
    }

    private static void write(CopyIn in, StringBuilder text) throws SQLException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }

    /** One value in COPY's text format: {@code \N} for null, backslash escapes in text. */
    static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof String s) {
            escape(out, s);
        } else if (value instanceof UUID || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof java.sql.Date d) {
            out.append(d.toLocalDate());
        } else if (value instanceof Timestamp t) {
            out.append(t.toInstant());
        } else if (value instanceof Instant t) {
            out.append(t);
        } else {
            throw new IllegalArgumentException(
                    "no COPY text form for a " + value.getClass().getName());
        }
    }

    private static void escape(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
    }
}
