package org.relief.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.relief.portal.PatientPrincipal;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/** The portal's own idle timeout: past it the patient's sign-in is gone, whatever else the session holds. */
class IdleTimeoutTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void aPatientAwayLongerThanTheTimeoutIsSignedOutAndAStaffSignInInTheSameSessionStays() throws Exception {
        MockHttpSession session = session(T0);
        MockHttpServletResponse response = run(session, T0.plus(Duration.ofMinutes(16)));
        assertThat(response.getRedirectedUrl()).isEqualTo("/portal/login?idle");
        assertThat(session.getAttribute(PatientPrincipal.SECURITY_CONTEXT_KEY)).isNull();
        assertThat(session.getAttribute("SPRING_SECURITY_CONTEXT")).isEqualTo("staff");
    }

    @Test
    void aPatientBackWithinTheTimeoutStaysAndTheClockRestarts() throws Exception {
        MockHttpSession session = session(T0);
        MockHttpServletResponse response = run(session, T0.plus(Duration.ofMinutes(14)));
        assertThat(response.getRedirectedUrl()).isNull();
        assertThat(session.getAttribute(PatientPrincipal.SECURITY_CONTEXT_KEY)).isEqualTo("patient");
        assertThat(session.getAttribute(PortalSecurityConfiguration.LAST_SEEN))
                .isEqualTo(T0.plus(Duration.ofMinutes(14)).toEpochMilli());
        assertThat(run(session, T0.plus(Duration.ofMinutes(28))).getRedirectedUrl())
                .isNull();
    }

    private static MockHttpSession session(Instant lastSeen) {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(PatientPrincipal.SECURITY_CONTEXT_KEY, "patient");
        session.setAttribute("SPRING_SECURITY_CONTEXT", "staff");
        session.setAttribute(PortalSecurityConfiguration.LAST_SEEN, lastSeen.toEpochMilli());
        return session;
    }

    private static MockHttpServletResponse run(MockHttpSession session, Instant now) throws Exception {
        var filter =
                new PortalSecurityConfiguration.IdleTimeout(Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(15));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/portal/patients/x");
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
