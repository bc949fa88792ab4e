package io.smartcloudops.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.config.ConfigLoader;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.TestAgents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/api/openapi.yaml is complete, not only in step with the routes ({@link OpenApiConsistencyTest}):
 * every operation documents its error answers, every reference resolves, the query parameters are exactly
 * those the server accepts (its strict parameter check names them), and real answers of a real agent —
 * replaying an incident so that anomalies, remediations, audit records and chat answers exist — carry
 * only fields and enum values the schemas name, with every required field present.
 */
class OpenApiCompletenessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    private static final Pattern ACCEPTED = Pattern.compile("unknown parameter \\(accepted: ([^)]*)\\)");

    private static JsonNode spec;

    @TempDir
    Path dir;

    @BeforeAll
    static void read() throws Exception {
        spec = new YAMLMapper().readTree(Path.of("../docs/api/openapi.yaml").toFile());
    }

    private record Operation(String path, String method, JsonNode node) {
        String name() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    private static List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        spec.path("paths").properties().forEach(p -> p.getValue().properties().forEach(m -> {
            if (METHODS.contains(m.getKey())) {
                ops.add(new Operation(p.getKey(), m.getKey(), m.getValue()));
            }
        }));
        return ops;
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        for (int i = 0; i < 10 && n.has("$ref"); i++) {
            String ref = n.get("$ref").asText();
            n = spec.at(ref.substring(1));
        }
        return n;
    }

    private static List<JsonNode> parameters(Operation op) {
        List<JsonNode> out = new ArrayList<>();
        op.node().path("parameters").forEach(p -> out.add(resolve(p)));
        return out;
    }

    @Test
    void everyOperationDocumentsItsErrorAnswers() {
        List<String> missing = new ArrayList<>();
        for (Operation op : operations()) {
            JsonNode responses = op.node().path("responses");
            String role = op.node().path("x-role").asText("");
            List<String> needed = new ArrayList<>();
            if (!role.isEmpty()) {
                needed.add("401");
                needed.add("429"); // FailedAuthLimiter: too many wrong tokens from this address
            }
            if (role.equals("operator") || role.equals("webhook")) {
                needed.add("403");
            }
            boolean hasInput = !parameters(op).isEmpty() || op.node().has("requestBody") || !role.isEmpty();
            if (hasInput && !op.path().equals("/events")) {
                needed.add("400");
            }
            if (op.node().has("requestBody")) {
                needed.add("413");
                needed.add("415"); // JsonBody: a Content-Type other than application/json
            }
            if (op.path().contains("{")) {
                needed.add("404");
            }
            for (String code : needed) {
                if (!responses.has(code)) {
                    missing.add(op.name() + " " + code);
                }
            }
            responses.properties().forEach(r -> {
                if (resolve(r.getValue()).path("description").asText("").isBlank()) {
                    missing.add(op.name() + " " + r.getKey() + " has no description");
                }
                if (r.getKey().matches("[45]\\d\\d")) {
                    JsonNode schema = resolve(r.getValue()).path("content").path("application/json").path("schema");
                    if (!schema.path("$ref").asText().equals("#/components/schemas/Error")) {
                        missing.add(op.name() + " " + r.getKey() + " is not the {error, detail} shape");
                    }
                }
            });
        }
        assertThat(missing).as("error answers the spec does not document").isEmpty();
    }

    @Test
    void everyReferenceResolvesAndEveryPathParameterIsDeclared() {
        List<String> problems = new ArrayList<>();
        collectRefs(spec, problems);
        for (Operation op : operations()) {
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(op.path());
            while (m.find()) {
                String name = m.group(1);
                if (parameters(op).stream().noneMatch(p -> p.path("in").asText().equals("path") && p.path("name").asText().equals(name))) {
                    problems.add(op.name() + " does not declare its path parameter " + name);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void collectRefs(JsonNode node, List<String> problems) {
        if (node.isObject()) {
            if (node.has("$ref") && spec.at(node.get("$ref").asText().substring(1)).isMissingNode()) {
                problems.add("unresolved " + node.get("$ref").asText());
            }
            node.forEach(c -> collectRefs(c, problems));
        } else if (node.isArray()) {
            node.forEach(c -> collectRefs(c, problems));
        }
    }

    @Test
    void queryParametersAreExactlyTheOnesTheServerAccepts() throws Exception {
        try (Agent agent = TestAgents.start(dir, Map.of("source.spec", "local"))) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<String> problems = new ArrayList<>();
            for (Operation op : operations()) {
                if (op.path().equals("/events")) {
                    continue; // an endless stream
                }
                String path = op.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                String token = op.node().path("x-role").asText().equals("webhook") ? TestAgents.WEBHOOK_TOKEN
                        : TestAgents.OPERATOR_TOKEN;
                HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(agent.baseUrl() + path + "?zz_not_a_parameter=1"))
                        .timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer " + token);
                req = switch (op.method()) {
                    case "post" -> req.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
                    case "delete" -> req.DELETE();
                    default -> req.GET();
                };
                HttpResponse<String> answer = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
                Set<String> documented = new TreeSet<>();
                parameters(op).stream().filter(p -> p.path("in").asText().equals("query"))
                        .forEach(p -> documented.add(p.path("name").asText()));
                Matcher m = ACCEPTED.matcher(answer.body());
                if (m.find()) {
                    Set<String> accepted = new TreeSet<>();
                    for (String a : m.group(1).split(",\\s*")) {
                        if (!a.isBlank()) {
                            accepted.add(a.strip());
                        }
                    }
                    if (!accepted.equals(documented)) {
                        problems.add(op.name() + ": the server accepts " + accepted + ", the spec documents " + documented);
                    }
                } else if (!documented.isEmpty() || answer.statusCode() != 200) {
                    problems.add(op.name() + ": no parameter check answered (" + answer.statusCode() + ")");
                }
            }
            assertThat(problems).isEmpty();
        }
    }

    @Test
    void realAnswersCarryOnlyDocumentedFieldsAndValues() throws Exception {
        Path incident = Path.of("../bench/console/incident").toAbsolutePath().normalize();
        Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - name: cpu-notify
                    when: cpu > 90
                    action: notify
                    params: {message: CPU above 90}
                    dry_run: true
                """);
        String yaml = """
                source: {spec: "replay:%s?speed=100000", interval: 200ms}
                remediation:
                  executor: aws
                  allowed_units: [nginx]
                  targets: {web-1: {instance_id: i-0123456789abcdef0, tags: {role: web}}}
                aws: {region: eu-west-1, ssm_document: RestartService, sns_topic_arn: "arn:aws:sns:eu-west-1:123456789012:alerts"}
                rules: {path: %s}
                detect: {model: %s}
                """.formatted(incident, dir.resolve("rules.yaml"), Path.of("../ml_models/anomaly_model.ser").toAbsolutePath().normalize());
        Path file = Files.writeString(dir.resolve("agent.yaml"), yaml);
        var config = new ConfigLoader(Map.of()).load(file, Map.of("server.bind", "127.0.0.1:0",
                "auth.viewer_token", TestAgents.VIEWER_TOKEN, "auth.operator_token", TestAgents.OPERATOR_TOKEN,
                "auth.webhook_token", TestAgents.WEBHOOK_TOKEN, "logs.dir", dir.resolve("logs").toString()));
        try (Agent agent = TestAgents.start(config, java.time.Clock.systemUTC())) {
            Probe probe = new Probe(agent.baseUrl());
            Eventually.within("an anomaly", Duration.ofSeconds(60)).until(() -> !probe.get("/anomalies").path("anomalies").isEmpty());
            List<String> problems = new ArrayList<>();
            check(problems, "POST /remediations", probe.post("/remediations",
                    "{\"action\":\"restart_service\",\"target\":\"web-1\",\"params\":{\"unit\":\"nginx\"},\"dry_run\":true}"));
            JsonNode proposal = probe.post("/query", "{\"question\":\"Restart nginx on web-1\"}");
            check(problems, "POST /query", proposal);
            check(problems, "POST /query", probe.post("/query", "{\"question\":\"What's current CPU?\"}"));
            check(problems, "POST /query", probe.post("/query", "{\"question\":\"Summarize last 3 anomalies\"}"));
            String id = proposal.path("proposed_actions").path(0).path("id").asText();
            assertThat(id).as("the chat proposed a remediation: " + proposal).isNotBlank();
            check(problems, "POST /remediations/{id}/reject", probe.post("/remediations/" + id + "/reject", "{\"reason\":\"test\"}"));
            Probe hook = new Probe(agent.baseUrl(), TestAgents.WEBHOOK_TOKEN);
            String alerts = io.smartcloudops.api.Json.write(io.smartcloudops.agent.alerts.AlertPayloads.alertmanager("firing",
                    List.of(io.smartcloudops.agent.alerts.AlertPayloads.highCpu("firing", "web-1:9100",
                            java.time.Instant.now().minusSeconds(60), null))));
            check(problems, "POST /webhooks/alertmanager", hook.post("/webhooks/alertmanager", alerts));
            check(problems, "POST /webhooks/grafana", hook.post("/webhooks/grafana", alerts));
            String alertId = probe.get("/alerts").path("alerts").path(0).path("id").asText();
            check(problems, "POST /alerts/{id}/acknowledge", probe.post("/alerts/" + alertId + "/acknowledge", "{\"note\":\"mine\"}"));
            String anomalyId = probe.get("/anomalies").path("anomalies").path(0).path("id").asText();
            check(problems, "POST /anomalies/{id}/acknowledge", probe.post("/anomalies/" + anomalyId + "/acknowledge", ""));
            JsonNode silence = probe.post("/silences", "{\"host\":\"web-1\",\"duration\":\"1h\",\"reason\":\"test\"}");
            check(problems, "POST /silences", silence);
            check(problems, "GET /silences", probe.get("/silences"));
            check(problems, "GET /alerts", probe.get("/alerts"));
            check(problems, "DELETE /silences/{id}", probe.delete("/silences/" + silence.path("id").asText()));
            check(problems, "DELETE /alerts/{id}/acknowledge", probe.delete("/alerts/" + alertId + "/acknowledge"));
            check(problems, "DELETE /anomalies/{id}/acknowledge", probe.delete("/anomalies/" + anomalyId + "/acknowledge"));
            for (String path : List.of("/status", "/anomalies", "/series?host=web-1&metric=cpu", "/whoami", "/remediations",
                    "/remediations/options", "/remediations/" + id, "/logs", "/healthz", "/model")) {
                check(problems, "GET " + path.replaceAll("\\?.*", "").replace(id, "{id}"), probe.get(path));
            }
            check(problems, "GET /anything", probe.get("/no-such-route"), "404");
            assertThat(problems).as("fields or values the spec does not name").isEmpty();
        }
    }

    private static void check(List<String> problems, String operation, JsonNode answer) {
        check(problems, operation, answer, null);
    }

    private static void check(List<String> problems, String operation, JsonNode answer, String errorCode) {
        if (errorCode != null) {
            conform(answer, spec.at("/components/schemas/Error"), "error answer", problems);
            return;
        }
        String[] parts = operation.split(" ", 2);
        JsonNode responses = spec.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT)).path("responses");
        assertThat(responses.isMissingNode()).as(operation + " is documented").isFalse();
        JsonNode ok = responses.has("200") ? responses.get("200") : responses.has("201") ? responses.get("201") : responses.get("202");
        JsonNode schema = resolve(ok).path("content").path("application/json").path("schema");
        conform(answer, schema, operation, problems);
    }

    /** Every field of {@code value} is named by {@code schema}, required ones are present, enum values are listed. */
    private static void conform(JsonNode value, JsonNode schemaRef, String where, List<String> problems) {
        JsonNode schema = resolve(schemaRef);
        if (schema.isMissingNode() || value.isNull()) {
            return;
        }
        if (schema.has("enum") && value.isValueNode()) {
            boolean listed = false;
            for (JsonNode e : schema.get("enum")) {
                listed |= e.asText().equals(value.asText());
            }
            if (!listed) {
                problems.add(where + ": '" + value.asText() + "' is not in the documented enum " + schema.get("enum"));
            }
        }
        if (value.isObject()) {
            JsonNode props = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            for (JsonNode r : schema.path("required")) {
                if (!value.has(r.asText())) {
                    problems.add(where + ": required field " + r.asText() + " is missing");
                }
            }
            Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                if (props.has(f.getKey())) {
                    conform(f.getValue(), props.get(f.getKey()), where + "." + f.getKey(), problems);
                } else if (additional.isObject()) {
                    conform(f.getValue(), additional, where + "." + f.getKey(), problems);
                } else if (!additional.asBoolean(false)) {
                    problems.add(where + ": field " + f.getKey() + " is not documented");
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < Math.min(value.size(), 20); i++) {
                conform(value.get(i), schema.get("items"), where + "[" + i + "]", problems);
            }
        }
    }

    /** Minimal JSON calls with the operator token; answers of any status are returned as JSON. */
    private record Probe(String base, String token) {
        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Probe(String base) {
            this(base, TestAgents.OPERATOR_TOKEN);
        }

        JsonNode delete(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
        }

        JsonNode get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        JsonNode post(String path, String body) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json"));
        }

        private JsonNode send(HttpRequest.Builder b) throws Exception {
            HttpResponse<String> r = HTTP.send(b.timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        }
    }
}
