package org.relief.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.relief.ReliefApplication;
import org.relief.patient.Patients;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** With RELIEF_DATABASE_URL set, Relief starts no database of its own and migrates and uses the one given. */
class ExternalDatabaseIT {

    @Test
    void runsOnThePostgresqlGivenByUrl() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext app = new SpringApplicationBuilder(ReliefApplication.class)
                        .run(
                                "--relief.database.url=jdbc:postgresql://localhost:" + external.getPort() + "/postgres",
                                "--relief.database.user=postgres",
                                "--server.port=0",
                                "--relief.demo.patients=2",
                                "--relief.demo.long-history-patient=false",
                                "--relief.demo.outcomes-patients=false",
                                "--relief.demo.admin-password=external-admin-pw",
                                "--relief.demo.password=external-demo-pw",
                                "--logging.level.org.relief=warn")) {
            assertThat(app.getBeanProvider(EmbeddedPostgres.class).getIfAvailable())
                    .isNull();
            assertThat(app.getBean(Patients.class).count()).isEqualTo(2);
            try (var c = external.getPostgresDatabase().getConnection();
                    var rs = c.createStatement().executeQuery("select count(*) from patient")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2);
            }
        }
    }

    /** The recommended set-up: an owner role migrates, the application's own role only reads and writes rows. */
    @Test
    void withAMigrationRoleTheApplicationsRoleCannotTouchTheAuditTrigger() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            try (var c = external.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("create role relief_web login password 'web-role-password-1234'");
            }
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ReliefApplication.class)
                    .run(
                            "--relief.database.url=jdbc:postgresql://localhost:" + external.getPort() + "/postgres",
                            "--relief.database.user=relief_web",
                            "--relief.database.password=web-role-password-1234",
                            "--relief.database.migration-user=postgres",
                            "--server.port=0",
                            "--relief.demo.patients=2",
                            "--relief.demo.long-history-patient=false",
                            "--relief.demo.outcomes-patients=false",
                            "--relief.demo.admin-password=external-admin-pw",
                            "--relief.demo.password=external-demo-pw",
                            "--logging.level.org.relief=warn")) {
                assertThat(app.getBean(Patients.class).count()).isEqualTo(2);
                try (var c = app.getBean(javax.sql.DataSource.class).getConnection();
                        var s = c.createStatement()) {
                    var rs = s.executeQuery("select current_user, (select tableowner from pg_tables "
                            + "where tablename = 'audit_event')");
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("relief_web");
                    assertThat(rs.getString(2)).isEqualTo("postgres");
                    org.assertj.core.api.Assertions.assertThatThrownBy(
                                    () -> s.execute("alter table audit_event disable trigger all"))
                            .hasMessageContaining("must be owner");
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.execute("truncate audit_event"))
                            .hasMessageContaining("permission denied");
                }
            }
        }
    }
}
