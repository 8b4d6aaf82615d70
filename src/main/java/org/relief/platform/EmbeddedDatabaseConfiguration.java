package org.relief.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Starts a real PostgreSQL (binaries shipped in a Maven artifact) when no external database URL is configured.
 * Data is kept under {@code relief.data-dir} between runs; tests ask for a throw-away directory instead. Two roles:
 * the superuser {@code postgres} (owns the tables; Flyway migrates as it) and {@code relief_app}, as which the
 * application connects; both sign in with generated passwords.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${relief.database.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean
    EmbeddedDatabaseCredentials embeddedDatabaseCredentials(
            @Value("${relief.data-dir:./data}") String dataDir,
            @Value("${relief.database.embedded.ephemeral:false}") boolean ephemeral)
            throws IOException {
        var early = EarlyDatabaseStart.claim(dataDir, ephemeral);
        return early != null ? early.credentials() : credentials(dataDir, ephemeral);
    }

    static EmbeddedDatabaseCredentials credentials(String dataDir, boolean ephemeral) throws IOException {
        return ephemeral
                ? EmbeddedDatabaseCredentials.generate(null)
                : EmbeddedDatabaseCredentials.loadOrGenerate(
                        Path.of(dataDir).toAbsolutePath().normalize().resolve(EmbeddedDatabaseCredentials.FILE));
    }

    /**
     * PostgreSQL on loopback, every connection with a password (issue 10, defect 9). zonky's initdb trusts every
     * local connection; so a new (or pre-1.x) data directory is secured right after its first start: the superuser
     * gets the generated password, the credentials are written (owner-only) beside the data, and pg_hba.conf then
     * asks every connection for its password. Later starts write that pg_hba.conf before PostgreSQL starts.
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${relief.data-dir:./data}") String dataDir,
            @Value("${relief.database.embedded.ephemeral:false}") boolean ephemeral,
            EmbeddedDatabaseCredentials credentials)
            throws IOException {
        var early = EarlyDatabaseStart.claim(dataDir, ephemeral);
        if (early != null && early.credentials() == credentials) {
            return early.postgres(); // started while Spring was still reading its configuration
        }
        return start(dataDir, ephemeral, credentials);
    }

    /** Starts (and, the first time, secures) the embedded PostgreSQL in the data directory. */
    static EmbeddedPostgres start(String dataDir, boolean ephemeral, EmbeddedDatabaseCredentials credentials)
            throws IOException {
        Path dir = ephemeral
                ? Files.createTempDirectory("relief-pg-")
                : Path.of(dataDir, "postgres").toAbsolutePath().normalize();
        Files.createDirectories(dir);
        stopOrphanedServer(dir);
        // secured before = the credentials were stored and the cluster exists (a new cluster starts trusting again)
        boolean secured = credentials.stored() && Files.exists(dir.resolve("postgresql.conf"));
        if (secured) {
            writePasswordOnlyHba(dir);
        } else if (!ephemeral
                && Files.exists(dir.resolve("pg_hba.conf"))
                && Files.readString(dir.resolve("pg_hba.conf")).contains(HBA_MARKER)) {
            throw new IOException("The database in " + dir + " asks for passwords, but "
                    + credentials.file() + " is missing or incomplete: restore that file from the backup of the "
                    + "data directory");
        }
        long started = System.nanoTime();
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(ephemeral)
                // Spring stops PostgreSQL after everything that uses it (a JVM hook of its own would race that)
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("scram_iterations", Integer.toString(SCRAM_ITERATIONS))
                .setServerConfig("fsync", ephemeral ? "off" : "on")
                .setServerConfig("synchronous_commit", ephemeral ? "off" : "on")
                // zonky's own readiness check signs in as the superuser (a trusting cluster ignores the password)
                .setConnectConfig("password", credentials.superuserPassword())
                .start();
        try {
            if (!secured) {
                secure(pg, dir, credentials);
            }
            ensureApplicationRole(pg, credentials);
        } catch (SQLException e) {
            pg.close();
            throw new IOException("could not secure the embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        }
        log.info(
                "Embedded PostgreSQL on port {} with data in {} ({} ms)",
                pg.getPort(),
                dir,
                (System.nanoTime() - started) / 1_000_000);
        return pg;
    }

    /** Sets the superuser's password, stores the credentials, then makes pg_hba.conf ask every connection for one. */
    private static void secure(EmbeddedPostgres pg, Path dir, EmbeddedDatabaseCredentials credentials)
            throws SQLException, IOException {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("alter role postgres with password " + literal(credentials.superuserPassword()));
            credentials.store();
            writePasswordOnlyHba(dir);
            s.execute("select pg_reload_conf()");
        }
        log.info(
                "Embedded PostgreSQL secured: every connection needs a password{}",
                credentials.file() == null ? "" : " (kept in " + credentials.file() + ", readable by its owner only)");
    }

    /**
     * The application's own role: no superuser, owns no table (Flyway creates them as the superuser), so it cannot
     * disable or drop the append-only triggers; its table privileges are granted after each migration (see
     * db/migration/afterMigrate.sql). pg_maintain lets it ANALYZE after the demo's bulk load.
     */
    private static void ensureApplicationRole(EmbeddedPostgres pg, EmbeddedDatabaseCredentials credentials)
            throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + APP_ROLE + "') then "
                    + "create role " + APP_ROLE + "; end if; end $$");
            // re-stored at every start, so a cluster made before has its verifier with the current rounds too
            s.execute("alter role postgres with password " + literal(credentials.superuserPassword()));
            s.execute("alter role " + APP_ROLE + " with login nosuperuser nocreatedb nocreaterole noreplication "
                    + "nobypassrls password " + literal(credentials.appPassword()));
            s.execute("grant pg_maintain to " + APP_ROLE);
            s.execute("revoke create on schema public from " + APP_ROLE);
        }
    }

    static final String APP_ROLE = "relief_app";

    /**
     * PBKDF2 rounds of the stored SCRAM verifiers (PostgreSQL's default is 4096). The rounds slow down guessing a
     * weak password from a stolen verifier; these passwords are 32 random characters (about 190 bits, beyond any
     * guessing) and are kept in plain text beside the verifiers in the data directory, so the rounds protect nothing
     * here, while every new connection paid them twice (client and server: about 60 ms of a core, 25 connections
     * at start). Only the embedded database's generated passwords are affected.
     */
    static final int SCRAM_ITERATIONS = 64;

    private static final String HBA_MARKER = "Written by Relief";

    private static String literal(String password) {
        if (!password.matches("[A-Za-z0-9_-]{16,200}")) {
            throw new IllegalArgumentException("a database password must be 16 to 200 letters, digits, '-' or '_'");
        }
        return "'" + password + "'";
    }

    /** Every connection, over loopback or the local socket, signs in with its password. */
    static void writePasswordOnlyHba(Path dir) throws IOException {
        Files.writeString(dir.resolve("pg_hba.conf"), """
                # %s at every start: every connection needs its role's password (issue 10, defect 9).
                # TYPE  DATABASE  USER  ADDRESS        METHOD
                local   all       all                  scram-sha-256
                host    all       all   127.0.0.1/32   scram-sha-256
                host    all       all   ::1/128        scram-sha-256
                """.formatted(HBA_MARKER));
    }

    /**
     * A Relief that was killed (kill -9, power loss) leaves its PostgreSQL running on the data directory, and the
     * next start would wait in vain for the port. If the server named in postmaster.pid is still alive, it is an
     * orphan (a live Relief would hold the directory's lock, and zonky refuses to share it): ask it to stop quickly
     * and wait for it.
     */
    static void stopOrphanedServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (RuntimeException e) {
            return;
        }
        var process = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (process.isEmpty()) {
            return;
        }
        log.warn(
                "Stopping PostgreSQL (pid {}) left running on {} by an earlier Relief that did not shut down",
                pid,
                dir);
        try {
            // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, write a checkpoint, exit
            new ProcessBuilder("kill", "-INT", Long.toString(pid))
                    .inheritIO()
                    .start()
                    .waitFor();
            process.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the orphaned PostgreSQL " + pid, e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("PostgreSQL " + pid + " still runs on " + dir + "; stop it and start again", e);
        }
    }

    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(
            EmbeddedPostgres pg,
            EmbeddedDatabaseCredentials credentials,
            @Value("${relief.database.pool-size:20}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url(pg) + "?reWriteBatchedInserts=true");
        config.setUsername(APP_ROLE);
        config.setPassword(credentials.appPassword());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("relief-embedded");
        return new HikariDataSource(config);
    }

    /** Flyway migrates as the superuser, who owns the tables; the application never does. */
    @Bean
    @FlywayDataSource
    DataSource flywayDataSource(EmbeddedPostgres pg, EmbeddedDatabaseCredentials credentials) {
        return new SimpleDriverDataSource(
                new org.postgresql.Driver(), url(pg), "postgres", credentials.superuserPassword());
    }

    /** Tells afterMigrate.sql which role to grant the application's privileges to. */
    @Bean
    FlywayConfigurationCustomizer applicationRoleGrants() {
        return flyway -> flyway.placeholders(java.util.Map.of("relief_app_role", APP_ROLE));
    }

    /** The audit log's own small pool: see {@link AuditDataSource}. */
    @Bean(name = AuditDataSource.BEAN, destroyMethod = "close")
    DataSource auditDataSource(
            EmbeddedPostgres pg,
            EmbeddedDatabaseCredentials credentials,
            @Value("${relief.database.audit-pool-size:5}") int poolSize) {
        return AuditDataSource.create(url(pg), APP_ROLE, credentials.appPassword(), poolSize);
    }

    private static String url(EmbeddedPostgres pg) {
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
    }
}
