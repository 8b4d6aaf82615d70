package org.relief.procedure;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.Permission;
import org.relief.procedure.rules.Policy;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.relief.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The rules' policy values: the latest row per key is in force; every change is a new row with who and why. */
@Service
public class PolicyValues {

    /** One row of a key's history. */
    public record Change(long id, String key, BigDecimal value, String unit, String description, String source,
            String changedBy, Instant changedAt, String reason) {
    }

    /**
     * One row of a key's history as the admin page shows it: reason and source cut to a display length (rows written
     * by earlier versions copied every earlier reason into the source and can be megabytes long).
     */
    public record HistoryEntry(long id, BigDecimal value, String unit, String changedBy, Instant changedAt,
            String reason, boolean reasonCut, String source, boolean sourceCut) {
    }

    /** The longest reason a change may give. */
    public static final int MAX_REASON = 2_000;
    /** How much of a reason or source the history list shows before "show all". */
    static final int DISPLAY_CHARS = 300;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ChartAccess access;

    PolicyValues(JdbcClient jdbc, AuditLog audit, ChartAccess access) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public Policy current() {
        Map<String, Policy.Value> values = new LinkedHashMap<>();
        for (Change c : currentRows()) {
            values.put(c.key(), new Policy.Value(c.key(), c.value(), c.unit(), c.source(), c.id()));
        }
        return new Policy(values);
    }

    @Transactional(readOnly = true)
    public List<Change> currentRows() {
        return jdbc.sql("select distinct on (key) * from policy_value order by key, id desc").query(this::map).list();
    }

    /** The newest 100 changes of a key in full, newest first. */
    @Transactional(readOnly = true)
    public List<Change> history(String key) {
        return jdbc.sql("select * from policy_value where key = ? order by id desc limit 100").param(key)
                .query(this::map).list();
    }

    /** The newest {@code limit} changes of a key, newest first, their long texts cut for display. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(String key, int limit) {
        return jdbc.sql("""
                select id, value, unit, changed_by, changed_at,
                       left(reason, :cut) as reason, coalesce(length(reason), 0) > :cut as reason_cut,
                       left(source, :cut) as source, length(source) > :cut as source_cut
                from policy_value where key = :key order by id desc limit :limit""")
                .param("cut", DISPLAY_CHARS).param("key", key).param("limit", limit)
                .query((rs, n) -> new HistoryEntry(rs.getLong("id"), rs.getBigDecimal("value"), rs.getString("unit"),
                        rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("reason"), rs.getBoolean("reason_cut"), rs.getString("source"),
                        rs.getBoolean("source_cut")))
                .list();
    }

    @Transactional(readOnly = true)
    public long historySize(String key) {
        return jdbc.sql("select count(*) from policy_value where key = ?").param(key).query(Long.class).single();
    }

    /** One change in full (the history's "show all" of a long reason or source). */
    @Transactional(readOnly = true)
    public Change change(long id) {
        return jdbc.sql("select * from policy_value where id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> new NotFoundException("No policy change " + id));
    }

    /** The value in force for a key (its newest row). */
    private java.util.Optional<Change> latest(String key) {
        return jdbc.sql("select * from policy_value where key = ? order by id desc limit 1").param(key)
                .query(this::map).optional();
    }

    /** The source the key was seeded with: the reference a value comes from does not change with a clinic's edit. */
    private String seededSource(String key) {
        return jdbc.sql("select source from policy_value where key = ? order by id limit 1").param(key)
                .query(String.class).single();
    }

    /** The admin changes a value; the old one stays, and decisions keep pointing at the row they used. */
    @Transactional
    public void change(Actor actor, String key, BigDecimal value, String reason) {
        access.requirePermission(actor, Permission.ADMINISTER, null, "change policy value " + key);
        Change current = latest(key).orElseThrow(() -> new NotFoundException("No policy value '" + key + "'"));
        if (value == null || value.signum() < 0) {
            throw new InvalidInputException(List.of(new FieldProblem("value", "must be a number, 0 or more")));
        }
        if (reason == null || reason.strip().length() < 5) {
            throw new InvalidInputException(List.of(new FieldProblem("reason",
                    "say why (payer contract, clinic policy...)")));
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new InvalidInputException(List.of(new FieldProblem("reason",
                    "Reason is too long: at most 2,000 characters")));
        }
        jdbc.sql("""
                insert into policy_value (key, value, unit, description, source, changed_by, reason)
                values (?, ?, ?, ?, ?, ?, ?)""")
                // each row keeps its own reason; the source stays the reference's text (earlier versions appended
                // every reason to it, so each change copied all earlier ones: issue 10, defect 5)
                .params(key, value, current.unit(), current.description(), seededSource(key), actor.username(),
                        reason.strip())
                .update();
        audit.record(actor, null, AuditAction.ADMIN,
                "policy " + key + ": " + current.value().stripTrailingZeros().toPlainString() + " -> "
                        + value.stripTrailingZeros().toPlainString() + " (" + reason.strip() + ")", "OK");
    }

    private Change map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Change(rs.getLong("id"), rs.getString("key"), rs.getBigDecimal("value"), rs.getString("unit"),
                rs.getString("description"), rs.getString("source"), rs.getString("changed_by"),
                rs.getTimestamp("changed_at").toInstant(), rs.getString("reason"));
    }
}
