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
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Strict JSON" on every route that takes a body, read from the server with the body type each route
 * declares (a new route is covered the day it lands): trailing content, a repeated key, a scalar of the
 * wrong type that a lenient reader would coerce ({@code "true"} or {@code 1} for a boolean, a number for a
 * string, a string for a number), and a Content-Type other than JSON are refused with 400 or 415 naming the
 * problem, and change nothing.
 */
class StrictJsonBodyTest {

    private static final List<String> NOT_JSON_TYPES = List.of("text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "text/json", "application/jsonp", "application/json-patch+json",
            "application/json; charset=iso-8859-1", "application/xml", "*/*");
    private static final List<String> JSON_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "Application/JSON;charset=UTF-8");

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

    private List<ApiRoutes.Route> bodyRoutes() {
        List<ApiRoutes.Route> routes = agent.server().routes().stream().filter(r -> !r.method().equals("GET")
                && !r.method().equals("DELETE")).toList();
        assertThat(routes).as("routes that take a body").isNotEmpty();
        assertThat(routes).as("every route that takes a body declares it (and so reads it with JsonBody)")
                .allSatisfy(r -> assertThat(r.body()).as(r.method() + " " + r.path()).isNotNull());
        return routes;
    }

    @Test
    void theFourLoosenessCasesAreRefusedOnEveryRouteThatTakesABody() throws Exception {
        long auditBefore = auditBytes();
        int cases = 0;
        for (ApiRoutes.Route route : bodyRoutes()) {
            Class<?> type = route.body().type();
            Map<String, Object> valid = sample(type);
            String first = valid.keySet().iterator().next();
            String json = Json.write(valid);

            for (String trailing : List.of(" {\"x\":1}", "{}", " x", ",", "[]", " null", "\n{\"" + first + "\":1}")) {
                expect400(route, json + trailing, "body", "trailing content");
                cases++;
            }
            String repeated = json.substring(0, json.length() - 1) + "," + Json.write(first) + ":" + Json.write(valid.get(first)) + "}";
            expect400(route, repeated, first, "given more than once");
            cases++;
            for (RecordComponent c : type.getRecordComponents()) {
                String field = snake(c.getName());
                for (Object wrong : coercions(c.getGenericType())) {
                    Map<String, Object> body = new LinkedHashMap<>(valid);
                    String path = field;
                    if (wrong instanceof MapValue mv) {
                        body.put(field, Map.of("k", mv.value()));
                        path = field + ".k";
                    } else {
                        body.put(field, wrong);
                    }
                    expect400(route, Json.write(body), path, "must be");
                    cases++;
                }
            }
            for (String contentType : NOT_JSON_TYPES) {
                RawHttp.Response r = send(route, json, contentType);
                String label = route.path() + " as " + contentType + " -> " + r.status() + " " + r.body();
                assertThat(r.status()).as(label).isEqualTo(415);
                JsonNode body = Json.mapper().readTree(r.body());
                assertThat(body.path("error").asText()).as(label).isEqualTo("unsupported media type");
                assertThat(body.path("detail").asText()).as(label).startsWith("Content-Type: ").contains("application/json");
                cases++;
            }
            RawHttp.Response none = send(route, json, null);
            assertThat(none.status()).as(route.path() + " without a Content-Type: " + none.body()).isEqualTo(415);
            cases++;
        }
        System.out.printf("StrictJsonBodyTest: %d loose bodies refused over %d routes%n", cases, bodyRoutes().size());
        assertThat(auditBytes()).as("nothing recorded").isEqualTo(auditBefore);
        assertThat(systemctl.calls()).as("nothing ran").isEmpty();
        assertThat(agent.remediation().find(pendingId).orElseThrow().state()).isEqualTo(RemediationState.PENDING);
    }

    @Test
    void aBodyCutShortIsNotValidJsonOnEveryRoute() throws Exception {
        long auditBefore = auditBytes();
        for (ApiRoutes.Route route : bodyRoutes()) {
            String json = Json.write(sample(route.body().type()));
            // cut after every opening bracket, colon and comma (inside a list or a map too: {"alerts":[), and
            // before the last brace
            for (int i = 1; i < json.length(); i++) {
                if ("{[:,".indexOf(json.charAt(i - 1)) >= 0 || i == json.length() - 1) {
                    expect400(route, json.substring(0, i), "body", "not valid JSON");
                }
            }
        }
        assertThat(auditBytes()).as("nothing recorded").isEqualTo(auditBefore);
        assertThat(systemctl.calls()).as("nothing ran").isEmpty();
    }

    @Test
    void jsonWithAnyCaseAndCharsetUtf8IsAccepted() throws Exception {
        for (String contentType : JSON_TYPES) {
            RawHttp.Response r = http.send("POST", "/remediations", RawHttp.headers(
                    "Authorization", "Bearer " + TestAgents.OPERATOR_TOKEN, "Content-Type", contentType),
                    Json.write(RemediationRequest.restartService(localHost, "nginx", true, "preview"))
                            .getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).as(contentType + ": " + r.body()).isEqualTo(200);
        }
        RawHttp.Response noBody = http.send("POST", "/remediations/" + pendingId + "/reject",
                RawHttp.headers("Authorization", "Bearer " + TestAgents.OPERATOR_TOKEN), new byte[0]);
        assertThat(noBody.status()).as("an optional body may be left out, with no Content-Type: " + noBody.body()).isEqualTo(200);
    }

    private void expect400(ApiRoutes.Route route, String body, String field, String problem) throws Exception {
        RawHttp.Response r = send(route, body, "application/json");
        String label = route.path() + " " + body + " -> " + r.status() + " " + r.body();
        assertThat(r.status()).as(label).isEqualTo(400);
        JsonNode error = Json.mapper().readTree(r.body());
        assertThat(error.path("detail").asText()).as(label).startsWith(field + ": ").contains(problem);
    }

    private RawHttp.Response send(ApiRoutes.Route route, String body, String contentType) throws Exception {
        String token = route.role() == io.smartcloudops.agent.auth.Role.WEBHOOK ? TestAgents.WEBHOOK_TOKEN
                : TestAgents.OPERATOR_TOKEN;  // the webhooks take Alertmanager's and Grafana's token only
        List<String[]> headers = new ArrayList<>(RawHttp.headers("Authorization", "Bearer " + token,
                "Idempotency-Key", "strict-" + System.nanoTime()));
        if (contentType != null) {
            headers.add(RawHttp.header("Content-Type", contentType));
        }
        return http.send(route.method(), route.path().replace("{id}", pendingId).replaceAll("\\{[a-z]+}", "x"), headers,
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** A body of the right shape with a valid-typed value in every field (its content need not pass validation). */
    private static Map<String, Object> sample(Class<?> type) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            m.put(snake(c.getName()), sampleValue(c.getGenericType()));
        }
        return m;
    }

    private static Object sampleValue(Type t) {
        Class<?> raw = raw(t);
        if (raw == String.class) {
            return "x";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (Number.class.isAssignableFrom(raw) || raw.isPrimitive()) {
            return 1;
        }
        if (Map.class.isAssignableFrom(raw)) {
            return Map.of();
        }
        if (List.class.isAssignableFrom(raw)) {
            return List.of();
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0].toString();
        }
        return Map.of();
    }

    /** A nested value for a map's entry. */
    private record MapValue(Object value) {
    }

    /** Values of another JSON scalar type that a lenient reader turns into {@code t}. */
    private static List<Object> coercions(Type t) {
        Class<?> raw = raw(t);
        if (raw == String.class) {
            return List.of(5, 1.5, true, false);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return List.of("true", "false", 1, 0, "1", "");
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return List.of("5", true, 1.5, "");
        }
        if (raw == double.class || raw == Double.class) {
            return List.of("1.5", true, "");
        }
        if (Map.class.isAssignableFrom(raw) && t instanceof ParameterizedType p) {
            return coercions(p.getActualTypeArguments()[1]).stream().<Object>map(MapValue::new).toList();
        }
        return List.of();
    }

    private static Class<?> raw(Type t) {
        return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private long auditBytes() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            long total = 0;
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("remediation-")).toList()) {
                total += Files.size(f);
            }
            return total;
        }
    }
}
