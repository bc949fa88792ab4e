import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady, mixed load for the soak: RATE requests a second spread over what consoles, Grafana and people
 * do — /status, /series, /anomalies, /logs, /remediations/options, a chat question, a dry-run remediation
 * (an audit record each) — plus SSE_CLIENTS open /events streams, for SECONDS. Prints counts by status.
 * Run: java bench/load/SteadyLoad.java BASE_URL OPERATOR_TOKEN RATE SSE_CLIENTS SECONDS
 */
public class SteadyLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int rate = Integer.parseInt(args[2]);
        int sseClients = Integer.parseInt(args[3]);
        long seconds = Long.parseLong(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, AtomicLong> results = new ConcurrentHashMap<>();
        String options = http.send(HttpRequest.newBuilder(URI.create(base + "/remediations/options"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"name\":\"([^\"]+)\"").matcher(options);
        String target = m.find() ? m.group(1) : "localhost";
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int i = 0; i < sseClients; i++) {
            Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<java.io.InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + "/events"))
                                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build(),
                                HttpResponse.BodyHandlers.ofInputStream());
                        try (var in = r.body()) {
                            byte[] buf = new byte[8192];
                            while (System.nanoTime() < end && in.read(buf) >= 0) {
                                // drain
                            }
                        }
                    } catch (Exception e) {
                        results.computeIfAbsent("sse-error", k -> new AtomicLong()).incrementAndGet();
                    }
                }
            });
        }
        List<String> gets = List.of("/status", "/series?host=host-1&metric=cpu&since=15m", "/anomalies?limit=50",
                "/logs?since=10m&limit=100", "/remediations/options", "/remediations?limit=20");
        long periodNanos = 1_000_000_000L / rate;
        long next = System.nanoTime();
        for (long n = 0; System.nanoTime() < end; n++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            next += periodNanos;
            long k = n;
            Thread.ofVirtual().start(() -> {
                HttpRequest.Builder b;
                String kind;
                if (k % 20 == 0) {
                    kind = "POST /query";
                    b = HttpRequest.newBuilder(URI.create(base + "/query")).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"What's current CPU?\"}"));
                } else if (k % 20 == 10) {
                    kind = "POST /remediations (dry run)";
                    b = HttpRequest.newBuilder(URI.create(base + "/remediations")).header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString("{\"action\": \"notify\", \"target\": \"" + target
                                    + "\", \"params\": {\"message\": \"soak\"}, \"dry_run\": true}"));
                } else {
                    String path = gets.get((int) (k % gets.size()));
                    kind = "GET " + path.replaceAll("\\?.*", "");
                    b = HttpRequest.newBuilder(URI.create(base + path));
                }
                try {
                    int status = http.send(b.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    results.computeIfAbsent(kind + " " + status, x -> new AtomicLong()).incrementAndGet();
                } catch (Exception e) {
                    results.computeIfAbsent(kind + " error", x -> new AtomicLong()).incrementAndGet();
                }
            });
        }
        Thread.sleep(2000);
        new java.util.TreeMap<>(results).forEach((key, v) -> System.out.printf("  %-40s %d%n", key, v.get()));
        System.exit(0);
    }
}
