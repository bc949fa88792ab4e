package io.smartcloudops.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.RawHttp;
import io.smartcloudops.agent.testing.RecordingCommand;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.RemediationState;
import io.smartcloudops.api.remediation.Trigger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An HTTP request means exactly one thing: its method is the request line's (never a header's), HEAD is a
 * GET without a body and needs the same token, and a client without a token learns nothing about which
 * paths exist. Every route is taken from the running server, so a new route is covered the day it lands.
 */
class StrictMethodsTest {

    static final List<String> OVERRIDE_HEADERS = List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");
    private static final String BODY = "{\"reason\":\"looks right\"}";

    @TempDir
    Path dir;

    private Agent agent;
    private RawHttp http;
    private RecordingCommand systemctl;
    private String pendingId;
    private String localHost;

    @BeforeEach
    void start() throws Exception {
        systemctl = new RecordingCommand(dir, "systemctl");
        agent = TestAgents.start(TestAgents.config(dir, """
                remediation:
                  enabled: true
                  allowed_units: [nginx]
                  restart_command: [%s, restart, "{unit}"]
                  verify_command: [%s, is-active, "{unit}"]
                """.formatted(systemctl.path(), systemctl.path())), Clock.systemUTC());
        http = new RawHttp(agent.baseUrl());
        localHost = agent.remediation().targets().all().stream().filter(t -> t.local()).findFirst().orElseThrow().name();
        pendingId = agent.remediation().propose(RemediationRequest.restartService(localHost, "nginx", false, "test"),
                Trigger.CHAT, "chat-test").id();
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    private String target(ApiRoutes.Route route) {
        return route.path().replace("{id}", pendingId).replaceAll("\\{[a-z]+}", "x");
    }

    private byte[] bodyFor(ApiRoutes.Route route) {
        return route.path().equals("/remediations")
                ? Json.write(RemediationRequest.restartService(localHost, "nginx", false, "override")).getBytes(StandardCharsets.UTF_8)
                : route.path().equals("/query") ? "{\"question\":\"Restart nginx\"}".getBytes(StandardCharsets.UTF_8)
                : BODY.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String[]> headers(String... nameValue) {
        return new ArrayList<>(RawHttp.headers(nameValue));
    }

    @Test
    void methodOverrideHeadersAreRefusedOnEveryRouteAndChangeNothing() throws Exception {
        long auditBefore = auditBytes();
        int cases = 0;
        for (ApiRoutes.Route route : agent.server().routes()) {
            if (route.path().equals("/events")) {
                continue; // a GET with a valid token would open an endless stream; the refusal comes first anyway
            }
            for (String header : OVERRIDE_HEADERS) {
                // the attack: the method a proxy lets through, the route's method in the header (and the other way)
                String sent = route.method().equals("GET") ? "POST" : "GET";
                for (String[] pair : List.of(new String[] {sent, route.method()}, new String[] {route.method(), "DELETE"})) {
                    List<String[]> h = headers("Authorization", "Bearer " + TestAgents.OPERATOR_TOKEN, header, pair[1],
                            "Content-Type", "application/json", "Idempotency-Key", "override-" + cases);
                    RawHttp.Response r = http.send(pair[0], target(route), h, pair[0].equals("GET") ? null : bodyFor(route));
                    String label = pair[0] + " " + target(route) + " with " + header + ": " + pair[1] + " -> " + r.status() + " " + r.body();
                    assertThat(r.status()).as(label).isEqualTo(400);
                    JsonNode body = Json.mapper().readTree(r.body());
                    assertThat(body.path("error").asText()).as(label).isEqualTo("bad request");
                    assertThat(body.path("detail").asText()).as(label).contains(header).contains("not accepted");
                    cases++;
                }
            }
        }
        System.out.printf("StrictMethodsTest: %d method-override requests over %d routes refused%n", cases, agent.server().routes().size());
        assertThat(auditBytes()).as("nothing recorded").isEqualTo(auditBefore);
        assertThat(systemctl.calls()).as("nothing ran").isEmpty();
        assertThat(agent.remediation().find(pendingId).orElseThrow().state()).isEqualTo(RemediationState.PENDING);
        assertThat(agent.remediation().list(Optional.empty(), 100)).hasSize(1);
    }

    @Test
    void headNeedsTheSameTokenAsGetOnEveryRoute() throws Exception {
        for (ApiRoutes.Route route : agent.server().routes()) {
            if (!route.method().equals("GET")) {
                continue;
            }
            String path = target(route);
            RawHttp.Response anonymousGet = http.send("GET", path, headers("Accept", "application/json"), null);
            RawHttp.Response anonymousHead = http.send("HEAD", path, headers("Accept", "application/json"), null);
            RawHttp.Response wrongHead = http.send("HEAD", path, headers("Authorization", "Bearer wrong-token-0123456789"), null);
            String label = "HEAD " + path;
            assertThat(anonymousHead.status()).as(label + " without a token").isEqualTo(anonymousGet.status());
            assertThat(wrongHead.status()).as(label + " with a wrong token").isEqualTo(route.role() == null ? 200 : 401);
            if (route.role() != null) {
                assertThat(anonymousHead.status()).as(label).isEqualTo(401);
                assertThat(anonymousHead.header("WWW-Authenticate")).as(label).startsWith("Bearer");
            }
            if (!path.equals("/events")) {
                RawHttp.Response viewerGet = http.send("GET", path, headers("Authorization", "Bearer " + TestAgents.VIEWER_TOKEN), null);
                RawHttp.Response viewerHead = http.send("HEAD", path, headers("Authorization", "Bearer " + TestAgents.VIEWER_TOKEN), null);
                assertThat(viewerHead.status()).as(label + " with a viewer token: as GET").isEqualTo(viewerGet.status());
                assertThat(viewerHead.body()).as(label + " has no body").isEmpty();
            }
        }
    }

    @Test
    void withoutATokenUnknownPathsAnswerExactlyLikeKnownOnes() throws Exception {
        List<String> known = agent.server().routes().stream().filter(r -> r.role() != null).map(this::target).distinct().toList();
        List<String> unknown = List.of("/admin", "/logs2", "/remediations/" + pendingId + "/execute", "/.env", "/healthz/x",
                "/actuator/health", "/status/", "/v1/logs", "/x".repeat(50));
        RawHttp.Response reference = http.send("GET", "/logs", List.of(), null);
        assertThat(reference.status()).isEqualTo(401);
        int cases = 0;
        for (String path : Stream.concat(known.stream(), unknown.stream()).toList()) {
            for (String method : List.of("GET", "POST", "DELETE", "PUT", "PATCH", "HEAD")) {
                RawHttp.Response r = http.send(method, path, headers("Content-Type", "application/json"),
                        method.equals("GET") || method.equals("HEAD") ? null : BODY.getBytes(StandardCharsets.UTF_8));
                String label = method + " " + path + " -> " + r.status() + " " + r.body();
                assertThat(r.status()).as(label).isEqualTo(401);
                assertThat(r.header("WWW-Authenticate")).as(label).isEqualTo(reference.header("WWW-Authenticate"));
                if (!method.equals("HEAD")) {
                    assertThat(r.body()).as(label).isEqualTo(reference.body());
                }
                cases++;
            }
        }
        System.out.printf("StrictMethodsTest: %d unauthenticated requests to known and unknown paths answered alike%n", cases);
        RawHttp.Response unknownWithToken = http.send("GET", "/admin", headers("Authorization", "Bearer " + TestAgents.VIEWER_TOKEN), null);
        assertThat(unknownWithToken.status()).as("a token holder still gets 404").isEqualTo(404);
        assertThat(http.send("GET", "/healthz", List.of(), null).status()).as("open routes stay open").isEqualTo(200);
        assertThat(http.send("HEAD", "/healthz", List.of(), null).status()).isEqualTo(200);
    }

    private long auditBytes() throws Exception {
        Path logs = dir.resolve("logs");
        try (Stream<Path> files = Files.list(logs)) {
            long total = 0;
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("remediation-")).toList()) {
                total += Files.size(f);
            }
            return total;
        }
    }
}
