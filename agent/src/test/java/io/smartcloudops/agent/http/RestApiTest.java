package io.smartcloudops.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.series.Series;
import io.smartcloudops.api.series.SeriesPoint;
import io.smartcloudops.api.status.AgentStatus;
import io.smartcloudops.api.status.HostStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every foundation endpoint through AgentClient against a real agent replaying a known CSV. */
class RestApiTest {

    @TempDir
    static Path dir;

    static Agent agent;
    static AgentClient viewer;

    @BeforeAll
    static void start() throws Exception {
        String csv = Path.of("src/test/resources/replay/web-1.csv").toAbsolutePath().toString();
        agent = TestAgents.start(dir, Map.of("source.spec", "replay:" + csv + "?speed=1000000", "source.interval", "200ms"));
        viewer = TestAgents.viewer(agent);
        Eventually.within("20 samples of web-1", Duration.ofSeconds(10)).until(() -> agent.store().sampleCount("web-1") >= 20);
    }

    @AfterAll
    static void stop() {
        viewer.close();
        agent.close();
    }

    @Test
    void statusShowsTheHostWithItsLatestValues() {
        AgentStatus s = viewer.status();
        assertThat(s.version()).isNotBlank();
        assertThat(s.source().kind()).isEqualTo("replay");
        assertThat(s.source().healthy()).isTrue();
        HostStatus web = s.hosts().stream().filter(h -> h.host().equals("web-1")).findFirst().orElseThrow();
        assertThat(web.samples()).isEqualTo(20);
        assertThat(web.values()).containsEntry("cpu", 29.0).containsEntry("mem", 49.5).containsEntry("disk", 55.0)
                .containsEntry("net_in", 20000.0).containsEntry("load1", 2.4);
    }

    @Test
    void seriesReturnsEveryReplayedRowInOrder() {
        Series cpu = viewer.series("web-1", "cpu", "1h");
        assertThat(cpu.unit()).isEqualTo("%");
        assertThat(cpu.points()).extracting(SeriesPoint::value)
                .containsExactly(10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0, 19.0,
                        20.0, 21.0, 22.0, 23.0, 24.0, 25.0, 26.0, 27.0, 28.0, 29.0);
        assertThat(viewer.series("web-1", "load1", null).points()).hasSize(20);
    }

    @Test
    void missingOrInvalidTokenIs401() {
        try (AgentClient anonymous = AgentClient.create(agent.baseUrl(), null);
             AgentClient wrong = AgentClient.create(agent.baseUrl(), "not-the-token-0123456789")) {
            assertThatThrownBy(anonymous::status).isInstanceOfSatisfying(AgentApiException.class, e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.error().error()).isEqualTo("unauthorized");
                assertThat(e.error().detail()).contains("Authorization: Bearer");
            });
            assertThatThrownBy(wrong::status).isInstanceOfSatisfying(AgentApiException.class,
                    e -> assertThat(e.status()).isEqualTo(401));
            assertThatThrownBy(() -> wrong.series("web-1", "cpu", null)).isInstanceOfSatisfying(AgentApiException.class,
                    e -> assertThat(e.status()).isEqualTo(401));
        }
    }

    @Test
    void eachBadParameterIs400NamingIt() {
        assertBad(() -> viewer.series("db-9", "cpu", null), "host: unknown host 'db-9' (known: web-1)");
        assertBad(() -> viewer.series(null, "cpu", null), "host: is required");
        assertBad(() -> viewer.series("web-1", "temperature", null), "metric: unknown metric 'temperature'");
        assertBad(() -> viewer.series("web-1", null, null), "metric: is required");
        assertBad(() -> viewer.series("web-1", "cpu", "yesterday"), "since: 'yesterday' is not a time");
        assertBad(() -> viewer.series("web-1", "cpu", "2999-01-01T00:00:00Z"), "since: '2999-01-01T00:00:00Z' is in the future");
        assertBad(() -> viewer.get("/series", Map.of("host", "web-1", "metric", "cpu", "hots", "x"), Series.class),
                "hots: unknown parameter");
        assertBad(() -> viewer.get("/status", Map.of("verbose", "1"), AgentStatus.class), "verbose: unknown parameter");
        assertBad(() -> viewer.get("/series", Map.of("host", "web-1\u0000", "metric", "cpu"), Series.class),
                "host: contains control characters");
        assertBad(() -> viewer.get("/series", Map.of("host", "x".repeat(300), "metric", "cpu"), Series.class),
                "host: longer than 256 characters");
    }

    private static void assertBad(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String detailStart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AgentApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.error().error()).isEqualTo("bad parameter");
            assertThat(e.error().detail()).startsWith(detailStart);
        });
    }

    @Test
    void healthzAndMetricsAndOpenApiNeedNoToken() {
        try (AgentClient anonymous = AgentClient.create(agent.baseUrl(), null)) {
            assertThat(anonymous.healthz()).containsEntry("status", "ok");
            // the JVM's own metrics are registered in the background once the agent serves
            Eventually.within("jvm_* in /metrics", Duration.ofSeconds(10)).until(() -> anonymous.metrics().contains("jvm_memory_used_bytes"));
            String metrics = anonymous.metrics();
            assertThat(metrics).contains("smartcloudops_host_cpu_percent{host=\"web-1\"} 29.0")
                    .contains("smartcloudops_source_up{source=\"replay\"} 1.0")
                    .contains("smartcloudops_samples_total")
                    .contains("smartcloudops_build_info{version=")
                    .contains("jvm_memory_used_bytes");
            assertThat(anonymous.openApi()).startsWith("openapi: 3.1.0").contains("/series:");
        }
    }

    @Test
    void unknownRoutesAndMethodsAreJsonNotHtml() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(agent.baseUrl() + "/nope"))
                .header("Authorization", "Bearer " + TestAgents.VIEWER_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("\"error\":\"not found\"").doesNotContain("<html");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(agent.baseUrl() + "/nope")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("without a token, no route listing").isEqualTo(401);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(agent.baseUrl() + "/status"))
                .header("Authorization", "Bearer " + TestAgents.VIEWER_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isIn(404, 405);
        assertThat(post.body()).startsWith("{\"error\":");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as("CORS closed by default").isEmpty();
    }

    @Test
    void requestsJettyRefusesItselfAreJsonToo() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> bigHeader = http.send(HttpRequest.newBuilder(URI.create(agent.baseUrl() + "/status"))
                .header("X-Junk", "x".repeat(20_000)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bigHeader.statusCode()).isEqualTo(431);
        assertThat(bigHeader.body()).startsWith("{\"error\":").doesNotContain("<html");
        HttpResponse<String> bigUri = http.send(HttpRequest.newBuilder(URI.create(agent.baseUrl() + "/series?host="
                + "y".repeat(20_000))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bigUri.statusCode()).isIn(414, 431);
        assertThat(bigUri.body()).startsWith("{\"error\":").doesNotContain("<html");
    }

    @Test
    void unreachableAgentIsReportedAsSuch() {
        try (AgentClient gone = AgentClient.create("http://127.0.0.1:1", TestAgents.VIEWER_TOKEN, Duration.ofSeconds(2))) {
            assertThatThrownBy(gone::status).isInstanceOfSatisfying(AgentApiException.class,
                    e -> assertThat(e.unreachable()).isTrue());
        }
    }
}
