package org.relief.careteam;

import java.util.Objects;
import java.util.UUID;
import org.relief.audit.Who;

/**
 * Who is acting, passed explicitly from the web edge into every service call (no static lookups of the user).
 *
 * @param staffId the staff member's id
 * @param username the sign-in name, as written to the audit log
 * @param role the role they act in
 * @param address the client address the request came from
 */
public record Actor(UUID staffId, String username, Role role, String address) implements Who {

    public Actor {
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }

    @Override
    public String auditRole() {
        return role.name();
    }

    public boolean isClinician() {
        return role.isClinician();
    }
}
