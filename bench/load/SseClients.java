import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * N concurrent Server-Sent-Event clients on /events for D seconds: how many connect and stay connected,
 * events received, and the delay from a sample's timestamp to its arrival (p50/p99).
 * Run: java bench/load/SseClients.java BASE_URL TOKEN CLIENTS SECONDS
 */
public class SseClients {

    private static final Pattern TS = Pattern.compile("\"timestamp\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger dropped = new AtomicInteger();
        AtomicLong events = new AtomicLong();
        ConcurrentLinkedQueue<Long> lagMillis = new ConcurrentLinkedQueue<>();
        Instant end = Instant.now().plusSeconds(seconds);
        CountDownLatch done = new CountDownLatch(clients);
        List<HttpClient> pool = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pool.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build());
        }
        for (int i = 0; i < clients; i++) {
            HttpClient http = pool.get(i % pool.size());
            boolean sampleLag = i % 10 == 0;
            Thread.ofVirtual().start(() -> {
                try {
                    HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/events"))
                            .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build();
                    HttpResponse<java.io.InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
                    if (r.statusCode() != 200) {
                        failed.incrementAndGet();
                        return;
                    }
                    connected.incrementAndGet();
                    try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                        String line;
                        while (Instant.now().isBefore(end) && (line = in.readLine()) != null) {
                            if (line.startsWith("data:")) {
                                events.incrementAndGet();
                                if (sampleLag) {
                                    Matcher m = TS.matcher(line);
                                    if (m.find()) {
                                        lagMillis.add(System.currentTimeMillis() - Instant.parse(m.group(1)).toEpochMilli());
                                    }
                                }
                            }
                        }
                        if (Instant.now().isBefore(end)) {
                            dropped.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        List<Long> lags = new ArrayList<>(lagMillis);
        Collections.sort(lags);
        System.out.printf("sse clients=%d connected=%d failed=%d dropped_early=%d events=%d (%.0f/s) lag_p50=%s ms lag_p99=%s ms%n",
                clients, connected.get(), failed.get(), dropped.get(), events.get(), events.get() / (double) seconds,
                lags.isEmpty() ? "-" : lags.get(lags.size() / 2), lags.isEmpty() ? "-" : lags.get((int) (lags.size() * 0.99)));
        System.exit(0);
    }
}
