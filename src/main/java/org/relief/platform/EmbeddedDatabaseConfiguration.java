package org.relief.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Starts a real PostgreSQL (binaries shipped in a Maven artifact) when no external database URL is configured.
 * Data is kept under {@code relief.data-dir} between runs; tests ask for a throw-away directory instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${relief.database.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${relief.data-dir:./data}") String dataDir,
            @Value("${relief.database.embedded.ephemeral:false}") boolean ephemeral) throws IOException {
        Path dir = ephemeral
                ? Files.createTempDirectory("relief-pg-")
                : Path.of(dataDir, "postgres").toAbsolutePath().normalize();
        Files.createDirectories(dir);
        stopOrphanedServer(dir);
        long started = System.nanoTime();
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(ephemeral)
                // Spring stops PostgreSQL after everything that uses it (a JVM hook of its own would race that)
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("fsync", ephemeral ? "off" : "on")
                .setServerConfig("synchronous_commit", ephemeral ? "off" : "on")
                .start();
        log.info("Embedded PostgreSQL on port {} with data in {} ({} ms)", pg.getPort(), dir,
                (System.nanoTime() - started) / 1_000_000);
        return pg;
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
        var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (process.isEmpty()) {
            return;
        }
        log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier Relief that did not shut down",
                pid, dir);
        try {
            // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, write a checkpoint, exit
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
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
    DataSource dataSource(EmbeddedPostgres pg, @Value("${relief.database.pool-size:20}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("relief-embedded");
        return new HikariDataSource(config);
    }

    /** The audit log's own small pool: see {@link AuditDataSource}. */
    @Bean(name = AuditDataSource.BEAN, destroyMethod = "close")
    DataSource auditDataSource(EmbeddedPostgres pg, @Value("${relief.database.audit-pool-size:5}") int poolSize) {
        return AuditDataSource.create(pg.getJdbcUrl("postgres", "postgres"), null, null, poolSize);
    }
}
