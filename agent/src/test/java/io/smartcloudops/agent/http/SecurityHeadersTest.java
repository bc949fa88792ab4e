package io.smartcloudops.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.RawHttp;
import io.smartcloudops.agent.testing.TestAgents;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser-facing hardening of every answer: security headers on every route family (read, write,
 * chat, SSE, open routes, the agent's refusals and Jetty's own), and CORS closed unless origins are
 * configured, then open to exactly those origins, preflight included.
 */
class SecurityHeadersTest {

    private static final Map<String, String> EXPECTED = Map.of(
            "x-content-type-options", "nosniff",
            "x-frame-options", "DENY",
            "referrer-policy", "no-referrer",
            "content-security-policy", "default-src 'none'; frame-ancestors 'none'",
            "cache-control", "no-store");
    private static final String CONSOLE = "https://console.example.test";

    @TempDir
    Path dir;

    private Agent agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    private void start(String serverYaml) throws Exception {
        String csv = Path.of("src/test/resources/replay/web-1.csv").toAbsolutePath().toString();
        agent = TestAgents.start(TestAgents.config(dir, "source:\n  spec: \"replay:" + csv + "?speed=1000000\"\n"
                + serverYaml), java.time.Clock.systemUTC());
    }

    @Test
    void everyRouteAndEveryRefusalCarriesTheSecurityHeaders() throws Exception {
        start("");
        RawHttp http = new RawHttp(agent.baseUrl());
        List<String[]> operator = RawHttp.headers("Authorization", "Bearer " + TestAgents.OPERATOR_TOKEN,
                "Content-Type", "application/json");
        int checked = 0;
        for (ApiRoutes.Route route : agent.server().routes()) {
            if (route.path().equals("/events")) {
                continue; // below: an endless stream
            }
            String path = route.path().replace("{id}", UUID.randomUUID().toString());
            String query = route.path().equals("/series") ? "?host=web-1&metric=cpu" : "";
            byte[] body = switch (route.path()) {
                case "/query" -> "{\"question\": \"What's current CPU?\"}".getBytes(StandardCharsets.UTF_8);
                case "/remediations" -> "{\"action\": \"notify\", \"target\": \"x\", \"dry_run\": true}".getBytes(StandardCharsets.UTF_8);
                default -> route.method().equals("POST") ? new byte[0] : null;
            };
            RawHttp.Response r = http.send(route.method(), path + query, operator, body);
            assertHeaders(route.method() + " " + route.path() + " -> " + r.status(), r.headers());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(12);

        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> sse = client.send(HttpRequest.newBuilder(URI.create(agent.baseUrl() + "/events"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + TestAgents.VIEWER_TOKEN).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(sse.statusCode()).isEqualTo(200);
        Map<String, String> sseHeaders = new java.util.HashMap<>();
        sse.headers().map().forEach((k, v) -> sseHeaders.put(k.toLowerCase(java.util.Locale.ROOT), v.getFirst()));
        sse.body().close();
        // an event stream must stay cacheable by nobody too; Javalin sets its own Cache-Control: no-cache
        assertThat(sseHeaders).containsEntry("x-content-type-options", "nosniff").containsEntry("x-frame-options", "DENY");

        // refusals of the agent (401, 403, 404, 405, 413) and of Jetty itself (400, 431) alike
        Map<String, RawHttp.Response> refusals = new java.util.LinkedHashMap<>();
        refusals.put("401", http.send("GET", "/status", List.of(), null));
        refusals.put("403", http.send("POST", "/remediations", RawHttp.headers("Authorization", "Bearer "
                + TestAgents.VIEWER_TOKEN), "{}".getBytes(StandardCharsets.UTF_8)));
        refusals.put("404", http.send("GET", "/nothing-here", operator, null));
        refusals.put("413", http.send("POST", "/query", operator, ("{\"question\":\"" + "x".repeat(70_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8)));
        refusals.put("400", http.send("PUT", "/query", RawHttp.headers("X-Bad", "a\u0001b"), null));
        refusals.put("431", http.send("GET", "/status", RawHttp.headers("X-Junk", "x".repeat(20_000)), null));
        refusals.forEach((expected, r) -> {
            assertThat(r.status()).as(expected + " " + r.body()).isEqualTo(Integer.parseInt(expected));
            assertThat(r.header("Content-Type")).as(expected).startsWith("application/json");
            assertThat(r.body()).as(expected).startsWith("{\"error\":");
            assertHeaders(expected, r.headers());
        });
    }

    @Test
    void corsIsClosedByDefault() throws Exception {
        start("");
        RawHttp http = new RawHttp(agent.baseUrl());
        RawHttp.Response get = http.send("GET", "/status", RawHttp.headers("Authorization", "Bearer "
                + TestAgents.VIEWER_TOKEN, "Origin", CONSOLE), null);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.headers()).doesNotContainKeys("access-control-allow-origin", "access-control-allow-credentials");
        RawHttp.Response preflight = http.send("OPTIONS", "/remediations", RawHttp.headers("Origin", CONSOLE,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type"), null);
        assertThat(preflight.status()).as("no preflight succeeds").isGreaterThanOrEqualTo(400);
        assertThat(preflight.headers()).doesNotContainKeys("access-control-allow-origin", "access-control-allow-methods");
    }

    @Test
    void corsOpensOnlyToTheConfiguredOrigins() throws Exception {
        start("server:\n  cors_origins: [\"" + CONSOLE + "\"]\n");
        RawHttp http = new RawHttp(agent.baseUrl());
        RawHttp.Response preflight = http.send("OPTIONS", "/remediations", RawHttp.headers("Origin", CONSOLE,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type,idempotency-key"), null);
        assertThat(preflight.status()).as("a browser needs a 2xx preflight to send the token").isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(CONSOLE);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization", "Idempotency-Key");
        assertThat(preflight.headers()).doesNotContainKey("access-control-allow-credentials");

        RawHttp.Response get = http.send("GET", "/status", RawHttp.headers("Authorization", "Bearer "
                + TestAgents.VIEWER_TOKEN, "Origin", CONSOLE), null);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo(CONSOLE);
        assertThat(get.header("Vary")).contains("Origin");

        for (String other : List.of("https://evil.example.test", CONSOLE + ".evil.test", "null", CONSOLE.toUpperCase())) {
            RawHttp.Response no = http.send("OPTIONS", "/remediations", RawHttp.headers("Origin", other,
                    "Access-Control-Request-Method", "POST"), null);
            assertThat(no.status()).as(other).isGreaterThanOrEqualTo(400);
            assertThat(no.headers()).as(other).doesNotContainKey("access-control-allow-origin");
            RawHttp.Response noGet = http.send("GET", "/status", RawHttp.headers("Authorization", "Bearer "
                    + TestAgents.VIEWER_TOKEN, "Origin", other), null);
            assertThat(noGet.headers()).as(other).doesNotContainKey("access-control-allow-origin");
        }
        // the preflight is not a way around the token: the call itself still needs one
        assertThat(http.send("POST", "/remediations", RawHttp.headers("Origin", CONSOLE, "Content-Type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(401);
    }

    private static void assertHeaders(String what, Map<String, String> headers) {
        EXPECTED.forEach((name, value) -> assertThat(headers).as(what).containsEntry(name, value));
    }
}
