package org.relief.web;

import ca.uhn.fhir.context.FhirContext;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.relief.audit.AuditLog;
import org.relief.careteam.StaffDirectory;
import org.relief.fhir.token.ApiTokens;
import org.relief.shared.Labels;
import org.relief.shared.SaneDates;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A web slice: the named controllers with the application's own web layer and nothing below it (no database, no
 * services; a test declares the services it needs as {@code @MockitoBean}s). {@code @WebMvcTest} scans the
 * {@code @ControllerAdvice}s ({@link BindingDefaults}, {@link ApiErrors}, {@link FrameworkErrors}, {@link PageErrors},
 * {@link LayoutAdvice}) and the {@code WebMvcConfigurer}s ({@link TextInputChecks}, {@link WebConfiguration} with the
 * {@code Actor} argument resolver) by itself; this adds what it would not: the two security filter chains of
 * {@link SecurityConfiguration}, the date limits the binder and Jackson use, and the labels the templates show.
 * The security chains' own collaborators (audit log, API tokens, staff directory) are mocks, so a test can verify
 * that a refusal is audited; so is the FHIR context the FHIR error advice ({@code fhir.web.FhirErrors}) needs.
 *
 * <p>Only for web-layer behaviour: binding, validation, status codes, views, error shapes. What a person meets end
 * to end stays in the real-stack integration tests ({@code support.IntegrationTest}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest
@Import({SecurityConfiguration.class, SaneDates.class, Labels.class})
@MockitoBean(types = {AuditLog.class, ApiTokens.class, StaffDirectory.class, FhirContext.class})
public @interface WebSlice {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
