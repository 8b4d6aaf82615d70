package org.relief.procedure;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.Permission;
import org.relief.procedure.rules.Policy;
import org.relief.record.RecordKind;
import org.relief.record.RecordStore;
import org.relief.record.Versioned;
import org.relief.shared.Inputs;
import org.relief.shared.NotFoundException;
import org.relief.shared.VersionConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The rules' policy values: the latest version per key is in force; every change is a new version with who and why,
 * kept by the record engine (each key is one entry). A change names the version the admin started from: if another
 * admin changed the key since, nothing is stored and a {@link VersionConflictException} says who.
 */
@Service
public class PolicyValues {

    /** One row of a key's history; {@code version} counts the key's changes (1 = the seeded value). */
    public record Change(
            long id,
            String key,
            BigDecimal value,
            String unit,
            String description,
            String source,
            String changedBy,
            Instant changedAt,
            String reason,
            int version) {}

    /** What a policy_value row stores beyond the bookkeeping; {@code id} is the row's own (from a sequence). */
    record Row(Long id, String key, BigDecimal value, String unit, String description, String source) {}

    /**
     * One row of a key's history as the admin page shows it: reason and source cut to a display length (rows written
     * by earlier versions copied every earlier reason into the source and can be megabytes long).
     */
    public record HistoryEntry(
            long id,
            BigDecimal value,
            String unit,
            String changedBy,
            Instant changedAt,
            String reason,
            boolean reasonCut,
            String source,
            boolean sourceCut) {}

    /** The longest reason a change may give. */
    public static final int MAX_REASON = 2_000;

    /**
     * The change an admin asks for on the policy page.
     *
     * @param basedOnVersion the version the admin's page showed (a stale one: {@link VersionConflictException})
     */
    public record ValueChange(
            @NotNull(message = "must be a number, 0 or more")
            @DecimalMin(value = "0", message = "must be a number, 0 or more")
            BigDecimal value,

            @NotNull(message = "say why (payer contract, clinic policy...)")
            @Pattern(regexp = "(?s)\\s*\\S.{3,}\\S\\s*", message = "say why (payer contract, clinic policy...)")
            @Size(max = MAX_REASON, message = "Reason is too long: at most 2,000 characters")
            String reason,

            @NotNull(message = "is missing: reload the policy page and change the value again")
            Integer basedOnVersion) {}

    private final Validator validator;
    /** How much of a reason or source the history list shows before "show all". */
    static final int DISPLAY_CHARS = 300;

    private final JdbcClient jdbc;
    private final RecordStore records;
    private final RecordKind<Row> values;
    private final AuditLog audit;
    private final ChartAccess access;

    PolicyValues(
            JdbcClient jdbc,
            RecordStore records,
            RecordKind<Row> values,
            AuditLog audit,
            ChartAccess access,
            Validator validator) {
        this.validator = validator;
        this.jdbc = jdbc;
        this.records = records;
        this.values = values;
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
        return records.currentAll(values).stream().map(PolicyValues::change).toList();
    }

    /** The newest 100 changes of a key in full, newest first. */
    @Transactional(readOnly = true)
    public List<Change> history(String key) {
        return records.history(values, entryOf(key)).stream()
                .limit(100)
                .map(PolicyValues::change)
                .toList();
    }

    /** The newest {@code limit} changes of a key, newest first, their long texts cut for display. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(String key, int limit) {
        return jdbc.sql("""
                select id, value, unit, changed_by, changed_at,
                       left(reason, :cut) as reason, coalesce(length(reason), 0) > :cut as reason_cut,
                       left(source, :cut) as source, length(source) > :cut as source_cut
                from policy_value where key = :key order by id desc limit :limit""")
                .param("cut", DISPLAY_CHARS)
                .param("key", key)
                .param("limit", limit)
                .query((rs, n) -> new HistoryEntry(
                        rs.getLong("id"),
                        rs.getBigDecimal("value"),
                        rs.getString("unit"),
                        rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("reason"),
                        rs.getBoolean("reason_cut"),
                        rs.getString("source"),
                        rs.getBoolean("source_cut")))
                .list();
    }

    @Transactional(readOnly = true)
    public long historySize(String key) {
        return jdbc.sql("select count(*) from policy_value where key = ?")
                .param(key)
                .query(Long.class)
                .single();
    }

    /** One change in full (the history's "show all" of a long reason or source). */
    @Transactional(readOnly = true)
    public Change change(long id) {
        return jdbc.sql("select * from policy_value where id = ?")
                .param(id)
                .query(this::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("No policy change " + id));
    }

    /** The value in force for a key (its newest version). */
    private Optional<Change> latest(String key) {
        return records.latest(values, entryOf(key)).map(PolicyValues::change);
    }

    /** A key's entry: derived from the key, as the migrations that seed values derive it (md5(key)::uuid). */
    static UUID entryOf(String key) {
        try {
            ByteBuffer hash = ByteBuffer.wrap(MessageDigest.getInstance("MD5").digest(key.getBytes(UTF_8)));
            return new UUID(hash.getLong(), hash.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The source the key was seeded with: the reference a value comes from does not change with a clinic's edit. */
    private String seededSource(String key) {
        return jdbc.sql("select source from policy_value where key = ? order by id limit 1")
                .param(key)
                .query(String.class)
                .single();
    }

    /**
     * The admin changes a value; the old one stays, and decisions keep pointing at the row they used.
     *
     * @param basedOnVersion the version the admin's form showed (null: not said, a 400); if another change was saved
     *     since, nothing is stored and a {@link VersionConflictException} names the key and who changed it
     */
    @Transactional
    public Change change(Actor actor, String key, BigDecimal value, String reason, Integer basedOnVersion) {
        return change(actor, key, new ValueChange(value, reason, basedOnVersion), null);
    }

    /**
     * The change as the admin's form was bound: {@code bound} is Spring's binding result (null: the change is checked
     * here); a bad form is refused after the permission check.
     */
    @Transactional
    public Change change(Actor actor, String key, ValueChange form, Errors bound) {
        access.requirePermission(actor, Permission.ADMINISTER, null, "change policy value " + key);
        Change current = latest(key).orElseThrow(() -> new NotFoundException("No policy value '" + key + "'"));
        Inputs.check(validator, form, bound);
        BigDecimal value = form.value();
        String reason = form.reason();
        int basedOnVersion = form.basedOnVersion();
        Change saved;
        try {
            // each row keeps its own reason; the source stays the reference's text (earlier versions appended
            // every reason to it, so each change copied all earlier ones: issue 10, defect 5)
            saved = change(records.insertNext(
                    values,
                    entryOf(key),
                    basedOnVersion,
                    new Row(null, key, value, current.unit(), current.description(), seededSource(key)),
                    reason.strip(),
                    actor.username()));
        } catch (VersionConflictException e) {
            throw new VersionConflictException(
                    e.entryId(), e.expectedVersion(), e.currentVersion(), e.changedBy(), key);
        }
        audit.record(
                actor,
                null,
                AuditAction.ADMIN,
                "policy " + key + ": " + current.value().stripTrailingZeros().toPlainString() + " -> "
                        + value.stripTrailingZeros().toPlainString() + " (" + reason.strip() + ")",
                "OK");
        return saved;
    }

    private static Change change(Versioned<Row> v) {
        Row r = v.data();
        return new Change(
                r.id(),
                r.key(),
                r.value(),
                r.unit(),
                r.description(),
                r.source(),
                v.recordedBy(),
                v.recordedAt(),
                v.changeReason(),
                v.version());
    }

    private Change map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Change(
                rs.getLong("id"),
                rs.getString("key"),
                rs.getBigDecimal("value"),
                rs.getString("unit"),
                rs.getString("description"),
                rs.getString("source"),
                rs.getString("changed_by"),
                rs.getTimestamp("changed_at").toInstant(),
                rs.getString("reason"),
                rs.getInt("version"));
    }
}
