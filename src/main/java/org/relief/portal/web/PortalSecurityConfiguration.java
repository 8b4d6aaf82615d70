package org.relief.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.portal.PatientPrincipal;
import org.relief.portal.PortalAccounts;
import org.relief.shared.PatientInPath;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The patient's door, apart from the staff's: its own filter chain for {@code /portal/**} (ahead of the staff chain,
 * so no staff rule or sign-in ever applies there), its own sign-in page and user store (patient accounts only: a staff
 * name is unknown here, and the staff sign-in never finds a patient), its own session key for the security context,
 * CSRF token and saved request (a staff session and a patient session in one browser never see each other), the
 * staff lockout rule on failed sign-ins, and an idle timeout of its own. Every refusal is audited.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    static final String LAST_SEEN = "RELIEF_PORTAL_LAST_SEEN";

    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    @Order(-1)
    SecurityFilterChain portal(
            HttpSecurity http,
            PortalAccounts accounts,
            PasswordEncoder encoder,
            AuditLog audit,
            Clock clock,
            @Value("${relief.portal.idle-timeout:15m}") Duration idle)
            throws Exception {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(username -> accounts.principal(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such portal account")));
        provider.setPasswordEncoder(encoder);
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(PatientPrincipal.SECURITY_CONTEXT_KEY);
        HttpSessionCsrfTokenRepository csrf = new HttpSessionCsrfTokenRepository();
        csrf.setSessionAttributeName("RELIEF_PORTAL_CSRF");
        HttpSessionRequestCache saved = new HttpSessionRequestCache();
        saved.setSessionAttrName("RELIEF_PORTAL_SAVED_REQUEST");
        AccessDeniedHandlerImpl refuse = new AccessDeniedHandlerImpl();
        http.securityMatcher("/portal/**")
                .authenticationManager(new ProviderManager(provider))
                .securityContext(c -> c.securityContextRepository(contexts))
                .csrf(c -> c.csrfTokenRepository(csrf))
                .requestCache(c -> c.requestCache(saved))
                .authorizeHttpRequests(a -> a.requestMatchers("/portal/login", "/portal/welcome")
                        .permitAll()
                        .anyRequest()
                        .hasRole("PATIENT"))
                .formLogin(f -> f.loginPage("/portal/login")
                        .loginProcessingUrl("/portal/login")
                        .successHandler((request, response, auth) -> {
                            if (auth.getPrincipal() instanceof PatientPrincipal p) {
                                accounts.recordSignIn(p, request.getRemoteAddr());
                            }
                            request.getSession().setAttribute(LAST_SEEN, clock.millis());
                            response.sendRedirect(request.getContextPath() + "/portal");
                        })
                        .failureHandler((request, response, e) -> {
                            accounts.recordFailedSignIn(request.getParameter("username"), request.getRemoteAddr());
                            response.sendRedirect(request.getContextPath() + "/portal/login?error");
                        }))
                .logout(l -> l.logoutUrl("/portal/logout")
                        // only the portal's context goes: a staff session in the same browser stays signed in
                        .invalidateHttpSession(false)
                        .addLogoutHandler((request, response, auth) -> {
                            HttpSession session = request.getSession(false);
                            if (session != null) {
                                session.removeAttribute(PatientPrincipal.SECURITY_CONTEXT_KEY);
                                session.removeAttribute(LAST_SEEN);
                            }
                        })
                        .logoutSuccessUrl("/portal/login?signedout"))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    var auth = SecurityContextHolder.getContext().getAuthentication();
                    audit.record(
                            auth == null ? "anonymous" : "patient:" + auth.getName(),
                            "PATIENT",
                            PatientInPath.orNull(request.getRequestURI()),
                            AuditAction.DENIED,
                            "portal " + request.getMethod() + " " + request.getRequestURI(),
                            "DENIED: " + denied.getClass().getSimpleName(),
                            request.getRemoteAddr());
                    refuse.handle(request, response, denied);
                }))
                .addFilterAfter(new IdleTimeout(clock, idle), SecurityContextHolderFilter.class)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * The portal's own idle timeout: a patient session unused for longer is signed out (its context removed) and
     * sent to the sign-in page, whatever the staff session in the same browser does.
     */
    static final class IdleTimeout extends OncePerRequestFilter {

        private final Clock clock;
        private final Duration idle;

        IdleTimeout(Clock clock, Duration idle) {
            this.clock = clock;
            this.idle = idle;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(PatientPrincipal.SECURITY_CONTEXT_KEY) != null) {
                Object seen = session.getAttribute(LAST_SEEN);
                long now = clock.millis();
                if (seen instanceof Long last && now - last > idle.toMillis()) {
                    session.removeAttribute(PatientPrincipal.SECURITY_CONTEXT_KEY);
                    session.removeAttribute(LAST_SEEN);
                    SecurityContextHolder.clearContext();
                    response.sendRedirect(request.getContextPath() + "/portal/login?idle");
                    return;
                }
                session.setAttribute(LAST_SEEN, now);
            }
            chain.doFilter(request, response);
        }
    }
}
