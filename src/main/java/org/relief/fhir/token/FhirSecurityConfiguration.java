package org.relief.fhir.token;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.fhir.Outcomes;
import org.relief.shared.PatientInPath;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The FHIR door: {@code /fhir/**} takes only {@code Authorization: Bearer <API token>} (no session, no form, no
 * anonymous access; so no CSRF either, as a page cannot forge the header). Reads need the {@code read} scope,
 * writes {@code write}. Refusals are OperationOutcomes, as FHIR clients expect.
 */
@Configuration(proxyBeanMethods = false)
class FhirSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain fhir(HttpSecurity http, ApiTokens tokens, FhirContext fhir, AuditLog audit) throws Exception {
        http.securityMatcher("/fhir/**")
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/fhir/**")
                        .hasAuthority("SCOPE_read")
                        .requestMatchers(HttpMethod.DELETE, "/fhir/**")
                        .hasAuthority("SCOPE_read")
                        // $everything by POST (as generic clients invoke operations) is a read
                        .requestMatchers(HttpMethod.POST, "/fhir/Patient/*/$everything")
                        .hasAuthority("SCOPE_read")
                        .anyRequest()
                        .hasAuthority("SCOPE_write"))
                .addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> {
                            res.setHeader("WWW-Authenticate", "Bearer");
                            write(
                                    res,
                                    401,
                                    fhir,
                                    IssueType.LOGIN,
                                    "Send an API token issued by the clinic admin: Authorization: Bearer <token>");
                        })
                        .accessDeniedHandler((req, res, ex) -> {
                            // refused before any service is reached: audited here, naming the patient the path names
                            String what = req.getMethod() + " " + req.getRequestURI();
                            var auth = SecurityContextHolder.getContext().getAuthentication();
                            if (auth != null && auth.getPrincipal() instanceof ApiClient client) {
                                audit.record(
                                        client.actor(req.getRemoteAddr()),
                                        PatientInPath.orNull(req.getRequestURI()),
                                        AuditAction.DENIED,
                                        what,
                                        "DENIED: the token's scopes (" + String.join(" ", client.scopes())
                                                + ") do not allow it");
                            } else {
                                audit.record(
                                        auth == null ? "anonymous" : auth.getName(),
                                        "-",
                                        PatientInPath.orNull(req.getRequestURI()),
                                        AuditAction.DENIED,
                                        what,
                                        "DENIED",
                                        req.getRemoteAddr());
                            }
                            write(
                                    res,
                                    403,
                                    fhir,
                                    IssueType.FORBIDDEN,
                                    "This token's scopes do not allow " + req.getMethod() + " " + req.getRequestURI());
                        }));
        return http.build();
    }

    private static void write(HttpServletResponse res, int status, FhirContext fhir, IssueType type, String message)
            throws IOException {
        res.setStatus(status);
        res.setContentType("application/fhir+json;charset=UTF-8");
        res.getWriter().write(Outcomes.json(fhir, Outcomes.error(type, message)));
    }

    /** Turns a valid bearer token into the {@link ApiClient} principal with its scopes as authorities. */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final ApiTokens tokens;

        BearerTokenFilter(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                tokens.authenticate(header.substring(7)).ifPresent(client -> {
                    var auth = new UsernamePasswordAuthenticationToken(
                            client,
                            null,
                            client.scopes().stream()
                                    .map(s -> new SimpleGrantedAuthority("SCOPE_" + s))
                                    .toList());
                    SecurityContextHolder.getContext().setAuthentication(auth);
                });
            }
            chain.doFilter(request, response);
        }
    }
}
