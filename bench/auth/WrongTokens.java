import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * A token-guessing client: N requests to GET /status, each with a different wrong bearer token, from one
 * address over CONCURRENCY keep-alive connections, as fast as the agent answers. Then one request with the
 * right token. Prints the answers by status, the elapsed time and how many guesses the agent actually
 * checked (answered 401) per second.
 * Run: java bench/auth/WrongTokens.java BASE_URL N CONCURRENCY RIGHT_TOKEN
 */
public class WrongTokens {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int n = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        String right = args[3];
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String guess = "guess-" + i + "-0123456789abcdef";
                answers.add(pool.submit(() -> http.send(HttpRequest.newBuilder(URI.create(base + "/status"))
                        .header("Authorization", "Bearer " + guess).build(), HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            for (Future<Integer> f : answers) {
                statuses.merge(f.get(), 1, Integer::sum);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int checked = statuses.getOrDefault(401, 0);
        HttpResponse<Void> after = http.send(HttpRequest.newBuilder(URI.create(base + "/status"))
                .header("Authorization", "Bearer " + right).build(), HttpResponse.BodyHandlers.discarding());
        System.out.printf("%d wrong tokens in %.3f s (%d connections): answers %s; guesses checked: %d (%.0f/s while it lasted); "
                        + "then the right token: %d%s%n", n, seconds, concurrency, statuses, checked, checked / seconds,
                after.statusCode(), after.headers().firstValue("Retry-After").map(s -> " (Retry-After " + s + " s)").orElse(""));
    }
}
