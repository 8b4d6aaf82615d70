package org.relief.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.relief.careteam.Actor;
import org.relief.support.ClinicFixture;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A timed benchmark, not a test (its name keeps it out of the suite): {@code bench/portal-diary.sh}. N patients
 * (default 500, {@code -Dbench.patients}) with portal accounts are signed in, each with its diary form's token; then
 * all N post today's diary at once (one thread each, released together) over loopback HTTP into the whole
 * application on the embedded PostgreSQL. It times each post (the full save: guard, record, NRS and PEG responses,
 * audit), reports p50 / p95 / max and the wall time, and checks every post was saved (a redirect, one entry each).
 * Meanwhile 8 staff sessions ({@code -Dbench.staff}) load the patients' chart pages without pause; their p50 / p95
 * are reported too.
 * The summary goes to {@code target/bench/portal-diary.md}.
 */
@IntegrationTest
class PortalDiaryLoadBenchmark {

    @LocalServerPort
    int port;

    @Autowired
    ClinicFixture fixture;

    @Autowired
    PortalAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    record Prepared(UUID patient, Http http, String token) {}

    @Test
    void patientsPostTheirDiaryAtOnce() throws Exception {
        int n = Integer.getInteger("bench.patients", 500);
        Actor patel = fixture.actor("dr.patel");
        long setUp = System.nanoTime();
        ExecutorService prepare = Executors.newFixedThreadPool(8);
        List<Future<Prepared>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String username =
                    "bench.diary." + i + "." + UUID.randomUUID().toString().substring(0, 6);
            futures.add(prepare.submit(() -> {
                UUID patient = fixture.patient().create();
                PortalSupport.account(accounts, patel, patient, username);
                Http http = PortalSupport.session(port, username);
                String token = PortalSupport.csrf(http, "/portal/patients/" + patient + "/diary");
                return new Prepared(patient, http, token);
            }));
        }
        List<Prepared> ready = new ArrayList<>();
        for (Future<Prepared> f : futures) {
            ready.add(f.get(10, TimeUnit.MINUTES));
        }
        prepare.shutdown();
        double setUpSeconds = (System.nanoTime() - setUp) / 1e9;

        // staff load charts while the patients post: 8 sessions of the physician, each looping over the charts
        int staffUsers = Integer.getInteger("bench.staff", 8);
        List<Http> staff = new ArrayList<>();
        for (int i = 0; i < staffUsers; i++) {
            staff.add(Http.session(port, "dr.patel", IntegrationTest.DEMO_PASSWORD));
        }
        java.util.concurrent.atomic.AtomicBoolean posting = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<Long> chartMillis = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger chartFailures = new java.util.concurrent.atomic.AtomicInteger();

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService loaders = Executors.newFixedThreadPool(Math.max(1, staffUsers));
        for (int i = 0; i < staffUsers; i++) {
            Http http = staff.get(i);
            int offset = i;
            loaders.submit(() -> {
                go.await();
                for (int k = offset; posting.get(); k++) {
                    long start = System.nanoTime();
                    HttpResponse<String> r =
                            http.get("/patients/" + ready.get(k % ready.size()).patient());
                    chartMillis.add((System.nanoTime() - start) / 1_000_000);
                    if (r.statusCode() != 200) {
                        chartFailures.incrementAndGet();
                    }
                }
                return null;
            });
        }
        ExecutorService posters = Executors.newFixedThreadPool(n);
        List<Future<long[]>> posts = new ArrayList<>();
        for (Prepared p : ready) {
            posts.add(posters.submit(() -> {
                go.await();
                long start = System.nanoTime();
                HttpResponse<String> r = p.http()
                        .postFormRaw(
                                "/portal/patients/" + p.patient() + "/diary",
                                Map.of(
                                        "painNow", "5",
                                        "painAverage", "6",
                                        "enjoyment", "4",
                                        "generalActivity", "5",
                                        "sleepQuality", "6",
                                        "activityMinutes", "30",
                                        "note", "benchmark"),
                                p.token());
                return new long[] {System.nanoTime() - start, r.statusCode()};
            }));
        }
        long wall = System.nanoTime();
        go.countDown();
        List<Long> millis = new ArrayList<>();
        int failed = 0;
        for (Future<long[]> f : posts) {
            long[] result = f.get(10, TimeUnit.MINUTES);
            millis.add(result[0] / 1_000_000);
            if (result[1] != 302) {
                failed++;
            }
        }
        double wallSeconds = (System.nanoTime() - wall) / 1e9;
        posting.set(false);
        loaders.shutdown();
        loaders.awaitTermination(1, TimeUnit.MINUTES);
        posters.shutdown();
        List<Long> charts = new ArrayList<>(chartMillis);
        Collections.sort(charts);
        Collections.sort(millis);

        long saved = jdbc.sql("select count(distinct patient_id) from diary_entry where patient_id = any(?)")
                .param(ready.stream().map(Prepared::patient).toArray(UUID[]::new))
                .query(Long.class)
                .single();
        String summary = String.format(
                Locale.ROOT,
                "portal diary burst: %d patients posting at once; set-up (accounts, sign-ins) %.1f s; "
                        + "posts p50 %d ms, p95 %d ms, max %d ms; all %d done in %.2f s (%.0f posts/s); "
                        + "not saved: %d; entries stored: %d; meanwhile %d staff sessions loaded %d chart pages: "
                        + "p50 %d ms, p95 %d ms (not 200: %d)%n",
                n,
                setUpSeconds,
                percentile(millis, 50),
                percentile(millis, 95),
                millis.get(millis.size() - 1),
                n,
                wallSeconds,
                n / wallSeconds,
                failed,
                saved,
                staffUsers,
                charts.size(),
                charts.isEmpty() ? 0 : percentile(charts, 50),
                charts.isEmpty() ? 0 : percentile(charts, 95),
                chartFailures.get());
        System.out.print(summary);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "portal-diary.md"), summary);
        assertThat(failed).as("posts not answered with the save's redirect").isZero();
        assertThat(saved).isEqualTo(n);
        assertThat(chartFailures.get()).as("chart pages not answered 200").isZero();
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
