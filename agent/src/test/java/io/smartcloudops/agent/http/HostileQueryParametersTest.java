package io.smartcloudops.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.HostileInput;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: whatever query parameters arrive on the read endpoints, the answer is 200 or a 4xx with the
 * JSON error shape (never a 5xx, never HTML or a stack trace), and the agent stays healthy.
 */
class HostileQueryParametersTest {

    static final int CASES = 400;

    @TempDir
    Path dir;

    @Test
    void readEndpointsAnswerHostileParametersWithJsonErrors() throws Exception {
        long seed = Long.getLong("hostile.seed", System.nanoTime());
        System.out.println("HostileQueryParametersTest seed=" + seed + " (replay with -Dhostile.seed=" + seed + ")");
        HostileInput in = new HostileInput(seed);
        String csv = Path.of("src/test/resources/replay/web-1.csv").toAbsolutePath().toString();
        List<String> paths = List.of("/status", "/series", "/healthz", "/metrics");
        List<String> names = List.of("host", "metric", "since", "limit", "until", "x", "host[]", "", "../");
        try (Agent agent = TestAgents.start(dir, Map.of("source.spec", "replay:" + csv + "?speed=1000000",
                "source.interval", "200ms"))) {
            HttpClient http = HttpClient.newHttpClient();
            int ok = 0;
            int rejected = 0;
            for (int i = 0; i < CASES; i++) {
                String path = in.pick(paths);
                StringBuilder query = new StringBuilder();
                int params = in.nextInt(4);
                for (int p = 0; p < params; p++) {
                    String name = in.nextBoolean() ? in.pick(names) : in.string("host");
                    String value = in.string(in.pick(List.of("web-1", "cpu", "10m", "5")));
                    query.append(p == 0 ? "?" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                            .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
                HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(agent.baseUrl() + path + query));
                if (in.nextInt(5) > 0) {
                    req.header("Authorization", "Bearer " + (in.nextInt(4) > 0 ? TestAgents.VIEWER_TOKEN : in.string("token")
                            .replaceAll("[\\r\\n\\x00-\\x1f\\x7f-\\x{10ffff}]", "x")));
                }
                HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
                String label = path + query;
                assertThat(r.statusCode()).as(label).isLessThan(500);
                if (r.statusCode() >= 400) {
                    rejected++;
                    JsonNode body = Json.mapper().readTree(r.body());
                    assertThat(body.path("error").isTextual()).as(label + " -> " + r.body()).isTrue();
                    assertThat(body.path("detail").isTextual()).as(label + " -> " + r.body()).isTrue();
                    assertThat(r.body()).as(label).doesNotContain("Exception").doesNotContain("\tat ");
                } else {
                    ok++;
                }
            }
            System.out.printf("HostileQueryParametersTest: %d cases, %d answered, %d rejected with a JSON 4xx%n", CASES, ok, rejected);
            assertThat(rejected).as("most hostile inputs are refused").isGreaterThan(CASES / 2);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(agent.baseUrl() + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(agent.store().hosts()).as("no state created by the requests").containsExactly("web-1");
        }
    }
}
