package org.relief.patient;

import java.util.List;

/**
 * Reads a prior treatment against the clinic's therapy catalogue: conservative care or an interventional procedure,
 * and which procedure. The catalogue belongs to the plan module, which implements this; the chart, the candidacy
 * screen and the procedure rules read prior treatments through it, so they classify the same entry the same way.
 */
public interface TreatmentCatalogue {

    /** What kind of care a prior treatment was. */
    enum Kind {
        CONSERVATIVE,
        PROCEDURE
    }

    /**
     * How one prior treatment reads.
     *
     * @param kind conservative care or a procedure
     * @param therapyCode the catalogue therapy it matched, null when none did
     * @param therapyName that therapy's name, null when none matched
     * @param procedureType the procedure rules' type name (e.g. ESI_TRANSFORAMINAL), null when not a procedure the
     *        rules know (a surgery, say)
     * @param matchedBy how it was matched, in words ("therapy code ESI_TF", "CPT 64483", "name 'physical therapy'")
     */
    record Classification(Kind kind, String therapyCode, String therapyName, String procedureType, String matchedBy) {

        public boolean conservative() {
            return kind == Kind.CONSERVATIVE;
        }
    }

    /** A catalogue therapy a person may pick on the prior-treatment form. */
    record Option(String code, String name) {}

    Classification classify(PriorTreatment treatment);

    /** Whether {@code code} is a therapy code of the catalogue. */
    boolean knows(String code);

    List<Option> options();
}
