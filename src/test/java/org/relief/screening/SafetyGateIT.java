package org.relief.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.assessment.Assessments;
import org.relief.assessment.SafetyFlag;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditEvent;
import org.relief.audit.AuditLog;
import org.relief.audit.AuditQuery;
import org.relief.careteam.Actor;
import org.relief.careteam.CareTeams;
import org.relief.careteam.StaffDirectory;
import org.relief.evaluation.EvaluationKinds;
import org.relief.evaluation.Evaluations;
import org.relief.evaluation.Findings;
import org.relief.patient.ChartService;
import org.relief.patient.Patients;
import org.relief.patient.Step;
import org.relief.plan.PlanVersion;
import org.relief.plan.Plans;
import org.relief.procedure.Orders;
import org.relief.procedure.ProcedureOrder;
import org.relief.procedure.rules.Decision;
import org.relief.procedure.rules.Facts;
import org.relief.procedure.rules.ProcedureType;
import org.relief.screening.SafetyProtocol.RiskLevel;
import org.relief.shared.CareOnHoldException;
import org.relief.shared.ForbiddenException;
import org.relief.support.ClinicFixture;
import org.relief.support.Fixtures;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The safety gate has no side doors: while a safety alert is open or a hold is on, every route that would move
 * the patient toward interventional care is refused (409, audited DENIED, nothing stored), and the door to mental
 * health stays open.
 */
@IntegrationTest
class SafetyGateIT {

    @LocalServerPort
    int port;

    @Autowired
    Patients patients;

    @Autowired
    ClinicFixture fixture;

    @Autowired
    ChartService charts;

    @Autowired
    StaffDirectory staff;

    @Autowired
    CareTeams teams;

    @Autowired
    SafetyProtocol safety;

    @Autowired
    Assessments assessments;

    @Autowired
    Evaluations evaluations;

    @Autowired
    Plans plans;

    @Autowired
    Orders orders;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    Actor physician;
    Actor therapist;
    Actor pt;

    @BeforeEach
    void setUp() {
        physician = Fixtures.actor(staff, "dr.patel");
        therapist = Fixtures.actor(staff, "mh.brooks");
        pt = Fixtures.actor(staff, "pt.garcia");
    }

    @Autowired
    SafetyGate gate;

    @Test
    void theHoldIsTheActiveHoldWithTheOpenAlertsOrTheOldestOpenAlert() {
        UUID id = patients.register(Fixtures.actor(staff, "desk.miller"), Fixtures.registration(physician.staffId()))
                .id();
        teams.add(id, therapist.staffId(), "test");
        assertThat(gate.held(id)).isEmpty();

        // a report: an alert and a hold
        safety.report(physician, id, SafetyFlag.Concern.SUICIDAL_IDEATION, "Said they want to die");
        var held = gate.held(id).orElseThrow();
        assertThat(held.reason()).contains("Safety alert");
        assertThat(held.openAlerts()).isEqualTo(1);
        Instant placed = jdbc.sql("select placed_at from care_hold where patient_id = ?")
                .param(id)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        assertThat(held.since()).isEqualTo(placed);

        // followed up: the hold stays, no alert open
        UUID alert = safety.status(physician, id).alerts().get(0).id();
        safety.followUp(therapist, id, alert, RiskLevel.LOW, "Seen the same day; safety plan written; no intent");
        assertThat(gate.held(id).orElseThrow())
                .satisfies(h -> assertThat(h.reason()).isEqualTo(held.reason()))
                .satisfies(h -> assertThat(h.openAlerts()).isZero());

        // released: nothing holds care
        safety.releaseHold(physician, id, "Psychiatry confirms stability; interventional care may resume");
        assertThat(gate.held(id)).isEmpty();

        // an open alert without a hold (as stored before holds existed): held since the oldest open alert
        Instant older = Instant.parse("2026-01-05T10:00:00Z");
        for (Instant raised : List.of(Instant.parse("2026-02-01T10:00:00Z"), older)) {
            jdbc.sql("""
                            insert into safety_alert (id, patient_id, concern, risk, trigger_kind, detail, raised_at, raised_by)
                            values (?, ?, 'SUICIDAL_IDEATION', 'HIGH', 'CLINICIAN_NOTE', 'test', ?, 'test')""")
                    .params(UUID.randomUUID(), id, java.sql.Timestamp.from(raised))
                    .update();
        }
        assertThat(gate.held(id).orElseThrow()).isEqualTo(new SafetyGate.Held(null, older, 2));
    }

    @Test
    void anAlertMovesThePatientToDeferredToMentalHealthInTheSameTransaction() {
        UUID id = patients.register(Fixtures.actor(staff, "desk.miller"), Fixtures.registration(physician.staffId()))
                .id();
        teams.add(id, therapist.staffId(), "test");
        assertThat(patients.summary(id).step()).isEqualTo(Step.REFERRED);

        assessments.record(therapist, id, "PHQ9", LocalDate.now(), phq9(1, 1));

        assertThat(patients.summary(id).step()).isEqualTo(Step.DEFERRED_MENTAL_HEALTH);
        var latest = charts.chart(physician, id).steps().get(0);
        assertThat(latest.step()).isEqualTo(Step.DEFERRED_MENTAL_HEALTH);
        assertThat(latest.note())
                .contains("Safety alert")
                .contains("suicidal ideation")
                .contains("PHQ-9 item 9")
                .contains("mental health first");
        assertThat(latest.by()).isEqualTo("mh.brooks");

        // a clinician's report on a patient further along moves them back too
        UUID onPlan = patients.register(
                        Fixtures.actor(staff, "desk.miller"), Fixtures.registration(physician.staffId()))
                .id();
        patients.changeStep(physician, onPlan, Step.ON_PLAN, "test");
        safety.report(physician, onPlan, SafetyFlag.Concern.PSYCHOSIS, "Disorganised speech in clinic today");
        assertThat(patients.summary(onPlan).step()).isEqualTo(Step.DEFERRED_MENTAL_HEALTH);
        assertThat(charts.chart(physician, onPlan).steps().get(0).note())
                .contains("psychosis")
                .contains("a clinician's report");

        // a discharged patient stays discharged; the alert and the hold apply all the same
        UUID discharged = patients.register(
                        Fixtures.actor(staff, "desk.miller"), Fixtures.registration(physician.staffId()))
                .id();
        patients.changeStep(physician, discharged, Step.DISCHARGED, "test");
        safety.report(physician, discharged, SafetyFlag.Concern.SUICIDAL_IDEATION, "Said they want to die");
        assertThat(patients.summary(discharged).step()).isEqualTo(Step.DISCHARGED);
        assertThat(safety.isOnHold(discharged)).isTrue();
    }

    @Test
    void everyRouteThatWouldMoveAHeldPatientOnIsRefusedAndTheMentalHealthDoorStaysOpen() {
        // a patient ready for everything: evaluation with a confirmed diagnosis, an ESI order that may go ahead,
        // a blocked one, and a proposed plan with an ESI
        UUID id = fixture.patient().readyForLumbarEsi().create();
        teams.add(id, therapist.staffId(), "test");
        UUID episode = evaluations.start(physician, id);
        charts.add(
                physician,
                id,
                EvaluationKinds.DIAGNOSIS,
                new Findings.Diagnosis(
                        episode, "M54.16", "Radiculopathy, lumbar region", Findings.Certainty.CONFIRMED));
        ProcedureOrder mayProceed =
                orders.order(physician, id, esi(LocalDate.now().plusDays(30)));
        assertThat(mayProceed.mayProceed())
                .as("set-up: an order that may go ahead")
                .isTrue();
        ProcedureOrder blocked = orders.order(physician, id, esi(LocalDate.now().plusDays(1)));
        assertThat(blocked.decision()).as("set-up: a blocked order (interval)").isEqualTo(Decision.BLOCK);
        PlanVersion withEsi = plans.propose(
                physician, id, goals(), List.of(therapy("ESI_TF", physician), therapy("CBT", therapist)), null, 0);

        safety.report(therapist, id, SafetyFlag.Concern.SUICIDAL_IDEATION, "Disclosed thoughts of ending their life");
        assertThat(patients.summary(id).step()).isEqualTo(Step.DEFERRED_MENTAL_HEALTH);

        Http doctor = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        Http brooks = Http.session(port, "mh.brooks", IntegrationTest.DEMO_PASSWORD);
        Http api = Http.basic(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        String p = "/patients/" + id;
        String today = LocalDate.now().toString();

        // the chart's "Move to" control, to every step toward care
        for (Step toward : List.of(Step.REFERRED, Step.IN_EVALUATION, Step.PLANNING, Step.ON_PLAN)) {
            refused(
                    id,
                    "move the patient to \"" + toward.label() + "\"",
                    () -> doctor.postForm(p + "/step", Map.of("step", toward.name(), "note", "ready")));
        }
        // the step control offers only what the gate allows
        assertThat(doctor.get(p).body()).contains("id=\"steps-held\"").doesNotContain("<option value=\"ON_PLAN\"");
        // the procedures page says so before anything is typed
        assertThat(doctor.get(p + "/procedures").body()).contains("id=\"order-on-hold\"");
        // the evaluation's sign-off to planning (the page says why its button is off)
        assertThat(doctor.get(p + "/evaluation").body()).contains("id=\"evaluation-held\"");
        refused(id, "sign the evaluation", () -> doctor.postForm(p + "/evaluation/" + episode + "/sign", Map.of()));
        // a psychological evaluation recorded as cleared while the alert is open (either kind of clearance)
        refused(
                id,
                "record the psychological evaluation as cleared",
                () -> brooks.postForm(
                        p + "/psych-evaluations",
                        Map.of("episodeId", episode.toString(), "evaluatedOn", today, "conclusion", "CLEARED")));
        refused(
                id,
                "cleared with conditions",
                () -> brooks.postForm(
                        p + "/psych-evaluations",
                        Map.of(
                                "episodeId",
                                episode.toString(),
                                "evaluatedOn",
                                today,
                                "conclusion",
                                "CLEARED_WITH_CONDITIONS",
                                "conditions",
                                "weekly therapy")));
        // plan sign-off with an interventional therapy, and a new version proposing one
        refused(
                id,
                "sign plan version 1 with interventional therapy",
                () -> doctor.postForm(p + "/plan/" + withEsi.id() + "/sign", Map.of()));
        refused(
                id,
                "propose a plan with interventional therapy",
                () -> doctor.postForm(p + "/plan", planForm("RFA", physician, "ablation instead")));
        // procedure orders: the HTML form and the JSON API; an override of a block placed before the hold
        HttpResponse<String> page = refused(
                id,
                "order epidural",
                () -> doctor.postForm(
                        p + "/procedures/orders",
                        Map.of(
                                "type",
                                "ESI_TRANSFORAMINAL",
                                "region",
                                "LUMBAR",
                                "side",
                                "LEFT",
                                "levels",
                                "1",
                                "plannedDate",
                                LocalDate.now().plusDays(30).toString(),
                                "indication",
                                "RADICULOPATHY",
                                "steroidMg",
                                "60",
                                "imageGuidance",
                                "on")));
        assertThat(page.body())
                .as("the refusal shows in the order page, the typed order kept")
                .contains("id=\"order-hold\"")
                .contains("value=\"60\"");
        HttpResponse<String> json = refused(
                id,
                "order epidural",
                () -> api.postJson("/api/patients/" + id + "/procedure-orders", """
                {"type": "ESI_TRANSFORAMINAL", "region": "LUMBAR", "side": "LEFT", "levels": 1,
                 "plannedDate": "%s", "indication": "RADICULOPATHY", "steroidMg": 60,
                 "particulateSteroid": false, "imageGuidance": true, "bleedingRiskFactors": false}""".formatted(
                                LocalDate.now().plusDays(30))));
        assertThat(json.body())
                .contains("\"title\":\"Interventional care is on hold\"")
                .contains("\"hold\":");
        refused(
                id,
                "override the BLOCK",
                () -> api.postJson(
                        "/api/patients/" + id + "/procedure-orders/" + blocked.id() + "/override",
                        "{\"reason\": \"I judge the benefit worth the risk\"}"));
        // documenting a procedure performed here: without an order, and under an order but during the hold
        refused(id, "without an order", () -> doctor.postForm(p + "/procedures", performedForm(null, today)));
        refused(
                id,
                "on or after the day the hold began",
                () -> doctor.postForm(p + "/procedures", performedForm(mayProceed.id(), today)));
        // the physician's candidacy call "candidate"
        refused(
                id,
                "call the patient a candidate",
                () -> doctor.postForm(
                        p + "/candidacy/call",
                        Map.of("finalCall", "CANDIDATE", "reason", "I judge the patient ready now")));
        // and the services themselves, whatever the caller
        assertThatThrownBy(() -> patients.changeStep(physician, id, Step.PLANNING, "service call"))
                .isInstanceOf(CareOnHoldException.class);
        assertThatThrownBy(() -> evaluations.sign(physician, id, episode)).isInstanceOf(CareOnHoldException.class);
        assertThatThrownBy(() -> orders.order(physician, id, esi(LocalDate.now().plusDays(30))))
                .isInstanceOf(CareOnHoldException.class);
        // the rules still say it as a second line, without storing anything
        assertThat(orders.check(physician, id, esi(LocalDate.now().plusDays(30)))
                        .outcomes())
                .anyMatch(o -> o.rule().equals("Safety hold") && o.decision() == Decision.BLOCK);

        // the door to mental health stays open: facts, mental health work, and moves back or out
        assertThat(brooks.postForm(
                                p + "/psych-evaluations",
                                Map.of(
                                        "episodeId",
                                        episode.toString(),
                                        "evaluatedOn",
                                        today,
                                        "conclusion",
                                        "NOT_CLEARED"))
                        .statusCode())
                .isEqualTo(302);
        var notCleared = charts.entries(therapist, id, EvaluationKinds.PSYCH).get(0);
        assertThatThrownBy(() -> charts.correct(
                        therapist,
                        id,
                        EvaluationKinds.PSYCH,
                        notCleared.entryId(),
                        notCleared.version(),
                        new Findings.PsychEvaluation(episode, LocalDate.now(), Findings.Clearance.CLEARED, null),
                        "changed my mind"))
                .as("a correction to cleared is refused too")
                .isInstanceOf(CareOnHoldException.class);
        // and so is voiding the "not cleared" one, which would let an earlier clearance stand again
        refused(
                id,
                "void a psychological evaluation that did not clear",
                () -> brooks.postForm(
                        p + "/psych-evaluations/" + notCleared.entryId() + "/void",
                        Map.of(
                                "version",
                                String.valueOf(notCleared.version()),
                                "reason",
                                "entered on the wrong patient")));
        assertThat(doctor.postForm(p + "/step", Map.of("step", "DEFERRED_MENTAL_HEALTH", "note", "seen by MH"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(api.postJson("/api/patients/" + id + "/treatments", """
                {"therapy": "Lumbar epidural steroid injection (elsewhere)", "startDate": "2025-01-09",
                 "endDate": "2025-01-09", "result": "PARTIAL"}""").statusCode())
                .isEqualTo(201);
        long records = count("select count(*) from procedure_record where patient_id = ?", id);
        assertThat(doctor.postForm(
                                p + "/procedures",
                                performedForm(
                                        mayProceed.id(),
                                        LocalDate.now().minusDays(1).toString()))
                        .statusCode())
                .as("a procedure ordered and performed before the hold is documented late")
                .isEqualTo(302);
        assertThat(count("select count(*) from procedure_record where patient_id = ?", id))
                .isEqualTo(records + 1);
        assertThat(patients.summary(id).step()).isEqualTo(Step.DEFERRED_MENTAL_HEALTH);

        // once the alert is followed up a clearance may be recorded (what the physician reads before releasing)
        UUID alert = safety.status(physician, id).alerts().get(0).id();
        safety.followUp(therapist, id, alert, RiskLevel.LOW, "Seen the same day; safety plan written; no intent");
        assertThat(brooks.postForm(
                                p + "/psych-evaluations",
                                Map.of("episodeId", episode.toString(), "evaluatedOn", today, "conclusion", "CLEARED"))
                        .statusCode())
                .isEqualTo(302);
        // but the hold still stops care until the physician releases it
        refused(id, "sign the evaluation", () -> doctor.postForm(p + "/evaluation/" + episode + "/sign", Map.of()));

        safety.releaseHold(physician, id, "Psychiatry confirms stability; interventional care may resume");
        assertThat(doctor.postForm(p + "/evaluation/" + episode + "/sign", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(patients.summary(id).step()).isEqualTo(Step.PLANNING);
        assertThat(orders.order(physician, id, esi(LocalDate.now().plusDays(30)))
                        .outcomes())
                .noneMatch(o -> o.rule().equals("Safety hold"));
    }

    @Test
    void duringTheHoldTheMentalHealthTherapistAndThePhysicianSignAPlanOfMentalHealthTherapiesOnly() {
        UUID id = patients.register(Fixtures.actor(staff, "desk.miller"), Fixtures.registration(physician.staffId()))
                .id();
        teams.add(id, therapist.staffId(), "test");
        teams.add(id, pt.staffId(), "test");
        patients.changeStep(physician, id, Step.PLANNING, "test");
        // outside a hold the physician signs: the therapist may not, even a plan of mental-health therapies
        PlanVersion before = plans.propose(therapist, id, goals(), List.of(therapy("CBT", therapist)), null, 0);
        assertThatThrownBy(() -> plans.sign(therapist, id, before.id())).isInstanceOf(ForbiddenException.class);

        assessments.record(therapist, id, "PHQ9", LocalDate.now(), phq9(2, 1));
        assertThat(patients.summary(id).step()).isEqualTo(Step.DEFERRED_MENTAL_HEALTH);

        // the therapist proposes CBT and a crisis / safety plan, and signs it from the plan page
        PlanVersion mh = plans.propose(
                therapist,
                id,
                goals(),
                List.of(therapy("CBT", therapist), therapy("CRISIS_PLAN", therapist)),
                "safety alert: mental health first",
                1);
        Http brooks = Http.session(port, "mh.brooks", IntegrationTest.DEMO_PASSWORD);
        String page = brooks.get("/patients/" + id + "/plan").body();
        assertThat(page)
                .contains("id=\"sign-plan\"")
                .contains("id=\"plan-hold\"")
                .contains("Crisis / safety plan");
        assertThat(brooks.postForm("/patients/" + id + "/plan/" + mh.id() + "/sign", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(plans.versions(physician, id).get(0).signed()).isTrue();
        assertThat(plans.versions(physician, id).get(0).signedBy()).isEqualTo("mh.brooks");
        assertThat(patients.summary(id).step()).isEqualTo(Step.DEFERRED_MENTAL_HEALTH);

        // the physician signs one too, and one with other non-interventional care (physical therapy)
        PlanVersion withPt = plans.propose(
                physician,
                id,
                goals(),
                List.of(therapy("CBT", therapist), therapy("PT", pt)),
                "gentle activity alongside therapy",
                2);
        assertThatThrownBy(() -> plans.sign(therapist, id, withPt.id())).isInstanceOf(ForbiddenException.class);
        plans.sign(physician, id, withPt.id());
        assertThat(plans.versions(physician, id).get(0).signedBy()).isEqualTo("dr.patel");

        // an interventional therapy stays refused, proposed by anyone
        long versions = count("select count(*) from plan_version where patient_id = ?", id);
        assertThatThrownBy(() -> plans.propose(
                        therapist,
                        id,
                        goals(),
                        List.of(therapy("CBT", therapist), therapy("TPI", physician)),
                        "add trigger points",
                        3))
                .isInstanceOf(CareOnHoldException.class)
                .hasMessageContaining("Trigger point injections");
        assertThat(count("select count(*) from plan_version where patient_id = ?", id))
                .isEqualTo(versions);

        // moving out of the clinic stays allowed during the hold
        patients.changeStep(physician, id, Step.DISCHARGED, "moved away; care handed to local services");
        assertThat(patients.summary(id).step()).isEqualTo(Step.DISCHARGED);
    }

    @Test
    void aProcedureDocumentedUnderAnOrderNeedsAnOrderOfThisPatientThatMayGoAhead() {
        UUID id = fixture.patient().readyForLumbarEsi().create();
        ProcedureOrder blocked = orders.order(physician, id, esi(LocalDate.now().plusDays(1)));
        assertThat(blocked.decision()).isEqualTo(Decision.BLOCK);
        long records = count("select count(*) from procedure_record where patient_id = ?", id);
        for (UUID orderId : List.of(UUID.randomUUID(), blocked.id())) {
            assertThatThrownBy(() -> charts.add(
                            physician,
                            id,
                            org.relief.procedure.ProcedureKinds.PERFORMED,
                            performed(orderId, LocalDate.now())))
                    .isInstanceOf(org.relief.shared.InvalidInputException.class)
                    .hasMessageContaining("orderId");
        }
        assertThat(count("select count(*) from procedure_record where patient_id = ?", id))
                .isEqualTo(records);
        orders.override(physician, id, blocked.id(), "Severe radicular pain; benefit outweighs the interval");
        charts.add(
                physician, id, org.relief.procedure.ProcedureKinds.PERFORMED, performed(blocked.id(), LocalDate.now()));
        assertThat(count("select count(*) from procedure_record where patient_id = ?", id))
                .isEqualTo(records + 1);
    }

    private static org.relief.procedure.Documentation.Performed performed(UUID orderId, LocalDate on) {
        return new org.relief.procedure.Documentation.Performed(
                orderId,
                ProcedureType.ESI_TRANSFORAMINAL,
                on,
                Facts.Region.LUMBAR,
                Facts.Side.LEFT,
                1,
                7,
                3,
                "Dexamethasone 10 mg",
                60,
                org.relief.procedure.Documentation.Guidance.FLUOROSCOPY,
                null);
    }

    /**
     * Imports are outside history, not care: a transaction Bundle for a held patient records the procedure done
     * elsewhere (a fact the procedure rules must see) but moves no step, creates no procedure record or order (a
     * ServiceRequest is not kept), and the patient stays deferred to mental health.
     */
    @Test
    void aFhirTransactionForAHeldPatientRecordsOutsideHistoryButMovesNothingTowardCare() throws Exception {
        String patientUuid = UUID.randomUUID().toString();
        HttpResponse<String> first = fhirPost(bundle(patientUuid, false));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        UUID id = UUID.fromString(fhir.newJsonParser()
                .parseResource(Bundle.class, first.body())
                .getEntryFirstRep()
                .getResponse()
                .getLocation()
                .substring("Patient/".length()));
        assertThat(patients.summary(id).step()).isEqualTo(Step.REFERRED);

        safety.report(physician, id, SafetyFlag.Concern.SUICIDAL_IDEATION, "Disclosed thoughts of ending their life");
        assertThat(patients.summary(id).step()).isEqualTo(Step.DEFERRED_MENTAL_HEALTH);
        long steps = count("select count(*) from patient_step where patient_id = ?", id);
        long outside = count("select count(*) from prior_treatment where patient_id = ?", id);

        HttpResponse<String> again = fhirPost(bundle(patientUuid, true));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        Bundle response = fhir.newJsonParser().parseResource(Bundle.class, again.body());
        assertThat(response.getEntry())
                .anySatisfy(e -> assertThat(
                                e.getResponse().getOutcome() == null
                                        ? ""
                                        : fhir.newJsonParser()
                                                .encodeResourceToString(
                                                        e.getResponse().getOutcome()))
                        .contains("Not kept")
                        .contains("ServiceRequest"));
        assertThat(count("select count(*) from prior_treatment where patient_id = ?", id))
                .as("the outside ESI is recorded as history")
                .isEqualTo(outside + 1);
        assertThat(patients.summary(id).step()).isEqualTo(Step.DEFERRED_MENTAL_HEALTH);
        assertThat(count("select count(*) from patient_step where patient_id = ?", id))
                .isEqualTo(steps);
        assertThat(count("select count(*) from procedure_record where patient_id = ?", id))
                .isZero();
        assertThat(count("select count(*) from procedure_order where patient_id = ?", id))
                .isZero();
        assertThat(safety.isOnHold(id)).isTrue();
    }

    @Autowired
    FhirContext fhir;

    /** A referral packet: the patient, an ESI done elsewhere, and (when {@code more}) a second one and an ESI order. */
    private Bundle bundle(String patientUuid, boolean more) {
        Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("urn:test:safety-gate").setValue(patientUuid);
        patient.addName().setFamily("Gatekeeper").addGiven("Robin");
        patient.setBirthDateElement(new DateType("1968-03-02"));
        patient.setGender(Enumerations.AdministrativeGender.FEMALE);
        b.addEntry()
                .setFullUrl("urn:uuid:" + patientUuid)
                .setResource(patient)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Patient");
        List<String> dates = more ? List.of("2025-01-09", "2025-06-12") : List.of("2025-01-09");
        for (String date : dates) {
            Procedure esi = new Procedure();
            esi.setStatus(Procedure.ProcedureStatus.COMPLETED);
            esi.getCode().setText("Lumbar transforaminal epidural steroid injection");
            esi.setSubject(new Reference("urn:uuid:" + patientUuid));
            esi.setPerformed(new DateTimeType(date));
            b.addEntry()
                    .setFullUrl("urn:uuid:" + UUID.nameUUIDFromBytes((patientUuid + date).getBytes()))
                    .setResource(esi)
                    .getRequest()
                    .setMethod(Bundle.HTTPVerb.POST)
                    .setUrl("Procedure");
        }
        if (more) {
            ServiceRequest order = new ServiceRequest();
            order.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
            order.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
            order.getCode().setText("Lumbar transforaminal epidural steroid injection");
            order.setSubject(new Reference("urn:uuid:" + patientUuid));
            b.addEntry()
                    .setFullUrl("urn:uuid:" + UUID.randomUUID())
                    .setResource(order)
                    .getRequest()
                    .setMethod(Bundle.HTTPVerb.POST)
                    .setUrl("ServiceRequest");
        }
        return b;
    }

    private HttpResponse<String> fhirPost(Bundle bundle) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fhir"))
                .header("Authorization", "Bearer test-demo-api-token")
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(fhir.newJsonParser().encodeResourceToString(bundle)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Calls a route that would move the held patient on: it is refused with 409 naming the hold, nothing of the
     * chart changes, and one DENIED audit row says what was refused and why.
     */
    private HttpResponse<String> refused(UUID id, String action, Supplier<HttpResponse<String>> call) {
        String before = state(id);
        long denied = audit.count(id, AuditAction.DENIED);
        HttpResponse<String> r = call.get();
        assertThat(r.statusCode()).as(action + ": " + r.body()).isEqualTo(409);
        assertThat(r.body())
                .as(action)
                .contains("on hold")
                .contains("Safety alert: suicidal ideation")
                .doesNotContain("Exception")
                .doesNotContain("CLINICIAN_NOTE");
        assertThat(state(id)).as(action + ": nothing changed").isEqualTo(before);
        assertThat(audit.count(id, AuditAction.DENIED)).as(action + ": audited").isEqualTo(denied + 1);
        AuditEvent last = audit.search(new AuditQuery(id, null, null, null, AuditAction.DENIED, 1))
                .get(0);
        assertThat(last.what()).as("the audit row names what was refused").containsIgnoringCase(action);
        assertThat(last.outcome()).startsWith("DENIED: interventional care on hold");
        return r;
    }

    /** Everything a route toward care could change, in one string. */
    private String state(UUID id) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("step", patients.summary(id).step());
        for (String table : List.of(
                "patient_step",
                "procedure_order",
                "procedure_record",
                "plan_version",
                "psych_evaluation",
                "candidacy_call",
                "prior_treatment")) {
            s.put(table, count("select count(*) from " + table + " where patient_id = ?", id));
        }
        s.put(
                "plan_signoff",
                count(
                        "select count(*) from plan_signoff s join plan_version v on v.id = s.version_id "
                                + "where v.patient_id = ?",
                        id));
        s.put(
                "evaluation_signoff",
                count(
                        "select count(*) from evaluation_signoff s join evaluation_episode e "
                                + "on e.id = s.episode_id where e.patient_id = ?",
                        id));
        s.put(
                "procedure_override",
                count(
                        "select count(*) from procedure_override v join procedure_order o "
                                + "on o.id = v.order_id where o.patient_id = ?",
                        id));
        return s.toString();
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    private static Facts.Order esi(LocalDate planned) {
        return new Facts.Order(
                ProcedureType.ESI_TRANSFORAMINAL,
                Facts.Region.LUMBAR,
                Facts.Side.LEFT,
                1,
                planned,
                Facts.Indication.RADICULOPATHY,
                60.0,
                false,
                true,
                null,
                false,
                null);
    }

    private static Map<String, String> performedForm(UUID orderId, String on) {
        Map<String, String> f = new HashMap<>(Map.of(
                "type",
                "ESI_TRANSFORAMINAL",
                "performedOn",
                on,
                "region",
                "LUMBAR",
                "side",
                "LEFT",
                "levels",
                "1",
                "preNrs",
                "7",
                "postNrs",
                "3",
                "steroidMg",
                "60",
                "imageGuidance",
                "FLUOROSCOPY"));
        if (orderId != null) {
            f.put("orderId", orderId.toString());
        }
        return f;
    }

    private Map<String, String> planForm(String code, Actor owner, String reason) {
        return Map.of(
                "goal[0].kind",
                "PAIN",
                "goal[0].description",
                "Pain at most 4 of 10",
                "therapy[0].code",
                code,
                "therapy[0].owner",
                owner.staffId().toString(),
                "therapy[0].frequency",
                "once",
                "therapy[0].duration",
                "single",
                "therapy[0].start",
                LocalDate.now().plusWeeks(2).toString(),
                "changeReason",
                reason,
                "basedOnVersion",
                "1");
    }

    private static List<PlanVersion.Goal> goals() {
        return List.of(
                new PlanVersion.Goal(PlanVersion.GoalKind.PERSONAL, "Feel safe at home", null, null, null),
                new PlanVersion.Goal(
                        PlanVersion.GoalKind.PAIN,
                        "Pain at most 4 of 10",
                        "NRS",
                        new BigDecimal("4"),
                        LocalDate.now().plusMonths(3)));
    }

    private static PlanVersion.PlannedTherapy therapy(String code, Actor owner) {
        return new PlanVersion.PlannedTherapy(
                code, owner.staffId(), null, "weekly", "8 weeks", null, null, LocalDate.now(), null);
    }

    private static Map<String, Integer> phq9(int each, int item9) {
        Map<String, Integer> a = new HashMap<>();
        for (int i = 1; i <= 8; i++) {
            a.put("q" + i, each);
        }
        a.put("q9", item9);
        return a;
    }
}
