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

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres pg, @Value("${relief.database.pool-size:20}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("relief-embedded");
        return new HikariDataSource(config);
    }
}
