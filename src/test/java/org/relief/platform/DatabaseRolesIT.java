package org.relief.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Issue 10, defect 9: the application's own connection cannot switch off or get around the audit log's append-only
 * trigger, and nobody signs in to the embedded PostgreSQL without a password.
 */
@IntegrationTest
class DatabaseRolesIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    @Qualifier(AuditDataSource.BEAN)
    DataSource auditDataSource;

    @Autowired
    EmbeddedPostgres pg;

    @Test
    void theApplicationsConnectionCannotTamperWithTheAuditLog() throws SQLException {
        for (DataSource ds : new DataSource[] {dataSource, auditDataSource}) {
            try (Connection c = ds.getConnection();
                    Statement s = c.createStatement()) {
                var rs = s.executeQuery(
                        "select current_user, (select rolsuper from pg_roles where rolname = current_user)");
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("relief_app");
                assertThat(rs.getBoolean(2)).isFalse();
                // each in its own transaction, rolled back: a refusal must come from the database, not an aborted
                // transaction
                c.setAutoCommit(false);
                for (String sql : new String[] {
                    "alter table audit_event disable trigger all",
                    "alter table audit_event disable trigger audit_event_append_only",
                    "drop trigger audit_event_append_only on audit_event",
                    "update audit_event set what = 'rewritten' where id = (select max(id) from audit_event)",
                    "delete from audit_event where id = (select max(id) from audit_event)",
                    "truncate audit_event",
                    "alter table audit_event owner to relief_app",
                    "alter role relief_app superuser",
                    "create table sneaky (id int)"
                }) {
                    assertThatThrownBy(() -> s.execute(sql))
                            .as(sql)
                            .isInstanceOf(SQLException.class)
                            .hasMessageMatching("(?s).*(must be owner|permission denied|append-only|must be superuser"
                                    + "|only roles with the SUPERUSER).*");
                    c.rollback();
                }
                c.setAutoCommit(true);
                // reading and appending work as before
                assertThat(s.executeUpdate("insert into audit_event (actor, actor_role, action, what, outcome) "
                                + "values ('test', '-', 'ADMIN', 'DatabaseRolesIT', 'OK')"))
                        .isEqualTo(1);
            }
        }
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("select tgenabled from pg_trigger where tgname = 'audit_event_append_only'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("O");
        }
    }

    @Test
    void noRoleSignsInWithoutItsPassword() {
        for (String user : new String[] {"postgres", "relief_app"}) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setServerNames(new String[] {"localhost"});
            ds.setPortNumbers(new int[] {pg.getPort()});
            ds.setDatabaseName("postgres");
            ds.setUser(user);
            assertThatThrownBy(() -> ds.getConnection().close())
                    .as(user)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            ds.setPassword("not-the-password");
            assertThatThrownBy(() -> ds.getConnection().close())
                    .as(user)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
    }
}
