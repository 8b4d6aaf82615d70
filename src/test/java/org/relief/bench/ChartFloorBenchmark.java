package org.relief.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The ten-year chart's floor (issue 16): the SQL statements that {@code GET /api/patients/{id}} runs for the
 * ten-year-history patient, run alone over JDBC against the same seeded database, beside the chart JSON itself over
 * loopback, one user, warm. Started by {@code bench/chart-floor.sh}, which starts the app and passes the parameters.
 *
 * <ul>
 *   <li>{@code chartSql}: the floor. Exactly the statements one chart JSON request runs (captured with PostgreSQL's
 *       {@code log_statement = all} for one request, 2026-11-28): the guard's two checks, the audit row (on a
 *       connection of its own with auto-commit, as the audit pool writes it), and the reads, in one read-only
 *       transaction. Every row and column is read, as the application reads them.</li>
 *   <li>{@code chartSqlWithSession}: the same plus what the browser session adds to the request (Spring Session
 *       JDBC reads the session before and writes its last access after), as the statement log shows them.</li>
 *   <li>{@code chartJson}: the chart JSON over HTTP with a signed-in session cookie, as the Gatling mix asks it.</li>
 * </ul>
 *
 * If the chart's statements change, capture them again (see BENCHMARKS.md) and change them here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ChartFloorBenchmark {

    @Param("http://127.0.0.1:18080")
    public String baseUrl;

    @Param("")
    public String jdbcUrl;

    @Param("relief_app")
    public String dbUser;

    @Param("")
    public String dbPassword;

    @Param("dr.patel")
    public String username;

    @Param("bench-demo-pass")
    public String password;

    /** The statements of one chart JSON request, in order (the audit insert runs between the access checks and the reads). */
    static final String PATIENT_EXISTS = "select exists (select 1 from patient where id = ?)";

    static final String ON_TEAM = """
            select exists (select 1 from care_team_member
                           where staff_id = ? and patient_id = ? and removed_at is null)""";

    static final String AUDIT = """
            insert into audit_event (actor, actor_role, patient_id, action, what, outcome, address)
            values (?, ?, ?, ?, ?, ?, ?)""";

    static final String[] READS = {
        "select * from patient_summary where patient_id = ?",
        "select * from (select distinct on (entry_id) * from demographics where patient_id = ? order by entry_id, version desc) t where not voided order by recorded_at desc, entry_id",
        "select * from (select distinct on (entry_id) * from referral where patient_id = ? order by entry_id, version desc) t where not voided order by referral_date desc, entry_id",
        "select * from (select distinct on (entry_id) * from problem where patient_id = ? order by entry_id, version desc) t where not voided order by clinical_status, onset_date desc nulls last, entry_id",
        "select * from (select distinct on (entry_id) * from imaging_study where patient_id = ? order by entry_id, version desc) t where not voided order by study_date desc, entry_id",
        "select * from (select distinct on (entry_id) * from prior_treatment where patient_id = ? order by entry_id, version desc) t where not voided order by start_date desc, entry_id",
        "select * from (select distinct on (entry_id) * from medication where patient_id = ? order by entry_id, version desc) t where not voided order by status, name, entry_id",
        "select * from (select distinct on (entry_id) * from allergy where patient_id = ? order by entry_id, version desc) t where not voided order by substance, entry_id",
        "select * from (select distinct on (entry_id) * from encounter where patient_id = ? order by entry_id, version desc) t where not voided order by encounter_date desc, entry_id",
        """
        select m.staff_id, s.username, s.display_name, s.role, m.added_at, m.added_by
        from care_team_member m join staff s on s.id = m.staff_id
        where m.patient_id = ? and m.removed_at is null
        order by s.role, s.display_name""",
        "select step, note, at, by_actor from patient_step where patient_id = ? order by at desc, id desc"
    };

    static final String SESSION_READ = """
            SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL, SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
            FROM SPRING_SESSION S
            LEFT JOIN SPRING_SESSION_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID
            WHERE S.SESSION_ID = ?
            """;

    static final String SESSION_WRITE = """
            UPDATE SPRING_SESSION
            SET SESSION_ID = ?, LAST_ACCESS_TIME = ?, MAX_INACTIVE_INTERVAL = ?, EXPIRY_TIME = ?, PRINCIPAL_NAME = ?
            WHERE PRIMARY_ID = ?
            """;

    private Connection db;
    private Connection auditDb;
    private HttpClient http;
    private HttpRequest chartRequest;
    private UUID patientId;
    private UUID staffId;
    private String sessionId;
    private String sessionPrimaryId;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        db = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
        auditDb = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
        try (PreparedStatement s = db.prepareStatement("select id from staff where username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                staffId = rs.getObject(1, UUID.class);
            }
        }
        // the ten-year-history patient, as bench/run.sh finds it
        try (PreparedStatement s =
                db.prepareStatement("select patient_id from patient_summary where family_name = 'Tenyear' limit 1")) {
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no ten-year-history patient in " + jdbcUrl);
                }
                patientId = rs.getObject(1, UUID.class);
            }
        }
        // sign in through the login form, as the browser (and the Gatling mix) does
        CookieManager cookies = new CookieManager();
        http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String login = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on " + baseUrl + "/login");
        }
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException("sign-in failed: " + signedIn.statusCode() + " " + location);
        }
        String cookie = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("SESSION"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no SESSION cookie after sign-in"))
                .getValue();
        sessionId = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
        try (PreparedStatement s = db.prepareStatement("select primary_id from spring_session where session_id = ?")) {
            s.setString(1, sessionId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                sessionPrimaryId = rs.getString(1);
            }
        }
        chartRequest = HttpRequest.newBuilder(URI.create(baseUrl + "/api/patients/" + patientId))
                .header("Accept", "application/json")
                .build();
        HttpResponse<byte[]> probe = http.send(chartRequest, HttpResponse.BodyHandlers.ofByteArray());
        if (probe.statusCode() != 200) {
            throw new IllegalStateException("chart JSON answered " + probe.statusCode());
        }
        System.out.printf(
                "%nten-year-history patient %s, chart JSON %d bytes, staff %s%n",
                patientId, probe.body().length, staffId);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        db.close();
        auditDb.close();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The floor: the chart's own statements. */
    @Benchmark
    public void chartSql(Blackhole bh) throws SQLException {
        chartStatements(bh);
    }

    /**
     * The floor plus the browser session's statements, in the order the request runs them: one read before, one write
     * after (before issue 16 Spring Session read the session a second time after writing it; see SessionReadOnce).
     */
    @Benchmark
    public void chartSqlWithSession(Blackhole bh) throws SQLException {
        readSession(bh);
        chartStatements(bh);
        writeSession();
    }

    /** The chart JSON over loopback, one user, signed-in session. */
    @Benchmark
    public void chartJson(Blackhole bh) throws Exception {
        HttpResponse<byte[]> response = http.send(chartRequest, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("chart JSON answered " + response.statusCode());
        }
        bh.consume(response.body());
    }

    private void chartStatements(Blackhole bh) throws SQLException {
        db.setAutoCommit(false);
        db.setReadOnly(true);
        try {
            bh.consume(query(db, PATIENT_EXISTS, patientId));
            bh.consume(query(db, ON_TEAM, staffId, patientId));
            try (PreparedStatement s = auditDb.prepareStatement(AUDIT)) {
                s.setString(1, username);
                s.setString(2, "PHYSICIAN");
                s.setObject(3, patientId);
                s.setString(4, "READ");
                s.setString(5, "chart (floor benchmark)");
                s.setString(6, "OK");
                s.setString(7, "127.0.0.1");
                bh.consume(s.executeUpdate());
            }
            for (String read : READS) {
                bh.consume(query(db, read, patientId));
            }
            db.commit();
        } finally {
            db.setReadOnly(false);
            db.setAutoCommit(true);
        }
    }

    private void readSession(Blackhole bh) throws SQLException {
        db.setAutoCommit(false);
        try {
            bh.consume(query(db, SESSION_READ, sessionId));
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
    }

    private void writeSession() throws SQLException {
        db.setAutoCommit(false);
        try (PreparedStatement s = db.prepareStatement(SESSION_WRITE)) {
            long now = Instant.now().toEpochMilli();
            s.setString(1, sessionId);
            s.setLong(2, now);
            s.setInt(3, 900);
            s.setLong(4, now + 900_000);
            s.setString(5, username);
            s.setString(6, sessionPrimaryId);
            s.executeUpdate();
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
    }

    /** Runs one statement and reads every column of every row; returns a checksum for the blackhole. */
    private static long query(Connection c, String sql, Object... params) throws SQLException {
        long sum = 0;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        Object value = rs.getObject(i);
                        sum += value == null ? 0 : value instanceof Timestamp t ? t.getTime() : value.hashCode();
                    }
                }
            }
        }
        return sum;
    }
}
