package relief.bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A physician's working day, compressed: sign in once through the login form, then keep opening the
 * ten-year-history chart (HTML page and JSON) and searching patients by family name (the htmx results
 * fragment and the JSON API), with no think time.
 *
 * <p>Closed model: a fixed number of concurrent users (default 32) after a short ramp. Parameters are
 * Java system properties, passed on the Maven command line by run.sh:
 * <ul>
 *   <li>{@code baseUrl} (default http://127.0.0.1:18080)</li>
 *   <li>{@code patientId} (required) the chart to open</li>
 *   <li>{@code username} (default dr.patel), {@code password} (default bench-demo-pass)</li>
 *   <li>{@code users} (default 32), {@code ramp} seconds (default 10), {@code duration} seconds at full
 *       concurrency (default 60)</li>
 * </ul>
 *
 * <p>There are no assertions: response times are recorded in BENCHMARKS.md, not enforced.
 */
public class ChartSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("baseUrl", "http://127.0.0.1:18080");
    private static final String PATIENT_ID = required("patientId");
    private static final String USERNAME = System.getProperty("username", "dr.patel");
    private static final String PASSWORD = System.getProperty("password", "bench-demo-pass");
    private static final int USERS = Integer.getInteger("users", 32);
    private static final int RAMP_SECONDS = Integer.getInteger("ramp", 10);
    private static final int DURATION_SECONDS = Integer.getInteger("duration", 60);

    /** Family names that occur in the generated demo clinic (DemoCatalog.FAMILY). */
    private static final List<String> SEARCH_TEXTS = List.of(
            "Alvarez", "Bennett", "Castillo", "Dubois", "Eriksen", "Rossi", "Santos", "Novak");

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Missing -D" + name + "=... (run the benchmark with bench/run.sh)");
        }
        return value;
    }

    /** An endless feeder of random search texts, one per loop iteration. */
    private static final Iterator<Map<String, Object>> SEARCHES = Stream
            .generate(() -> Map.<String, Object>of("q",
                    SEARCH_TEXTS.get(ThreadLocalRandom.current().nextInt(SEARCH_TEXTS.size()))))
            .iterator();

    private final HttpProtocolBuilder httpProtocol = http
            .baseUrl(BASE_URL)
            .acceptEncodingHeader("gzip, deflate")
            .acceptLanguageHeader("en")
            .userAgentHeader("relief-bench (Gatling)")
            .disableCaching();

    /** Form login with the CSRF token from the login page; Gatling keeps the session cookie per user. */
    private final ChainBuilder signIn = exec(
            http("login page")
                    .get("/login")
                    .header("Accept", "text/html")
                    .check(status().is(200))
                    .check(regex("name=\"_csrf\" value=\"([^\"]+)\"").saveAs("csrf")),
            http("sign in")
                    .post("/login")
                    .header("Accept", "text/html")
                    .formParam("username", USERNAME)
                    .formParam("password", PASSWORD)
                    .formParam("_csrf", "#{csrf}")
                    // redirects are followed: a good sign-in lands on the dashboard ("/"), a bad one on /login?error
                    .check(status().is(200))
                    .check(currentLocationRegex("/login").notExists()));

    private final ChainBuilder work = feed(SEARCHES).exec(
            http("chart page")
                    .get("/patients/" + PATIENT_ID)
                    .header("Accept", "text/html")
                    .check(status().is(200)),
            http("chart json")
                    .get("/api/patients/" + PATIENT_ID)
                    .header("Accept", "application/json")
                    .check(status().is(200)),
            http("search page")
                    .get("/patients")
                    .queryParam("q", "#{q}")
                    .header("Accept", "text/html")
                    .header("HX-Request", "true")
                    .check(status().is(200)),
            http("search json")
                    .get("/api/patients")
                    .queryParam("q", "#{q}")
                    .header("Accept", "application/json")
                    .check(status().is(200)));

    /** Signs in once, then works until the run's maxDuration stops every user at the same moment. */
    private final ScenarioBuilder physician = scenario("physician opens charts and searches")
            .exec(signIn)
            .exitHereIfFailed()
            .forever().on(work);

    {
        setUp(physician.injectClosed(
                rampConcurrentUsers(0).to(USERS).during(Duration.ofSeconds(RAMP_SECONDS)),
                constantConcurrentUsers(USERS).during(Duration.ofSeconds(DURATION_SECONDS))))
                .protocols(httpProtocol)
                // the users loop forever: this ends the run (requests still in flight then are not counted)
                .maxDuration(Duration.ofSeconds(RAMP_SECONDS + DURATION_SECONDS));
    }
}
