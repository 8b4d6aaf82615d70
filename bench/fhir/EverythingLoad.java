import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small bounded loopback load on one URL with a bearer token: WARMUP requests first (not counted), then
 * REQUESTS requests from THREADS threads, each sending its next request when the last one answered. Prints
 * p50 / p95 / p99 / max latency, throughput, response size, and any status other than 200. Plain JDK:
 *
 * <pre>java bench/fhir/EverythingLoad.java URL TOKEN THREADS REQUESTS WARMUP</pre>
 */
public class EverythingLoad {

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        String token = args[1];
        int threads = Integer.parseInt(args[2]);
        int requests = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(url).header("Authorization", "Bearer " + token)
                .header("Accept", "application/fhir+json").timeout(Duration.ofSeconds(60)).GET().build();
        long bytes = 0;
        for (int i = 0; i < warmup; i++) {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("warm-up answered " + r.statusCode() + ": " + new String(r.body()));
            }
            bytes = r.body().length;
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                while (next.getAndIncrement() < requests) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - t0);
                }
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("requests=%d threads=%d errors=%d bytes=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f "
                + "throughput_per_s=%.1f%n", sorted.size(), threads, errors.get(), bytes, ms(sorted, 0.50),
                ms(sorted, 0.95), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6, sorted.size() / seconds);
    }

    private static double ms(List<Long> sorted, double q) {
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1e6;
    }
}
