package org.relief.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.relief.ReliefApplication;
import org.relief.patient.Patients;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Issue 10, defect 9: a data directory of an earlier version (trusting every local connection) starts and is secured. */
class DatabaseUpgradeIT {

    @TempDir
    Path dataDir;

    @Test
    void anEarlierVersionsDataDirectoryStartsAndThenNeedsPasswords() throws Exception {
        // as earlier versions left it: zonky's cluster, trusting every local connection, with data in it
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir.resolve("postgres"))
                        .setCleanDataDirectory(false)
                        .start();
                var c = earlier.getPostgresDatabase().getConnection()) {
            c.createStatement()
                    .execute("create schema earlier; create table earlier.kept (note text); "
                            + "insert into earlier.kept values ('still here')");
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ReliefApplication.class)
                .run(
                        "--relief.data-dir=" + dataDir,
                        "--relief.database.embedded.ephemeral=false",
                        "--server.port=0",
                        "--relief.demo.patients=2",
                        "--relief.demo.long-history-patient=false",
                        "--relief.demo.outcomes-patients=false",
                        "--relief.demo.admin-password=upgrade-admin-pw",
                        "--relief.demo.password=upgrade-demo-pw",
                        "--logging.level.org.relief=warn")) {
            assertThat(app.getBean(Patients.class).count()).isEqualTo(2);
            int port = app.getBean(EmbeddedPostgres.class).getPort();

            Path file = dataDir.resolve("postgres-credentials.properties");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            Properties credentials = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                credentials.load(r);
            }
            assertThatThrownBy(() -> connect(port, "postgres", null)).isInstanceOf(SQLException.class);
            try (var c = connect(port, "postgres", credentials.getProperty("superuser-password"));
                    var rs = c.createStatement().executeQuery("select note from earlier.kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("still here");
            }
            try (var c = connect(port, "relief_app", credentials.getProperty("app-password"));
                    var s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute("alter table audit_event disable trigger all"))
                        .hasMessageContaining("must be owner");
            }
        }
        // without its credentials file a secured data directory does not start, and says why
        Files.delete(dataDir.resolve("postgres-credentials.properties"));
        assertThatThrownBy(() -> new SpringApplicationBuilder(ReliefApplication.class)
                        .run(
                                "--relief.data-dir=" + dataDir,
                                "--relief.database.embedded.ephemeral=false",
                                "--server.port=0",
                                "--logging.level.org.relief=warn")
                        .close())
                .rootCause()
                .hasMessageContaining("postgres-credentials.properties is missing or incomplete");
    }

    private static java.sql.Connection connect(int port, String user, String password) throws SQLException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName("postgres");
        ds.setUser(user);
        if (password != null) {
            ds.setPassword(password);
        }
        return ds.getConnection();
    }
}
