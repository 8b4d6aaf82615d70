package org.relief.fhir.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.careteam.Role;
import org.relief.careteam.StaffDirectory;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for integrations, issued and revoked by the clinic admin. A token is shown once; only its SHA-256 is
 * stored (a token is 256 random bits, so a fast hash is enough: there is nothing to guess by brute force).
 */
@Service
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final StaffDirectory staff;
    private final AuditLog audit;

    ApiTokens(JdbcClient jdbc, StaffDirectory staff, AuditLog audit) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.audit = audit;
    }

    /** A token as the admin's list shows it (never the token itself). */
    public record TokenInfo(
            UUID id,
            String name,
            String scopes,
            String actsAs,
            Instant createdAt,
            String createdBy,
            Instant revokedAt,
            Instant lastUsedAt) {}

    /** A newly issued token: the only moment its value is known. */
    public record Issued(UUID id, String token) {}

    /** Issues a token acting as {@code staffId} with the given scopes ({@code read}, {@code write}). */
    @Transactional
    public Issued issue(Actor admin, String name, Set<String> scopes, UUID staffId) {
        return issueWithValue(admin.username(), name, scopes, staffId, newToken());
    }

    /** For automation: a token whose value is fixed (RELIEF_DEMO_API_TOKEN); issued once, kept on later starts. */
    @Transactional
    public Optional<Issued> ensure(String by, String name, Set<String> scopes, UUID staffId, String value) {
        boolean exists = jdbc.sql("select exists (select 1 from fhir_api_token where token_hash = ?)")
                .param(hash(value))
                .query(Boolean.class)
                .single();
        return exists ? Optional.empty() : Optional.of(issueWithValue(by, name, scopes, staffId, value));
    }

    private Issued issueWithValue(String by, String name, Set<String> scopes, UUID staffId, String value) {
        String n = name == null ? "" : name.strip();
        List<FieldProblem> problems = new java.util.ArrayList<>();
        if (!n.matches("[A-Za-z0-9 ._-]{3,60}")) {
            problems.add(new FieldProblem("name", "3-60 letters, digits, spaces, '.', '_' or '-'"));
        }
        Set<String> s = new LinkedHashSet<>(scopes);
        if (s.isEmpty() || !Set.of(ApiClient.READ, ApiClient.WRITE).containsAll(s)) {
            problems.add(new FieldProblem("scopes", "choose read, write or both"));
        }
        var acting = staffId == null ? Optional.<org.relief.careteam.Staff>empty() : staff.find(staffId);
        if (acting.isEmpty() || !acting.get().enabled() || acting.get().role() == Role.ADMIN) {
            problems.add(new FieldProblem("staffId", "choose an active staff member (not the admin) to act as"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into fhir_api_token (id, name, token_hash, scopes, staff_id, created_by)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, n, hash(value), String.join(" ", s), staffId, by)
                .update();
        audit.record(
                by,
                "ADMIN",
                null,
                AuditAction.ADMIN,
                "issued API token '" + n + "' (" + String.join(" ", s) + ") acting as "
                        + acting.get().username(),
                "OK",
                null);
        return new Issued(id, value);
    }

    @Transactional
    public void revoke(Actor admin, UUID id) {
        int n = jdbc.sql(
                        "update fhir_api_token set revoked_at = now(), revoked_by = ? where id = ? and revoked_at is null")
                .params(admin.username(), id)
                .update();
        audit.record(admin, null, AuditAction.ADMIN, "revoked API token " + id, n == 1 ? "OK" : "NOT FOUND");
    }

    @Transactional(readOnly = true)
    public List<TokenInfo> all() {
        return jdbc.sql("""
                select t.*, s.username from fhir_api_token t join staff s on s.id = t.staff_id
                order by t.revoked_at nulls first, t.created_at desc""")
                .query((rs, i) -> new TokenInfo(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("scopes"),
                        rs.getString("username"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("created_by"),
                        instant(rs.getTimestamp("revoked_at")),
                        instant(rs.getTimestamp("last_used_at"))))
                .list();
    }

    /** The client a presented token stands for: unrevoked, and its staff member still enabled. */
    @Transactional
    public Optional<ApiClient> authenticate(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        Optional<ApiClient> client = jdbc.sql("""
                select t.id, t.name, t.scopes, s.id as staff_id, s.username, s.role
                from fhir_api_token t join staff s on s.id = t.staff_id
                where t.token_hash = ? and t.revoked_at is null and s.enabled""")
                .param(hash(presented.strip()))
                .query((rs, i) -> new ApiClient(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        Set.of(rs.getString("scopes").split(" ")),
                        rs.getObject("staff_id", UUID.class),
                        rs.getString("username"),
                        Role.valueOf(rs.getString("role"))))
                .optional();
        // "last used" helps the admin find stale tokens; a minute's precision spares a write on every request
        client.ifPresent(c -> jdbc.sql("""
                update fhir_api_token set last_used_at = now()
                where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')""").param(c.tokenId()).update());
        return client;
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "rlf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
