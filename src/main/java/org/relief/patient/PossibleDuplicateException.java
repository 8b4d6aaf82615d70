package org.relief.patient;

import java.util.List;

/**
 * A new referral looks like a patient the clinic already has (same family name, given name and date of birth, or the
 * same record number from the same referring practice). Nothing was registered; the registrant sees the existing
 * record(s) and either opens one or confirms that this is a different person.
 */
public class PossibleDuplicateException extends RuntimeException {

    private final transient List<PatientSummary> candidates;

    public PossibleDuplicateException(List<PatientSummary> candidates) {
        super("Possible duplicate of "
                + candidates.stream().map(PatientSummary::mrn).toList());
        this.candidates = List.copyOf(candidates);
    }

    public List<PatientSummary> candidates() {
        return candidates;
    }
}
