package org.relief.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.OpenChart;
import org.relief.careteam.PasswordPolicy;
import org.relief.careteam.Permission;
import org.relief.careteam.Purpose;
import org.relief.patient.Patients;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patient portal accounts: separate from staff (table {@code portal_account}; a staff name is no portal name and the
 * portal's sign-in never looks at staff). The clinic invites a patient from the chart with a one-time code valid
 * {@value #INVITE_DAYS} days (only its hash is kept); the patient sets their sign-in name and a password with it
 * (the staff {@link PasswordPolicy}). A password reset is a new invitation. Failed sign-ins count toward a lockout
 * as for staff (the same settings: {@code relief.security.lockout.*}). Everything is audited, naming the patient.
 */
@Service
public class PortalAccounts {
    // Why over 300 lines: the whole life of a patient account (invitation, set-up with the code, sign-in lookup,
    // lockout counting, disabling, the demo account), each step audited; the SQL shapes follow the staff directory.

    /** How long an invitation code works. */
    public static final int INVITE_DAYS = 7;

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ChartAccess access;
    private final Patients patients;
    private final AuditLog audit;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final int maxFailedAttempts;
    private final Duration lockoutDuration;

    PortalAccounts(
            JdbcClient jdbc,
            ChartAccess access,
            Patients patients,
            AuditLog audit,
            PasswordEncoder passwords,
            PasswordPolicy policy,
            Clock clock,
            @Value("${relief.security.lockout.max-failed-attempts:5}") int maxFailedAttempts,
            @Value("${relief.security.lockout.duration:15m}") Duration lockoutDuration) {
        this.jdbc = jdbc;
        this.access = access;
        this.patients = patients;
        this.audit = audit;
        this.passwords = passwords;
        this.policy = policy;
        this.clock = clock;
        this.maxFailedAttempts = maxFailedAttempts;
        this.lockoutDuration = lockoutDuration;
    }

    /** A new invitation as the chart shows it once: the code to give the patient and until when it works. */
    public record Invitation(String code, Instant expiresAt) {}

    /** The account as the chart's portal panel shows it. */
    public record Status(
            boolean invited,
            String username,
            boolean enabled,
            boolean locked,
            Instant activatedAt,
            Instant inviteExpiresAt,
            boolean inviteOpen) {

        public boolean active() {
            return username != null && enabled;
        }
    }

    /**
     * Invites the patient (or resets their password): a new one-time code, valid {@value #INVITE_DAYS} days; any
     * earlier unused code stops working. Needs {@link Permission#MANAGE_PORTAL_ACCESS}.
     */
    @Transactional
    public Invitation invite(Actor actor, UUID patientId) {
        OpenChart chart =
                access.open(actor, patientId, Purpose.write("invite to the portal"), Permission.MANAGE_PORTAL_ACCESS);
        boolean exists = account(patientId).isPresent();
        if (!exists) {
            jdbc.sql("insert into portal_account (id, patient_id, created_by) values (?, ?, ?)")
                    .params(UUID.randomUUID(), patientId, actor.username())
                    .update();
        }
        String code = newCode();
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(INVITE_DAYS));
        jdbc.sql("""
                insert into portal_invite (id, patient_id, code_hash, issued_by, issued_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        patientId,
                        hash(code),
                        actor.username(),
                        Timestamp.from(now),
                        Timestamp.from(expires))
                .update();
        chart.audit(
                AuditAction.CREATE,
                (exists ? "portal invitation issued again (password reset)" : "portal invitation issued")
                        + ", valid until " + expires);
        return new Invitation(code, expires);
    }

    /** Turns the patient's portal access off (a new invitation turns it on again). */
    @Transactional
    public void disable(Actor actor, UUID patientId) {
        OpenChart chart =
                access.open(actor, patientId, Purpose.write("disable portal access"), Permission.MANAGE_PORTAL_ACCESS);
        jdbc.sql("update portal_account set enabled = false where patient_id = ?")
                .param(patientId)
                .update();
        chart.audit(AuditAction.UPDATE, "portal access disabled");
    }

    /** The account's state, for the chart (no audit of its own: the panel that shows it opened the chart). */
    @Transactional(readOnly = true)
    public Status status(UUID patientId) {
        Optional<Status> account = jdbc.sql("select * from portal_account where patient_id = ?")
                .param(patientId)
                .query((rs, n) -> new Status(
                        true,
                        rs.getString("username"),
                        rs.getBoolean("enabled"),
                        lockedNow(rs.getTimestamp("locked_until")),
                        instant(rs.getTimestamp("activated_at")),
                        null,
                        false))
                .optional();
        if (account.isEmpty()) {
            return new Status(false, null, false, false, null, null, false);
        }
        Optional<Instant> open =
                newestInvite(patientId).filter(i -> i.usedAt() == null).map(Invite::expiresAt);
        Status s = account.get();
        return new Status(
                true,
                s.username(),
                s.enabled(),
                s.locked(),
                s.activatedAt(),
                open.orElse(null),
                open.filter(e -> e.isAfter(clock.instant())).isPresent());
    }

    /**
     * The patient accepts an invitation: the code must be the patient's newest, unused and unexpired; they choose a
     * sign-in name (kept when the account has one: a password reset) and a password the policy accepts. A code that
     * does not work is audited and answered on the field, in words.
     *
     * @return the sign-in name
     */
    @Transactional
    public String accept(String code, String username, String password, String confirm, String address) {
        String normalised = code == null ? "" : code.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        Optional<Invite> invite = normalised.isEmpty()
                ? Optional.empty()
                : jdbc.sql("select * from portal_invite where code_hash = ?")
                        .param(hash(normalised))
                        .query((rs, n) -> new Invite(
                                rs.getObject("id", UUID.class),
                                rs.getObject("patient_id", UUID.class),
                                rs.getTimestamp("expires_at").toInstant(),
                                instant(rs.getTimestamp("used_at"))))
                        .optional();
        boolean works = invite.isPresent()
                && invite.get().usedAt() == null
                && invite.get().expiresAt().isAfter(clock.instant())
                && newestInvite(invite.get().patientId())
                        .map(i -> i.id().equals(invite.get().id()))
                        .orElse(false);
        if (!works) {
            audit.record(
                    "portal",
                    "PATIENT",
                    invite.map(Invite::patientId).orElse(null),
                    AuditAction.DENIED,
                    "portal invitation code refused",
                    invite.isEmpty() ? "DENIED: unknown code" : "DENIED: used, replaced or expired",
                    address);
            throw new InvalidInputException(List.of(new FieldProblem(
                    "code",
                    "This code does not work. It may be mistyped, used already or older than " + INVITE_DAYS
                            + " days. Ask the clinic for a new one.")));
        }
        UUID patientId = invite.get().patientId();
        String existing = jdbc.sql("select username from portal_account where patient_id = ?")
                .param(patientId)
                .query(String.class)
                .optional()
                .orElse(null);
        String name = existing != null
                ? existing
                : username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        List<FieldProblem> problems = new ArrayList<>();
        if (existing == null && !USERNAME.matcher(name).matches()) {
            problems.add(new FieldProblem(
                    "username",
                    "3 to 64 characters: small letters, digits, and . _ @ - (start with a letter or digit)"));
        }
        policy.problem(name, password).ifPresent(p -> problems.add(new FieldProblem("password", p)));
        if (password != null && !password.equals(confirm)) {
            problems.add(new FieldProblem("confirm", "does not match the password"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        try {
            jdbc.sql("""
                    update portal_account set username = ?, password_hash = ?, enabled = true, failed_attempts = 0,
                           locked_until = null, last_failed_at = null, activated_at = coalesce(activated_at, ?)
                    where patient_id = ?""")
                    .params(name, passwords.encode(password), Timestamp.from(clock.instant()), patientId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException(List.of(new FieldProblem("username", "is taken already; choose another")));
        }
        jdbc.sql("update portal_invite set used_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), invite.get().id())
                .update();
        audit.record(
                "patient:" + name,
                "PATIENT",
                patientId,
                AuditAction.UPDATE,
                existing == null ? "portal invitation accepted: account set up" : "portal password reset",
                "OK",
                address);
        return name;
    }

    /** What the portal's sign-in needs (no staff account is ever found here). */
    @Transactional(readOnly = true)
    public Optional<PatientPrincipal> principal(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select a.*, s.given_name, s.family_name from portal_account a
                join patient_summary s on s.patient_id = a.patient_id
                where a.username = ? and a.password_hash is not null""")
                .param(username.strip().toLowerCase(Locale.ROOT))
                .query((rs, n) -> new PatientPrincipal(
                        rs.getObject("id", UUID.class),
                        rs.getObject("patient_id", UUID.class),
                        rs.getString("username"),
                        rs.getString("given_name") + " " + rs.getString("family_name"),
                        rs.getString("password_hash"),
                        rs.getBoolean("enabled"),
                        lockedNow(rs.getTimestamp("locked_until"))))
                .optional();
    }

    /**
     * Counts a failed portal sign-in; at the limit the account is locked for the lockout time (failures older than
     * that are forgotten), exactly as staff sign-in does. Audited; an unknown name is audited too.
     */
    @Transactional
    public boolean recordFailedSignIn(String username, String address) {
        Instant now = clock.instant();
        Instant lockUntil = now.plus(lockoutDuration);
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        record Counted(UUID patientId, int attempts) {}
        Optional<Counted> counted = jdbc.sql("""
                update portal_account set
                       failed_attempts = case when last_failed_at is null or last_failed_at < :expired then 1
                                              else failed_attempts + 1 end,
                       locked_until = case when (case when last_failed_at is null or last_failed_at < :expired
                                                      then 1 else failed_attempts + 1 end) >= :max
                                           then :until else locked_until end,
                       last_failed_at = :now
                where username = :username returning patient_id, failed_attempts""")
                .param("expired", Timestamp.from(now.minus(lockoutDuration)))
                .param("max", maxFailedAttempts)
                .param("until", Timestamp.from(lockUntil))
                .param("now", Timestamp.from(now))
                .param("username", name)
                .query((rs, n) -> new Counted(rs.getObject("patient_id", UUID.class), rs.getInt("failed_attempts")))
                .optional();
        boolean locked = counted.map(c -> c.attempts() >= maxFailedAttempts).orElse(false);
        audit.record(
                "patient:" + name,
                "PATIENT",
                counted.map(Counted::patientId).orElse(null),
                locked ? AuditAction.LOCKED_OUT : AuditAction.SIGN_IN_FAILED,
                counted.isEmpty()
                        ? "portal sign-in with unknown name"
                        : "failed portal sign-in #" + counted.get().attempts(),
                locked ? "LOCKED until " + lockUntil : "FAILED",
                address);
        return locked;
    }

    /** A successful sign-in: failures forgotten, audited. */
    @Transactional
    public void recordSignIn(PatientPrincipal patient, String address) {
        jdbc.sql("""
                update portal_account set failed_attempts = 0, locked_until = null, last_failed_at = null
                where id = ? and (failed_attempts > 0 or locked_until is not null)""").param(patient.accountId()).update();
        audit.record(
                "patient:" + patient.username(),
                "PATIENT",
                patient.patientId(),
                AuditAction.SIGN_IN,
                "portal sign-in",
                "OK",
                address);
    }

    /** The patient's display name for the portal's header (identity only). */
    @Transactional(readOnly = true)
    public String nameOf(UUID patientId) {
        var s = patients.summary(patientId);
        return s.givenName() + " " + s.familyName();
    }

    private record Invite(UUID id, UUID patientId, Instant expiresAt, Instant usedAt) {}

    private Optional<Invite> newestInvite(UUID patientId) {
        return jdbc.sql("select * from portal_invite where patient_id = ? order by issued_at desc, id limit 1")
                .param(patientId)
                .query((rs, n) -> new Invite(
                        rs.getObject("id", UUID.class),
                        rs.getObject("patient_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant(),
                        instant(rs.getTimestamp("used_at"))))
                .optional();
    }

    private Optional<UUID> account(UUID patientId) {
        return jdbc.sql("select id from portal_account where patient_id = ?")
                .param(patientId)
                .query(UUID.class)
                .optional();
    }

    private boolean lockedNow(Timestamp lockedUntil) {
        return lockedUntil != null && lockedUntil.toInstant().isAfter(clock.instant());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Ten characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as XXXXX-XXXXX. */
    static String newCode() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** How a code is shown and printed. */
    public static String display(String code) {
        return code.substring(0, 5) + "-" + code.substring(5);
    }

    static String hash(String code) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For the demo clinic at a restart with RELIEF_DEMO_PASSWORD set: the demo patient's password follows it. */
    @Transactional
    public void setDemoPassword(String username, String rawPassword) {
        jdbc.sql("""
                update portal_account set password_hash = ?, failed_attempts = 0, locked_until = null,
                       last_failed_at = null where username = ?""").params(passwords.encode(rawPassword), username).update();
    }

    /** For the demo clinic: an active account with a known password, audited as the demo's doing. */
    @Transactional
    public void createForDemo(UUID patientId, String username, String rawPassword) {
        jdbc.sql("""
                insert into portal_account (id, patient_id, username, password_hash, created_by, activated_at)
                values (?, ?, ?, ?, 'demo', ?)""")
                .params(
                        UUID.randomUUID(),
                        patientId,
                        username,
                        passwords.encode(rawPassword),
                        Timestamp.from(clock.instant()))
                .update();
        audit.record("demo", "ADMIN", patientId, AuditAction.CREATE, "demo portal account " + username, "OK", null);
    }
}
