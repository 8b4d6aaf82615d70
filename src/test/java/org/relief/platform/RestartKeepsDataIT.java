package org.relief.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relief.ReliefApplication;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.Patients;
import org.relief.support.Fixtures;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The default run keeps its data under the data directory: a second start finds every change and seeds nothing. */
class RestartKeepsDataIT {

    @TempDir
    Path dataDir;

    @Test
    void secondStartKeepsEveryChangeAndDoesNotReseed() {
        UUID registered;
        long patientsAfterFirst;
        try (ConfigurableApplicationContext first = start()) {
            Patients patients = first.getBean(Patients.class);
            StaffDirectory staff = first.getBean(StaffDirectory.class);
            registered = patients.register(
                            Fixtures.actor(staff, "desk.miller"),
                            Fixtures.registration(staff.findByUsername("dr.okafor")
                                    .orElseThrow()
                                    .id()))
                    .id();
            patientsAfterFirst = patients.count();
        }
        assertThat(Files.exists(dataDir.resolve("postgres/PG_VERSION"))).isTrue();
        try (ConfigurableApplicationContext second = start()) {
            Patients patients = second.getBean(Patients.class);
            assertThat(patients.count()).isEqualTo(patientsAfterFirst);
            assertThat(patients.summary(registered).familyName()).isEqualTo("Testperson");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ReliefApplication.class)
                .run(
                        "--relief.data-dir=" + dataDir,
                        "--relief.database.embedded.ephemeral=false",
                        "--server.port=0",
                        "--relief.demo.patients=3",
                        "--relief.demo.long-history-patient=false",
                        "--relief.demo.outcomes-patients=false",
                        "--relief.demo.admin-password=restart-admin-pw",
                        "--relief.demo.password=restart-demo-pw",
                        "--logging.level.org.relief=warn");
    }
}
