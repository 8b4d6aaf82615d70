package org.relief.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relief.careteam.CareTeams;
import org.relief.careteam.StaffDirectory;
import org.relief.evaluation.EvaluationKinds;
import org.relief.patient.EntryKind;
import org.relief.procedure.ProcedureKinds;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Walks every page of the demo clinic (each patient's chart, sections, forms, entry histories, instrument pages;
 * the dashboard, search, alerts, therapy catalogue, admin pages) and looks in the text a person reads (tags, scripts
 * and attribute values removed) for internal codes: enum names (LUMBAR, EMG_NERVE_CONDUCTION, CANDIDATE,
 * PHQ9_ITEM9), the word "null", and field names shown as words ("Pre nrs").
 */
@IntegrationTest
class NoRawCodesIT {

    /** Abbreviations a person does read as such. */
    private static final Set<String> ALLOWED = Set.of(
            "MRI",
            "CT",
            "NSAID",
            "ICD",
            "CPT",
            "ESI",
            "RFA",
            "SCS",
            "PNS",
            "SIJ",
            "MBB",
            "NRS",
            "PHQ",
            "GAD",
            "PEG",
            "BPI",
            "ODI",
            "PCS",
            "EMG",
            "TENS",
            "FHIR",
            "MRN",
            "LOINC",
            "SNOMED",
            "CBT",
            "DEXA",
            "API",
            "OK",
            "LCD",
            "IMMPACT",
            "CDC",
            "ACR",
            "AUDIT",
            "NOT",
            "ID",
            "HTML",
            "JSON",
            "CSV",
            "PDF",
            "URL",
            "UNVERIFIED",
            "PT",
            "MP",
            "IV",
            "PRN");

    private static final Pattern TAGS = Pattern.compile("(?s)<script.*?</script>|<style.*?</style>|<[^>]+>");
    private static final Pattern UPPER = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\b");
    private static final Pattern NULL = Pattern.compile("\\bnull\\b");
    private static final Pattern FIELD_WORDS = Pattern.compile("\\b(Pre nrs|Post nrs|Steroid mg|Relief percent|"
            + "Relief lasted weeks|Procedure id|Order id|Rxnorm code|Icd10 code|Snomed code)\\b");

    private static final java.util.Map<String, String> TABLES = java.util.Map.ofEntries(
            java.util.Map.entry("demographics", "demographics"),
            java.util.Map.entry("referrals", "referral"),
            java.util.Map.entry("problems", "problem"),
            java.util.Map.entry("imaging", "imaging_study"),
            java.util.Map.entry("treatments", "prior_treatment"),
            java.util.Map.entry("medications", "medication"),
            java.util.Map.entry("allergies", "allergy"),
            java.util.Map.entry("encounters", "encounter"),
            java.util.Map.entry("documents", "document"),
            java.util.Map.entry("procedures", "procedure_record"),
            java.util.Map.entry("procedure-followups", "procedure_followup"),
            java.util.Map.entry("evaluation-sessions", "evaluation_session"),
            java.util.Map.entry("exams", "physical_exam"),
            java.util.Map.entry("diagnostic-tests", "diagnostic_test"),
            java.util.Map.entry("psych-evaluations", "psych_evaluation"),
            java.util.Map.entry("psychotherapy-notes", "psychotherapy_note"),
            java.util.Map.entry("diagnoses", "diagnosis"));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CareTeams teams;

    @Autowired
    StaffDirectory staff;

    @Test
    void noPageShowsAnInternalCode() {
        Set<String> codes = enumNames();
        UUID physician = staff.findByUsername("dr.patel").orElseThrow().id();
        List<UUID> patients =
                jdbc.sql("select id from patient order by id").query(UUID.class).list();
        for (UUID p : patients) {
            if (!teams.isMember(physician, p)) {
                teams.add(p, physician, "test");
            }
        }
        Http web = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        List<String> findings = new ArrayList<>();
        Set<String> paths = new LinkedHashSet<>(
                List.of("/", "/patients", "/patients?scope=CLINIC", "/safety/alerts", "/therapies", "/referrals/new"));
        List<EntryKind<?>> kinds = new ArrayList<>(EntryKind.ALL);
        kinds.addAll(List.of(
                ProcedureKinds.PERFORMED,
                ProcedureKinds.FOLLOW_UP,
                EvaluationKinds.SESSION,
                EvaluationKinds.EXAM,
                EvaluationKinds.TEST,
                EvaluationKinds.PSYCH,
                EvaluationKinds.PSYCH_NOTE,
                EvaluationKinds.DIAGNOSIS));
        for (UUID p : patients) {
            String base = "/patients/" + p;
            paths.addAll(List.of(
                    base,
                    base + "?full=true",
                    base + "/candidacy/section",
                    base + "/evaluation",
                    base + "/evaluation/summary",
                    base + "/instruments/section",
                    base + "/letters",
                    base + "/plan",
                    base + "/plan/summary",
                    base + "/procedures",
                    base + "/procedures/summary",
                    base + "/safety/banner"));
            for (String code : List.of("NRS", "PEG", "ODI", "PHQ9", "GAD7", "PCS", "BPI", "CSSRS", "RMDQ")) {
                paths.add(base + "/instruments/" + code);
            }
            for (EntryKind<?> k : kinds) {
                paths.add(base + "/" + k.slug() + "/new");
            }
        }
        // a few entries of each kind: their edit forms and histories
        for (EntryKind<?> k : kinds) {
            jdbc.sql("select distinct patient_id, entry_id from " + TABLES.get(k.slug()) + " limit 3")
                    .query((rs, n) -> "/patients/" + rs.getObject(1) + "/" + k.slug() + "/" + rs.getObject(2))
                    .list()
                    .forEach(e -> {
                        paths.add(e + "/edit");
                        paths.add(e + "/history");
                    });
        }
        for (String path : paths) {
            var res = web.get(path);
            if (res.statusCode() != 200) {
                if (res.statusCode() >= 500) {
                    findings.add(path + ": status " + res.statusCode());
                }
                continue;
            }
            findings.addAll(scan(path, res.body(), codes));
        }
        // the mental health therapist sees psychotherapy notes nobody else reads
        UUID therapist = staff.findByUsername("mh.brooks").orElseThrow().id();
        Http mh = Http.session(port, "mh.brooks", IntegrationTest.DEMO_PASSWORD);
        for (UUID p : patients) {
            if (!teams.isMember(therapist, p)) {
                teams.add(p, therapist, "test");
            }
            for (String path : List.of(
                    "/patients/" + p + "/evaluation",
                    "/patients/" + p + "/plan",
                    "/patients/" + p + "/psychotherapy-notes/new",
                    "/")) {
                var res = mh.get(path);
                if (res.statusCode() == 200) {
                    findings.addAll(scan("mh.brooks " + path, res.body(), codes));
                } else if (res.statusCode() >= 500) {
                    findings.add("mh.brooks " + path + ": status " + res.statusCode());
                }
            }
        }
        Http admin = Http.session(port, "admin", IntegrationTest.ADMIN_PASSWORD);
        // the audit log's "what" column is the event's text as each module wrote it (e.g. "step REFERRED ->
        // ON_PLAN"): a technical record, not walked here; its action and role columns show labels
        for (String path : List.of(
                "/admin",
                "/admin/teams",
                "/admin/overrides",
                "/admin/policy",
                "/admin/break-glass",
                "/admin/instruments")) {
            var res = admin.get(path);
            if (res.statusCode() == 200) {
                findings.addAll(scan(path, res.body(), codes));
            }
        }
        findings.forEach(System.out::println);
        assertThat(findings).as("pages walked: " + paths.size()).isEmpty();
    }

    private static List<String> scan(String path, String html, Set<String> codes) {
        String text = TAGS.matcher(html)
                .replaceAll(" ")
                .replace("&amp;", "&")
                .replace("&#39;", "'")
                .replace("&quot;", "\"");
        Set<String> found = new TreeSet<>();
        Matcher m = UPPER.matcher(text);
        while (m.find()) {
            String token = m.group();
            if ((token.contains("_") || codes.contains(token)) && !ALLOWED.contains(token) && token.length() > 2) {
                found.add(token);
            }
        }
        if (NULL.matcher(text).find()) {
            found.add("null");
        }
        Matcher f = FIELD_WORDS.matcher(text);
        while (f.find()) {
            found.add(f.group());
        }
        return found.isEmpty() ? List.of() : List.of(path + ": " + found);
    }

    /** Every constant of the product's enums (the codes that are stored, never shown). */
    private static Set<String> enumNames() {
        Set<String> names = new TreeSet<>();
        for (Class<?> type : List.of(
                org.relief.patient.Codes.Sex.class,
                org.relief.patient.Codes.Urgency.class,
                org.relief.patient.Codes.ClinicalStatus.class,
                org.relief.patient.Codes.Modality.class,
                org.relief.patient.Codes.TreatmentResult.class,
                org.relief.patient.Codes.DrugClass.class,
                org.relief.patient.Codes.MedicationStatus.class,
                org.relief.patient.Codes.Severity.class,
                org.relief.patient.Step.class,
                org.relief.careteam.Role.class,
                org.relief.evaluation.Findings.Finding.class,
                org.relief.evaluation.Findings.TestKind.class,
                org.relief.evaluation.Findings.Clearance.class,
                org.relief.evaluation.Findings.Certainty.class,
                org.relief.screening.CandidacyRules.Outcome.class,
                org.relief.screening.CandidacyRules.Bearing.class,
                org.relief.screening.SafetyProtocol.RiskLevel.class,
                org.relief.assessment.SafetyFlag.Concern.class,
                org.relief.assessment.SafetyFlag.Risk.class,
                org.relief.plan.PlanVersion.GoalKind.class,
                org.relief.procedure.Documentation.Guidance.class,
                org.relief.procedure.Documentation.Point.class,
                org.relief.procedure.rules.Decision.class,
                org.relief.procedure.rules.Facts.Region.class,
                org.relief.procedure.rules.Facts.Side.class,
                org.relief.procedure.rules.Facts.Indication.class,
                org.relief.procedure.rules.ProcedureType.class)) {
            Arrays.stream(type.getEnumConstants())
                    .map(e -> ((Enum<?>) e).name())
                    .forEach(names::add);
        }
        names.addAll(List.of("PHQ9", "GAD7", "CSSRS", "RMDQ"));
        return names;
    }
}
