package org.relief.plan;

import java.util.List;
import org.relief.careteam.Role;

/**
 * A therapy the clinic offers.
 *
 * @param code Relief's code for it
 * @param discipline who delivers it
 * @param cpt CPT codes (from the project's rules reference section 13, or the CPT code set for the common
 *        non-interventional services); empty where none is claimed
 * @param procedureType the rule engine's procedure type when the therapy is an interventional procedure, else null
 * @param bleedingRisk the bleeding-risk category in words (Narouze 2018), or "none" for non-invasive care
 * @param typicalCourse how it usually runs
 * @param whatToExpect a short text for the patient, written for Relief
 */
public record Therapy(
        String code,
        String name,
        String category,
        Role discipline,
        List<String> cpt,
        String procedureType,
        String bleedingRisk,
        String typicalCourse,
        String whatToExpect) {

    /** An interventional procedure (one the rule engine knows), held back while a safety hold is on. */
    public boolean interventional() {
        return procedureType != null;
    }
}
