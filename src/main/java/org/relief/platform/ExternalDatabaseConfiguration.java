package org.relief.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** An external PostgreSQL given by {@code RELIEF_DATABASE_URL} (+ {@code RELIEF_DATABASE_USER} / {@code _PASSWORD}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${relief.database.url:}'.isBlank()")
class ExternalDatabaseConfiguration {

    @Bean(destroyMethod = "close")
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
}
