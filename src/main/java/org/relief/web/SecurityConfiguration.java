package org.relief.web;

import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.StaffDirectory;
import org.relief.careteam.StaffUserDetailsService.StaffPrincipal;
import org.relief.fhir.token.ApiClient;
import org.relief.fhir.token.ApiTokens;
import org.relief.shared.PatientInPath;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;

/**
 * Two doors. The JSON API ({@code /api/**}) takes an admin-issued API token ({@code Authorization: Bearer}; read
 * scope for GET, write scope for the rest), HTTP Basic (for trying things out: no session is created for it) or the
 * browser's signed-in session (then writes need the CSRF token), and answers 401 rather than redirecting; refusals
 * are audited. The web UI uses form login, a session stored in the database (15 minutes idle), CSRF on every form.
 * Both count failed sign-ins toward the lockout.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final java.util.Set<String> READ_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS");

    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /**
     * No Micrometer observation around each security filter, authentication and authorization: nothing reads them
     * (no metrics or tracing endpoint is exposed), and wrapping each of the chain's filters in two observations on
     * every request was a tenth of the chart JSON's CPU in the profile (issue 16).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, AuditLog audit) throws Exception {
        AccessDeniedHandlerImpl refuse = new AccessDeniedHandlerImpl();
        http.securityMatcher("/api/**")
                // the API's documentation is public (the page's assets too: springdoc serves them from
                // /api/swagger-ui/, and without them the page asked a signed-out visitor for a password)
                .authorizeHttpRequests(
                        a -> a.requestMatchers("/api/openapi/**", "/api/docs/**", "/api/docs", "/api/swagger-ui/**")
                                .permitAll()
                                .requestMatchers("/api/admin/**")
                                .hasRole("ADMIN")
                                // an API token: reads need its read scope, everything else its write scope
                                .requestMatchers(r ->
                                        ApiBearerTokenFilter.presentsBearer(r) && READ_METHODS.contains(r.getMethod()))
                                .hasAuthority(ApiBearerTokenFilter.SCOPE_READ)
                                .requestMatchers(ApiBearerTokenFilter::presentsBearer)
                                .hasAuthority(ApiBearerTokenFilter.SCOPE_WRITE)
                                .anyRequest()
                                .authenticated())
                .addFilterBefore(new ApiBearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                // HTTP Basic is for trying the API out (BCrypt, remembered a while once matched); integrations use
                // tokens
                .httpBasic(Customizer.withDefaults())
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    var auth = SecurityContextHolder.getContext().getAuthentication();
                    String who = auth == null ? "-" : auth.getName();
                    String role = auth != null && auth.getPrincipal() instanceof ApiClient c
                            ? c.role().name()
                            : auth != null && auth.getPrincipal() instanceof StaffPrincipal p
                                    ? p.role().name()
                                    : "-";
                    audit.record(
                            who,
                            role,
                            PatientInPath.orNull(request.getRequestURI()),
                            AuditAction.DENIED,
                            request.getMethod() + " "
                                    + request.getRequestURI() + " refused: "
                                    + (auth != null && auth.getPrincipal() instanceof ApiClient c
                                            ? "the token's scopes (" + String.join(" ", c.scopes())
                                                    + ") do not allow it"
                                            : "not allowed"),
                            "DENIED",
                            request.getRemoteAddr());
                    refuse.handle(request, response, denied);
                }))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // a signed-in browser session may call the API too; then writes need the CSRF token like forms do.
                // Requests that carry their own credentials (Authorization header) cannot be forged by a page.
                .csrf(c -> c.requireCsrfProtectionMatcher(
                        r -> !SAFE_METHODS.contains(r.getMethod()) && r.getHeader("Authorization") == null))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, AuditLog audit) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers(
                                "/login",
                                "/error",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/actuator/health",
                                "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .formLogin(
                        f -> f.loginPage("/login").defaultSuccessUrl("/", true).failureUrl("/login?error"))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedout"))
                .exceptionHandling(e -> e.accessDeniedHandler(new AuditedAccessDenied(audit)))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .xssProtection(x -> x.headerValue(XXssProtectionHeaderWriter.HeaderValue.DISABLED)));
        return http.build();
    }

    /** Counts failures (and locks at the limit) and resets them on success; both are audited. */
    @Configuration(proxyBeanMethods = false)
    static class SignInAuditing {

        private final StaffDirectory directory;

        SignInAuditing(StaffDirectory directory) {
            this.directory = directory;
        }

        @EventListener
        void failed(AbstractAuthenticationFailureEvent event) {
            directory.recordFailedSignIn(
                    String.valueOf(event.getAuthentication().getName()),
                    address(event.getAuthentication().getDetails()));
        }

        /**
         * Any successful password check (HTTP Basic on the API too) clears the failed attempts, so a client that
         * authenticates on every call is not locked out by failures it already recovered from.
         */
        @EventListener
        void authenticated(AuthenticationSuccessEvent event) {
            if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal p) {
                directory.clearFailedSignIns(p.username());
            }
        }

        /** Interactive = form sign-in; HTTP Basic authenticates every API call and is not logged as a sign-in. */
        @EventListener
        void succeeded(InteractiveAuthenticationSuccessEvent event) {
            if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal p) {
                directory.recordSuccessfulSignIn(
                        p.username(),
                        p.role().name(),
                        address(event.getAuthentication().getDetails()));
            }
        }

        private static String address(Object details) {
            return details instanceof WebAuthenticationDetails w ? w.getRemoteAddress() : null;
        }
    }
}
