package org.relief.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real (embedded, throw-away) PostgreSQL and a real HTTP port, with the small demo
 * clinic of application-test.yml, and the {@link ClinicFixture} to build test patients with. Every integration test
 * uses exactly this, so Spring starts it once per run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ClinicFixture.class, TransactionProbe.class})
public @interface IntegrationTest {

    String DEMO_PASSWORD = "test-demo-password";
    String ADMIN_PASSWORD = "test-admin-password";
}
