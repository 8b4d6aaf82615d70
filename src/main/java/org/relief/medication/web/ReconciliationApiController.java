package org.relief.medication.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.medication.Reconciliation;
import org.relief.medication.Reconciliations;
import org.relief.shared.JsonApi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Medication reconciliations as a resource of their own: what is to reconcile, what was reconciled, a new one. */
@RestController
@JsonApi
@RequestMapping("/api/patients/{id}")
@Tag(name = "Medications and opioid safety")
class ReconciliationApiController {

    private final Reconciliations reconciliations;

    ReconciliationApiController(Reconciliations reconciliations) {
        this.reconciliations = reconciliations;
    }

    @GetMapping("/medication-reconciliations")
    @Operation(summary = "The reconciliations done for the patient, newest first, each line with its decision")
    List<Reconciliations.Done> list(@PathVariable UUID id, Actor actor) {
        return reconciliations.list(actor, id);
    }

    @GetMapping("/medication-reconciliations/worklist")
    @Operation(
            summary =
                    "What a reconciliation must decide now: the referral's list (free text, typed or imported) and the "
                            + "current structured list, as a form to complete")
    Reconciliations.Worklist worklist(@PathVariable UUID id, Actor actor) {
        return reconciliations.worklist(actor, id);
    }

    @PostMapping("/medication-reconciliations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Record a reconciliation (prescribers only): every line confirmed, changed or stopped with a reason",
            description = "A free-text line confirmed or changed needs the structured medication; a change or a stop "
                    + "needs a reason. A problem is a 400 naming the field (lines[2].reason); a line changed since it "
                    + "was read is a 409. Nothing is stored unless every line is right.")
    Reconciliations.Done reconcile(@PathVariable UUID id, @RequestBody Reconciliation.Form form, Actor actor) {
        return reconciliations.reconcile(actor, id, form);
    }
}
