package org.relief.fhir.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, defect 1: an upload import must not take the server down. Relief runs in a JVM of its own with a 256 MB
 * heap (its whole classpath, an embedded PostgreSQL of its own); the admin uploads a generated packet through the
 * import page, as a browser does, while another client asks {@code /actuator/health} four times a second. The import
 * must finish with every patient imported, and every health request must be answered UP within 5 s.
 */
class StreamingImportIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final String ADMIN_PASSWORD = "fork-admin-password-" + UUID.randomUUID();
    /** Big enough to outgrow one batch many times over, small enough to keep the suite quick. */
    private static final int RESOURCES = 15_000;

    @Test
    void anUploadImportUnder256MbFinishesAndTheServerAnswersThroughout() throws Exception {
        Path work = Files.createTempDirectory(
                Files.createDirectories(Path.of("target", "fhir-packets")), "streaming-import-");
        Path packet = work.resolve("packet");
        long written = SyntheticPacket.write(packet, RESOURCES, 7);
        int patients = (int) ((written - 40) / SyntheticPacket.PER_PATIENT);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = work.resolve("app.log");
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-Xlog:gc:file=" + work.resolve("gc.log"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.relief.ReliefApplication",
                        "--relief.database.embedded.ephemeral=true",
                        "--server.address=127.0.0.1",
                        "--logging.level.org.relief=info")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("RELIEF_DATA_DIR", work.resolve("data").toString());
        pb.environment().put("RELIEF_PORT", String.valueOf(port));
        pb.environment().put("RELIEF_DEMO_PATIENTS", "4");
        pb.environment().put("RELIEF_DEMO_LONG_HISTORY", "false");
        pb.environment().put("RELIEF_ADMIN_PASSWORD", ADMIN_PASSWORD);
        pb.environment().put("RELIEF_DEMO_PASSWORD", "fork-demo-password-" + UUID.randomUUID());
        Process app = pb.start();
        String base = "http://127.0.0.1:" + port;
        HttpClient anonymous =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicBoolean polling = new AtomicBoolean(true);
        AtomicInteger healthy = new AtomicInteger();
        List<String> unhealthy = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong slowest = new AtomicLong();
        Thread health = null;
        try {
            waitUntilUp(anonymous, base, app, log);
            health = new Thread(
                    () -> {
                        while (polling.get()) {
                            long t0 = System.nanoTime();
                            try {
                                HttpResponse<String> r = anonymous.send(
                                        HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                                                .timeout(Duration.ofSeconds(5))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString());
                                if (r.statusCode() == 200 && r.body().contains("UP")) {
                                    healthy.incrementAndGet();
                                } else {
                                    unhealthy.add(r.statusCode() + " " + r.body());
                                }
                            } catch (IOException e) {
                                unhealthy.add(e.toString());
                            } catch (InterruptedException e) {
                                return;
                            }
                            slowest.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
                            try {
                                Thread.sleep(250);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "health-poller");
            health.start();

            HttpClient browser = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            HttpResponse<String> signIn = browser.send(
                    form(
                            base + "/login",
                            "username=admin&password="
                                    + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                                    + csrf(browser, base + "/login")),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
            String token = csrf(browser, base + "/admin/fhir-import");

            HttpResponse<String> upload = browser.send(
                    multipart(base + "/admin/fhir-import", packet, token), HttpResponse.BodyHandlers.ofString());
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(302);
            String job = upload.headers().firstValue("Location").orElseThrow();
            assertThat(job).contains("/admin/fhir-import/");

            String status = "";
            long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
            while (System.nanoTime() < deadline) {
                status = browser.send(
                                HttpRequest.newBuilder(URI.create(
                                                base + URI.create(job).getPath() + "/status"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                if (status.contains("import-done") || status.contains("Stopped:")) {
                    break;
                }
                assertThat(app.isAlive()).as("the server is running").isTrue();
                Thread.sleep(500);
            }
            polling.set(false);
            health.join(10_000);
            assertThat(status)
                    .as(status)
                    .contains("Done: " + patients + " patients imported.")
                    .doesNotContain("Stopped:");
            assertThat(unhealthy).as("health answers during the import").isEmpty();
            assertThat(healthy.get()).isGreaterThan(4);
            assertThat(slowest.get()).isLessThan(5_000);
            assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
        } finally {
            polling.set(false);
            if (health != null) {
                health.interrupt();
            }
            stop(app);
        }
    }

    private static void waitUntilUp(HttpClient client, String base, Process app, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("Relief exited while starting:\n" + tail(log));
            }
            try {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Relief did not start in 4 minutes:\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void stop(Process app) throws InterruptedException {
        app.destroy();
        if (!app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            app.destroyForcibly();
            app.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static String csrf(HttpClient client, String url) throws Exception {
        String page = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token on " + url).isTrue();
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }

    private static HttpRequest form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** The import form as a browser posts a folder: one part per file, streamed from disk. */
    private static HttpRequest multipart(String url, Path dir, String csrf) throws IOException {
        String boundary = "----relief" + UUID.randomUUID();
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        parts.add(HttpRequest.BodyPublishers.ofString(field(boundary, "physician", "dr.patel")
                + field(boundary, "source", "urn:test:fork")
                + field(boundary, "_csrf", java.net.URLDecoder.decode(csrf, StandardCharsets.UTF_8))));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
                        + "name=\"files\"; filename=\"packet/" + f.getFileName() + "\"\r\nContent-Type: "
                        + "application/octet-stream\r\n\r\n"));
                parts.add(HttpRequest.BodyPublishers.ofFile(f));
                parts.add(HttpRequest.BodyPublishers.ofString("\r\n"));
            }
        }
        parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"));
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new)))
                .build();
    }

    private static String field(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }
}
