package org.relief.demo;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.relief.careteam.CareTeams;
import org.relief.careteam.CareTeams.Membership;
import org.relief.careteam.Role;
import org.relief.careteam.Staff;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.ChartBulkLoader;
import org.relief.patient.ChartBulkLoader.SeedChart;
import org.relief.portal.PortalAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo clinic on the first start (when there is no staff yet) and prints where Relief runs and how to sign
 * in. Passwords are generated (one per staff member) and shown once, in that start-up banner only, unless RELIEF_ADMIN_PASSWORD / RELIEF_DEMO_PASSWORD fix them (then
 * they are also applied on later starts, for automation). A PostgreSQL advisory lock keeps two nodes starting at
 * once from both seeding.
 */
// Why over 300 lines: the first start's whole sequence (staff and passwords, patients in chunks, the stories, the
// portal account, the printed banner) reads top to bottom in one place.
@Component
class DemoClinicSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoClinicSeeder.class);
    private static final long SEED_LOCK = 0x52454C4945464445L;
    private static final int CHUNK = 1000;
    private static final int STORIES = 48;

    private final StaffDirectory staff;
    private final CareTeams teams;
    private final ChartBulkLoader loader;
    private final DemoClinicalStory story;
    private final DemoAppointments demoAppointments;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Environment env;
    private final boolean enabled;
    private final int patients;
    private final long seed;
    private final boolean longHistory;
    private final String adminPassword;
    private final String demoPassword;
    private String printedAdminPassword;
    private String printedDemoPassword;
    private final java.util.Map<String, String> printedDemoPasswords = new java.util.LinkedHashMap<>();
    private String longHistoryMrn;
    private final boolean outcomesDemo;
    private final PortalAccounts portal;
    /** The demo patient's portal sign-in name (the password is the demo staff's, RELIEF_DEMO_PASSWORD). */
    static final String PORTAL_USERNAME = "demo.patient";

    private String printedPortalPassword;
    private String portalPatientName;
    private final java.util.Map<DemoClinicGenerator.OutcomesDemo, String> outcomesMrns =
            new java.util.EnumMap<>(DemoClinicGenerator.OutcomesDemo.class);
    private boolean seededNow;

    DemoClinicSeeder(
            StaffDirectory staff,
            CareTeams teams,
            ChartBulkLoader loader,
            DemoClinicalStory story,
            DemoAppointments demoAppointments,
            PortalAccounts portal,
            JdbcClient jdbc,
            TransactionTemplate tx,
            Environment env,
            @Value("${relief.demo.enabled:true}") boolean enabled,
            @Value("${relief.demo.patients:48}") int patients,
            @Value("${relief.demo.seed:20261124}") long seed,
            @Value("${relief.demo.long-history-patient:true}") boolean longHistory,
            @Value("${relief.demo.outcomes-patients:true}") boolean outcomesDemo,
            @Value("${relief.demo.admin-password:}") String adminPassword,
            @Value("${relief.demo.password:}") String demoPassword) {
        this.staff = staff;
        this.teams = teams;
        this.loader = loader;
        this.story = story;
        this.demoAppointments = demoAppointments;
        this.portal = portal;
        this.jdbc = jdbc;
        this.tx = tx;
        this.env = env;
        this.enabled = enabled;
        this.patients = patients;
        this.seed = seed;
        this.longHistory = longHistory;
        this.outcomesDemo = outcomesDemo;
        this.adminPassword = adminPassword;
        this.demoPassword = demoPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)")
                    .param(SEED_LOCK)
                    .query(Object.class)
                    .single();
            if (staff.count() == 0) {
                printedAdminPassword = adminPassword.isBlank() ? generatePassword() : adminPassword;
                staff.createAll(List.of(DemoClinicGenerator.ADMIN), printedAdminPassword);
                if (enabled && demoPassword.isBlank()) {
                    // each demo staff member gets a password of their own, printed once below
                    for (Staff s : DemoClinicGenerator.STAFF) {
                        String password = generatePassword();
                        staff.createAll(List.of(s), password);
                        printedDemoPasswords.put(s.username(), password);
                    }
                } else if (enabled) {
                    printedDemoPassword = demoPassword;
                    staff.createAll(DemoClinicGenerator.STAFF, printedDemoPassword);
                }
                seededNow = true;
            } else {
                if (!adminPassword.isBlank()) {
                    staff.setPasswordForRoles(List.of(Role.ADMIN), adminPassword);
                }
                if (enabled && !demoPassword.isBlank()) {
                    staff.setPasswords(
                            DemoClinicGenerator.STAFF.stream()
                                    .map(Staff::username)
                                    .toList(),
                            demoPassword);
                    portal.setDemoPassword(PORTAL_USERNAME, demoPassword);
                }
            }
        });
        if (seededNow && enabled) {
            seedPatients();
        }
    }

    private void seedPatients() {
        DemoClinicGenerator generator = new DemoClinicGenerator(seed, LocalDate.now());
        long started = System.nanoTime();
        int total = patients
                + (longHistory ? 1 : 0)
                + (outcomesDemo ? DemoClinicGenerator.OutcomesDemo.values().length : 0);
        log.info("Seeding the demo clinic: {} synthetic patients (seed {})", total, seed);
        // the numbers first, in the order they always had, so the same seed gives the same MRNs; then the parts
        // (the generated patients with their stories, the long history, each outcomes patient) are written side by
        // side, each in transactions of its own: they share no rows, and each is many small statements, so the
        // database works on one while the application prepares the next (issue 16: start-up with the demo seeded)
        List<String> mrns = tx.execute(status -> loader.reserveMrns(patients));
        String historyMrn =
                longHistory ? tx.execute(status -> loader.reserveMrns(1).get(0)) : null;
        java.util.Map<DemoClinicGenerator.OutcomesDemo, String> outcomeMrns =
                new java.util.EnumMap<>(DemoClinicGenerator.OutcomesDemo.class);
        if (outcomesDemo) {
            for (DemoClinicGenerator.OutcomesDemo which : DemoClinicGenerator.OutcomesDemo.values()) {
                outcomeMrns.put(
                        which, tx.execute(status -> loader.reserveMrns(1).get(0)));
            }
        }
        java.util.Map<DemoClinicGenerator.OutcomesDemo, java.util.UUID> outcomeIds =
                new java.util.concurrent.ConcurrentHashMap<>();
        List<Runnable> parts = new ArrayList<>();
        parts.add(() -> seedGenerated(generator, mrns, started));
        if (longHistory) {
            parts.add(() -> tx.executeWithoutResult(status -> {
                var p = generator.longHistoryPatient(historyMrn);
                loader.load(List.of(p.chart()));
                teams.addAll(p.team(), "demo");
                story.tellLongHistory(p.chart().id());
            }));
            longHistoryMrn = historyMrn;
        }
        outcomeMrns.forEach((which, mrn) -> parts.add(() -> tx.executeWithoutResult(status -> {
            var p = generator.outcomesPatient(which, mrn);
            loader.load(List.of(p.chart()));
            teams.addAll(p.team(), "demo");
            story.tellOutcomes(p.chart().id(), which, seed);
            outcomeIds.put(which, p.chart().id());
        })));
        runSideBySide(parts);
        outcomesMrns.putAll(outcomeMrns);
        java.util.UUID[] portalPatient = {outcomeIds.get(DemoClinicGenerator.OutcomesDemo.SYNERGY)};
        // the outcomes patients' coming week, one after the other (they share clinicians and rooms)
        for (DemoClinicGenerator.OutcomesDemo which : DemoClinicGenerator.OutcomesDemo.values()) {
            if (outcomeIds.containsKey(which)) {
                tx.executeWithoutResult(
                        status -> demoAppointments.bookNextWeek(outcomeIds.get(which), which.ordinal()));
            }
        }
        List<java.util.UUID> storied = storiedIds;
        // one patient with a portal account: the outcomes patient with a signed plan and a year of pain scores, or
        // else the first patient with a story
        java.util.UUID withPortal =
                portalPatient[0] != null ? portalPatient[0] : storied.isEmpty() ? null : storied.get(0);
        if (withPortal != null) {
            String password = demoPassword.isBlank() ? generatePassword() : demoPassword;
            tx.executeWithoutResult(status -> portal.createForDemo(withPortal, PORTAL_USERNAME, password));
            printedPortalPassword = password;
            portalPatientName = portal.nameOf(withPortal);
        }
        // fresh statistics, so the planner does not treat the just-loaded tables as empty; and a vacuum of the three
        // tables every search and dashboard reads: it sets their visibility map (index-only scans of the care teams
        // stop visiting the heap) and empties the name indexes' pending lists (a trigram search scanned them whole)
        long statistics = System.nanoTime();
        log.info("The patients, their stories and the portal account: {} ms", (statistics - started) / 1_000_000);
        jdbc.sql("analyze").update();
        long vacuum = System.nanoTime();
        jdbc.sql("vacuum patient_summary, care_team_member, care_team_patient").update();
        log.info(
                "Statistics after the load: {} ms; vacuum of the patient summaries and care teams: {} ms",
                (vacuum - statistics) / 1_000_000,
                (System.nanoTime() - vacuum) / 1_000_000);
        log.info("Demo clinic seeded: {} patients in {} ms", total, (System.nanoTime() - started) / 1_000_000);
    }

    /** The first patients with a clinical story (set by the part that generates them). */
    private volatile List<java.util.UUID> storiedIds = List.of();

    /** The generated patients, a chunk a transaction, with progress when there are many. */
    private void seedGenerated(DemoClinicGenerator generator, List<String> mrns, long started) {
        List<java.util.UUID> storied = new ArrayList<>();
        for (int from = 0; from < patients; from += CHUNK) {
            int to = Math.min(patients, from + CHUNK);
            int first = from;
            tx.executeWithoutResult(status -> {
                List<SeedChart> charts = new ArrayList<>(to - first);
                List<Membership> members = new ArrayList<>();
                for (int i = first; i < to; i++) {
                    var p = generator.patient(i, mrns.get(i));
                    charts.add(p.chart());
                    if (i < STORIES) {
                        storied.add(p.chart().id());
                    }
                    members.addAll(p.team());
                }
                loader.load(charts);
                teams.addAll(members, "demo");
            });
            if (patients > CHUNK) {
                double seconds = (System.nanoTime() - started) / 1e9;
                log.info(
                        "  {} / {} patients ({} per second, about {} s left)",
                        to,
                        patients,
                        Math.round(to / seconds),
                        Math.round((patients - to) / (to / seconds)));
            }
        }
        storiedIds = List.copyOf(storied);
        // the first patients get their step's clinical story through the real services (instruments, evaluation,
        // the safety protocol for those deferred to mental health)
        tx.executeWithoutResult(status -> story.tell(storied, seed));
    }

    /** Runs the parts on as many threads as there are cores (at least two); the first failure is raised. */
    private static void runSideBySide(List<Runnable> parts) {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "demo-seed");
            t.setDaemon(true);
            return t;
        });
        try {
            var futures = parts.stream()
                    .map(p -> java.util.concurrent.CompletableFuture.runAsync(p, pool))
                    .toList();
            for (var f : futures) {
                try {
                    f.join();
                } catch (java.util.concurrent.CompletionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw e;
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void printSignIn() {
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        StringBuilder out = new StringBuilder("\n")
                .append("==================================================================\n")
                .append(" Relief is running:  http://localhost:")
                .append(port)
                .append("/\n")
                .append(" API docs:           http://localhost:")
                .append(port)
                .append("/api/docs\n")
                .append(" Health:             http://localhost:")
                .append(port)
                .append("/actuator/health\n");
        if (printedAdminPassword != null) {
            out.append("\n Sign in (shown once; set RELIEF_ADMIN_PASSWORD / RELIEF_DEMO_PASSWORD to choose them):\n")
                    .append("   clinic admin   admin / ")
                    .append(printedAdminPassword)
                    .append('\n');
            if (printedDemoPassword != null) {
                out.append("   every demo staff member below, password ")
                        .append(printedDemoPassword)
                        .append('\n');
                for (Staff s : DemoClinicGenerator.STAFF) {
                    out.append(String.format(
                            "     %-12s %s (%s)%n",
                            s.username(), s.displayName(), s.role().label()));
                }
            } else if (!printedDemoPasswords.isEmpty()) {
                out.append("   demo staff, each with a password of their own:\n");
                for (Staff s : DemoClinicGenerator.STAFF) {
                    out.append(String.format(
                            "     %-12s %s  %s (%s)%n",
                            s.username(),
                            printedDemoPasswords.get(s.username()),
                            s.displayName(),
                            s.role().label()));
                }
            }
            if (longHistoryMrn != null) {
                out.append("   ten-year history patient: Morgan Tenyear, ")
                        .append(longHistoryMrn)
                        .append('\n');
            }
            outcomesMrns.forEach((which, mrn) -> out.append(String.format(
                    "   outcomes demo: %s %s, %s (%s)%n", which.given(), which.family(), mrn, which.planted())));
            if (printedPortalPassword != null) {
                out.append(String.format(
                        " Patient portal:     http://localhost:%s/portal  %s / %s  (%s)%n",
                        port, PORTAL_USERNAME, printedPortalPassword, portalPatientName));
            }
            // shown once: forget them, so nothing prints them again
            printedAdminPassword = null;
            printedDemoPassword = null;
            printedDemoPasswords.clear();
            printedPortalPassword = null;
        } else {
            out.append("\n Sign in with the passwords printed at the first start (data in ")
                    .append(env.getProperty("relief.data-dir", "./data"))
                    .append("). Forgot them? Start with RELIEF_ADMIN_PASSWORD and RELIEF_DEMO_PASSWORD set.\n")
                    .append(" Demo staff: ");
            DemoClinicGenerator.STAFF.forEach(s -> out.append(s.username()).append(' '));
            out.append('\n');
        }
        out.append("==================================================================\n");
        System.out.println(out);
    }

    private static String generatePassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
