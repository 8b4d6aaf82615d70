package org.relief.procedure;

import org.relief.careteam.Permission;
import org.relief.patient.EntryKind;
import org.relief.procedure.Documentation.FollowUp;
import org.relief.procedure.Documentation.Performed;

/** The procedure module's chart entry kinds: the physician documents procedures, clinicians record follow-ups. */
public final class ProcedureKinds {

    public static final EntryKind<Performed> PERFORMED = EntryKind.define("procedures", "Procedure performed",
            Performed.class, "procedure_record", "performed_on desc",
            Permission.DOCUMENT_PROCEDURE, null, "procedures");
    public static final EntryKind<FollowUp> FOLLOW_UP = EntryKind.define("procedure-followups",
            "Procedure follow-up", FollowUp.class, "procedure_followup", "followed_up_on",
            Permission.RECORD_PROCEDURE_FOLLOW_UP, null, "procedures");

    private ProcedureKinds() {
    }

    static void load() {
        // referencing the class defines the kinds
    }
}
