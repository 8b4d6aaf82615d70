package org.relief.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.relief.ReliefApplication;
import org.relief.careteam.Actor;
import org.relief.careteam.Role;
import org.relief.outcomes.Cohort;
import org.relief.outcomes.CohortService;
import org.relief.outcomes.Measure;
import org.relief.outcomes.OutcomeSeries;
import org.relief.outcomes.Simulator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cohort benchmark (issue 12 aim: the cohort responder analysis over 20,000 patients x 365 days under 10 s on a
 * 2-core machine). It starts the application on a throw-away embedded database with the demo clinic's N synthetic
 * patients, then gives each of them without a plan (the demo's first 48 tell their own story) a synthetic year: a signed first plan (one of eight combinations of physical
 * therapy, CBT, acupuncture and chiropractic, starting on day 60) and one whole-number NRS a day from
 * {@link Simulator} with the planted effects (PT -0.8, CBT -0.5, PT + CBT an extra -1.2, the others no
 * effect; AR(1) noise rho 0.5), written with PostgreSQL COPY. This population generator writes the tables directly,
 * as only a benchmark harness may: the application itself writes them through its services. It then times the
 * cohort view's query (CohortService.table: facts, first plans and NRS means in windows aggregated in SQL, then the
 * responder rates) three times and prints the figures. Nothing is asserted. Run with {@code bench/cohort.sh}.
 */
public final class CohortBench {

    private static final String[][] COMBINATIONS = {
        {"PT"},
        {"CBT"},
        {"PT", "CBT"},
        {"ACUPUNCTURE"},
        {"PT", "ACUPUNCTURE"},
        {"CHIRO"},
        {"PT", "CHIRO"},
        {"CBT", "ACUPUNCTURE"}
    };

    private CohortBench() {}

    public static void main(String[] args) throws Exception {
        int patients = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 365;
        long t0 = System.nanoTime();
        ConfigurableApplicationContext ctx = SpringApplication.run(
                ReliefApplication.class,
                "--server.port=0",
                "--relief.database.embedded.ephemeral=true",
                "--relief.demo.patients=" + patients,
                "--relief.demo.outcomes-patients=false",
                "--relief.demo.long-history-patient=false",
                "--logging.level.org.relief=warn");
        try {
            System.out.printf("started with %d demo patients in %.1f s%n", patients, secs(t0));
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            List<UUID> ids = jdbc.sql("select patient_id from patient_summary s where not exists "
                            + "(select 1 from plan_version v where v.patient_id = s.patient_id) order by mrn")
                    .query(UUID.class)
                    .list();
            long t1 = System.nanoTime();
            long rows = generate(ctx.getBean(DataSource.class), ids, days);
            System.out.printf(
                    "population: %d patients, %d NRS readings, plans signed, written in %.1f s%n",
                    ids.size(), rows, secs(t1));
            try (Connection c = ctx.getBean(DataSource.class).getConnection()) {
                c.createStatement().execute("analyze");
            }
            CohortService cohort = ctx.getBean(CohortService.class);
            Actor admin = new Actor(UUID.randomUUID(), "bench", Role.ADMIN, "127.0.0.1");
            for (int run = 1; run <= 3; run++) {
                long t = System.nanoTime();
                Cohort.Table table = cohort.table(admin, 6, new CohortService.Filter(null, null));
                System.out.printf(
                        "cohort responder analysis, run %d: %.2f s (%d patients with a baseline and a 6-month score, "
                                + "%d rows)%n",
                        run, secs(t), table.patients(), table.rows().size());
            }
        } finally {
            ctx.close();
        }
    }

    /** Writes each patient's plan and daily NRS; returns the number of readings. */
    static long generate(DataSource ds, List<UUID> ids, int days) throws Exception {
        Random rnd = new Random(20261127L);
        long readings = 0;
        LocalDate first = LocalDate.now().minusDays(days);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            int batch = 250;
            for (int from = 0; from < ids.size(); from += batch) {
                StringBuilder plans = new StringBuilder();
                StringBuilder signs = new StringBuilder();
                StringBuilder therapies = new StringBuilder();
                StringBuilder nrs = new StringBuilder();
                for (UUID id : ids.subList(from, Math.min(ids.size(), from + batch))) {
                    String[] combo = COMBINATIONS[rnd.nextInt(COMBINATIONS.length)];
                    LocalDate start = first.plusDays(60);
                    UUID version = UUID.randomUUID();
                    plans.append(version).append(',').append(id).append(",1,bench\n");
                    signs.append(version).append(",bench\n");
                    List<Simulator.Therapy> ts = new ArrayList<>();
                    for (String code : combo) {
                        therapies
                                .append(version)
                                .append(',')
                                .append(code)
                                .append(',')
                                .append(UUID.randomUUID())
                                .append(",bench,weekly,12 weeks,")
                                .append(start)
                                .append('\n');
                        double effect =
                                code.equals("PT") ? Simulator.PT_EFFECT : code.equals("CBT") ? Simulator.CBT_EFFECT : 0;
                        ts.add(new Simulator.Therapy(code, start, null, effect));
                    }
                    List<Simulator.Interaction> extra =
                            combo.length == 2 && List.of(combo).containsAll(List.of("PT", "CBT"))
                                    ? List.of(new Simulator.Interaction("PT", "CBT", Simulator.PT_CBT_EXTRA))
                                    : List.of();
                    double baseline = 4 + rnd.nextDouble() * 4;
                    Simulator.Scenario s = new Simulator.Scenario(
                            Measure.NRS,
                            first,
                            days,
                            baseline,
                            Simulator.NOISE_RHO,
                            Simulator.NOISE_SD,
                            0,
                            ts,
                            extra,
                            List.of());
                    OutcomeSeries series = Simulator.simulate(s, rnd.nextLong()).series();
                    for (OutcomeSeries.Reading r : series.readings()) {
                        int v = (int) r.value();
                        nrs.append(UUID.randomUUID())
                                .append(",1,")
                                .append(id)
                                .append(",bench,NRS,")
                                .append(r.date())
                                .append(",\"{\"\"pain\"\": ")
                                .append(v)
                                .append("}\",")
                                .append(v)
                                .append('\n');
                        readings++;
                    }
                }
                copy.copyIn(
                        "copy plan_version (id, patient_id, version, created_by) from stdin (format csv)",
                        new StringReader(plans.toString()));
                copy.copyIn(
                        "copy plan_signoff (version_id, signed_by) from stdin (format csv)",
                        new StringReader(signs.toString()));
                copy.copyIn(
                        "copy plan_therapy (version_id, therapy_code, owner_id, owner_name, frequency, duration, "
                                + "start_date) from stdin (format csv)",
                        new StringReader(therapies.toString()));
                copy.copyIn(
                        "copy instrument_response (entry_id, version, patient_id, recorded_by, instrument, "
                                + "administered_on, answers, total) from stdin (format csv)",
                        new StringReader(nrs.toString()));
                c.commit();
            }
        }
        return readings;
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
