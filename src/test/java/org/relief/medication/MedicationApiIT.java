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
 * Structured medications and the opioid summary over real HTTP: the CDC 2022 figures (oxycodone 10 mg every 6 hours
 * = 40 mg/day x 1.5 = 60 MME/day, shared/CLINICAL_RULES.md §10), bad input as a 400 naming the field with nothing
 * stored, the physician-only permission (403, audited), safety records feeding the flags, free text "to reconcile".
 */
@IntegrationTest
class MedicationApiIT {

    private static final String OXY = """
            {"ingredient": "oxycodone", "strength": 10, "strengthUnit": "MG", "form": "TABLET", "route": "ORAL",
             "sig": "1 tab q6h", "start": "2026-01-05", "prescribedHere": true, "indication": "low back pain"}""";

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

    Http patel;
    Actor physician;
    UUID patient;
    String base;

    @BeforeEach
    void setUp() {
        physician = Fixtures.actor(staff, "dr.patel");
        patient = patients.register(Fixtures.actor(staff, "desk.miller"), Fixtures.registration(physician.staffId()))
                .id();
        UUID brooks = staff.findByUsername("mh.brooks").orElseThrow().id();
        if (!teams.isMember(brooks, patient)) {
            teams.add(patient, brooks, "test");
        }
        patel = Http.basic(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        base = "/api/patients/" + patient;
    }

    @Test
    void oxycodoneTenMgEverySixHoursIsSixtyMmeWithItsFlags() {
        HttpResponse<String> added = patel.postJson(base + "/medications/structured", OXY);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode entry = json.readTree(added.body());
        assertThat(entry.get("sigWords").asText()).isEqualTo(SigText.render(SigText.parse("1 tab q6h")));
        assertThat(entry.at("/medication/ingredients/0/name").asText()).isEqualTo("oxycodone");

        JsonNode s = summary();
        assertThat(s.get("totalMme").asDouble()).isEqualTo(60.0);
        assertThat(s.get("table").asText()).isEqualTo("CDC 2022");
        assertThat(s.at("/medications/0/mme").asDouble()).isEqualTo(60.0);
        assertThat(s.at("/medications/0/factor").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(codes(s))
                .contains("MME_50", "NALOXONE_NOT_OFFERED", "PDMP_CHECK_DUE", "UDT_DUE")
                .doesNotContain("MME_90", "OPIOID_BENZODIAZEPINE");
        assertThat(s.at("/flags/0/source").asText()).isNotBlank();

        // naloxone offered and the PDMP check recorded: those flags go, the rest stay
        assertThat(patel.postJson(
                                base + "/opioid-safety-records",
                                "{\"kind\": \"NALOXONE_OFFERED\", \"onDate\": \"" + java.time.LocalDate.now() + "\"}")
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> noFinding = patel.postJson(
                base + "/opioid-safety-records",
                "{\"kind\": \"PDMP_CHECKED\", \"onDate\": \"" + java.time.LocalDate.now() + "\"}");
        assertThat(noFinding.statusCode()).isEqualTo(400);
        assertThat(noFinding.body()).contains("finding");
        assertThat(patel.postJson(
                                base + "/opioid-safety-records",
                                "{\"kind\": \"PDMP_CHECKED\", \"onDate\": \"" + java.time.LocalDate.now()
                                        + "\", \"finding\": \"no other prescribers\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(codes(summary()))
                .doesNotContain("NALOXONE_NOT_OFFERED", "PDMP_CHECK_DUE")
                .contains("MME_50");

        // a flag asks for an acknowledgement with a reason, never without
        HttpResponse<String> blank =
                patel.postJson(base + "/opioid-summary/acknowledgements", "{\"code\": \"MME_50\", \"reason\": \" \"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("reason");
        assertThat(patel.postJson(
                                base + "/opioid-summary/acknowledgements",
                                "{\"code\": \"MME_50\", \"reason\": \"stable dose for 2 years, function improved\"}")
                        .statusCode())
                .isEqualTo(201);
        JsonNode after = summary();
        assertThat(after.get("flags")
                        .valueStream()
                        .filter(f -> f.get("code").asText().equals("MME_50"))
                        .findFirst()
                        .orElseThrow()
                        .get("acknowledged")
                        .asBoolean())
                .isTrue();

        // stopped with a reason: a new version, and the MME is gone
        HttpResponse<String> stopped = patel.postJson(
                base + "/medications/structured/" + entry.get("entryId").asText() + "/stop",
                "{\"version\": 1, \"reason\": \"tapered off\"}");
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
        assertThat(summary().get("totalMme").asDouble()).isEqualTo(0.0);
        assertThat(jdbc.sql("select count(*) from medication_structured where entry_id = ?")
                        .param(UUID.fromString(entry.get("entryId").asText()))
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void sleepApnoeaOnTheProblemListIsANaloxoneTriggerBelowFiftyMme() {
        // oxycodone 5 mg twice a day = 10 mg x 1.5 = 15 MME/day: below 50, and Dana is under 65
        HttpResponse<String> added = patel.postJson(
                base + "/medications/structured",
                OXY.replace("\"strength\": 10", "\"strength\": 5").replace("1 tab q6h", "1 tab bid"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(summary().get("totalMme").asDouble()).isEqualTo(15.0);
        assertThat(codes(summary())).doesNotContain("NALOXONE_NOT_OFFERED");

        charts.add(
                physician,
                patient,
                EntryKind.PROBLEM,
                new org.relief.patient.Problem(
                        "G47.33",
                        "Obstructive sleep apnea",
                        java.time.LocalDate.now().minusYears(2),
                        org.relief.patient.Codes.ClinicalStatus.ACTIVE));
        JsonNode s = summary();
        JsonNode naloxone = s.get("flags")
                .valueStream()
                .filter(f -> f.get("code").asText().equals("NALOXONE_NOT_OFFERED"))
                .findFirst()
                .orElseThrow();
        assertThat(naloxone.get("text").asText()).contains("sleep apnoea");
        assertThat(naloxone.get("source").asText())
                .contains("CDC Clinical Practice Guideline 2022")
                .doesNotContain("CLINICAL_RULES");
        HttpResponse<String> page = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD)
                .getAsBrowser("/patients/" + patient + "/medication");
        assertThat(page.body()).contains("sleep apnoea: Obstructive sleep apnea (G47.33)");
    }

    @Test
    void badInputIsA400NamingTheFieldAndStoresNothing() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(OXY.replace("\"oxycodone\"", "\"unobtainium\""), "ingredient");
        cases.put(OXY.replace("\"strengthUnit\": \"MG\", ", ""), "strengthUnit");
        cases.put(OXY.replace("1 tab q6h", "take some when it hurts a lot"), "sig");
        cases.put(OXY.replace("1 tab q6h", "1 tab q6h prn"), "sig");
        cases.put(
                OXY.replace("\"oxycodone\"", "\"fentanyl\"")
                        .replace("TABLET", "PATCH")
                        .replace("ORAL", "TRANSDERMAL")
                        .replace("1 tab q6h", "1 patch q72h"),
                "strengthUnit");
        cases.put(OXY.replace("\"strength\": 10", "\"strength\": \"ten\""), "strength");
        cases.put(OXY.replace("\"prescribedHere\": true", "\"prescribedHere\": false"), "outsidePrescriber");
        for (var c : cases.entrySet()) {
            HttpResponse<String> r = patel.postJson(base + "/medications/structured", c.getKey());
            assertThat(r.statusCode()).as(c.getKey() + " -> " + r.body()).isEqualTo(400);
            assertThat(r.body()).as(c.getKey()).contains("\"" + c.getValue() + "\"");
        }
        assertThat(rows()).isZero();
    }

    @Test
    void aMentalHealthTherapistCannotAddAnOpioidRefusedAndAudited() {
        long denied = audit.count(patient, AuditAction.DENIED);
        HttpResponse<String> r = Http.basic(port, "mh.brooks", IntegrationTest.DEMO_PASSWORD)
                .postJson(base + "/medications/structured", OXY);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(audit.count(patient, AuditAction.DENIED)).isEqualTo(denied + 1);
        assertThat(rows()).isZero();
        // reading is open to the care team (audited as a read)
        assertThat(Http.basic(port, "mh.brooks", IntegrationTest.DEMO_PASSWORD)
                        .get(base + "/opioid-summary")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void freeTextMedicationsAreToReconcileUntilStructuredAndNeverCounted() {
        var freeText = charts.add(physician, patient, EntryKind.MEDICATION, Fixtures.oxycodone("10 mg"));
        JsonNode s = summary();
        assertThat(s.get("notCountedFreeText").asInt()).isEqualTo(1);
        assertThat(s.get("totalMme").asDouble()).isEqualTo(0.0);
        HttpResponse<String> page = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD)
                .getAsBrowser("/patients/" + patient + "/medication");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("To reconcile").contains("Oxycodone hydrochloride 5 MG Oral Tablet");

        HttpResponse<String> r = patel.postJson(
                base + "/medications/structured",
                OXY.replace("\"indication\"", "\"structures\": \"" + freeText.entryId() + "\", \"indication\""));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(summary().get("notCountedFreeText").asInt()).isZero();
        // the free text is still there, as written
        assertThat(charts.entries(physician, patient, EntryKind.MEDICATION)).hasSize(1);
    }

    @Test
    void theFormComesBackWithTheProblemBesideItsFieldNeverA500() {
        Http browser = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        browser.getAsBrowser("/patients/" + patient + "/medication");
        Map<String, String> form = new LinkedHashMap<>(Map.of(
                "ingredient",
                "oxycodone",
                "strength",
                "abc",
                "strengthUnit",
                "MG",
                "form",
                "TABLET",
                "route",
                "ORAL",
                "sig",
                "1 tab q6h prn",
                "prescribedHere",
                "true"));
        HttpResponse<String> r = browser.postForm("/patients/" + patient + "/medication", form);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Strength: give the strength as a number");
        form.put("strength", "10");
        r = browser.postForm("/patients/" + patient + "/medication", form);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Directions: ");
        form.put("sig", "1 tab q6h prn, max 4/day");
        r = browser.postForm("/patients/" + patient + "/medication", form);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        assertThat(rows()).isEqualTo(1);
    }

    private int rows() {
        return jdbc.sql("select count(*) from medication_structured where patient_id = ?")
                .param(patient)
                .query(Integer.class)
                .single();
    }

    private JsonNode summary() {
        HttpResponse<String> r = patel.get(base + "/opioid-summary");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static java.util.List<String> codes(JsonNode s) {
        return s.get("flags").valueStream().map(f -> f.get("code").asText()).toList();
    }
}
