package org.relief.careteam;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The clinic's staff: accounts, roles, passwords (hashed) and sign-in lockout. */
@Service
public class StaffDirectory {

    private static final RowMapper<Staff> STAFF = (rs, n) -> new Staff(
            rs.getObject("id", UUID.class),
            rs.getString("username"),
            rs.getString("display_name"),
            Role.valueOf(rs.getString("role")),
            rs.getBoolean("enabled"));

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final int maxFailedAttempts;
    private final Duration lockoutDuration;

    StaffDirectory(
            JdbcClient jdbc,
            PasswordEncoder passwords,
            AuditLog audit,
            PasswordPolicy policy,
            Clock clock,
            @Value("${relief.security.lockout.max-failed-attempts:5}") int maxFailedAttempts,
            @Value("${relief.security.lockout.duration:15m}") Duration lockoutDuration) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
        this.maxFailedAttempts = maxFailedAttempts;
        this.lockoutDuration = lockoutDuration;
    }

    /** Creates an account; the password is stored only as a hash. */
    @Transactional
    public Staff create(String username, String displayName, Role role, String rawPassword, String createdBy) {
        if (!role.isStaff()) {
            throw new IllegalArgumentException("role: a staff account cannot have the patient role");
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into staff (id, username, display_name, role, password_hash)
                    values (?, ?, ?, ?, ?)""")
                    .params(id, username.trim(), displayName.trim(), role.name(), passwords.encode(rawPassword))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("username '" + username + "' is already taken");
        }
        audit.record(
                createdBy, "ADMIN", null, AuditAction.ADMIN, "created staff " + username + " as " + role, "OK", null);
        return new Staff(id, username.trim(), displayName.trim(), role, true);
    }

    /** Creates many accounts at once (demo seeding), hashing the one password once. */
    @Transactional
    public void createAll(List<Staff> staff, String rawPassword) {
        String hash = passwords.encode(rawPassword);
        for (Staff s : staff) {
            jdbc.sql("insert into staff (id, username, display_name, role, password_hash) values (?, ?, ?, ?, ?)")
                    .params(s.id(), s.username(), s.displayName(), s.role().name(), hash)
                    .update();
        }
    }

    @Transactional
    public void setPassword(String username, String rawPassword) {
        jdbc.sql("""
                update staff set password_hash = ?, failed_attempts = 0, locked_until = null, last_failed_at = null
                where username = ?""").params(passwords.encode(rawPassword), username).update();
    }

    /**
     * One password for several staff members, hashed once (the demo staff on a start with RELIEF_DEMO_PASSWORD: a
     * BCrypt hash per member made every such start slower).
     */
    @Transactional
    public void setPasswords(List<String> usernames, String rawPassword) {
        jdbc.sql("""
                update staff set password_hash = :hash, failed_attempts = 0, locked_until = null, last_failed_at = null
                where username in (:usernames)""")
                .param("hash", passwords.encode(rawPassword))
                .param("usernames", usernames)
                .update();
    }

    @Transactional
    public void setPasswordForRoles(List<Role> roles, String rawPassword) {
        String hash = passwords.encode(rawPassword);
        jdbc.sql("update staff set password_hash = :hash where role in (:roles)")
                .param("hash", hash)
                .param("roles", roles.stream().map(Enum::name).toList())
                .update();
    }

    @Transactional(readOnly = true)
    public List<Staff> all() {
        return jdbc.sql("select * from staff order by role, display_name")
                .query(STAFF)
                .list();
    }

    @Transactional(readOnly = true)
    public List<Staff> withRole(Role role) {
        return jdbc.sql("select * from staff where role = ? and enabled order by display_name")
                .param(role.name())
                .query(STAFF)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Staff> find(UUID id) {
        return jdbc.sql("select * from staff where id = ?")
                .param(id)
                .query(STAFF)
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<Staff> findByUsername(String username) {
        return jdbc.sql("select * from staff where username = ?")
                .param(username)
                .query(STAFF)
                .optional();
    }

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("select count(*) from staff").query(Long.class).single();
    }

    @Transactional
    public void setEnabled(UUID id, boolean enabled, String by) {
        jdbc.sql("update staff set enabled = ? where id = ?")
                .params(enabled, id)
                .update();
        audit.record(
                by, "ADMIN", null, AuditAction.ADMIN, (enabled ? "enabled" : "disabled") + " staff " + id, "OK", null);
    }

    /** Loads what the sign-in needs: hash, enabled, and whether a lockout is running. */
    @Transactional(readOnly = true)
    Optional<Credentials> credentials(String username) {
        return jdbc.sql("select * from staff where username = ?")
                .param(username)
                .query((rs, n) -> new Credentials(
                        STAFF.mapRow(rs, n),
                        rs.getString("password_hash"),
                        Optional.ofNullable(rs.getTimestamp("locked_until"))
                                .map(Timestamp::toInstant)
                                .filter(t -> t.isAfter(clock.instant()))
                                .isPresent()))
                .optional();
    }

    /**
     * Counts a failed sign-in; at the limit the account is locked for the configured time. Failures older than that
     * time no longer count: the next one starts again at 1.
     */
    @Transactional
    public boolean recordFailedSignIn(String username, String address) {
        Instant now = clock.instant();
        Instant lockUntil = now.plus(lockoutDuration);
        Integer attempts = jdbc.sql("""
                update staff set
                       failed_attempts = case when last_failed_at is null or last_failed_at < :expired then 1
                                              else failed_attempts + 1 end,
                       locked_until = case when (case when last_failed_at is null or last_failed_at < :expired
                                                      then 1 else failed_attempts + 1 end) >= :max
                                           then :until else locked_until end,
                       last_failed_at = :now
                where username = :username returning failed_attempts""")
                .param("expired", Timestamp.from(now.minus(lockoutDuration)))
                .param("now", Timestamp.from(now))
                .param("max", maxFailedAttempts)
                .param("until", Timestamp.from(lockUntil))
                .param("username", username)
                .query(Integer.class)
                .optional()
                .orElse(null);
        boolean locked = attempts != null && attempts >= maxFailedAttempts;
        audit.record(
                username,
                "-",
                null,
                locked ? AuditAction.LOCKED_OUT : AuditAction.SIGN_IN_FAILED,
                attempts == null ? "sign-in with unknown username" : "failed sign-in #" + attempts,
                locked ? "LOCKED until " + lockUntil : "FAILED",
                address);
        return locked;
    }

    /**
     * A successful sign-in that is not a form sign-in (HTTP Basic on the API) clears the failures; it writes only when
     * there is something to clear, and is not audited as a sign-in (every API call authenticates).
     */
    @Transactional
    public void clearFailedSignIns(String username) {
        jdbc.sql("""
                update staff set failed_attempts = 0, locked_until = null, last_failed_at = null
                where username = ? and (failed_attempts > 0 or locked_until is not null)""").param(username).update();
    }

    /** Why a change of one's own password was refused, by form field. */
    public record PasswordChangeRefused(String field, String message) {}

    /**
     * A staff member changes their own password: the current one must be right (a wrong one counts toward the
     * lockout, as at sign-in), the new one must pass the {@link PasswordPolicy}. Audited either way.
     */
    @Transactional(noRollbackFor = PasswordChangeRefusedException.class)
    public void changeOwnPassword(Actor actor, String current, String replacement) {
        String hash = jdbc.sql("select password_hash from staff where id = ?")
                .param(actor.staffId())
                .query(String.class)
                .single();
        if (current == null || !passwords.matches(current, hash)) {
            recordFailedSignIn(actor.username(), actor.address());
            audit.record(actor, null, AuditAction.DENIED, "change of own password: current password wrong", "DENIED");
            throw new PasswordChangeRefusedException(
                    new PasswordChangeRefused("current", "is not your current password"));
        }
        var problem = policy.problem(actor.username(), replacement);
        if (problem.isEmpty() && passwords.matches(replacement, hash)) {
            problem = java.util.Optional.of("must differ from the current password");
        }
        if (problem.isPresent()) {
            audit.record(
                    actor,
                    null,
                    AuditAction.DENIED,
                    "change of own password: new password refused (" + problem.get() + ")",
                    "DENIED");
            throw new PasswordChangeRefusedException(new PasswordChangeRefused("password", problem.get()));
        }
        jdbc.sql("""
                update staff set password_hash = ?, failed_attempts = 0, locked_until = null, last_failed_at = null
                where id = ?""").params(passwords.encode(replacement), actor.staffId()).update();
        audit.record(actor, null, AuditAction.UPDATE, "changed own password", "OK");
    }

    /** Carries the refused field to the form. */
    public static class PasswordChangeRefusedException extends RuntimeException {

        private final PasswordChangeRefused refused;

        PasswordChangeRefusedException(PasswordChangeRefused refused) {
            super(refused.field() + ": " + refused.message());
            this.refused = refused;
        }

        public PasswordChangeRefused refused() {
            return refused;
        }
    }

    @Transactional
    public void recordSuccessfulSignIn(String username, String role, String address) {
        jdbc.sql("update staff set failed_attempts = 0, locked_until = null, last_failed_at = null where username = ?")
                .param(username)
                .update();
        audit.record(username, role, null, AuditAction.SIGN_IN, "signed in", "OK", address);
    }

    record Credentials(Staff staff, String passwordHash, boolean locked) {}
}
