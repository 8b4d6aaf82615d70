package org.relief.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.relief.assessment.SafetyFlag;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.careteam.CareTeams;
import org.relief.careteam.Permission;
import org.relief.careteam.Role;
import org.relief.careteam.StaffDirectory;
import org.relief.evaluation.Evaluations;
import org.relief.patient.ChartService;
import org.relief.patient.EntryKind;
import org.relief.patient.Patients;
import org.relief.plan.PlanVersion;
import org.relief.plan.Plans;
import org.relief.procedure.Documentation;
import org.relief.procedure.Orders;
import org.relief.procedure.ProcedureKinds;
import org.relief.procedure.rules.Facts;
import org.relief.procedure.rules.ProcedureType;
import org.relief.screening.SafetyProtocol;
import org.relief.support.Fixtures;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Walks the role permission matrix ({@link Permission}, written out in docs/permissions.md) against the real web
 * endpoints: every role tries every write, signed in through the form as a browser would. A role the matrix allows is
 * never answered 403; a role it does not allow is answered 403, and the refusal is in the audit log. The form pages
 * answer the same way, and pages offer a form or button only to the roles that may save it.
 */
@IntegrationTest
class PermissionMatrixIT {

    private static final Map<Role, String> USERS = Map.of(
            Role.PHYSICIAN,
            "dr.patel",
            Role.CHIROPRACTOR,
            "chiro.lee",
            Role.PHYSICAL_THERAPIST,
            "pt.garcia",
            Role.ACUPUNCTURIST,
            "acu.chen",
            Role.MENTAL_HEALTH_THERAPIST,
            "mh.brooks",
            Role.FRONT_DESK,
            "desk.miller",
            Role.ADMIN,
            "admin");

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
    Evaluations evaluations;

    @Autowired
    Plans plans;

    @Autowired
    Orders orders;

    @Autowired
    SafetyProtocol safety;

    @Autowired
    AuditLog audit;

    private Actor physician;
    private UUID patient;
    private UUID safetyPatient;
    private UUID holdPatient;
    private UUID offTeamPatient;
    private UUID episode;
    private UUID planVersion;
    private UUID order;
    private UUID performed;

    /** One write of the matrix: the request a role makes, and the patient it concerns (null: none). */
    private record Write(UUID patient, BiFunction<Http, Role, HttpResponse<String>> call) {}

    @Test
    void everyRoleGetsExactlyTheWritesTheMatrixGivesIt() {
        setUp();
        Map<Permission, Write> writes = writes();
        assertThat(writes.keySet())
                .as("every permission of the matrix is walked")
                .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Permission.class));
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.staff()) {
            Http http = session(role);
            for (var w : writes.entrySet()) {
                Permission permission = w.getKey();
                beforeEach(permission);
                long denied = w.getValue().patient() == null
                        ? 0
                        : audit.count(w.getValue().patient(), AuditAction.DENIED);
                HttpResponse<String> r = w.getValue().call().apply(http, role);
                boolean allowed = permission.allows(role);
                if (allowed && r.statusCode() == 403 || !allowed && r.statusCode() != 403) {
                    wrong.add(role + " x " + permission + ": expected " + (allowed ? "not 403" : "403") + ", got "
                            + r.statusCode());
                } else if (!allowed
                        && w.getValue().patient() != null
                        && audit.count(w.getValue().patient(), AuditAction.DENIED) <= denied) {
                    wrong.add(role + " x " + permission + ": refused but not audited");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void formPagesAnswer403ToRolesThatCannotSaveThem() {
        setUp();
        UUID demographics = charts.chart(physician, patient).demographics().entryId();
        Map<String, Permission> forms = new LinkedHashMap<>();
        forms.put("/patients/" + patient + "/demographics/" + demographics + "/edit", Permission.EDIT_DEMOGRAPHICS);
        for (EntryKind<?> kind : List.of(
                EntryKind.REFERRAL,
                EntryKind.PROBLEM,
                EntryKind.IMAGING,
                EntryKind.TREATMENT,
                EntryKind.MEDICATION,
                EntryKind.ALLERGY,
                EntryKind.ENCOUNTER,
                EntryKind.DOCUMENT,
                ProcedureKinds.PERFORMED,
                ProcedureKinds.FOLLOW_UP)) {
            forms.put("/patients/" + patient + "/" + kind.slug() + "/new", kind.writePermission());
        }
        for (String slug : List.of("evaluation-sessions", "exams", "diagnostic-tests", "diagnoses")) {
            forms.put(
                    "/patients/" + patient + "/" + slug + "/new?episodeId=" + episode,
                    Permission.WRITE_EVALUATION_FINDINGS);
        }
        forms.put(
                "/patients/" + patient + "/psych-evaluations/new?episodeId=" + episode,
                Permission.WRITE_PSYCH_EVALUATION);
        forms.put(
                "/patients/" + patient + "/psychotherapy-notes/new?episodeId=" + episode,
                Permission.WRITE_PSYCHOTHERAPY_NOTES);
        forms.put("/patients/" + patient + "/instruments/NRS/new", Permission.RECORD_INSTRUMENTS);
        forms.put("/referrals/new", Permission.REGISTER_REFERRAL);
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.staff()) {
            Http http = session(role);
            for (var f : forms.entrySet()) {
                long denied = audit.count(patient, AuditAction.DENIED);
                int status = http.get(f.getKey()).statusCode();
                boolean onTeam = role != Role.ADMIN || f.getKey().startsWith("/referrals");
                int expected = f.getValue().allows(role) && onTeam ? 200 : 403;
                if (status != expected) {
                    wrong.add(role + " GET " + f.getKey() + ": expected " + expected + ", got " + status);
                } else if (expected == 403
                        && f.getKey().startsWith("/patients/")
                        && audit.count(patient, AuditAction.DENIED) <= denied) {
                    wrong.add(role + " GET " + f.getKey() + ": refused but not audited");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void pagesOfferOnlyWhatTheRoleMaySave() {
        setUp();
        Map<String, Map<String, Permission>> offers = new LinkedHashMap<>();
        String p = "/patients/" + patient;
        offers.put(
                p,
                Map.of(
                        p + "/medications/new",
                        Permission.WRITE_MEDICATIONS,
                        p + "/imaging/new",
                        Permission.WRITE_IMAGING,
                        p + "/treatments/new",
                        Permission.WRITE_PRIOR_TREATMENTS,
                        p + "/allergies/new",
                        Permission.WRITE_ALLERGIES,
                        p + "/referrals/new",
                        Permission.EDIT_REFERRAL,
                        "/demographics/",
                        Permission.EDIT_DEMOGRAPHICS,
                        p + "/step",
                        Permission.MOVE_STEP));
        offers.put(
                p + "/evaluation",
                Map.of(
                        p + "/psych-evaluations/new",
                        Permission.WRITE_PSYCH_EVALUATION,
                        p + "/diagnoses/new",
                        Permission.WRITE_EVALUATION_FINDINGS,
                        "/evaluation/" + episode + "/sign",
                        Permission.SIGN_EVALUATION));
        offers.put(
                p + "/procedures",
                Map.of(
                        "id=\"order-form\"",
                        Permission.ORDER_PROCEDURE,
                        p + "/procedures/new",
                        Permission.DOCUMENT_PROCEDURE,
                        p + "/procedure-followups/new",
                        Permission.RECORD_PROCEDURE_FOLLOW_UP));
        offers.put(p + "/plan", Map.of("id=\"plan-form\"", Permission.PROPOSE_PLAN));
        offers.put(p + "/instruments/section", Map.of(p + "/instruments/NRS/new", Permission.RECORD_INSTRUMENTS));
        offers.put(p + "/safety/banner", Map.of(p + "/safety/concerns", Permission.REPORT_SAFETY_CONCERN));
        offers.put(p + "/candidacy/section", Map.of(p + "/candidacy/call", Permission.RECORD_CANDIDACY_CALL));
        offers.put(
                "/",
                Map.of(
                        "href=\"/referrals/new\"",
                        Permission.REGISTER_REFERRAL,
                        "href=\"/admin/policy\"",
                        Permission.ADMINISTER));
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.staff()) {
            if (role == Role.ADMIN) {
                continue; // not on care teams: the chart pages are refused whole (ChartAccessIT)
            }
            Http http = session(role);
            for (var page : offers.entrySet()) {
                HttpResponse<String> r = http.get(page.getKey());
                assertThat(r.statusCode()).as(role + " " + page.getKey()).isEqualTo(200);
                for (var offer : page.getValue().entrySet()) {
                    boolean shown = r.body().contains(offer.getKey());
                    if (shown != offer.getValue().allows(role)) {
                        wrong.add(role + " on " + page.getKey() + ": '" + offer.getKey() + "' "
                                + (shown ? "shown" : "not shown") + " but " + offer.getValue() + " is "
                                + (offer.getValue().allows(role) ? "allowed" : "not allowed"));
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void prescribersChangeAnOpioidDoseTheMentalHealthTherapistDoesNot() {
        setUp();
        assertThat(Permission.WRITE_MEDICATIONS.allows(Role.PHYSICIAN)).isTrue();
        assertThat(Permission.WRITE_MEDICATIONS.allows(Role.MENTAL_HEALTH_THERAPIST))
                .isFalse();
        var med = charts.add(physician, patient, EntryKind.MEDICATION, Fixtures.oxycodone("5 mg"));
        Map<String, String> tenMg = medication("10 mg");
        tenMg.put("version", "1");
        HttpResponse<String> refused = session(Role.MENTAL_HEALTH_THERAPIST)
                .postForm("/patients/" + patient + "/medications/" + med.entryId(), tenMg);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body())
                .contains("Mental health therapist may not do this")
                .contains("prescribers");
        assertThat(charts.entry(physician, patient, EntryKind.MEDICATION, med.entryId())
                        .version())
                .isEqualTo(1);
        // a form the role cannot save is refused as such, not re-shown with field errors to fix
        assertThat(session(Role.MENTAL_HEALTH_THERAPIST)
                        .postForm("/patients/" + patient + "/medications", Map.of("name", ""))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> done =
                session(Role.PHYSICIAN).postForm("/patients/" + patient + "/medications/" + med.entryId(), tenMg);
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(((org.relief.patient.Medication)
                                charts.entry(physician, patient, EntryKind.MEDICATION, med.entryId())
                                        .data())
                        .dose())
                .isEqualTo("10 mg");
    }

    private Map<Permission, Write> writes() {
        Map<Permission, Write> w = new EnumMap<>(Permission.class);
        String p = "/patients/" + patient;
        String today = LocalDate.now().toString();
        w.put(
                Permission.REGISTER_REFERRAL,
                new Write(
                        null,
                        (h, role) -> h.postForm(
                                "/referrals",
                                registration(
                                        "Matrix" + role.name().replace("_", "").toLowerCase()))));
        w.put(Permission.EDIT_DEMOGRAPHICS, new Write(patient, (h, role) -> {
            var d = charts.chart(physician, patient).demographics();
            Map<String, String> f = new HashMap<>(Map.of(
                    "version",
                    String.valueOf(d.version()),
                    "familyName",
                    "Matrixperson",
                    "givenName",
                    "Kim",
                    "birthDate",
                    "1970-05-17",
                    "sex",
                    "FEMALE",
                    "changeReason",
                    "spelling"));
            return h.postForm(p + "/demographics/" + d.entryId(), f);
        }));
        w.put(
                Permission.BOOK_APPOINTMENTS,
                new Write(
                        patient,
                        (h, role) -> h.postForm(
                                p + "/appointments",
                                Map.of(
                                        "type",
                                        "PT_SESSION",
                                        "staffId",
                                        staff.findByUsername("pt.garcia")
                                                .orElseThrow()
                                                .id()
                                                .toString(),
                                        "roomId",
                                        "5c0e0000-0000-4000-8000-000000000003",
                                        "date",
                                        LocalDate.now()
                                                .with(java.time.temporal.TemporalAdjusters.next(
                                                        java.time.DayOfWeek.MONDAY))
                                                .plusWeeks(30)
                                                .toString(),
                                        "start",
                                        "08:00"))));
        w.put(
                Permission.EDIT_REFERRAL,
                add(
                        "referrals",
                        Map.of(
                                "referringClinician",
                                "Dr. Ward",
                                "referringPractice",
                                "Riverton FM",
                                "reason",
                                "Neck pain",
                                "referralDate",
                                today,
                                "urgency",
                                "ROUTINE")));
        w.put(
                Permission.WRITE_PROBLEMS,
                add(
                        "problems",
                        Map.of("icd10Code", "M54.50", "description", "Low back pain", "clinicalStatus", "ACTIVE")));
        w.put(
                Permission.WRITE_IMAGING,
                add(
                        "imaging",
                        Map.of(
                                "modality",
                                "MRI",
                                "bodyRegion",
                                "Lumbar spine",
                                "studyDate",
                                today,
                                "impression",
                                "L4-5 disc protrusion")));
        w.put(
                Permission.WRITE_PRIOR_TREATMENTS,
                add(
                        "treatments",
                        Map.of("therapy", "Physical therapy", "startDate", "2025-01-06", "result", "PARTIAL")));
        w.put(
                Permission.WRITE_MEDICATIONS,
                new Write(patient, (h, role) -> h.postForm(p + "/medications", medication("5 mg"))));
        w.put(
                Permission.WRITE_ALLERGIES,
                add("allergies", Map.of("substance", "Penicillin", "reaction", "Rash", "severity", "MILD")));
        w.put(
                Permission.WRITE_ENCOUNTERS,
                add(
                        "encounters",
                        Map.of(
                                "encounterDate",
                                today,
                                "encounterType",
                                "Follow-up",
                                "clinician",
                                "Dr. Patel",
                                "summary",
                                "Seen")));
        w.put(
                Permission.WRITE_DOCUMENTS,
                add(
                        "documents",
                        Map.of(
                                "title",
                                "Letter",
                                "documentDate",
                                today,
                                "contentType",
                                "text/plain",
                                "content",
                                "Dear colleague")));
        w.put(
                Permission.RECORD_INSTRUMENTS,
                new Write(
                        patient,
                        (h, role) ->
                                h.postForm(p + "/instruments/NRS", Map.of("administeredOn", today, "item.pain", "5"))));
        w.put(
                Permission.MOVE_STEP,
                new Write(
                        patient,
                        (h, role) -> h.postForm(p + "/step", Map.of("step", "IN_EVALUATION", "note", "matrix"))));
        w.put(
                Permission.REPORT_SAFETY_CONCERN,
                new Write(
                        safetyPatient,
                        (h, role) -> h.postForm(
                                "/patients/" + safetyPatient + "/safety/concerns",
                                Map.of("concern", "PSYCHOSIS", "note", "Observed in clinic"))));
        w.put(Permission.DOCUMENT_SAFETY_FOLLOW_UP, new Write(safetyPatient, (h, role) -> {
            UUID alert = safety.report(
                            physician, safetyPatient, SafetyFlag.Concern.SUICIDAL_IDEATION, "Said so in the visit")
                    .id();
            return h.postForm(
                    "/patients/" + safetyPatient + "/safety/alerts/" + alert + "/follow-up",
                    Map.of("risk", "LOW", "actionTaken", "Safety plan made with the patient"));
        }));
        w.put(
                Permission.RELEASE_CARE_HOLD,
                new Write(
                        holdPatient,
                        (h, role) -> h.postForm(
                                "/patients/" + holdPatient + "/safety/hold/release",
                                Map.of("reason", "Followed up, risk low, care may resume"))));
        w.put(
                Permission.RECORD_CANDIDACY_CALL,
                new Write(
                        patient,
                        (h, role) -> h.postForm(
                                p + "/candidacy/call",
                                Map.of("finalCall", "NOT_YET", "reason", "More conservative care first"))));
        w.put(
                Permission.START_EVALUATION,
                new Write(patient, (h, role) -> h.postForm(p + "/evaluation/start", Map.of())));
        w.put(
                Permission.WRITE_EVALUATION_FINDINGS,
                add(
                        "diagnoses",
                        Map.of(
                                "episodeId",
                                episode.toString(),
                                "icd10Code",
                                "M54.16",
                                "description",
                                "Lumbar radiculopathy",
                                "certainty",
                                "CONFIRMED")));
        w.put(
                Permission.WRITE_PSYCH_EVALUATION,
                add(
                        "psych-evaluations",
                        Map.of("episodeId", episode.toString(), "evaluatedOn", today, "conclusion", "CLEARED")));
        w.put(
                Permission.WRITE_PSYCHOTHERAPY_NOTES,
                add(
                        "psychotherapy-notes",
                        Map.of("episodeId", episode.toString(), "noteDate", today, "note", "Session one")));
        w.put(
                Permission.READ_PSYCHOTHERAPY_NOTES,
                new Write(patient, (h, role) -> h.get("/api/patients/" + patient + "/psychotherapy-notes")));
        w.put(
                Permission.SIGN_EVALUATION,
                new Write(patient, (h, role) -> h.postForm(p + "/evaluation/" + episode + "/sign", Map.of())));
        w.put(
                Permission.PROPOSE_PLAN,
                new Write(
                        patient,
                        (h, role) -> h.postForm(
                                p + "/plan",
                                Map.of(
                                        "goal[0].kind",
                                        "FUNCTION",
                                        "goal[0].description",
                                        "Walk 30 minutes",
                                        "therapy[0].code",
                                        "PT",
                                        "therapy[0].owner",
                                        staff.findByUsername("pt.garcia")
                                                .orElseThrow()
                                                .id()
                                                .toString(),
                                        "therapy[0].frequency",
                                        "2x a week",
                                        "therapy[0].start",
                                        today,
                                        "changeReason",
                                        "matrix"))));
        w.put(
                Permission.SIGN_PLAN,
                new Write(patient, (h, role) -> h.postForm(p + "/plan/" + planVersion + "/sign", Map.of())));
        w.put(
                Permission.ORDER_PROCEDURE,
                new Write(
                        patient,
                        (h, role) -> h.postForm(
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
                                        LocalDate.now().plusDays(7).toString(),
                                        "indication",
                                        "RADICULOPATHY",
                                        "steroidMg",
                                        "40",
                                        "imageGuidance",
                                        "on"))));
        w.put(
                Permission.OVERRIDE_BLOCK,
                new Write(
                        patient,
                        (h, role) -> h.postForm(
                                p + "/procedures/orders/" + order + "/override",
                                Map.of("reason", "Judgement after discussing with the patient"))));
        w.put(
                Permission.DOCUMENT_PROCEDURE,
                add(
                        "procedures",
                        Map.of(
                                "type",
                                "ESI_TRANSFORAMINAL",
                                "performedOn",
                                today,
                                "region",
                                "LUMBAR",
                                "side",
                                "LEFT",
                                "levels",
                                "1",
                                "imageGuidance",
                                "FLUOROSCOPY")));
        w.put(
                Permission.RECORD_PROCEDURE_FOLLOW_UP,
                add(
                        "procedure-followups",
                        Map.of(
                                "procedureId",
                                performed.toString(),
                                "point",
                                "TWO_WEEKS",
                                "followedUpOn",
                                today,
                                "reliefPercent",
                                "60")));
        w.put(
                Permission.BREAK_THE_GLASS,
                new Write(
                        offTeamPatient,
                        (h, role) -> h.postForm(
                                "/patients/" + offTeamPatient + "/break-glass",
                                Map.of("reason", "Covering for a colleague today"))));
        w.put(
                Permission.MANAGE_PORTAL_ACCESS,
                new Write(patient, (h, role) -> h.postForm("/patients/" + patient + "/portal/invite", Map.of())));
        w.put(Permission.SEARCH_WHOLE_CLINIC, new Write(null, (h, role) -> h.get("/patients?q=Matrix&scope=CLINIC")));
        w.put(
                Permission.ADMINISTER,
                new Write(
                        null,
                        (h, role) -> h.postForm(
                                "/admin/staff/"
                                        + staff.findByUsername("desk.miller")
                                                .orElseThrow()
                                                .id() + "/enabled",
                                Map.of("enabled", "true"))));
        return w;
    }

    private Write add(String slug, Map<String, String> fields) {
        return new Write(patient, (h, role) -> h.postForm("/patients/" + patient + "/" + slug, fields));
    }

    /** State a write needs again before each role tries it. */
    private void beforeEach(Permission permission) {
        if (permission == Permission.RELEASE_CARE_HOLD && !safety.isOnHold(holdPatient)) {
            var alert = safety.report(physician, holdPatient, SafetyFlag.Concern.SUICIDAL_IDEATION, "Said so");
            safety.followUp(
                    physician,
                    holdPatient,
                    alert.id(),
                    SafetyProtocol.RiskLevel.LOW,
                    "Safety plan made with the patient");
        }
    }

    private static Map<String, String> medication(String dose) {
        return new HashMap<>(Map.of(
                "name",
                "Oxycodone 5 MG Oral Tablet",
                "drugClass",
                "OPIOID",
                "dose",
                dose,
                "frequency",
                "every 6 hours",
                "route",
                "oral",
                "status",
                "ACTIVE"));
    }

    private Map<String, String> registration(String familyName) {
        Map<String, String> f = new HashMap<>();
        f.put("d.familyName", familyName);
        f.put("d.givenName", "Alex");
        f.put("d.birthDate", "1966-03-03");
        f.put("d.sex", "OTHER");
        f.put("r.referringClinician", "Dr. Ward");
        f.put("r.referringPractice", "Riverton FM");
        f.put("r.reason", "Back pain");
        f.put("r.referralDate", LocalDate.now().toString());
        f.put("r.urgency", "ROUTINE");
        f.put("coordinatingPhysicianId", physician.staffId().toString());
        return f;
    }

    private Http session(Role role) {
        return Http.session(
                port,
                USERS.get(role),
                role == Role.ADMIN ? IntegrationTest.ADMIN_PASSWORD : IntegrationTest.DEMO_PASSWORD);
    }

    private void setUp() {
        physician = Fixtures.actor(staff, "dr.patel");
        Actor desk = Fixtures.actor(staff, "desk.miller");
        patient = onWholeTeam(patients.register(desk, Fixtures.registration(physician.staffId()))
                .id());
        safetyPatient = onWholeTeam(patients.register(desk, Fixtures.registration(physician.staffId()))
                .id());
        holdPatient = onWholeTeam(patients.register(desk, Fixtures.registration(physician.staffId()))
                .id());
        offTeamPatient = patients.register(
                        desk,
                        Fixtures.registration(
                                staff.findByUsername("dr.okafor").orElseThrow().id()))
                .id();
        episode = evaluations.start(physician, patient);
        UUID ptId = staff.findByUsername("pt.garcia").orElseThrow().id();
        planVersion = plans.propose(
                        physician,
                        patient,
                        List.of(new PlanVersion.Goal(PlanVersion.GoalKind.FUNCTION, "Walk the dog", null, null, null)),
                        List.of(new PlanVersion.PlannedTherapy(
                                "PT", ptId, null, "2x a week", "6 weeks", null, null, LocalDate.now(), null)),
                        null,
                        0)
                .id();
        order = orders.order(
                        physician,
                        patient,
                        new Facts.Order(
                                ProcedureType.ESI_TRANSFORAMINAL,
                                Facts.Region.LUMBAR,
                                Facts.Side.LEFT,
                                1,
                                LocalDate.now().plusDays(7),
                                Facts.Indication.RADICULOPATHY,
                                40.0,
                                false,
                                true,
                                null,
                                false,
                                null))
                .id();
        performed = charts.add(
                        physician,
                        patient,
                        ProcedureKinds.PERFORMED,
                        new Documentation.Performed(
                                null,
                                ProcedureType.ESI_TRANSFORAMINAL,
                                LocalDate.now().minusDays(14),
                                Facts.Region.LUMBAR,
                                Facts.Side.LEFT,
                                1,
                                7,
                                3,
                                "Dexamethasone",
                                10,
                                Documentation.Guidance.FLUOROSCOPY,
                                null))
                .entryId();
    }

    private UUID onWholeTeam(UUID patientId) {
        for (Role role : Role.staff()) {
            if (role != Role.ADMIN) {
                UUID id = staff.findByUsername(USERS.get(role)).orElseThrow().id();
                if (!teams.isMember(id, patientId)) {
                    teams.add(patientId, id, "test");
                }
            }
        }
        return patientId;
    }
}
