package org.relief.fhir.token;

import java.util.Set;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.careteam.Role;

/**
 * An integration signed in with an API token. It acts with the access of the staff member the admin chose when
 * issuing the token (their care teams, their role), never more, and only within the token's scopes. In the audit
 * log and on every version it writes it appears as {@code api:<token name>}, so its actions are told apart from
 * the staff member's own.
 */
public record ApiClient(UUID tokenId, String name, Set<String> scopes, UUID staffId, String staffUsername, Role role) {

    public static final String READ = "read";
    public static final String WRITE = "write";

    public Actor actor(String address) {
        return new Actor(staffId, "api:" + name, role, address);
    }
}
