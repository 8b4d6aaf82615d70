package org.relief.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.careteam.CareTeams;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.ChartService;
import org.relief.patient.Codes.DrugClass;
import org.relief.patient.Codes.MedicationStatus;
import org.relief.patient.EntryKind;
import org.relief.patient.Patients;
import org.relief.support.Fixtures;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reconciliation on a real PostgreSQL, through the screen's form (nested fields bound by Spring) and the JSON API:
 * every line decided in one go, the record versioned and audited, the free text kept readable; bad or missing
 * decisions a 400 naming the line's field, a line changed meanwhile a 409, and nothing stored in either case; a
 * mental health therapist refused (403, audited). Correcting and voiding a structured medication: new versions from
 * the version read, a stale one a 409 keeping what was typed.
 */
@IntegrationTest
class MedicationReconciliationIT {
    // Why over 300 lines: the screen's nested form is spelled out field by field for each case.

    private static final String APIXABAN = """
            {"ingredient": "apixaban", "strength": 5, "strengthUnit": "MG", "form": "TABLET", "route": "ORAL",
             "sig": "1 tab bid", "start": "2025-06-01", "prescribedHere": false, "outsidePrescriber": "Dr Lee"}""";

    @LocalServerPort
    int port;

    @Autowired
    Patients patients;

    @Autowired
    StaffDirectory staff;

    @Autowired
    CareTeams teams;

    @Autowired
    ChartService charts;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    Http api;
    Http browser;
    Actor physician;
    UUID patient;
    UUID oxyText;
    UUID gabaText;
    UUID apixaban;

    @BeforeEach
    void setUp() {
        physician = Fixtures.actor(staff, "dr.patel");
        patient = patients.register(Fixtures.actor(staff, "desk.miller"), Fixtures.registration(physician.staffId()))
                .id();
        UUID brooks = staff.findByUsername("mh.brooks").orElseThrow().id();
        if (!teams.isMember(brooks, patient)) {
            teams.add(patient, brooks, "test");
        }
        api = Http.basic(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        browser = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        oxyText = charts.add(physician, patient, EntryKind.MEDICATION, Fixtures.oxycodone("10 mg"))
                .entryId();
        gabaText = charts.add(
                        physician,
                        patient,
                        EntryKind.MEDICATION,
                        new org.relief.patient.Medication(
                                "Gabapentin 300 MG Oral Capsule",
                                null,
                                DrugClass.GABAPENTINOID,
                                "300 mg",
                                "three times a day",
                                "oral",
                                null,
                                MedicationStatus.ACTIVE))
                .entryId();
        HttpResponse<String> r = api.postJson("/api/patients/" + patient + "/medications/structured", APIXABAN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        apixaban = UUID.fromString(json.readTree(r.body()).get("entryId").asText());
    }

    /** The screen's form: oxycodone confirmed as structured, gabapentin stopped, apixaban changed. */
    private Map<String, String> screenForm() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("occasion", "INTAKE");
        line(f, 0, "REFERRAL_LIST", oxyText, "CONFIRMED", "");
        f.put("lines[0].medication.ingredient", "oxycodone");
        f.put("lines[0].medication.strength", "5");
        f.put("lines[0].medication.strengthUnit", "MG");
        f.put("lines[0].medication.form", "TABLET");
        f.put("lines[0].medication.route", "ORAL");
        f.put("lines[0].medication.sig", "2 tab q6h");
        f.put("lines[0].medication.outsidePrescriber", "Dr Ray (referring)");
        line(f, 1, "REFERRAL_LIST", gabaText, "STOPPED", "patient stopped it a month ago: dizziness");
        line(f, 2, "CURRENT", apixaban, "CHANGED", "last dose taken asked at intake");
        f.put("lines[2].medication.ingredient", "apixaban");
        f.put("lines[2].medication.strength", "5");
        f.put("lines[2].medication.strengthUnit", "MG");
        f.put("lines[2].medication.form", "TABLET");
        f.put("lines[2].medication.route", "ORAL");
        f.put("lines[2].medication.sig", "1 tab bid");
        f.put("lines[2].medication.start", "2025-06-01");
        f.put("lines[2].medication.lastDoseTaken", "2026-03-01T08:00");
        f.put("lines[2].medication.outsidePrescriber", "Dr Lee");
        return f;
    }

    private static void line(Map<String, String> f, int i, String source, UUID id, String decision, String reason) {
        f.put("lines[" + i + "].source", source);
        f.put("lines[" + i + "].entryId", id.toString());
        f.put("lines[" + i + "].version", "1");
        f.put("lines[" + i + "].decision", decision);
        f.put("lines[" + i + "].reason", reason);
    }

    @Test
    void aPhysicianReconcilesEveryLineInOneScreenAndTheRecordKeepsEachDecision() {
        HttpResponse<String> page = browser.getAsBrowser("/patients/" + patient + "/medication/reconcile");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Referral's list")
                .contains("Oxycodone hydrochloride 5 MG Oral Tablet")
                .contains("Gabapentin 300 MG Oral Capsule")
                .contains("apixaban 5 mg tablet");
        long creates = audit.count(patient, AuditAction.CREATE);

        HttpResponse<String> r = browser.postForm("/patients/" + patient + "/medication/reconcile", screenForm());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);

        JsonNode done = json.readTree(api.get("/api/patients/" + patient + "/medication-reconciliations")
                        .body())
                .get(0);
        assertThat(done.at("/reconciliation/occasion").asText()).isEqualTo("INTAKE");
        JsonNode lines = done.at("/reconciliation/lines");
        assertThat(lines.size()).isEqualTo(3);
        assertThat(lines.get(0).get("decision").asText()).isEqualTo("CONFIRMED");
        assertThat(lines.get(0).get("asListed").asText()).contains("Oxycodone hydrochloride 5 MG Oral Tablet");
        assertThat(lines.get(0).get("result").asText()).contains("oxycodone 5 mg tablet");
        assertThat(lines.get(1).get("decision").asText()).isEqualTo("STOPPED");
        assertThat(lines.get(1).get("reason").asText()).contains("dizziness");
        assertThat(lines.get(2).get("decision").asText()).isEqualTo("CHANGED");
        assertThat(audit.count(patient, AuditAction.CREATE)).isGreaterThan(creates);

        // oxycodone 5 mg, 2 tablets every 6 hours = 40 mg/day x 1.5 = 60 MME/day (CDC 2022, CLINICAL_RULES §10)
        JsonNode summary = json.readTree(
                api.get("/api/patients/" + patient + "/opioid-summary").body());
        assertThat(summary.get("totalMme").asDouble()).isEqualTo(60.0);
        assertThat(summary.get("notCountedFreeText").asInt()).isZero();
        // the free text stays readable; the stopped one is a new version marked stopped
        var gaba = charts.history(physician, patient, EntryKind.MEDICATION, gabaText);
        assertThat(gaba).hasSize(2);
        assertThat(gaba.get(0).data().status()).isEqualTo(MedicationStatus.STOPPED);
        assertThat(gaba.get(0).changeReason()).contains("dizziness");
        assertThat(charts.history(physician, patient, EntryKind.MEDICATION, oxyText))
                .hasSize(1);
        // apixaban: version 2 with the last dose taken, still outside-prescribed by Dr Lee
        JsonNode apix = json.readTree(api.get("/api/patients/" + patient + "/medications/structured")
                        .body())
                .valueStream()
                .filter(e -> e.get("entryId").asText().equals(apixaban.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(apix.get("version").asInt()).isEqualTo(2);
        assertThat(apix.at("/medication/lastDoseTaken").asText()).startsWith("2026-03-01T08:00");
        assertThat(apix.at("/medication/prescriber/name").asText()).isEqualTo("Dr Lee");
        assertThat(reconciliations()).isEqualTo(1);
    }

    @Test
    void aMedicationStatementImportedFromFhirIsOnTheReferralsListAndIsReconciled() {
        var statement = new org.hl7.fhir.r4.model.MedicationStatement();
        statement.setStatus(org.hl7.fhir.r4.model.MedicationStatement.MedicationStatementStatus.ACTIVE);
        statement.setMedication(new org.hl7.fhir.r4.model.CodeableConcept().setText("Tramadol 50 MG Oral Tablet"));
        var dosage = statement.addDosage();
        dosage.addDoseAndRate()
                .setDose(new org.hl7.fhir.r4.model.Quantity().setValue(1).setUnit("tablet"));
        dosage.getTiming()
                .getRepeat()
                .setFrequency(2)
                .setPeriod(1)
                .setPeriodUnit(org.hl7.fhir.r4.model.Timing.UnitsOfTime.D);
        var translated = org.relief.fhir.translate.MedicationTranslator.fromStatement(statement);
        UUID imported = charts.importEntries(
                        physician,
                        patient,
                        "referring practice (test)",
                        java.util.List.of(new ChartService.ImportedEntry(translated.kind(), null, translated.data())))
                .get(0)
                .entryId();
        JsonNode worklist = json.readTree(api.get("/api/patients/" + patient + "/medication-reconciliations/worklist")
                .body());
        JsonNode line = worklist.get("referralList")
                .valueStream()
                .filter(t -> t.get("entryId").asText().equals(imported.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(line.get("name").asText()).isEqualTo("Tramadol 50 MG Oral Tablet");
        assertThat(line.get("frequency").asText()).isEqualTo("2 times per 1 day");
        // prefilled from the name: tramadol, 50 mg; the sig is left to the prescriber
        JsonNode prefill = worklist.at("/form/lines")
                .valueStream()
                .filter(l -> l.get("entryId").asText().equals(imported.toString()))
                .findFirst()
                .orElseThrow()
                .get("medication");
        assertThat(prefill.get("ingredient").asText()).isEqualTo("tramadol");
        assertThat(prefill.get("strength").decimalValue()).isEqualByComparingTo("50");
        assertThat(prefill.get("sig").asText()).isEmpty();

        Map<String, String> f = screenForm();
        line(f, 3, "REFERRAL_LIST", imported, "CONFIRMED", "");
        f.put("lines[3].medication.ingredient", "tramadol");
        f.put("lines[3].medication.strength", "50");
        f.put("lines[3].medication.strengthUnit", "MG");
        f.put("lines[3].medication.form", "TABLET");
        f.put("lines[3].medication.route", "ORAL");
        f.put("lines[3].medication.sig", "1 tab bid");
        f.put("lines[3].medication.outsidePrescriber", "Dr Ray (referring)");
        HttpResponse<String> r = browser.postForm("/patients/" + patient + "/medication/reconcile", f);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        // oxycodone 60 + tramadol 100 mg/day x 0.2 = 20: 80 MME/day (CDC 2022)
        assertThat(json.readTree(api.get("/api/patients/" + patient + "/opioid-summary")
                                .body())
                        .get("totalMme")
                        .asDouble())
                .isEqualTo(80.0);
    }

    @Test
    void anUndecidedLineOrAMissingReasonIsA400NamingTheLineAndNothingIsStored() {
        Map<String, String> f = screenForm();
        f.put("lines[1].reason", " ");
        f.remove("lines[2].decision");
        HttpResponse<String> r = browser.postForm("/patients/" + patient + "/medication/reconcile", f);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body())
                .contains("Reason: say why it is stopped")
                .contains("Decision: choose confirmed, changed or stopped")
                // what was typed comes back
                .contains("Dr Ray (referring)");
        HttpResponse<String> missing = api.postJson(
                "/api/patients/" + patient + "/medication-reconciliations",
                "{\"occasion\": \"VISIT\", \"lines\": [{\"source\": \"CURRENT\", \"entryId\": \"" + apixaban
                        + "\", \"version\": 1, \"decision\": \"CONFIRMED\"}]}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"lines\"").contains("Gabapentin");
        HttpResponse<String> noSig = api.postJson(
                "/api/patients/" + patient + "/medication-reconciliations",
                "{\"occasion\": \"VISIT\", \"lines\": [{\"source\": \"REFERRAL_LIST\", \"entryId\": \"" + oxyText
                        + "\", \"version\": 1, \"decision\": \"CONFIRMED\", \"medication\": {\"ingredient\": "
                        + "\"oxycodone\", \"strength\": 5, \"strengthUnit\": \"MG\", \"form\": \"TABLET\", "
                        + "\"route\": \"ORAL\", \"sig\": \"when it hurts\"}}, {\"source\": \"REFERRAL_LIST\", "
                        + "\"entryId\": \"" + gabaText + "\", \"version\": 1, \"decision\": \"LEFT_TO_RECONCILE\", "
                        + "\"reason\": \"ask the pharmacy\"}, {\"source\": \"CURRENT\", \"entryId\": \"" + apixaban
                        + "\", \"version\": 1, \"decision\": \"CONFIRMED\"}]}");
        assertThat(noSig.statusCode()).isEqualTo(400);
        assertThat(noSig.body()).contains("lines[0].medication.sig");
        assertThat(reconciliations()).isZero();
        assertThat(structuredRows()).isEqualTo(1);
        assertThat(charts.history(physician, patient, EntryKind.MEDICATION, gabaText))
                .hasSize(1);
    }

    @Test
    void aLineChangedMeanwhileIsA409KeepingWhatWasTypedAndNothingIsStored() {
        assertThat(api.postJson(
                                "/api/patients/" + patient + "/medications/structured/" + apixaban + "/stop",
                                "{\"version\": 1, \"reason\": \"cardiology stopped it\"}")
                        .statusCode())
                .isEqualTo(200);
        // apixaban is no longer taken: the reconciliation's line 2 names a medication not on the current list
        HttpResponse<String> r = browser.postForm("/patients/" + patient + "/medication/reconcile", screenForm());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("is not a structured medication taken now");

        // a version read before someone else's correction: 409
        HttpResponse<String> second = api.postJson("/api/patients/" + patient + "/medications/structured", APIXABAN);
        UUID apix2 = UUID.fromString(json.readTree(second.body()).get("entryId").asText());
        assertThat(api.putJson(
                                "/api/patients/" + patient + "/medications/structured/" + apix2,
                                "{\"version\": 1, \"reason\": \"strength typo\", \"medication\": "
                                        + APIXABAN.replace("\"strength\": 5", "\"strength\": 2.5") + "}")
                        .statusCode())
                .isEqualTo(200);
        Map<String, String> f = screenForm();
        line(f, 2, "CURRENT", apix2, "CHANGED", "typed before the other correction");
        HttpResponse<String> stale = browser.postForm("/patients/" + patient + "/medication/reconcile", f);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("typed before the other correction").contains("Dr Ray (referring)");
        assertThat(reconciliations()).isZero();
        assertThat(structuredRows()).isEqualTo(4); // apixaban 1 + its stop, apixaban 2 + its correction
    }

    @Test
    void aMentalHealthTherapistCannotReconcileRefusedAndAudited() {
        long denied = audit.count(patient, AuditAction.DENIED);
        Http brooks = Http.session(port, "mh.brooks", IntegrationTest.DEMO_PASSWORD);
        HttpResponse<String> r = brooks.postForm("/patients/" + patient + "/medication/reconcile", screenForm());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(audit.count(patient, AuditAction.DENIED)).isEqualTo(denied + 1);
        assertThat(reconciliations()).isZero();
        // the screen itself may be read by the team (audited as a read), not written
        assertThat(brooks.getAsBrowser("/patients/" + patient + "/medication/reconcile")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aCorrectionIsTheNextVersionAStaleOneA409KeepingWhatWasTypedAndAVoidKeepsEveryVersion() {
        Map<String, String> f = new LinkedHashMap<>(Map.of(
                "ingredient", "apixaban",
                "strength", "2.5",
                "strengthUnit", "MG",
                "form", "TABLET",
                "route", "ORAL",
                "sig", "1 tab bid",
                "prescribedHere", "false",
                "outsidePrescriber", "Dr Lee",
                "version", "1",
                "reason", "strength was 2.5 mg on the bottle"));
        HttpResponse<String> ok = browser.postForm("/patients/" + patient + "/medication/" + apixaban + "/correct", f);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(302);
        f.put("reason", "a second correction typed on an old screen");
        f.put("strength", "5");
        HttpResponse<String> stale =
                browser.postForm("/patients/" + patient + "/medication/" + apixaban + "/correct", f);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body())
                .contains("a second correction typed on an old screen")
                .contains("version 2");
        f.remove("reason");
        f.put("version", "2");
        HttpResponse<String> noReason =
                browser.postForm("/patients/" + patient + "/medication/" + apixaban + "/correct", f);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Why it is corrected: say why it is corrected");
        assertThat(structuredRows()).isEqualTo(2);

        assertThat(api.postJson(
                                "/api/patients/" + patient + "/medications/structured/" + apixaban + "/void",
                                "{\"version\": 1, \"reason\": \"wrong patient\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(api.postJson(
                                "/api/patients/" + patient + "/medications/structured/" + apixaban + "/void",
                                "{\"version\": 2}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.postJson(
                                "/api/patients/" + patient + "/medications/structured/" + apixaban + "/void",
                                "{\"version\": 2, \"reason\": \"entered on the wrong patient\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(api.get("/api/patients/" + patient + "/medications/structured")
                        .body())
                .doesNotContain(apixaban.toString());
        assertThat(structuredRows()).isEqualTo(3);
        assertThat(jdbc.sql("select void_reason from medication_structured where entry_id = ? and version = 3")
                        .param(apixaban)
                        .query(String.class)
                        .single())
                .isEqualTo("entered on the wrong patient");
    }

    private int reconciliations() {
        return jdbc.sql("select count(*) from medication_reconciliation where patient_id = ?")
                .param(patient)
                .query(Integer.class)
                .single();
    }

    private int structuredRows() {
        return jdbc.sql("select count(*) from medication_structured where patient_id = ?")
                .param(patient)
                .query(Integer.class)
                .single();
    }
}
