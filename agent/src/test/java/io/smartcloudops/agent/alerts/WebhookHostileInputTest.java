package io.smartcloudops.agent.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.HostileInput;
import io.smartcloudops.agent.testing.RawHttp;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.alert.Alert;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both webhook bodies fuzzed as the other hostile-input suites do (seeded, replay with {@code -Dhostile.seed=N},
 * {@code -Dhostile.cases}): valid Alertmanager and Grafana payloads mutated field by field (wrong types, missing
 * and unknown fields, control characters, 10 kB values, odd times), as text, as random bytes, nested deep and
 * oversized, sent over a raw socket with the webhook token. After every request:
 * <ul>
 * <li>never a 5xx; a refusal is the JSON {@code {"error","detail"}} shape, a 400 names the field it refuses
 * ({@code body}, {@code version}, {@code alerts[3].labels...}), a 413 names {@code body};</li>
 * <li>a refused payload changes nothing: the alert log is byte for byte the same and no alert was added;</li>
 * <li>no webhook ever creates an action: the audit log stays empty and no remediation exists;</li>
 * <li>what is shown is safe: every value {@code GET /alerts} returns is printable and cut at 1,024 characters.</li>
 * </ul>
 */
class WebhookHostileInputTest {

    static final int CASES = Integer.getInteger("hostile.cases", 600);
    private static final Pattern FIELD = Pattern.compile("^(body|version|alerts(\\[\\d+](\\.[A-Za-z]+(\\..*)?)?)?): .+");

    @TempDir
    Path dir;

    private HostileInput in;

    @Test
    void hostileWebhookBodiesAreRefusedCleanlyAndNeverAct() throws Exception {
        long seed = Long.getLong("hostile.seed", System.nanoTime());
        System.out.println("WebhookHostileInputTest seed=" + seed + " (replay with -Dhostile.seed=" + seed + ")");
        in = new HostileInput(seed);
        try (Agent agent = TestAgents.start(dir, Map.of("source.spec", "local", "source.interval", "1h"))) {
            RawHttp http = new RawHttp(agent.baseUrl());
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (int i = 0; i < CASES; i++) {
                boolean grafana = in.nextBoolean();
                String path = grafana ? "/webhooks/grafana" : "/webhooks/alertmanager";
                byte[] body = body(grafana);
                long alertBytes = bytes("alerts-");
                int alertsBefore = agent.alerts().query(Integer.MAX_VALUE, null, null, null).size();
                RawHttp.Response r = http.send("POST", path, List.of(
                        RawHttp.header("Authorization", "Bearer " + TestAgents.WEBHOOK_TOKEN),
                        RawHttp.header("Content-Type", in.nextInt(8) == 0 ? "text/plain" : "application/json")), body);
                String label = "case " + i + " " + path + " body=" + describe(body) + " -> " + r.status() + " " + cut(r.body());
                statuses.merge(r.status(), 1, Integer::sum);
                assertThat(r.status()).as(label).isBetween(200, 499);
                if (r.status() >= 400) {
                    JsonNode error = Json.mapper().readTree(r.body());
                    assertThat(error.path("error").isTextual() && error.path("detail").isTextual()).as(label).isTrue();
                    assertThat(r.body()).as(label).doesNotContain("Exception").doesNotContain("\tat ");
                    if (r.status() == 400) {
                        assertThat(error.path("detail").asText()).as("the field is named: " + label).matches(FIELD);
                    }
                    if (r.status() == 413) {
                        assertThat(error.path("detail").asText()).as(label).startsWith("body: ");
                    }
                    assertThat(bytes("alerts-")).as("alert log unchanged after " + label).isEqualTo(alertBytes);
                    assertThat(agent.alerts().query(Integer.MAX_VALUE, null, null, null)).as(label).hasSize(alertsBefore);
                } else {
                    JsonNode receipt = Json.mapper().readTree(r.body());
                    assertThat(receipt.path("received").asInt()).as(label)
                            .isEqualTo(receipt.path("created").asInt() + receipt.path("updated").asInt() + receipt.path("unchanged").asInt());
                    assertThat(agent.alerts().query(Integer.MAX_VALUE, null, null, null)).as(label)
                            .hasSize(alertsBefore + receipt.path("created").asInt());
                }
                assertThat(bytes("remediation-")).as("no webhook creates an action: " + label).isZero();
            }
            System.out.printf("WebhookHostileInputTest: %d cases; statuses %s%n", CASES, statuses);
            assertThat(statuses.keySet()).as("cases reach acceptance, the validators and the size limit").contains(200, 400, 413);
            assertThat(agent.remediation().list(java.util.Optional.empty(), 1000)).isEmpty();

            try (var viewer = TestAgents.viewer(agent)) {
                for (Alert a : viewer.alerts(null, null, null, 1000).alerts()) {
                    for (Map<String, String> values : List.of(a.labels(), a.annotations())) {
                        values.forEach((k, v) -> {
                            assertThat(v.codePointCount(0, v.length())).as(k).isLessThanOrEqualTo(DisplayText.MAX_VALUE + 40);
                            assertThat(v.codePoints().noneMatch(Character::isISOControl)).as(k + " printable").isTrue();
                        });
                    }
                }
            }
        }
    }

    @Test
    void controlCharactersAndTenKilobyteValuesAreStoredSafelyAndShownCut() throws Exception {
        try (Agent agent = TestAgents.start(dir, Map.of("source.spec", "local", "source.interval", "1h"));
             var hook = TestAgents.webhook(agent); var viewer = TestAgents.viewer(agent)) {
            String big = "A".repeat(10_240);
            String nasty = "line1\nline2\r\u001b[31mred\u001b[0m\u0000\u202eevil";
            Map<String, Object> alert = AlertPayloads.alert("firing", Map.of("alertname", "Weird", "instance", "web-1:9100",
                    "blob", big, "ctl", nasty), Map.of("description", big + nasty), Instant.now().minusSeconds(5), null, "00ff00ff00ff00ff");
            hook.post("/webhooks/alertmanager", AlertPayloads.alertmanager("firing", List.of(alert)), Map.of(),
                    io.smartcloudops.api.alert.WebhookReceipt.class);

            List<String> lines = Files.readAllLines(only("alerts-"), StandardCharsets.UTF_8);
            assertThat(lines).as("one JSON line, control characters escaped").hasSize(1);
            Alert stored = Json.mapper().readValue(lines.getFirst(), Alert.class);
            assertThat(stored.labels()).containsEntry("blob", big).containsEntry("ctl", nasty);

            Alert shown = viewer.alerts(null, null, null).alerts().getFirst();
            assertThat(shown.labels().get("blob")).startsWith("A".repeat(1024)).endsWith("… (9216 more characters)");
            assertThat(shown.labels().get("ctl")).isEqualTo("line1\uFFFDline2\uFFFD\uFFFD[31mred\uFFFD[0m\uFFFD\uFFFDevil");
            assertThat(shown.host()).isEqualTo("web-1");
            assertThat(bytes("remediation-")).isZero();
        }
    }

    // ---- generation ---------------------------------------------------------------------------------

    private byte[] body(boolean grafana) {
        int kind = in.nextInt(25);
        if (kind == 0) {
            List<Map<String, Object>> many = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                Map<String, Object> a = alert(i);
                a.put("annotations", Map.of("description", "d".repeat(400)));
                many.add(a);
            }
            return Json.write(payload(grafana, many)).getBytes(StandardCharsets.UTF_8);  // more than 64 KiB
        }
        if (kind == 1) {
            byte[] b = new byte[1 + in.nextInt(300)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) in.nextInt(256);
            }
            return b;
        }
        if (kind == 2) {
            return in.pick(List.of("", "null", "[]", "\"text\"", "42", "{", "{\"alerts\":", "{\"version\":\"4\",\"alerts\":{}}",
                    "{\"version\":\"4\",\"alerts\":[" + "[".repeat(3000) + "]".repeat(3000) + "]}", "\uFEFF{}",
                    "{\"version\":\"4\",\"alerts\":[null]}", "{\"version\":4,\"alerts\":[]}")).getBytes(StandardCharsets.UTF_8);
        }
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (int i = 0, n = in.nextInt(4); i < n; i++) {
            alerts.add(alert(i));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> p = Json.mapper().convertValue(payload(grafana, alerts), LinkedHashMap.class);  // mutable all through
        if (kind > 5) {
            mutate(p, 1 + in.nextInt(3));
        }
        String json = Json.write(p);
        return (in.nextInt(10) == 0 ? in.mutate(json) : json).getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Object> payload(boolean grafana, List<Map<String, Object>> alerts) {
        return grafana ? AlertPayloads.grafana("firing", alerts) : AlertPayloads.alertmanager("firing", alerts);
    }

    private Map<String, Object> alert(int i) {
        Instant start = Instant.now().minusSeconds(60 + in.nextInt(3600));
        String instance = in.pick(List.of("web-1:9100", "web-2", "[fd00::1]:9100", "i-0123456789abcdef0:9100"));
        return AlertPayloads.alert(in.nextInt(4) == 0 ? "resolved" : "firing",
                new LinkedHashMap<>(Map.of("alertname", "A" + in.nextInt(5), "instance", instance, "severity", "warning")),
                new LinkedHashMap<>(Map.of("summary", "s" + i)), start, in.nextInt(4) == 0 ? start.plusSeconds(30) : null,
                in.nextInt(3) == 0 ? "" : AlertPayloads.fingerprint(instance + i));
    }

    /** Replaces, removes or adds fields anywhere in the payload with hostile values of any JSON type. */
    @SuppressWarnings("unchecked")
    private void mutate(Map<String, Object> m, int edits) {
        for (int e = 0; e < edits; e++) {
            List<String> keys = new ArrayList<>(m.keySet());
            String key = keys.isEmpty() ? "x" : in.pick(keys);
            Object v = m.get(key);
            if (v instanceof Map<?, ?> nested && in.nextBoolean()) {
                mutate((Map<String, Object>) nested, 1);
                continue;
            }
            if (v instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof Map<?, ?> && in.nextBoolean()) {
                mutate((Map<String, Object>) in.pick(list), 1);
                continue;
            }
            switch (in.nextInt(6)) {
                case 0 -> m.remove(key);
                case 1 -> m.put(in.string(key), in.string("x"));
                default -> m.put(key, hostileValue(v));
            }
        }
    }

    private Object hostileValue(Object valid) {
        return switch (in.nextInt(11)) {
            case 0 -> in.nextInt(3) == 0 ? Long.MAX_VALUE : in.nextInt(2) == 0 ? -1 : 1e308;
            case 1 -> in.nextBoolean();
            case 2 -> List.of(in.string("a"), 1);
            case 3 -> new LinkedHashMap<>(Map.of(in.string("k"), in.string("v")));
            case 4 -> com.fasterxml.jackson.databind.node.NullNode.getInstance();
            case 5 -> "x".repeat(100 + in.nextInt(10_240));
            case 6 -> in.pick(List.of("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-02-30T00:00:00Z", "yesterday",
                    "1970-01-01T00:00:00Z", "2026-05-04T10:00:00+14:00", "2026-05-04 10:00:00", "-1"));
            case 7 -> valid instanceof String s ? in.pick(List.of(s + "\u0000", s + "\n" + s, "\u202e" + s, s + "\u001b[2J",
                    "../" + s, "$(" + s + ")")) : in.string("x");
            default -> in.string(valid instanceof String s ? s : "x");
        };
    }

    // ---- state --------------------------------------------------------------------------------------

    private long bytes(String prefix) throws IOException {
        Path logs = dir.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(logs)) {
            long total = 0;
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                total += Files.size(f);
            }
            return total;
        }
    }

    private Path only(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    private static String describe(byte[] body) {
        return body.length > 200 ? body.length + " bytes" : new String(body, StandardCharsets.UTF_8);
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
