package org.relief.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.relief.fhir.token.ApiClient;
import org.relief.fhir.token.ApiTokens;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The JSON API also takes the admin-issued API tokens ({@code Authorization: Bearer <token>}), as {@code /fhir}
 * does: one hash and one indexed lookup per request instead of a BCrypt check (issue 10, defect 10). The token acts
 * as its staff member (role, care teams) within its scopes; an unknown or revoked token authenticates nothing, so
 * the request is answered 401.
 */
final class ApiBearerTokenFilter extends OncePerRequestFilter {

    static final String SCOPE_READ = "SCOPE_" + ApiClient.READ;
    static final String SCOPE_WRITE = "SCOPE_" + ApiClient.WRITE;

    private final ApiTokens tokens;

    ApiBearerTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    static boolean presentsBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (presentsBearer(request)) {
            tokens.authenticate(request.getHeader("Authorization").substring(7)).ifPresent(client -> {
                List<GrantedAuthority> authorities = new ArrayList<>();
                client.scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s)));
                // the staff member's role, as a session would have it (tokens never act as the admin)
                authorities.add(
                        new SimpleGrantedAuthority("ROLE_" + client.role().name()));
                if (client.role().isClinician()) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_CLINICIAN"));
                }
                SecurityContextHolder.getContext().setAuthentication(new TokenAuthentication(client, authorities));
            });
        }
        chain.doFilter(request, response);
    }

    /** A request signed with a token: the principal is the {@link ApiClient}; its name, as audited, api:<token name>. */
    static final class TokenAuthentication extends AbstractAuthenticationToken {

        private final ApiClient client;

        TokenAuthentication(ApiClient client, List<GrantedAuthority> authorities) {
            super(authorities);
            this.client = client;
            setAuthenticated(true);
        }

        @Override
        public Object getPrincipal() {
            return client;
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public String getName() {
            return "api:" + client.name();
        }
    }
}
