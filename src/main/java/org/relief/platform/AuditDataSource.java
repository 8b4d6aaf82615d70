package org.relief.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * The audit log writes through its own small connection pool, outside the caller's transaction, so that a refused
 * or failed action is still recorded when the caller's transaction rolls back. A second connection from the main
 * pool would deadlock under load: every request holding one main connection and waiting for another.
 */
public final class AuditDataSource {

    /** The bean name the audit module asks for. */
    public static final String BEAN = "auditDataSource";

    private AuditDataSource() {}

    static DataSource create(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null && !user.isBlank()) {
            config.setUsername(user);
        }
        if (password != null && !password.isBlank()) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setAutoCommit(true);
        config.setPoolName("relief-audit");
        return new HikariDataSource(config);
    }
}
