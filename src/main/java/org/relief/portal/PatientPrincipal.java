package org.relief.portal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A patient signed in to the portal. Kept in the session under the portal's own key
 * ({@link #SECURITY_CONTEXT_KEY}), never under the staff one, so a staff session and a patient session in the same
 * browser never see each other. Serializable because sessions live in the database.
 */
public record PatientPrincipal(
        UUID accountId,
        UUID patientId,
        String username,
        String displayName,
        String passwordHash,
        boolean enabled,
        boolean locked)
        implements UserDetails {

    /** The session attribute the portal keeps its security context under. */
    public static final String SECURITY_CONTEXT_KEY = "RELIEF_PORTAL_SECURITY_CONTEXT";

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_PATIENT"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The actor every portal service call takes: this patient, on their own chart only. */
    public Actor toActor(String address) {
        return Actor.patient(accountId, username, patientId, address);
    }
}
