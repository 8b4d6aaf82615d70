package org.relief.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * An external PostgreSQL given by {@code RELIEF_DATABASE_URL} (+ {@code RELIEF_DATABASE_USER} / {@code _PASSWORD}).
 * With {@code RELIEF_DATABASE_MIGRATION_USER} (/ {@code _PASSWORD}) set, Flyway migrates as that role (it owns the
 * tables) and grants the application's role only row access (db/migration/afterMigrate.sql): the application then
 * cannot disable the audit log's append-only trigger. Without it, one role does both (as before).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${relief.database.url:}'.isBlank()")
class ExternalDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(
            @Value("${relief.database.url}") String url,
            @Value("${relief.database.user:}") String user,
            @Value("${relief.database.password:}") String password,
            @Value("${relief.database.pool-size:20}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.startsWith("jdbc:") ? url : "jdbc:" + url);
        if (!user.isBlank()) {
            config.setUsername(user);
        }
        if (!password.isBlank()) {
            config.setPassword(password);
        }
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("relief");
        return new HikariDataSource(config);
    }

    /** Flyway's own connection as the owner role, when one is configured. */
    @Bean
    @FlywayDataSource
    @ConditionalOnExpression("!'${relief.database.migration-user:}'.isBlank()")
    DataSource flywayDataSource(
            @Value("${relief.database.url}") String url,
            @Value("${relief.database.migration-user}") String user,
            @Value("${relief.database.migration-password:}") String password) {
        return new SimpleDriverDataSource(
                new org.postgresql.Driver(), url.startsWith("jdbc:") ? url : "jdbc:" + url, user, password);
    }

    /** The role afterMigrate.sql grants row access to: the application's, when it differs from the owner. */
    @Bean
    FlywayConfigurationCustomizer applicationRoleGrants(
            @Value("${relief.database.user:}") String user,
            @Value("${relief.database.migration-user:}") String migrationUser) {
        String appRole = migrationUser.isBlank() || user.isBlank() || user.equals(migrationUser) ? "" : user;
        return flyway -> flyway.placeholders(java.util.Map.of("relief_app_role", appRole));
    }

    /** The audit log's own small pool: see {@link AuditDataSource}. */
    @Bean(name = AuditDataSource.BEAN, destroyMethod = "close")
    DataSource auditDataSource(
            @Value("${relief.database.url}") String url,
            @Value("${relief.database.user:}") String user,
            @Value("${relief.database.password:}") String password,
            @Value("${relief.database.audit-pool-size:5}") int poolSize) {
        return AuditDataSource.create(url.startsWith("jdbc:") ? url : "jdbc:" + url, user, password, poolSize);
    }
}
