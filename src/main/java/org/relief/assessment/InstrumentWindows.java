package org.relief.assessment;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mean instrument totals in windows of days around each patient's own anchor date, aggregated in the database, for
 * cohort statistics (the outcomes module: baseline before a plan started, and at 3 and 6 months). Current versions
 * only (a response corrected later counts as corrected, a voided one not at all). No audit of its own: it serves
 * aggregate statistics, and the caller audits the view it is part of.
 */
@Service
public class InstrumentWindows {

    /** Days relative to the anchor, from {@code fromDay} (inclusive) to {@code toDay} (exclusive). */
    public record Window(int fromDay, int toDay) {
        public Window {
            if (toDay <= fromDay) {
                throw new IllegalArgumentException("a window must end after it starts");
            }
        }
    }

    private final JdbcClient jdbc;

    InstrumentWindows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * For each patient with an anchor, the mean total of the instrument in each window (null where the window holds
     * no reading); patients without any reading in any window are left out.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Double[]> means(String instrument, Map<UUID, LocalDate> anchors, List<Window> windows) {
        Map<UUID, Double[]> out = new HashMap<>();
        if (anchors.isEmpty() || windows.isEmpty()) {
            return out;
        }
        int lo = windows.stream().mapToInt(Window::fromDay).min().orElseThrow();
        int hi = windows.stream().mapToInt(Window::toDay).max().orElseThrow();
        StringBuilder cols = new StringBuilder();
        for (int i = 0; i < windows.size(); i++) {
            // whole numbers from the records above, never from a request
            cols.append(", avg(r.total) filter (where r.administered_on >= a.anchor + ")
                    .append(windows.get(i).fromDay())
                    .append(" and r.administered_on < a.anchor + ")
                    .append(windows.get(i).toDay())
                    .append(") as w")
                    .append(i);
        }
        // the anchors travel as two PostgreSQL array literals of ids and ISO dates (no free text in them)
        StringBuilder ids = new StringBuilder("{");
        StringBuilder dates = new StringBuilder("{");
        anchors.forEach((id, day) -> {
            ids.append(ids.length() > 1 ? "," : "").append(id);
            dates.append(dates.length() > 1 ? "," : "").append(day);
        });
        ids.append('}');
        dates.append('}');
        jdbc.sql(
                        "with a as (select * from unnest(cast(:ids as uuid[]), cast(:dates as date[])) as a(patient_id, anchor)) "
                                + "select a.patient_id" + cols
                                + " from a join instrument_response r on r.patient_id = a.patient_id"
                                + " where r.instrument = :instrument and not r.voided and r.total is not null"
                                + " and r.administered_on >= a.anchor + :lo and r.administered_on < a.anchor + :hi"
                                + " and not exists (select 1 from instrument_response n"
                                + "     where n.entry_id = r.entry_id and n.version > r.version)"
                                + " group by a.patient_id")
                .param("ids", ids.toString())
                .param("dates", dates.toString())
                .param("instrument", instrument)
                .param("lo", lo)
                .param("hi", hi)
                .query(rs -> {
                    Double[] values = new Double[windows.size()];
                    for (int i = 0; i < values.length; i++) {
                        java.math.BigDecimal v = rs.getBigDecimal("w" + i);
                        values[i] = v == null ? null : v.doubleValue();
                    }
                    out.put(rs.getObject("patient_id", UUID.class), values);
                });
        return out;
    }
}
