package org.relief.shared;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The patient a request's path names ({@code /patients/{id}/...}, {@code /api/patients/{id}/...},
 * {@code /fhir/Patient/{id}...}), so that a refusal made before any service is reached (the security filters) can
 * still name the patient in the audit log.
 */
public final class PatientInPath {

    private static final Pattern PATIENT = Pattern.compile(
            "/(?:patients|Patient)/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?:[/?]|$)");

    private PatientInPath() {}

    public static Optional<UUID> of(String path) {
        if (path == null) {
            return Optional.empty();
        }
        var m = PATIENT.matcher(path);
        return m.find() ? Optional.of(UUID.fromString(m.group(1))) : Optional.empty();
    }

    /** The patient named, or null. */
    public static UUID orNull(String path) {
        return of(path).orElse(null);
    }
}
