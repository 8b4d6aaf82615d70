package org.relief.medication;

/**
 * Who prescribed a medication: one of the clinic's staff (by staff id, a UUID as everywhere in the clinic) or someone outside (by name, e.g. the referring
 * primary-care physician).
 *
 * @param ours true when the clinic prescribed it
 * @param staffId the clinic staff member's id when ours, else null
 * @param name the prescriber's name as shown
 */
public record Prescriber(boolean ours, java.util.UUID staffId, String name) {

    public static Prescriber ours(java.util.UUID staffId, String name) {
        return new Prescriber(true, staffId, name);
    }

    public static Prescriber outside(String name) {
        return new Prescriber(false, null, name);
    }
}
