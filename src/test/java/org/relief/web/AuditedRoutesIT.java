package org.relief.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.relief.assessment.Assessments;
import org.relief.careteam.Actor;
import org.relief.careteam.StaffDirectory;
import org.relief.fhir.token.ApiTokens;
import org.relief.patient.ChartService;
import org.relief.patient.EntryKind;
import org.relief.patient.Patients;
import org.relief.support.Fixtures;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every patient-scoped route the application serves (HTML pages and forms, the JSON API, FHIR), taken from
 * Spring's own request mappings so that a new route is walked as soon as it exists, and checks the audit log: each
 * access by a care-team clinician leaves exactly one row naming the patient, each off-team attempt exactly one
 * DENIED row naming the patient. A route whose path variables the walk cannot fill fails the test: say here what to
 * put in them.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditedRoutesIT {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)(?::[^}]*)?}");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Patients patients;

    @Autowired
    ChartService charts;

    @Autowired
    Assessments assessments;

    @Autowired
    StaffDirectory staff;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    UUID patient;
    UUID problem;
    UUID referral;
    UUID response;
    String onTeamToken;
    String offTeamToken;

    @BeforeAll
    void aPatientOfDrPatel() {
        Actor patel = Fixtures.actor(staff, "dr.patel");
        patient = patients.register(
                        Fixtures.actor(staff, "desk.miller"), Fixtures.registration(patel.staffId(), "Auditedroutes"))
                .id();
        problem = charts.add(patel, patient, EntryKind.PROBLEM, Fixtures.lowBackPain())
                .entryId();
        referral = charts.entries(patel, patient, EntryKind.REFERRAL).get(0).entryId();
        response = assessments
                .record(patel, patient, "NRS", LocalDate.now().minusDays(1), Map.of("pain", 6))
                .entryId();
        Actor admin = Fixtures.actor(staff, "admin");
        onTeamToken = tokens.issue(admin, "route walk on team", Set.of("read", "write"), patel.staffId())
                .token();
        offTeamToken = tokens.issue(
                        admin,
                        "route walk off team",
                        Set.of("read", "write"),
                        staff.findByUsername("acu.chen").orElseThrow().id())
                .token();
    }

    /** One patient-scoped route: a method and a path pattern. */
    record Route(RequestMethod method, String pattern) {

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    List<Route> patientRoutes() {
        Set<Route> routes = new java.util.LinkedHashSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!patientScoped(pattern)) {
                    continue;
                }
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.add(new Route(m, pattern));
                }
            }
        });
        List<Route> list = new ArrayList<>(routes);
        list.sort(java.util.Comparator.comparing(Route::toString));
        return list;
    }

    static boolean patientScoped(String pattern) {
        return pattern.startsWith("/patients/{id}")
                || pattern.startsWith("/api/patients/{id}")
                || pattern.startsWith("/fhir/Patient/{id}")
                || pattern.startsWith("/fhir/{type");
    }

    @Test
    void theWalkFindsTheRoutesOfEveryDoor() {
        List<String> patterns = patientRoutes().stream().map(Route::pattern).toList();
        assertThat(patterns).contains("/patients/{id}", "/api/patients/{id}", "/fhir/Patient/{id}/$everything");
        assertThat(patientRoutes()).hasSizeGreaterThan(40);
    }

    @Test
    void everyAccessByTheCareTeamLeavesOneRowNamingThePatient() {
        List<String> problems = new ArrayList<>();
        for (Route route : patientRoutes()) {
            if (route.method() != RequestMethod.GET) {
                continue; // writes: see everyOffTeamAttemptIsAuditedOnce and aWriteThatSavesNothingIsAuditedOnce
            }
            String path = path(route);
            long before = lastId();
            HttpResponse<String> r = send(route.method(), path, true);
            List<String> rows = rowsSince(before);
            if (r.statusCode() >= 400) {
                problems.add(route + " -> " + r.statusCode() + " for a care-team physician");
            } else if (rows.size() != 1) {
                problems.add(route + " -> " + rows.size() + " audit rows naming the patient " + rows);
            }
        }
        assertThat(problems).as("routes").isEmpty();
    }

    @Test
    void everyOffTeamAttemptIsAuditedOnce() {
        List<String> problems = new ArrayList<>();
        for (Route route : patientRoutes()) {
            String path = path(route);
            long before = lastId();
            HttpResponse<String> r = send(route.method(), path, false);
            List<String> rows = rowsSince(before);
            boolean breakGlass = route.pattern().endsWith("/break-glass");
            if (!(r.statusCode() == 403 || breakGlass && r.statusCode() == 400)) {
                problems.add(route + " -> " + r.statusCode() + " off the team");
            } else if (rows.size() != 1 || !rows.get(0).startsWith("DENIED")) {
                problems.add(route + " -> " + rows.size() + " audit rows naming the patient " + rows);
            }
        }
        assertThat(problems).as("routes").isEmpty();
        assertThat(jdbc.sql("select count(*) from break_glass where patient_id = ?")
                        .param(patient)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void everyRouteAskedForAnUnknownPatientIsAuditedOnce() {
        UUID known = patient;
        List<String> problems = new ArrayList<>();
        try {
            for (Route route : patientRoutes()) {
                if (route.method() != RequestMethod.GET || route.pattern().startsWith("/fhir/{type")) {
                    continue; // a FHIR resource read names the resource, not the patient: no patient to name
                }
                patient = UUID.randomUUID();
                String path = path(route);
                long before = lastId();
                HttpResponse<String> r = send(route.method(), path, true);
                List<String> rows = rowsSince(before);
                if (r.statusCode() != 404) {
                    problems.add(route + " -> " + r.statusCode() + " for an unknown patient");
                } else if (rows.size() != 1 || !rows.get(0).contains("NOT FOUND")) {
                    problems.add(route + " -> " + rows.size() + " audit rows naming the unknown patient " + rows);
                }
            }
        } finally {
            patient = known;
        }
        assertThat(problems).as("routes").isEmpty();
    }

    @Test
    void aWriteThatSavesNothingIsAuditedOnce() {
        Http page = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        long before = lastId();
        var r = page.postForm("/patients/" + patient + "/problems", Map.of("description", ""));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(rowsSince(before)).singleElement().asString().contains("NOTHING SAVED");
    }

    @Test
    void anUnknownPatientIsAuditedToo() {
        UUID nobody = UUID.randomUUID();
        Http api = Http.basic(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        long before = lastId();
        assertThat(api.get("/api/patients/" + nobody).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select outcome from audit_event where id > ? and patient_id = ?")
                        .params(before, nobody)
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .startsWith("NOT FOUND");
    }

    @Test
    void aRefusalOfTheTokensScopeOnFhirIsAuditedNamingThePatient() {
        String readOnly = tokens.issue(
                        Fixtures.actor(staff, "admin"),
                        "route walk read only",
                        Set.of("read"),
                        staff.findByUsername("dr.patel").orElseThrow().id())
                .token();
        long before = lastId();
        // a write (PUT) needs the write scope; $everything, even by POST, is a read
        HttpResponse<String> r = bearer("PUT", "/fhir/Patient/" + patient, readOnly);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(rowsSince(before)).singleElement().asString().startsWith("DENIED");
    }

    @Test
    void searchResultsAreAuditedPerPatientShown() {
        String mrn = patients.summary(patient).mrn();
        Http page = Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        long before = lastId();
        assertThat(page.get("/patients?q=" + mrn).body()).contains(mrn);
        assertThat(rowsSince(before)).singleElement().asString().startsWith("SEARCH");
    }

    @Test
    void aOneLetterClinicWideSearchFindsNobodyAndSaysWhatItNeeds() {
        Http api = Http.basic(port, "chiro.lee", IntegrationTest.DEMO_PASSWORD);
        var r = api.get("/api/patients?scope=CLINIC&q=a&limit=200");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body())
                .contains("\"q\"")
                .contains("full name")
                .contains("date of birth")
                .contains("record number")
                .doesNotContain("\"mrn\"");
        Http page = Http.session(port, "chiro.lee", IntegrationTest.DEMO_PASSWORD);
        var html = page.get("/patients?scope=CLINIC&q=t");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body())
                .contains("Nothing is shown")
                .contains("full name and the date of birth")
                .doesNotContain("/patients/" + patient);
    }

    @Test
    void aClinicWideSearchByFullNameAndBirthDateShowsIdentityOnlyAuditedPerPatient() {
        var p = patients.summary(patient);
        Http api = Http.basic(port, "chiro.lee", IntegrationTest.DEMO_PASSWORD);
        long before = lastId();
        var r = api.get("/api/patients?scope=CLINIC&q="
                + java.net.URLEncoder.encode(
                        p.givenName() + " " + p.familyName() + " " + p.birthDate(),
                        java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains(p.mrn()).doesNotContain("\"step\"");
        assertThat(rowsSince(before)).singleElement().asString().startsWith("SEARCH");
        var byNameOnly = api.get("/api/patients?scope=CLINIC&q="
                + java.net.URLEncoder.encode(
                        p.givenName() + " " + p.familyName(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(byNameOnly.statusCode()).isEqualTo(400);
    }

    /** The route's path with its variables filled in; fails for a variable the walk does not know. */
    String path(Route route) {
        String pattern = route.pattern();
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String before = pattern.substring(0, m.start());
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), before, route)));
        }
        m.appendTail(out);
        if (pattern.matches("/fhir/\\{type[^}]*}")) {
            out.append("?patient=").append(patient);
        }
        return out.toString();
    }

    private String value(String variable, String before, Route route) {
        return switch (variable) {
            case "id" -> before.startsWith("/fhir/{type") ? problem.toString() : patient.toString();
            case "slug", "section" -> "problems";
            case "code" -> "NRS";
            case "type" -> "Condition";
            case "entryId" ->
                before.contains("/instruments/")
                        ? response.toString()
                        : before.endsWith("/demographics/")
                                ? patient.toString()
                                : before.endsWith("/referrals/") ? referral.toString() : problem.toString();
            // only write routes name these: off the team the guard refuses before they are looked up
            case "episodeId", "alertId", "versionId", "orderId", "appointmentId" ->
                UUID.randomUUID().toString();
            default ->
                throw new AssertionError("The route walk does not know what to put in {" + variable + "} of " + route
                        + ": add it to AuditedRoutesIT.value");
        };
    }

    private HttpResponse<String> send(RequestMethod method, String path, boolean onTeam) {
        String user = onTeam ? "dr.patel" : "acu.chen";
        if (path.startsWith("/fhir")) {
            return bearer(method.name(), path, onTeam ? onTeamToken : offTeamToken);
        }
        if (path.startsWith("/api")) {
            Http api = Http.basic(port, user, IntegrationTest.DEMO_PASSWORD);
            // well-formed bodies (a body Jackson cannot read is refused before any patient is looked at)
            return switch (method) {
                case GET -> api.get(path);
                case PUT -> api.putJson(path, "{\"version\":1,\"reason\":\"walking every route\"}");
                default ->
                    api.postJson(
                            path,
                            path.endsWith("/break-glass")
                                    ? "{\"reason\":\"\"}"
                                    : path.endsWith("/void")
                                            ? "{\"version\":1,\"reason\":\"walking every route\"}"
                                            : path.contains("/procedure-orders")
                                                    ? "{\"levels\":1,\"particulateSteroid\":false,"
                                                            + "\"imageGuidance\":true,\"bleedingRiskFactors\":false}"
                                                    : "{}");
            };
        }
        Http page = Http.session(port, user, IntegrationTest.DEMO_PASSWORD);
        if (method == RequestMethod.GET) {
            return page.get(path);
        }
        return page.postForm(
                path,
                Map.of(
                        "version",
                        "1",
                        "step",
                        "IN_EVALUATION",
                        "reason",
                        path.endsWith("/break-glass") ? "" : "walking every route for the audit test",
                        "note",
                        "walking every route",
                        "actionTaken",
                        "walking every route for the audit test"));
    }

    private HttpResponse<String> bearer(String method, String path, String token) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/fhir+json")
                                    .method(
                                            method,
                                            method.equals("GET")
                                                    ? HttpRequest.BodyPublishers.noBody()
                                                    : HttpRequest.BodyPublishers.ofString("{}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long lastId() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_event")
                .query(Long.class)
                .single();
    }

    /** The rows naming the patient since {@code id}: "ACTION what: outcome". */
    private List<String> rowsSince(long id) {
        // a write that saved nothing is audited when its request completes: give it that moment
        List<String> rows = List.of();
        for (int i = 0; i < 20; i++) {
            rows = jdbc.sql("select action || ' ' || what || ': ' || outcome from audit_event "
                            + "where id > ? and patient_id = ? order by id")
                    .params(id, patient)
                    .query(String.class)
                    .list();
            if (!rows.isEmpty()) {
                break;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rows;
    }
}
