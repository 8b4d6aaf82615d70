package org.relief.careteam;

import java.util.Objects;
import java.util.UUID;
import org.relief.audit.Who;

/**
 * Who is acting, passed explicitly from the web edge into every service call (no static lookups of the user).
 *
 * @param staffId the staff member's id (for the portal's patient: their portal account's id, which is on no team)
 * @param username the sign-in name, as written to the audit log (the portal's patient: {@code patient:<name>})
 * @param role the role they act in
 * @param address the client address the request came from
 * @param self for the portal's patient ({@link Role#PATIENT}), their own patient id; null for staff
 */
public record Actor(UUID staffId, String username, Role role, String address, UUID self) implements Who {

    public Actor {
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        if ((role == Role.PATIENT) != (self != null)) {
            throw new IllegalArgumentException("a patient actor names their own patient id, and only a patient does");
        }
    }

    /** A staff member (or an API token acting as one). */
    public Actor(UUID staffId, String username, Role role, String address) {
        this(staffId, username, role, address, null);
    }

    /** The portal's patient: signed in with their portal account, acting on their own chart only. */
    public static Actor patient(UUID accountId, String username, UUID patientId, String address) {
        return new Actor(accountId, "patient:" + username, Role.PATIENT, address, Objects.requireNonNull(patientId));
    }

    public boolean isPatient() {
        return role == Role.PATIENT;
    }

    @Override
    public String auditRole() {
        return role.name();
    }

    public boolean isClinician() {
        return role.isClinician();
    }
}
