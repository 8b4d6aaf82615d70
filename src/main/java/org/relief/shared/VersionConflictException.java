package org.relief.shared;

import java.util.UUID;

/** Someone else changed the entry since the caller read it; the caller's change was not saved. */
public class VersionConflictException extends RuntimeException {

    private final UUID entryId;
    private final int expectedVersion;
    private final int currentVersion;
    private final String changedBy;
    private final String field;

    public VersionConflictException(UUID entryId, int expectedVersion, int currentVersion, String changedBy) {
        this(entryId, expectedVersion, currentVersion, changedBy, null);
    }

    /** The same conflict on one named field of a form (a policy value's key): the answer names it. */
    public VersionConflictException(
            UUID entryId, int expectedVersion, int currentVersion, String changedBy, String field) {
        super((field == null ? "This entry" : "The value of " + field) + " was changed by " + changedBy
                + " (now version "
                + currentVersion + ") after you opened version " + expectedVersion + ". Your change was not saved; "
                + "review the current version and apply your change again.");
        this.entryId = entryId;
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
        this.changedBy = changedBy;
        this.field = field;
    }

    /** The field the conflict is on, or null when it is on the whole entry. */
    public String field() {
        return field;
    }

    public UUID entryId() {
        return entryId;
    }

    public int expectedVersion() {
        return expectedVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public String changedBy() {
        return changedBy;
    }
}
