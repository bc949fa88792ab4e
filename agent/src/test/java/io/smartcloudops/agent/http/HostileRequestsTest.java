package io.smartcloudops.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.audit.AuditVerifier;
import io.smartcloudops.agent.journal.DamagedLines;
import io.smartcloudops.agent.testing.HostileInput;
import io.smartcloudops.agent.testing.RawHttp;
import io.smartcloudops.agent.testing.RecordingCommand;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.RemediationState;
import io.smartcloudops.api.remediation.Trigger;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property over EVERY route the agent registers (read from the server, so a new route is covered the day
 * it lands): hostile requests — mutated and random JSON, wrong types, unknown fields, huge bodies, broken
 * and repeated headers (Idempotency-Key, Authorization, Content-Type), path traversal and injection in ids,
 * filters, unit names and hosts, unicode and control characters, every line terminator and lone surrogates,
 * wrong methods and HEAD, method-override headers — sent over a raw socket.
 * Invariants, checked after every request:
 * <ul>
 * <li>never a 5xx; every 4xx is the JSON {@code {"error","detail"}} shape without a stack trace;</li>
 * <li>a request refused as malformed or unauthorised (400, 401, 403, 404, 405, 413, 415, 431...) changes
 * nothing: the audit log is byte-for-byte the same, no approval is created or decided, nothing runs;</li>
 * <li>a well-formed request the guardrails refuse (409, 429) may only add its own {@code refused} record;</li>
 * <li>whatever ran is exactly {@code restart nginx} / {@code is-active nginx}: no hostile text reaches an argv;</li>
 * <li>a method-override header ({@code X-HTTP-Method-Override} and its two cousins) is always a 400;</li>
 * <li>the agent answers {@code /healthz} at the end; closed and restarted, it finds every record it wrote
 * ({@code audit verify} passes, every line is a record, the same remediations come back).</li>
 * </ul>
 * Own seeded generators, not jqwik (its 1.10 releases ask AI agents not to use the library). Replay a
 * failure with {@code -Dhostile.seed=N}; the case count is {@code -Dhostile.cases} (default 1,200).
 */
class HostileRequestsTest {

    static final int CASES = Integer.getInteger("hostile.cases", 1_200);
    private static final int MAX_BODY = 65_536;

    @TempDir
    Path dir;

    private HostileInput in;
    private Agent agent;
    private String localHost;
    private final List<String> pendingIds = new ArrayList<>();

    private record Case(String method, String target, List<String[]> headers, byte[] body, String label) {
        boolean overridden() {
            return headers.stream().anyMatch(h -> StrictMethodsTest.OVERRIDE_HEADERS.stream().anyMatch(h[0]::equalsIgnoreCase));
        }
    }

    @Test
    void everyRouteAnswersHostileRequestsWithoutHarm() throws Exception {
        long seed = Long.getLong("hostile.seed", System.nanoTime());
        System.out.println("HostileRequestsTest seed=" + seed + " (replay with -Dhostile.seed=" + seed + ")");
        in = new HostileInput(seed);
        RecordingCommand systemctl = new RecordingCommand(dir, "systemctl");
        String csv = Path.of("src/test/resources/replay/web-1.csv").toAbsolutePath().toString();
        var config = TestAgents.config(dir, """
                source:
                  spec: "replay:%s?speed=1000000"
                  interval: 200ms
                chat:
                  rate_limit_per_minute: 10000
                auth:
                  failures_per_minute: 100000  # the wrong tokens here must reach the checks, not the limit
                remediation:
                  enabled: true
                  allowed_units: [nginx]
                  restart_command: [%s, restart, "{unit}"]
                  verify_command: [%s, is-active, "{unit}"]
                  verification_delay: 0s
                  cooldown: 0s
                  max_per_hour: 100000
                """.formatted(csv, systemctl.path(), systemctl.path()));
        agent = TestAgents.start(config, Clock.systemUTC());
        try {
            RawHttp http = new RawHttp(agent.baseUrl());
            localHost = agent.remediation().targets().all().stream().filter(t -> t.local()).findFirst().orElseThrow().name();
            topUpPending();
            List<ApiRoutes.Route> routes = agent.server().routes();
            Map<String, int[]> perRoute = new TreeMap<>();
            Map<Integer, Integer> perStatus = new TreeMap<>();
            for (int i = 0; i < CASES; i++) {
                ApiRoutes.Route route = routes.get(i % routes.size());
                Case c = generate(route);
                long auditBefore = auditBytes();
                int callsBefore = systemctl.calls().size();
                List<String> pendingBefore = pending();
                RawHttp.Response r = http.send(c.method(), c.target(), c.headers(), c.body());
                String label = "case " + i + " " + c.label() + " -> " + r.status() + " " + r.headers() + " " + cut(r.body());
                perRoute.computeIfAbsent(route.method() + " " + route.path(), k -> new int[2])[r.status() < 400 ? 0 : 1]++;
                perStatus.merge(r.status(), 1, Integer::sum);

                if (r.status() == 505) {
                    // a raw space in the request target splits the request line: Jetty reads "HTTP/0.9" and refuses it
                    assertThat(c.target()).as(label).containsPattern("\\s");
                } else {
                    assertThat(r.status()).as(label).isBetween(200, 499);
                }
                if (c.overridden()) {
                    assertThat(r.status()).as("a method-override header is refused: " + label).isIn(400, 413, 414, 431, 505);
                }
                if (r.status() >= 400) {
                    assertThat(r.header("Content-Type")).as(label).startsWith("application/json");
                    JsonNode body = Json.mapper().readTree(c.method().equals("HEAD") ? "{\"error\":\"\",\"detail\":\"\"}" : r.body());
                    assertThat(body.path("error").isTextual()).as(label).isTrue();
                    assertThat(body.path("detail").isTextual()).as(label).isTrue();
                    assertThat(r.body()).as(label).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("<html");
                    if (r.status() != 409 && r.status() != 429) {
                        awaitQuiet(systemctl, callsBefore);
                        assertThat(auditBytes()).as("audit log unchanged after " + label).isEqualTo(auditBefore);
                        assertThat(systemctl.calls()).as("nothing ran after " + label).hasSize(callsBefore);
                        assertThat(pending()).as("approvals unchanged after " + label).isEqualTo(pendingBefore);
                    } else {
                        assertThat(auditEvents(auditBefore)).as(label).allMatch(e -> e.equals("refused"));
                    }
                }
                if (r.status() < 300 && r.body().startsWith("{")) {
                    settle(Json.mapper().readTree(r.body()).path("id").asText(""));
                }
                assertThat(systemctl.calls()).as(label).allSatisfy(call ->
                        assertThat(call).isIn(List.of("restart", "nginx"), List.of("is-active", "nginx")));
                if (pendingIds.size() < 2) {
                    topUpPending();
                }
            }
            System.out.printf("HostileRequestsTest: %d cases over %d routes; statuses %s%n", CASES, routes.size(), perStatus);
            perRoute.forEach((route, n) -> System.out.printf("  %-40s %4d answered, %4d refused%n", route, n[0], n[1]));
            assertThat(perRoute).as("every route exercised").hasSize(routes.size());
            assertThat(perStatus.keySet()).as("the hostile requests reach the size limit and the validators")
                    .contains(400, 401, 403, 404, 413);
            assertThat(http.send("GET", "/healthz", List.of(), null).status()).isEqualTo(200);
            assertThat(agent.store().hosts()).as("no host created by a request").containsExactly("web-1");
            List<String> before = agent.remediation().list(Optional.empty(), 100_000).stream().map(r -> r.id()).sorted().toList();

            // A restart after any accepted request finds every record: the chain verifies, every line is a record.
            agent.close();
            AuditVerifier.Report report = AuditVerifier.verify(dir.resolve("logs"));
            assertThat(report.broken()).isEmpty();
            assertThat(report.torn()).isEmpty();
            assertThat(report.records()).isEqualTo(auditLines());
            agent = TestAgents.start(config, Clock.systemUTC());
            assertThat(agent.remediation().list(Optional.empty(), 100_000).stream().map(r -> r.id()).sorted().toList())
                    .as("every remediation restored").isEqualTo(before);
            assertThat(DamagedLines.of(dir.resolve("logs")).counts()).as("no line skipped").isEmpty();
        } finally {
            agent.close();
        }
    }

    private long auditLines() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            long n = 0;
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("remediation-")).toList()) {
                n += Files.readString(f, StandardCharsets.UTF_8).split("\n").length;
            }
            return n;
        }
    }

    // ---- generation ---------------------------------------------------------------------------------

    private Case generate(ApiRoutes.Route route) {
        String method = in.nextInt(12) == 0 ? in.pick(List.of("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "GET", "POST", "HEAD"))
                : route.method();
        String path = path(route.path());
        String query = route.method().equals("GET") ? query(route.path()) : in.nextInt(8) == 0 ? query(route.path()) : "";
        List<String[]> headers = new ArrayList<>();
        headers.add(RawHttp.header("Authorization", authorization(route)));
        byte[] body = null;
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            body = body(route.path());
            headers.add(RawHttp.header("Content-Type", in.pick(List.of("application/json", "application/json",
                    "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", headerSafe(in.string("application/json"))))));
            if (route.path().equals("/remediations")) {
                idempotencyKeys(headers);
            }
        }
        if (route.path().equals("/events")) {
            // a valid token would open an endless stream: only refused subscriptions here
            headers.set(0, RawHttp.header("Authorization", in.nextBoolean() ? "Bearer " + headerSafe(in.string("x"))
                    : "Basic " + headerSafe(in.string("dXNlcjpwYXNz"))));
            headers.add(RawHttp.header("Accept", "text/event-stream"));
        }
        if (in.nextInt(12) == 0) {
            // a proxy lets GET through; the header asks for the route's real method (or any other)
            headers.add(RawHttp.header(in.pick(StrictMethodsTest.OVERRIDE_HEADERS),
                    in.pick(List.of(route.method(), "POST", "DELETE", "PUT", "get", headerSafe(in.string("POST"))))));
        }
        if (in.nextInt(6) == 0) {
            headers.add(RawHttp.header(in.pick(List.of("X-Forwarded-For", "X-Real-IP", "Origin", "Cookie", "Accept",
                    "X-Forwarded-Host", "Referer", "Accept-Language")), headerSafe(in.string("127.0.0.1"))));
        }
        String label = method + " " + path + query + " headers=" + describe(headers) + " body="
                + (body == null ? "-" : body.length > 200 ? body.length + " bytes" : new String(body, StandardCharsets.UTF_8));
        return new Case(method, path + query, headers, body, label);
    }

    private String path(String template) {
        String p = template;
        if (p.contains("{id}")) {
            String id = switch (in.nextInt(5)) {
                case 0, 1 -> pendingIds.isEmpty() ? UUID.randomUUID().toString() : in.pick(pendingIds);
                case 2 -> UUID.randomUUID().toString();
                case 3 -> URLEncoder.encode(in.string(UUID.randomUUID().toString()), StandardCharsets.UTF_8);
                default -> in.pick(List.of("..%2f..%2fstatus", "%2e%2e", "..;", "options", "x".repeat(300),
                        "%00", "%ff%fe", "'%20OR%201=1", "%7B%7B7*7%7D%7D", "00000000-0000-0000-0000-000000000000"));
            };
            p = p.replace("{id}", id);
        }
        return switch (in.nextInt(14)) {
            case 0 -> p + "/";
            case 1 -> p + "/../status";
            case 2 -> p.replace("/", "//");
            case 3 -> p + "/%2e%2e/%2e%2e/etc/passwd";
            case 4 -> p.toUpperCase(java.util.Locale.ROOT);
            case 5 -> p + ";jsessionid=x";
            default -> p;
        };
    }

    private static final Map<String, List<String>> PARAMS = Map.of(
            "/series", List.of("host", "metric", "since"),
            "/logs", List.of("since", "until", "action", "instance", "result", "event", "limit"),
            "/remediations", List.of("state", "limit"),
            "/anomalies", List.of("limit", "since", "host", "severity", "metric"),
            "/alerts", List.of("state", "host", "since", "limit"),
            "/silences", List.of("state"));
    private static final List<String> VALID = List.of("web-1", "cpu", "10m", "5", "1h", "restart_service", "pending",
            "2026-11-01T00:00:00Z", "success", "started", "high");

    private String query(String route) {
        List<String> names = PARAMS.getOrDefault(route, List.of("limit", "since"));
        StringBuilder q = new StringBuilder();
        int n = in.nextInt(4);
        for (int i = 0; i < n; i++) {
            String name = in.nextInt(4) > 0 ? in.pick(names) : in.string(in.pick(names));
            String value = switch (in.nextInt(6)) {
                case 0 -> in.pick(List.of("../../etc/passwd", "..%2f..%2f", "/var/log/../../etc/shadow", "logs/../../x",
                        "web-1;reboot", "web-1' OR '1'='1", "$(id)", "*", "%", "\\\\server\\share"));
                case 1 -> in.pick(VALID);
                default -> in.string(in.pick(VALID));
            };
            q.append(i == 0 ? '?' : '&').append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(in.nextInt(10) == 0 ? value.replace(" ", "%20") : URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        if (in.nextInt(15) == 0) {
            q.append(q.isEmpty() ? "?" : "&").append(in.pick(List.of("limit", "since", "host"))).append("=1&")
                    .append(in.pick(List.of("limit", "since", "host"))).append("=2");
        }
        return q.toString();
    }

    private String authorization(ApiRoutes.Route route) {
        if (route.role() == io.smartcloudops.agent.auth.Role.WEBHOOK && in.nextInt(3) > 0) {
            return "Bearer " + TestAgents.WEBHOOK_TOKEN;  // the webhooks' bodies are fuzzed by WebhookHostileInputTest too
        }
        return switch (in.nextInt(10)) {
            case 0 -> "Bearer " + headerSafe(in.string(TestAgents.OPERATOR_TOKEN));
            case 1 -> "Bearer " + TestAgents.VIEWER_TOKEN;
            case 2 -> in.pick(List.of("", "Bearer", "Bearer ", "bearer " + TestAgents.OPERATOR_TOKEN, "Basic b3A6b3A=",
                    "Bearer " + TestAgents.OPERATOR_TOKEN + " " + TestAgents.OPERATOR_TOKEN, "Token " + TestAgents.OPERATOR_TOKEN,
                    "Bearer " + "A".repeat(5000)));
            default -> "Bearer " + TestAgents.OPERATOR_TOKEN;
        };
    }

    private void idempotencyKeys(List<String[]> headers) {
        switch (in.nextInt(8)) {
            case 0 -> { }
            case 1 -> headers.add(RawHttp.header("Idempotency-Key", headerSafe(in.string("press-1"))));
            case 2 -> headers.add(RawHttp.header("Idempotency-Key", in.pick(List.of("", " ", "k".repeat(129),
                    "a/b", "../../etc", "key with spaces", "ключ", "%00", "${jndi:ldap://127.0.0.1/a}"))));
            case 3 -> {
                headers.add(RawHttp.header("Idempotency-Key", UUID.randomUUID().toString()));
                headers.add(RawHttp.header("Idempotency-Key", UUID.randomUUID().toString()));
            }
            default -> headers.add(RawHttp.header("Idempotency-Key", UUID.randomUUID().toString()));
        }
    }

    private byte[] body(String route) {
        int kind = in.nextInt(20);
        if (kind == 0) {
            return ("{\"reason\":\"" + "x".repeat(MAX_BODY + 1 + in.nextInt(200_000)) + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        if (kind == 1) {
            byte[] b = new byte[1 + in.nextInt(300)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) in.nextInt(256);
            }
            return b;
        }
        if (kind == 2) {
            return in.pick(List.of("", "null", "[]", "\"text\"", "42", "{", "{\"a\":", "[{}]", "{}{}", "{\"question\":\"a\"}x",
                    "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}", "\uFEFF{}")).getBytes(StandardCharsets.UTF_8);
        }
        if (kind == 3 && route.equals("/remediations")) {
            // the looseness a lenient reader would accept: a repeated key, a coerced boolean, trailing content
            String json = Json.write(remediation());
            String open = json.substring(0, json.length() - 1);
            return in.pick(List.of(open + ",\"dry_run\":false}", open.replace("\"dry_run\":false", "\"dry_run\":\"false\"")
                    .replace("\"dry_run\":true", "\"dry_run\":\"true\"") + "}", open.replaceAll("\"dry_run\":(true|false)", "\"dry_run\":1") + "}",
                    json + " {\"dry_run\":false}")).getBytes(StandardCharsets.UTF_8);
        }
        Map<String, Object> valid = switch (route) {
            case "/remediations" -> remediation();
            case "/query" -> new LinkedHashMap<>(Map.of("question", in.pick(List.of("What's current CPU?",
                    "Restart nginx on " + localHost, "Show logs from 10 minutes ago", "Why is web-1 anomalous?"))));
            default -> new LinkedHashMap<>(Map.of("reason", "looks right"));
        };
        String json = Json.write(mutate(valid, 1 + in.nextInt(3)));
        return (in.nextInt(10) == 0 ? in.mutate(json) : json).getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Object> remediation() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", "restart_service");
        m.put("target", in.nextInt(4) == 0 ? "web-1" : localHost);
        m.put("params", new LinkedHashMap<>(Map.of("unit", "nginx")));
        m.put("dry_run", in.nextBoolean());
        m.put("reason", "hostile test");
        return m;
    }

    /** Replaces, removes or adds fields with hostile values of any JSON type, including nested ones. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> mutate(Map<String, Object> m, int edits) {
        for (int e = 0; e < edits; e++) {
            List<String> keys = new ArrayList<>(m.keySet());
            String key = keys.isEmpty() ? "x" : in.pick(keys);
            if (m.get(key) instanceof LinkedHashMap<?, ?> nested && in.nextBoolean()) {
                mutate((Map<String, Object>) nested, 1);
                continue;
            }
            switch (in.nextInt(6)) {
                case 0 -> m.remove(key);
                case 1 -> m.put(in.string(key), in.string("x"));
                default -> m.put(key, hostileValue(m.get(key)));
            }
        }
        return m;
    }

    private Object hostileValue(Object valid) {
        return switch (in.nextInt(10)) {
            case 0 -> in.nextInt(3) == 0 ? Long.MAX_VALUE : in.nextInt(2) == 0 ? -1 : 1e308;
            case 1 -> in.nextBoolean();
            case 2 -> List.of(in.string("a"), 1);
            case 3 -> new LinkedHashMap<>(Map.of(in.string("k"), in.string("v")));
            case 4 -> com.fasterxml.jackson.databind.node.NullNode.getInstance();
            case 5 -> "x".repeat(100 + in.nextInt(20_000));
            case 6 -> valid instanceof String s ? in.pick(List.of(s + "; reboot", "../" + s, s + "\u0000", s + "\n" + s,
                    "$(" + s + ")", "`" + s + "`", s.toUpperCase(java.util.Locale.ROOT), "\u202e" + s, s + " ",
                    s + in.pick(HostileInput.LINE_TERMINATORS) + s, s + in.anyText(20))) : in.string("x");
            default -> in.string(valid instanceof String s ? s : "x");
        };
    }

    // ---- state --------------------------------------------------------------------------------------

    private void topUpPending() {
        while (pendingIds.size() < 3) {
            pendingIds.add(agent.remediation().propose(RemediationRequest.restartService(localHost, "nginx", false,
                    "proposed for the hostile test"), Trigger.CHAT, "chat-test").id());
        }
    }

    private List<String> pending() {
        List<String> ids = agent.remediation().list(Optional.of(RemediationState.PENDING), 1000).stream()
                .map(r -> r.id()).sorted().toList();
        pendingIds.retainAll(ids);
        return ids;
    }

    private long auditBytes() throws IOException {
        Path logs = dir.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(logs)) {
            long total = 0;
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("remediation-")).toList()) {
                total += Files.size(f);
            }
            return total;
        }
    }

    /** The event names of the audit records written after {@code fromByte} (one day's file: the test is short). */
    private List<String> auditEvents(long fromByte) throws IOException {
        List<String> events = new ArrayList<>();
        long seen = 0;
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("remediation-")).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (seen >= fromByte) {
                        events.add(Json.mapper().readTree(line).path("event").asText());
                    }
                    seen += line.getBytes(StandardCharsets.UTF_8).length + 1;
                }
            }
        }
        return events;
    }

    /** Waits until a remediation a request started has written all its records (finished, verified). */
    private void settle(String id) throws InterruptedException {
        var r = id.isEmpty() ? Optional.<io.smartcloudops.api.remediation.Remediation>empty() : agent.remediation().find(id);
        if (r.isPresent() && r.get().state() != RemediationState.PENDING) {
            agent.remediation().await(id, java.time.Duration.ofSeconds(10), true);
        }
    }

    /** A refused request must not start anything, not even later: give a wrongly started run a moment to show. */
    private void awaitQuiet(RecordingCommand systemctl, int callsBefore) throws Exception {
        if (in.nextInt(20) == 0) {
            Thread.sleep(30);
        }
        assertThat(systemctl.calls()).hasSize(callsBefore);
    }

    private static String headerSafe(String s) {
        return s.replaceAll("[\\r\\n]", " ");
    }

    private static String describe(List<String[]> headers) {
        StringBuilder sb = new StringBuilder("{");
        for (String[] h : headers) {
            sb.append(h[0]).append('=').append(h[1].length() > 60 ? h[1].substring(0, 60) + "..." : h[1]).append(';');
        }
        return sb.append('}').toString();
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
