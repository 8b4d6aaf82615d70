package org.relief.patient.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.patient.Allergy;
import org.relief.patient.Chart;
import org.relief.patient.ChartService;
import org.relief.patient.Demographics;
import org.relief.patient.Encounter;
import org.relief.patient.EntryKind;
import org.relief.patient.ImagingStudy;
import org.relief.patient.Medication;
import org.relief.patient.PatientSummary;
import org.relief.patient.Patients;
import org.relief.patient.Patients.Scope;
import org.relief.patient.PriorTreatment;
import org.relief.patient.Problem;
import org.relief.patient.Referral;
import org.relief.patient.Registration;
import org.relief.record.Versioned;
import org.relief.shared.JsonApi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chart as JSON. Sign in with HTTP Basic (or a browser session). Corrections send the version they edited;
 * a stale version is a 409, and nothing is ever deleted (entries are voided with a reason).
 */
@RestController
@JsonApi
@RequestMapping("/api/patients")
@Tag(name = "Patients and charts")
class PatientApiController {

    private final Patients patients;
    private final ChartService charts;
    private final ChartAccess access;

    PatientApiController(Patients patients, ChartService charts, ChartAccess access) {
        this.patients = patients;
        this.charts = charts;
        this.access = access;
    }

    /** What every correction's operation says besides its summary. */
    private static final String CORRECTION = "Send the version you edited and why; a stale version is a 409";

    /** A correction: the version edited, why, and the new content. */
    record Correction<T>(int version, String reason, T data) {}

    /** A void: the version voided and why. */
    record VoidRequest(int version, String reason) {}

    record BreakGlassRequest(String reason) {}

    record BreakGlassGrant(UUID patientId, Instant expiresAt) {}

    @GetMapping
    @Operation(
            summary = "Search patients by name, date of birth (YYYY-MM-DD) or record number",
            description = "scope MINE (default): patients whose care team you are on; CLINIC: everyone (clinicians)")
    List<PatientSummary> search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "MINE") Scope scope,
            @RequestParam(defaultValue = "50") int limit,
            Actor actor) {
        return patients.search(actor, q, scope, limit);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a referral (front desk or clinician)")
    PatientSummary register(@RequestBody Registration registration, Actor actor) {
        return patients.register(actor, registration);
    }

    @GetMapping("/{id}")
    @Operation(summary = "The whole chart, current versions")
    Chart chart(@PathVariable UUID id, Actor actor) {
        return charts.chart(actor, id);
    }

    @PostMapping("/{id}/break-glass")
    @Operation(summary = "Open a chart outside your care team, with a reason (audited and reported)")
    BreakGlassGrant breakGlass(@PathVariable UUID id, @RequestBody BreakGlassRequest request, Actor actor) {
        return new BreakGlassGrant(id, access.breakGlass(actor, id, request == null ? null : request.reason()));
    }

    @GetMapping("/{id}/{section}")
    @Operation(
            summary = "Current entries of one section: referrals, problems, imaging, treatments, medications, "
                    + "allergies, encounters, demographics")
    List<? extends Versioned<?>> entries(@PathVariable UUID id, @PathVariable String section, Actor actor) {
        return charts.entries(actor, id, kind(section));
    }

    @GetMapping("/{id}/{section}/{entryId}/history")
    @Operation(summary = "Every version of one entry, newest first")
    List<? extends Versioned<?>> history(
            @PathVariable UUID id, @PathVariable String section, @PathVariable UUID entryId, Actor actor) {
        return charts.history(actor, id, kind(section), entryId);
    }

    @PostMapping("/{id}/{section}/{entryId}/void")
    @Operation(summary = "Void a mistaken entry with a reason (it stays readable in its history)")
    Versioned<?> voidEntry(
            @PathVariable UUID id,
            @PathVariable String section,
            @PathVariable UUID entryId,
            @RequestBody VoidRequest request,
            Actor actor) {
        return charts.voidEntry(actor, id, kind(section), entryId, request.version(), request.reason());
    }

    @PostMapping("/{id}/referrals")
    @Operation(summary = "Add a referral to the chart (201, the new entry as version 1)")
    @ResponseStatus(HttpStatus.CREATED)
    Versioned<Referral> addReferral(@PathVariable UUID id, @RequestBody Referral data, Actor actor) {
        return charts.add(actor, id, EntryKind.REFERRAL, data);
    }

    @PostMapping("/{id}/problems")
    @Operation(summary = "Add a problem (ICD-10-CM) to the chart (201, the new entry as version 1)")
    @ResponseStatus(HttpStatus.CREATED)
    Versioned<Problem> addProblem(@PathVariable UUID id, @RequestBody Problem data, Actor actor) {
        return charts.add(actor, id, EntryKind.PROBLEM, data);
    }

    @PostMapping("/{id}/imaging")
    @Operation(summary = "Add an imaging study to the chart (201, the new entry as version 1)")
    @ResponseStatus(HttpStatus.CREATED)
    Versioned<ImagingStudy> addImaging(@PathVariable UUID id, @RequestBody ImagingStudy data, Actor actor) {
        return charts.add(actor, id, EntryKind.IMAGING, data);
    }

    @PostMapping("/{id}/treatments")
    @Operation(summary = "Add a prior treatment to the chart (201, the new entry as version 1)")
    @ResponseStatus(HttpStatus.CREATED)
    Versioned<PriorTreatment> addTreatment(@PathVariable UUID id, @RequestBody PriorTreatment data, Actor actor) {
        return charts.add(actor, id, EntryKind.TREATMENT, data);
    }

    @PostMapping("/{id}/medications")
    @Operation(summary = "Add a medication to the chart (201, the new entry as version 1)")
    @ResponseStatus(HttpStatus.CREATED)
    Versioned<Medication> addMedication(@PathVariable UUID id, @RequestBody Medication data, Actor actor) {
        return charts.add(actor, id, EntryKind.MEDICATION, data);
    }

    @PostMapping("/{id}/allergies")
    @Operation(summary = "Add an allergy to the chart (201, the new entry as version 1)")
    @ResponseStatus(HttpStatus.CREATED)
    Versioned<Allergy> addAllergy(@PathVariable UUID id, @RequestBody Allergy data, Actor actor) {
        return charts.add(actor, id, EntryKind.ALLERGY, data);
    }

    @PostMapping("/{id}/encounters")
    @Operation(summary = "Add an encounter to the chart (201, the new entry as version 1)")
    @ResponseStatus(HttpStatus.CREATED)
    Versioned<Encounter> addEncounter(@PathVariable UUID id, @RequestBody Encounter data, Actor actor) {
        return charts.add(actor, id, EntryKind.ENCOUNTER, data);
    }

    @PutMapping("/{id}/demographics/{entryId}")
    @Operation(
            summary = "Correct the patient's demographics: a new version, the old one kept",
            description = CORRECTION)
    Versioned<Demographics> correctDemographics(
            @PathVariable UUID id, @PathVariable UUID entryId, @RequestBody Correction<Demographics> c, Actor actor) {
        return charts.correct(actor, id, EntryKind.DEMOGRAPHICS, entryId, c.version(), c.data(), c.reason());
    }

    @PutMapping("/{id}/referrals/{entryId}")
    @Operation(summary = "Correct a referral: a new version, the old one kept", description = CORRECTION)
    Versioned<Referral> correctReferral(
            @PathVariable UUID id, @PathVariable UUID entryId, @RequestBody Correction<Referral> c, Actor actor) {
        return charts.correct(actor, id, EntryKind.REFERRAL, entryId, c.version(), c.data(), c.reason());
    }

    @PutMapping("/{id}/problems/{entryId}")
    @Operation(summary = "Correct a problem: a new version, the old one kept", description = CORRECTION)
    Versioned<Problem> correctProblem(
            @PathVariable UUID id, @PathVariable UUID entryId, @RequestBody Correction<Problem> c, Actor actor) {
        return charts.correct(actor, id, EntryKind.PROBLEM, entryId, c.version(), c.data(), c.reason());
    }

    @PutMapping("/{id}/imaging/{entryId}")
    @Operation(summary = "Correct an imaging study: a new version, the old one kept", description = CORRECTION)
    Versioned<ImagingStudy> correctImaging(
            @PathVariable UUID id, @PathVariable UUID entryId, @RequestBody Correction<ImagingStudy> c, Actor actor) {
        return charts.correct(actor, id, EntryKind.IMAGING, entryId, c.version(), c.data(), c.reason());
    }

    @PutMapping("/{id}/treatments/{entryId}")
    @Operation(summary = "Correct a prior treatment: a new version, the old one kept", description = CORRECTION)
    Versioned<PriorTreatment> correctTreatment(
            @PathVariable UUID id, @PathVariable UUID entryId, @RequestBody Correction<PriorTreatment> c, Actor actor) {
        return charts.correct(actor, id, EntryKind.TREATMENT, entryId, c.version(), c.data(), c.reason());
    }

    @PutMapping("/{id}/medications/{entryId}")
    @Operation(summary = "Correct a medication: a new version, the old one kept", description = CORRECTION)
    Versioned<Medication> correctMedication(
            @PathVariable UUID id, @PathVariable UUID entryId, @RequestBody Correction<Medication> c, Actor actor) {
        return charts.correct(actor, id, EntryKind.MEDICATION, entryId, c.version(), c.data(), c.reason());
    }

    @PutMapping("/{id}/allergies/{entryId}")
    @Operation(summary = "Correct an allergy: a new version, the old one kept", description = CORRECTION)
    Versioned<Allergy> correctAllergy(
            @PathVariable UUID id, @PathVariable UUID entryId, @RequestBody Correction<Allergy> c, Actor actor) {
        return charts.correct(actor, id, EntryKind.ALLERGY, entryId, c.version(), c.data(), c.reason());
    }

    @PutMapping("/{id}/encounters/{entryId}")
    @Operation(summary = "Correct an encounter: a new version, the old one kept", description = CORRECTION)
    Versioned<Encounter> correctEncounter(
            @PathVariable UUID id, @PathVariable UUID entryId, @RequestBody Correction<Encounter> c, Actor actor) {
        return charts.correct(actor, id, EntryKind.ENCOUNTER, entryId, c.version(), c.data(), c.reason());
    }

    private EntryKind<?> kind(String slug) {
        return charts.kind(slug);
    }
}
