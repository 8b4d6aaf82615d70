package org.relief.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** OperationOutcome documents: what FHIR clients read when something went wrong (or, for imports, what happened). */
public final class Outcomes {

    private Outcomes() {}

    public static OperationOutcome error(IssueType type, String message) {
        OperationOutcome oo = new OperationOutcome();
        oo.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(message);
        return oo;
    }

    public static String json(FhirContext fhir, OperationOutcome oo) {
        return fhir.newJsonParser().encodeResourceToString(oo);
    }
}
