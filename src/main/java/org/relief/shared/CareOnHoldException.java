package org.relief.shared;

/**
 * Interventional care is on hold for this patient (an open safety alert or an active hold), so the action that
 * would move them toward it was refused before anything was stored. The refusal is already audited. Answered as
 * 409 Conflict: the request is well formed, the patient's state forbids it.
 */
public class CareOnHoldException extends RuntimeException {

    private final String action;
    private final String hold;

    public CareOnHoldException(String action, String hold) {
        super("Refused: " + action + ". Interventional care is on hold: " + hold + ". Mental health comes first: "
                + "follow up every safety alert, then the physician releases the hold. Nothing was saved.");
        this.action = action;
        this.hold = hold;
    }

    /** What was refused, in words ("sign the plan"). */
    public String action() {
        return action;
    }

    /** The hold and any open alerts, in words. */
    public String hold() {
        return hold;
    }
}
