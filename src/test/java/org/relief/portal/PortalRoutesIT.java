package org.relief.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.relief.careteam.Actor;
import org.relief.support.ClinicFixture;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every portal route, taken from Spring's request mappings (so a new portal route is walked as soon as it
 * exists), as a signed-in patient: with their own ids every page answers; with any id in the address changed (another
 * patient's, an unknown one; another patient's questionnaire) every method answers 403 or 404 and leaves a DENIED
 * audit row, and nothing of the other patient is shown. A route whose path variables the walk cannot fill fails.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalRoutesIT {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)(?::[^}]*)?}");

    /** Portal routes that name no patient: sign-in, account set-up, and the start that redirects to one's own. */
    private static final Set<String> OPEN = Set.of("/portal", "/portal/login", "/portal/welcome");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ClinicFixture fixture;

    @Autowired
    PortalAccounts accounts;

    @Autowired
    Questionnaires questionnaires;

    @Autowired
    JdbcClient jdbc;

    UUID anna;
    UUID ben;
    UUID annasAssignment;
    UUID bensAssignment;
    Http annaSession;

    @BeforeAll
    void twoPatientsWithAccounts() {
        Actor patel = fixture.actor("dr.patel");
        anna = fixture.patient().create();
        ben = fixture.patient().create();
        PortalSupport.account(accounts, patel, anna, "walk.anna");
        PortalSupport.account(accounts, patel, ben, "walk.ben");
        annasAssignment = questionnaires
                .assign(patel, anna, "GAD7", LocalDate.now().plusDays(3))
                .id();
        bensAssignment = questionnaires
                .assign(patel, ben, "GAD7", LocalDate.now().plusDays(3))
                .id();
        annaSession = PortalSupport.session(port, "walk.anna");
    }

    record Route(RequestMethod method, String pattern) {

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    List<Route> portalRoutes() {
        Set<Route> routes = new LinkedHashSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/portal")) {
                    continue;
                }
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.add(new Route(m, pattern));
                }
            }
        });
        List<Route> list = new ArrayList<>(routes);
        list.sort(Comparator.comparing(Route::toString));
        return list;
    }

    @Test
    void everyPortalRouteNamesThePatientOrIsTheSignIn() {
        List<String> unscoped = portalRoutes().stream()
                .map(Route::pattern)
                .filter(p -> !p.startsWith("/portal/patients/{id}"))
                .distinct()
                .toList();
        assertThat(OPEN).containsAll(unscoped);
        assertThat(portalRoutes()).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void withTheirOwnIdsThePatientsPagesAnswerAndEachIsAudited() {
        List<String> problems = new ArrayList<>();
        for (Route route : scoped()) {
            if (route.method() != RequestMethod.GET) {
                continue;
            }
            String path = path(route, v -> own(v));
            long before = lastId();
            HttpResponse<String> r = annaSession.get(path);
            if (r.statusCode() != 200) {
                problems.add(route + " -> " + r.statusCode() + " for the patient herself");
            } else if (rows(before, anna).isEmpty()) {
                problems.add(route + " -> no audit row naming her");
            }
        }
        assertThat(problems).as("routes").isEmpty();
    }

    @Test
    void anotherPatientsIdInTheAddressIsRefusedAndAudited() {
        walkTampered("another patient's id", v -> v.equals("id") ? ben.toString() : own(v), ben, 403);
    }

    @Test
    void anUnknownIdInTheAddressIsNotFoundAndAudited() {
        UUID nobody = UUID.randomUUID();
        walkTampered("an unknown patient id", v -> v.equals("id") ? nobody.toString() : own(v), nobody, 404);
    }

    @Test
    void anotherPatientsQuestionnaireUnderOnesOwnIdIsNotFoundAndAudited() {
        List<Route> withAssignment = scoped().stream()
                .filter(r -> r.pattern().contains("{assignmentId}"))
                .toList();
        assertThat(withAssignment).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Route route : withAssignment) {
            String path = path(route, v -> v.equals("assignmentId") ? bensAssignment.toString() : own(v));
            long before = lastId();
            HttpResponse<String> r = send(route.method(), path);
            List<String> rows = rows(before, anna);
            if (r.statusCode() != 404) {
                problems.add(route + " -> " + r.statusCode() + " for Ben's questionnaire");
            } else if (rows.stream().noneMatch(s -> s.startsWith("DENIED") && s.contains("NOT FOUND"))) {
                problems.add(route + " -> no DENIED row " + rows);
            }
            if (r.body().contains("GAD-7") && r.body().contains(bensAssignment.toString())) {
                problems.add(route + " -> shows Ben's questionnaire");
            }
        }
        assertThat(problems).as("routes").isEmpty();
        assertThat(jdbc.sql("select count(*) from portal_assignment_answer where assignment_id = ?")
                        .param(bensAssignment)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private void walkTampered(String what, Function<String, String> values, UUID named, int expected) {
        List<String> problems = new ArrayList<>();
        long diaryBefore = diaryRows(ben);
        for (Route route : scoped()) {
            String path = path(route, values);
            long before = lastId();
            HttpResponse<String> r = send(route.method(), path);
            List<String> rows = rows(before, named);
            if (r.statusCode() != expected) {
                problems.add(route + " -> " + r.statusCode() + " with " + what);
            } else if (rows.isEmpty() || !rows.get(0).startsWith("DENIED")) {
                problems.add(route + " -> audit rows naming the id: " + rows);
            }
            if (r.body().contains("Testperson")) {
                problems.add(route + " -> shows a name");
            }
        }
        assertThat(problems).as("routes").isEmpty();
        assertThat(diaryRows(ben)).isEqualTo(diaryBefore);
    }

    private List<Route> scoped() {
        List<Route> scoped = portalRoutes().stream()
                .filter(r -> r.pattern().startsWith("/portal/patients/{id}"))
                .toList();
        assertThat(scoped).hasSizeGreaterThanOrEqualTo(7);
        return scoped;
    }

    private HttpResponse<String> send(RequestMethod method, String path) {
        if (method == RequestMethod.GET) {
            return annaSession.get(path);
        }
        // a well-formed post (a full diary day, a full answer): refused for the address, not for the body
        Map<String, String> body = path.endsWith("/diary")
                ? Map.of(
                        "painNow", "4",
                        "painAverage", "5",
                        "enjoyment", "3",
                        "generalActivity", "3",
                        "sleepQuality", "6",
                        "activityMinutes", "20")
                : Map.of(
                        "item.q1", "1", "item.q2", "1", "item.q3", "0", "item.q4", "0", "item.q5", "0", "item.q6", "0",
                        "item.q7", "0");
        return PortalSupport.post(annaSession, "/portal/patients/" + anna + "/diary", path, body);
    }

    private String own(String variable) {
        return switch (variable) {
            case "id" -> anna.toString();
            case "assignmentId" -> annasAssignment.toString();
            default ->
                throw new AssertionError("The portal walk does not know what to put in {" + variable
                        + "}: add it to PortalRoutesIT.own");
        };
    }

    private static String path(Route route, Function<String, String> values) {
        Matcher m = VARIABLE.matcher(route.pattern());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private long lastId() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_event")
                .query(Long.class)
                .single();
    }

    private long diaryRows(UUID patient) {
        return jdbc.sql("select count(*) from diary_entry where patient_id = ?")
                .param(patient)
                .query(Long.class)
                .single();
    }

    /** Rows naming the patient since {@code id}, oldest first: "ACTION what: outcome". */
    private List<String> rows(long id, UUID patient) {
        List<String> rows = List.of();
        for (int i = 0; i < 20 && rows.isEmpty(); i++) {
            rows = jdbc.sql("select action || ' ' || what || ': ' || outcome from audit_event "
                            + "where id > ? and patient_id = ? order by id")
                    .params(id, patient)
                    .query(String.class)
                    .list();
            if (rows.isEmpty()) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return rows;
    }
}
