package org.relief.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relief.ReliefApplication;
import org.relief.careteam.Staff;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Issue 10, defect 6: without RELIEF_DEMO_PASSWORD each demo staff member gets a password of their own, printed in
 * the start-up banner and nowhere else in the output.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoPasswordsIT {

    @Test
    void eachDemoStaffMemberHasAGeneratedPasswordPrintedOnce(CapturedOutput output) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ReliefApplication.class)
                .run(
                        "--relief.database.embedded.ephemeral=true",
                        "--server.port=0",
                        "--relief.demo.patients=1",
                        "--relief.demo.long-history-patient=false",
                        "--relief.demo.outcomes-patients=false",
                        "--relief.demo.admin-password=",
                        "--relief.demo.password=",
                        "--relief.demo.api-token=")) {
            Map<String, String> printed = new LinkedHashMap<>();
            for (Staff s : DemoClinicGenerator.STAFF) {
                Matcher m = Pattern.compile("(?m)^\\s+" + Pattern.quote(s.username()) + "\\s+(\\S{16,})\\s")
                        .matcher(output.getOut());
                assertThat(m.find()).as(s.username()).isTrue();
                printed.put(s.username(), m.group(1));
            }
            assertThat(printed.values()).doesNotHaveDuplicates();
            Matcher admin = Pattern.compile("admin / (\\S+)").matcher(output.getOut());
            assertThat(admin.find()).isTrue();
            printed.put("admin", admin.group(1));

            PasswordEncoder encoder = app.getBean(PasswordEncoder.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            String all = output.getAll();
            printed.forEach((username, password) -> {
                String hash = jdbc.sql("select password_hash from staff where username = ?")
                        .param(username)
                        .query(String.class)
                        .single();
                assertThat(encoder.matches(password, hash)).as(username).isTrue();
                // in the banner, and nowhere else in the output (logs included)
                assertThat(all.split(Pattern.quote(password), -1)).as(username).hasSize(2);
            });
        }
    }
}
