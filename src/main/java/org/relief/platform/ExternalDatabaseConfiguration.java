package org.relief.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** An external PostgreSQL given by {@code RELIEF_DATABASE_URL} (+ {@code RELIEF_DATABASE_USER} / {@code _PASSWORD}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${relief.database.url:}'.isBlank()")
class ExternalDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(@Value("${relief.database.url}") String url,
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

    /** The audit log's own small pool: see {@link AuditDataSource}. */
    @Bean(name = AuditDataSource.BEAN, destroyMethod = "close")
    DataSource auditDataSource(@Value("${relief.database.url}") String url,
            @Value("${relief.database.user:}") String user,
            @Value("${relief.database.password:}") String password,
            @Value("${relief.database.audit-pool-size:5}") int poolSize) {
        return AuditDataSource.create(url.startsWith("jdbc:") ? url : "jdbc:" + url, user, password, poolSize);
    }
}
