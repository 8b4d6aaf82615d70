package org.relief.patient;

import java.time.LocalDate;
import java.util.UUID;

/** A patient as lists and search show them. */
public record PatientSummary(UUID id, String mrn, String familyName, String givenName, LocalDate birthDate, Step step) {

    public String displayName() {
        return familyName + ", " + givenName;
    }
}
