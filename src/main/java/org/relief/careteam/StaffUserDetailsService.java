package org.relief.careteam;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads staff accounts for Spring Security's form login and HTTP Basic. */
@Service
public class StaffUserDetailsService implements UserDetailsService {

    private final StaffDirectory directory;

    StaffUserDetailsService(StaffDirectory directory) {
        this.directory = directory;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return directory
                .credentials(username)
                .map(c -> new StaffPrincipal(
                        c.staff().id(),
                        c.staff().username(),
                        c.staff().displayName(),
                        c.staff().role(),
                        c.passwordHash(),
                        c.staff().enabled(),
                        c.locked()))
                .orElseThrow(() -> new UsernameNotFoundException("no such staff member"));
    }

    /** The signed-in staff member. Serializable because sessions live in the database. */
    public record StaffPrincipal(
            UUID staffId,
            String username,
            String displayName,
            Role role,
            String passwordHash,
            boolean enabled,
            boolean locked)
            implements UserDetails {

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return role.isClinician()
                    ? List.of(
                            new SimpleGrantedAuthority("ROLE_" + role.name()),
                            new SimpleGrantedAuthority("ROLE_CLINICIAN"))
                    : List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
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

        public Actor toActor(String address) {
            return new Actor(staffId, username, role, address);
        }
    }
}
