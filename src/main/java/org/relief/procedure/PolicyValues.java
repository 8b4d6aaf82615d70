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

    @Transactional(readOnly = true)
    public List<Change> history(String key) {
        return jdbc.sql("select * from policy_value where key = ? order by id desc").param(key).query(this::map).list();
    }

    /** The admin changes a value; the old one stays, and decisions keep pointing at the row they used. */
    @Transactional
    public void change(Actor actor, String key, BigDecimal value, String reason) {
        access.requirePermission(actor, Permission.ADMINISTER, null, "change policy value " + key);
        Change current = history(key).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No policy value '" + key + "'"));
        if (value == null || value.signum() < 0) {
            throw new InvalidInputException(List.of(new FieldProblem("value", "must be a number, 0 or more")));
        }
        if (reason == null || reason.strip().length() < 5) {
            throw new InvalidInputException(List.of(new FieldProblem("reason",
                    "say why (payer contract, clinic policy...)")));
        }
        jdbc.sql("""
                insert into policy_value (key, value, unit, description, source, changed_by, reason)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(key, value, current.unit(), current.description(),
                        current.source() + " (changed by the clinic: " + reason.strip() + ")", actor.username(),
                        reason.strip())
                .update();
        audit.record(actor.username(), actor.role().name(), null, AuditAction.ADMIN,
                "policy " + key + ": " + current.value().stripTrailingZeros().toPlainString() + " -> "
                        + value.stripTrailingZeros().toPlainString() + " (" + reason.strip() + ")", "OK",
                actor.address());
    }

    private Change map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Change(rs.getLong("id"), rs.getString("key"), rs.getBigDecimal("value"), rs.getString("unit"),
                rs.getString("description"), rs.getString("source"), rs.getString("changed_by"),
                rs.getTimestamp("changed_at").toInstant(), rs.getString("reason"));
    }
}
