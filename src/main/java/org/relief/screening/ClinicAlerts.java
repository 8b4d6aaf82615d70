package org.relief.screening;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic-wide count of safety alerts for the clinic's outcome report: each alert raised in a period with what
 * raised it (in words) and when its first follow-up was documented. No patient, no names, no audit of its own: it
 * serves aggregate figures, and the caller audits the report it is part of.
 */
@Service
public class ClinicAlerts {

    /** One alert: what raised it (a label), when, and when it was first followed up (null while open). */
    public record Raised(String trigger, Instant raisedAt, Instant followedUpAt) {}

    private final JdbcClient jdbc;

    ClinicAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The alerts raised from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    @Transactional(readOnly = true)
    public List<Raised> raisedBetween(Instant from, Instant to) {
        return jdbc.sql("""
                        select a.trigger_kind, a.raised_at, min(f.at) as followed
                        from safety_alert a left join safety_followup f on f.alert_id = a.id
                        where a.raised_at >= ? and a.raised_at < ?
                        group by a.id, a.trigger_kind, a.raised_at
                        order by a.raised_at, a.id""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Raised(
                        SafetyGate.triggerLabel(rs.getString("trigger_kind")),
                        rs.getTimestamp("raised_at").toInstant(),
                        rs.getTimestamp("followed") == null
                                ? null
                                : rs.getTimestamp("followed").toInstant()))
                .list();
    }
}
