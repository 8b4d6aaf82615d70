package org.relief.careteam;

/** Why an actor may open a chart. */
public enum AccessGrant {
    /** On the patient's care team. */
    CARE_TEAM,
    /** Broke the glass with a reason, still within its time. */
    BREAK_GLASS,
    /** The portal's patient opening their own chart (never anyone else's, never by break-glass). */
    SELF
}
