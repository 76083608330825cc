import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load: requests arrive at a fixed average rate, like people opening the app,
 * whether or not earlier ones have been answered; at most CONNECTIONS are in flight.
 * <p>
 * wrk measures a closed loop: each connection sends its next request when the last one
 * returns, so at 32 busy connections the latency is simply 32 / throughput. This answers the
 * other question: at a given demand, how long does a caller wait? Latency is measured from
 * the moment a request was due, not from when a free connection sent it, so a request held
 * back behind busy connections counts its wait (no "coordinated omission").
 * <pre>
 *   java src/bench/OpenLoop.java REQUEST_FILE BASE_URL RATE SECONDS CONNECTIONS
 * </pre>
 * REQUEST_FILE is the one wrk uses (METHOD, PATH, TOKEN, BODY per line, tab-separated); GETs only.
 * The first {@value #WARMUP_SECONDS} seconds run at the same rate but are not counted: the load
 * generator's own JIT and its connections settle first.
 * Prints: RESULT offered-req/s achieved-req/s p50-ms p99-ms max-ms 2xx non-2xx errors.
 */
public class OpenLoop {

    static final int WARMUP_SECONDS = 5;

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: OpenLoop REQUEST_FILE BASE_URL RATE SECONDS CONNECTIONS");
            System.exit(2);
        }
        List<String[]> requests = Files.readAllLines(Path.of(args[0])).stream().map(l -> l.split("\t")).toList();
        String base = args[1];
        double rate = Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int maxInFlight = Integer.parseInt(args[4]);
        Semaphore connections = new Semaphore(maxInFlight);
        if (requests.stream().anyMatch(r -> !r[0].equals("GET"))) {
            throw new IllegalArgumentException("OpenLoop sends GETs only");
        }

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2)).connectTimeout(Duration.ofSeconds(5)).build();
        int warmup = (int) Math.round(rate * WARMUP_SECONDS);
        int total = (int) Math.round(rate * seconds);
        long[] latencies = new long[warmup + total];
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        Random random = new Random(42);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long due = start;
        long measuredFrom = 0;
        for (int i = 0; i < warmup + total; i++) {
            if (i == warmup) {
                measuredFrom = due;
            }
            // Poisson arrivals: exponential gaps with the given mean.
            due += (long) (-Math.log(1 - random.nextDouble()) / rate * 1e9);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            String[] r = requests.get(random.nextInt(requests.size()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + r[1])).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + r[2]).GET().build();
            connections.acquireUninterruptibly();
            final int slot = i;
            final long dueAt = due;
            final boolean counted = i >= warmup;
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                latencies[slot] = System.nanoTime() - dueAt;
                if (!counted) {
                    // warm-up: not counted
                } else if (error != null) {
                    errors.incrementAndGet();
                } else if (response.statusCode() / 100 == 2) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                connections.release();
            });
        }
        connections.acquireUninterruptibly(maxInFlight);  // every request answered
        double elapsed = (System.nanoTime() - measuredFrom) / 1e9;
        long[] measured = Arrays.copyOfRange(latencies, warmup, warmup + total);
        Arrays.sort(measured);
        System.out.printf("RESULT %.0f %.0f %.1f %.1f %.1f %d %d %d%n", rate, total / elapsed, ms(measured, 0.50),
                ms(measured, 0.99), measured[total - 1] / 1e6, ok.get(), failed.get(), errors.get());
        System.exit(0);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
