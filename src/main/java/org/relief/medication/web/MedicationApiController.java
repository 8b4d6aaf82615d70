package org.relief.medication.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.medication.MedicationForm;
import org.relief.medication.Medications;
import org.relief.medication.MmeCalculator;
import org.relief.medication.SafetyRecordKind;
import org.relief.shared.JsonApi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Structured medications and the opioid safety summary as JSON. The free-text chart medications keep their own
 * resource ({@code /api/patients/{id}/medications}); the structured ones are under {@code .../medications/structured}.
 * Bad input is a 400 naming the field; a role that may not change medications gets a 403, audited.
 */
@RestController
@JsonApi
@RequestMapping("/api/patients/{id}")
@Tag(name = "Medications and opioid safety")
class MedicationApiController {

    private final Medications medications;

    MedicationApiController(Medications medications) {
        this.medications = medications;
    }

    @GetMapping("/medications/structured")
    @Operation(summary = "The patient's structured medications (current and stopped), the sig as data and in words")
    List<Medications.Entry> list(@PathVariable UUID id, Actor actor) {
        return medications.list(actor, id);
    }

    @PostMapping("/medications/structured")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Add a structured medication (prescribers only)",
            description = "The sig is text (\"1 tab q6h prn, max 4/day\"); an unknown ingredient, a strength with no "
                    + "unit, a sig that does not read, a PRN without a maximum or an opioid patch in mg is a 400 naming "
                    + "the field. structures: the free-text chart medication this one replaces in the MME.")
    Medications.Entry add(@PathVariable UUID id, @RequestBody MedicationForm form, Actor actor) {
        return medications.add(actor, id, form);
    }

    /** A stop: the version stopped, the day and why. */
    record StopRequest(Integer version, LocalDate stopDate, String reason) {}

    @PostMapping("/medications/structured/{entryId}/stop")
    @Operation(summary = "Stop a structured medication with a reason (a new version; nothing is deleted)")
    Medications.Entry stop(
            @PathVariable UUID id, @PathVariable UUID entryId, @RequestBody StopRequest stop, Actor actor) {
        return medications.stop(actor, id, entryId, stop.version(), stop.stopDate(), stop.reason());
    }

    /** A correction: the version corrected, why, and the medication as it should read. */
    record CorrectRequest(Integer version, String reason, MedicationForm medication) {}

    @PutMapping("/medications/structured/{entryId}")
    @Operation(
            summary = "Correct a structured medication (a new version; the version you read, and why)",
            description = "A version that is no longer the latest is a 409 and nothing is stored.")
    Medications.Entry correct(
            @PathVariable UUID id, @PathVariable UUID entryId, @RequestBody CorrectRequest r, Actor actor) {
        return medications.correct(actor, id, entryId, r.version(), r.medication(), r.reason());
    }

    /** A void: the version voided and why. */
    record VoidRequest(Integer version, String reason) {}

    @PostMapping("/medications/structured/{entryId}/void")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Void a structured medication entered by mistake (a new version marked void; kept readable)")
    void voidMedication(@PathVariable UUID id, @PathVariable UUID entryId, @RequestBody VoidRequest r, Actor actor) {
        medications.voidMedication(actor, id, entryId, r.version(), r.reason());
    }

    /** A safety record: naloxone offered, PDMP checked (with what was found), urine drug test, agreement. */
    record SafetyRecordRequest(SafetyRecordKind kind, LocalDate onDate, String finding) {}

    @PostMapping("/opioid-safety-records")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record naloxone offered, a PDMP check, a urine drug test or a treatment agreement on file")
    Medications.SafetyRecord record(@PathVariable UUID id, @RequestBody SafetyRecordRequest r, Actor actor) {
        return medications.record(actor, id, r.kind(), r.onDate(), r.finding());
    }

    /** An acknowledgement of a flag that applies now. */
    record AcknowledgeRequest(String code, String reason) {}

    @PostMapping("/opioid-summary/acknowledgements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Acknowledge a flag with a reason (a flag never blocks; it asks for this)")
    Medications.SafetyRecord acknowledge(@PathVariable UUID id, @RequestBody AcknowledgeRequest r, Actor actor) {
        return medications.acknowledge(actor, id, r.code(), r.reason());
    }

    /** One opioid line: its MME/day and factor (null with the reason when not converted or not computable). */
    record MedicationMme(String name, Double mme, BigDecimal factor, String status, String note) {}

    record FlagOut(String code, String text, String source, boolean acknowledged) {}

    /**
     * The summary.
     *
     * @param totalMme MME/day of the counted lines
     * @param complete false when a line is not computable (the total is then a lower bound)
     * @param table the conversion table ("CDC 2022")
     * @param notCountedFreeText free-text medications still to reconcile, not counted
     */
    record OpioidSummary(
            double totalMme,
            boolean complete,
            String table,
            String tableSource,
            List<MedicationMme> medications,
            List<FlagOut> flags,
            int notCountedFreeText) {}

    @GetMapping("/opioid-summary")
    @Operation(summary = "Total daily MME (CDC 2022 table), each opioid's MME and factor, and the flags with sources")
    OpioidSummary summary(@PathVariable UUID id, Actor actor) {
        Medications.Panel panel = medications.panel(actor, id);
        MmeCalculator.Result mme = panel.summary().mme();
        return new OpioidSummary(
                mme.total().setScale(1, RoundingMode.HALF_UP).doubleValue(),
                mme.complete(),
                mme.table(),
                panel.summary().tableSource(),
                mme.lines().stream()
                        .map(l -> new MedicationMme(
                                l.name(), l.mmeValue(), l.factor(), l.status().label(), l.note()))
                        .toList(),
                panel.flags().stream()
                        .map(f -> new FlagOut(
                                f.flag().code(), f.flag().text(), f.flag().source(), f.acknowledgement() != null))
                        .toList(),
                panel.toReconcile());
    }
}
