package io.smartcloudops.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The local monitoring stack for real: monitoring/local/run.sh starts Debian's Prometheus and
 * node_exporter on free loopback ports with prometheus.local.yml and the project's rules; the
 * packaged agent runs with the application hosts' agent.yaml, reading that Prometheus. Then every
 * rule and every dashboard query is evaluated through Prometheus's HTTP API, and the anomaly table
 * is requested from the agent the way Grafana's Infinity data source would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringStackTest {

    /** Agent metrics that must have series as soon as the agent has collected once. */
    private static final Set<String> ALWAYS_PRESENT = Set.of(
            "smartcloudops_build_info", "smartcloudops_hosts", "smartcloudops_source_up",
            "smartcloudops_samples_total", "smartcloudops_source_collections_total",
            "smartcloudops_host_cpu_percent", "smartcloudops_host_mem_percent", "smartcloudops_host_disk_percent",
            "smartcloudops_host_disk_io_percent", "smartcloudops_host_net_in_bytes_per_second",
            "smartcloudops_host_net_out_bytes_per_second", "smartcloudops_host_load1");

    /** The agent's metric names as the contract (DESIGN.md, issue 7) fixes them. */
    private static final Set<String> CONTRACT = Set.of(
            "smartcloudops_build_info", "smartcloudops_source_up", "smartcloudops_source_collections_total",
            "smartcloudops_samples_total", "smartcloudops_hosts", "smartcloudops_host_cpu_percent",
            "smartcloudops_host_mem_percent", "smartcloudops_host_disk_percent", "smartcloudops_host_disk_io_percent",
            "smartcloudops_host_net_in_bytes_per_second", "smartcloudops_host_net_out_bytes_per_second",
            "smartcloudops_host_load1", "smartcloudops_anomalies_total", "smartcloudops_anomalies_escalated_total",
            "smartcloudops_anomaly_score",
            "smartcloudops_rule_state", "smartcloudops_remediations_total", "smartcloudops_chat_requests_total",
            "smartcloudops_band_expected", "smartcloudops_band_lower", "smartcloudops_band_upper");

    private static final Duration STARTUP = Duration.ofSeconds(150);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern METRIC_NAME = Pattern.compile("\\b((?:smartcloudops|node|jvm|up|instance)[a-zA-Z0-9_:]*)\\b");

    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).build();
    private final String viewerToken = "viewer-" + UUID.randomUUID();
    private final String operatorToken = "operator-" + UUID.randomUUID();
    private Path work;
    private ManagedProcess stack;
    private ManagedProcess agent;
    private PrometheusApi prometheus;
    private String agentUrl;
    /** Metric names of which the agent's /metrics holds at least one sample. */
    private Set<String> agentSeries;

    @BeforeAll
    void start() throws Exception {
        Path bash = Tools.require("bash", "Debian package bash");
        Tools.require("curl", "Debian package curl");
        Path prometheusBin = Tools.require("/usr/bin/prometheus", "Debian package prometheus");
        Path nodeBin = Tools.require("/usr/bin/prometheus-node-exporter", "Debian package prometheus-node-exporter");
        Path jar = Tools.requireFile(Repo.path("agent/target/smartcloudops-agent.jar"), "./mvnw -B package builds it");

        work = Files.createTempDirectory("smartcloudops-stack");
        int prometheusPort = freePort();
        int nodePort = freePort();
        int agentPort = freePort();
        agentUrl = "http://127.0.0.1:" + agentPort;
        prometheus = new PrometheusApi("http://127.0.0.1:" + prometheusPort, http);

        // The agent.yaml of the application hosts, pointed at this Prometheus; only the bind
        // address and log directory differ (loopback, temporary).
        Path agentYaml = work.resolve("agent.yaml");
        Files.writeString(agentYaml, CloudInit.agentYaml("http://127.0.0.1:" + prometheusPort));
        agent = ManagedProcess.start("agent", work, Map.of(
                        "SMARTCLOUDOPS_VIEWER_TOKEN", viewerToken,
                        "SMARTCLOUDOPS_OPERATOR_TOKEN", operatorToken,
                        "SMARTCLOUDOPS_LOGS_DIR", work.resolve("logs").toString(),
                        "SMARTCLOUDOPS_SOURCE_INTERVAL", "2s",
                        "SMARTCLOUDOPS_SOURCE_BACKFILL", "0s"),
                List.of(Tools.java().toString(), "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(),
                        "serve", "--config", agentYaml.toString(), "--bind", "127.0.0.1:" + agentPort));

        stack = ManagedProcess.start("run.sh", work, Map.of(
                        "PROMETHEUS_PORT", Integer.toString(prometheusPort),
                        "NODE_EXPORTER_PORT", Integer.toString(nodePort),
                        "AGENT_PORT", Integer.toString(agentPort),
                        "PROMETHEUS_BIN", prometheusBin.toString(),
                        "NODE_EXPORTER_BIN", nodeBin.toString(),
                        "SMARTCLOUDOPS_MONITORING_DATA", work.resolve("monitoring").toString()),
                List.of(bash.toString(), Repo.path("monitoring/local/run.sh").toString()));

        await("run.sh reports the stack running", () -> stack.log().contains("Local monitoring stack is running"));
        await("every scrape target up", () -> downTargets().isEmpty());
        // The full loop: node_exporter -> Prometheus -> agent (prometheus source) -> /metrics -> Prometheus.
        await("the agent's host metrics in Prometheus",
                () -> !PrometheusApi.series(prometheus.query("smartcloudops_host_cpu_percent")).isEmpty());
        await("recorded CPU utilisation", () -> !PrometheusApi.series(
                prometheus.query("instance:node_cpu_utilisation:percent")).isEmpty());
        await("every rule evaluated once", () -> unevaluatedRules().isEmpty());
        agentSeries = agentSeries();
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
        if (agent != null) {
            agent.close();
        }
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory; the OS cleans it eventually
            }
        }
    }

    @Test
    void prometheusScrapesNodeExporterTheAgentAndItself() {
        Set<String> jobs = new TreeSet<>();
        prometheus.targets().path("data").path("activeTargets").forEach(t -> {
            jobs.add(t.path("labels").path("job").asText());
            assertThat(t.path("health").asText()).as(t.toString()).isEqualTo("up");
        });
        assertThat(jobs).containsExactly("node", "prometheus", "smartcloudops-agent");
    }

    @Test
    void everyRuleFileIsLoadedAndHealthy() {
        Set<String> groups = new TreeSet<>();
        List<String> unhealthy = new ArrayList<>();
        prometheus.rules().path("data").path("groups").forEach(g -> {
            groups.add(g.path("name").asText());
            g.path("rules").forEach(r -> {
                if (!r.path("health").asText().equals("ok")) {
                    unhealthy.add(r.path("name").asText() + ": " + r.path("lastError").asText());
                }
            });
        });
        Set<String> expected = new TreeSet<>();
        for (String file : List.of("alerts.yml", "recording.yml")) {
            Yaml.file("monitoring/prometheus/rules/" + file).path("groups").forEach(g -> expected.add(g.path("name").asText()));
        }
        assertThat(groups).isEqualTo(expected);
        assertThat(unhealthy).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyRuleExpressionAnswers() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : List.of("alerts.yml", "recording.yml")) {
            Yaml.file("monitoring/prometheus/rules/" + file).path("groups").forEach(g -> g.path("rules").forEach(r -> {
                String name = r.has("record") ? r.path("record").asText() : r.path("alert").asText();
                String expr = r.path("expr").asText();
                tests.add(DynamicTest.dynamicTest(file + " " + name, () -> {
                    JsonNode answer = prometheus.query(expr);
                    assertThat(answer.path("status").asText()).as("%s: %s", expr, answer).isEqualTo("success");
                    if (r.has("record") && needsData(expr)) {
                        assertHasData("recording rule " + name, () -> prometheus.query(expr));
                        // Recorded at the next evaluation (every 5 s locally).
                        assertHasData("series " + name, () -> prometheus.query(name));
                    }
                }));
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyDashboardQueryAnswersWithData() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Dashboards.Query q : Dashboards.queries()) {
            if (!q.datasourceType().equals("prometheus")) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(q.toString(), () -> {
                if (q.where().startsWith("variable")) {
                    String[] lv = Dashboards.labelValues(q.target());
                    Set<String> values = prometheus.labelValues(lv[0], lv[1]);
                    if (needsData(lv[0])) {
                        assertThat(values).as("values of %s", q).isNotEmpty();
                    }
                    return;
                }
                String expr = Dashboards.expand(q.expr(), allValues(q.dashboard()));
                boolean instant = q.target().path("instant").asBoolean(false) && !q.target().path("range").asBoolean(true);
                java.util.function.Supplier<JsonNode> query = () -> instant ? prometheus.query(expr)
                        : prometheus.queryRange(expr, Duration.ofMinutes(2), Duration.ofSeconds(5));
                // Annotations mark events (anomalies, actions) and are empty while nothing happens.
                if (q.where().startsWith("panel") && needsData(expr)) {
                    assertHasData(q + ": " + expr, query);
                } else {
                    JsonNode answer = query.get();
                    assertThat(answer.path("status").asText()).as("%s: %s -> %s", q, expr, answer).isEqualTo("success");
                }
            }));
        }
        assertThat(tests).hasSizeGreaterThan(20);
        return tests.stream();
    }

    /** The Infinity panel's request as Grafana sends it: data source base URL + panel path, viewer token. */
    @Test
    void anomalyTableFieldsArePresentInTheAgentsAnswer() throws IOException {
        JsonNode datasource = GrafanaProvisioningTest.infinityDatasource();
        assertThat(datasource.path("jsonData").path("auth_method").asText()).isEqualTo("bearerToken");
        String base = datasource.path("url").asText().replace("${SMARTCLOUDOPS_AGENT_URL}", agentUrl);
        String token = datasource.path("secureJsonData").path("bearerToken").asText()
                .replace("${SMARTCLOUDOPS_VIEWER_TOKEN}", viewerToken);
        JsonNode target = infinityTarget();

        Request request = new Request.Builder().url(base + target.path("url").asText())
                .header("Authorization", "Bearer " + token).build();
        try (Response r = http.newCall(request).execute()) {
            String body = r.body().string();
            if (r.code() == 404 && !agentSeries.contains("smartcloudops_anomalies_total")) {
                // GET /anomalies arrives with the detector; until then the route is missing.
                assertThat(body).contains("\"error\"");
                return;
            }
            assertThat(r.code()).as(body).isEqualTo(200);
            JsonNode rows = JSON.readTree(body).path(target.path("root_selector").asText());
            assertThat(rows.isArray()).as(body).isTrue();
            List<String> selectors = new ArrayList<>();
            target.path("columns").forEach(c -> selectors.add(c.path("selector").asText()));
            for (JsonNode row : rows) {
                selectors.forEach(sel -> assertThat(row.has(sel)).as("%s in %s", sel, row).isTrue());
            }
            if (rows.isEmpty()) {
                // No anomaly yet on this quiet machine: check the columns against the item schema
                // the agent publishes for this route instead.
                assertThat(anomalyItemProperties()).as("GET /anomalies item schema in /openapi.yaml")
                        .containsAll(selectors);
            }
        }
    }

    private Set<String> anomalyItemProperties() throws IOException {
        JsonNode api;
        try (Response r = http.newCall(new Request.Builder().url(agentUrl + "/openapi.yaml")
                .header("Authorization", "Bearer " + viewerToken).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            api = Yaml.parse(r.body().string());
        }
        JsonNode schema = resolve(api, api.path("paths").path("/anomalies").path("get").path("responses")
                .path("200").path("content").path("application/json").path("schema"));
        JsonNode item = resolve(api, resolve(api, schema.path("properties").path("anomalies")).path("items"));
        Set<String> names = new TreeSet<>();
        item.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode resolve(JsonNode api, JsonNode node) {
        String ref = node.path("$ref").asText();
        if (ref.startsWith("#/")) {
            JsonNode target = api;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            return target;
        }
        return node;
    }

    @Test
    void anomalyTableNeedsTheViewerToken() throws IOException {
        JsonNode target = infinityTarget();
        try (Response r = http.newCall(new Request.Builder().url(agentUrl + target.path("url").asText()).build()).execute()) {
            assertThat(r.code()).isIn(401, 404);
        }
        try (Response r = http.newCall(new Request.Builder().url(agentUrl + "/status")
                .header("Authorization", "Bearer " + viewerToken).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
        }
    }

    /** Every metric the dashboards and rules name is one the agent or node_exporter really exports. */
    @Test
    void everyMetricNamedInDashboardsAndRulesExists() {
        Set<String> names = new TreeSet<>();
        Dashboards.queries().forEach(q -> names.addAll(metricNames(q.target().toString())));
        names.addAll(metricNames(Repo.read("monitoring/prometheus/rules/alerts.yml")));
        names.addAll(metricNames(Repo.read("monitoring/prometheus/rules/recording.yml")));
        Set<String> recorded = new HashSet<>();
        Yaml.file("monitoring/prometheus/rules/recording.yml").path("groups")
                .forEach(g -> g.path("rules").forEach(r -> recorded.add(r.path("record").asText())));

        JsonNode known = prometheus.query("count by (__name__) ({__name__=~\"node_.+|smartcloudops_.+|jvm_.+|up\"})");
        Set<String> exported = new HashSet<>();
        PrometheusApi.series(known).forEach(s -> exported.add(s.path("metric").path("__name__").asText()));

        List<String> unknown = new ArrayList<>();
        for (String n : names) {
            if (!recorded.contains(n) && !exported.contains(n) && needsData(n)) {
                unknown.add(n);
            }
        }
        assertThat(unknown).as("metrics named but exported by nobody").isEmpty();
        List<String> offContract = names.stream()
                .filter(n -> n.startsWith("smartcloudops_") && !CONTRACT.contains(n)).toList();
        assertThat(offContract).as("agent metrics named in dashboards/rules but not in the contract").isEmpty();
    }

    @Test
    void agentExportsTheContractsCoreMetrics() {
        assertThat(agentSeries).containsAll(ALWAYS_PRESENT);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** Data may take a scrape or a rule evaluation to show up; allow a few of each. */
    private void assertHasData(String what, java.util.function.Supplier<JsonNode> query) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode answer;
        do {
            answer = query.get();
            assertThat(answer.path("status").asText()).as("%s -> %s", what, answer).isEqualTo("success");
            if (!PrometheusApi.series(answer).isEmpty()) {
                return;
            }
            Thread.sleep(1000);
        } while (Instant.now().isBefore(deadline));
        fail(what + " has no data: " + answer + "\n" + agent.describe());
    }

    /**
     * Whether a query must answer with data: always for node_exporter, JVM and recorded series; for
     * an agent metric when the agent holds series of it. Event counters (anomalies, remediations,
     * chat) and the detector's gauges have no series until the agent has something to report, and
     * a query over them then has nothing to show; the query must still be valid.
     */
    private boolean needsData(String expr) {
        for (String name : metricNames(expr)) {
            if (name.startsWith("smartcloudops_") && !agentSeries.contains(name)) {
                return false;
            }
            if (name.startsWith("smartcloudops:") && !recordedFromAgentSeries(name)) {
                return false;
            }
        }
        return true;
    }

    private boolean recordedFromAgentSeries(String recorded) {
        for (JsonNode g : Yaml.file("monitoring/prometheus/rules/recording.yml").path("groups")) {
            for (JsonNode r : g.path("rules")) {
                if (r.path("record").asText().equals(recorded)) {
                    return needsData(r.path("expr").asText());
                }
            }
        }
        return false;
    }

    private static Set<String> metricNames(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = METRIC_NAME.matcher(text);
        while (m.find()) {
            String n = m.group(1);
            if (n.contains("_") || n.equals("up")) {
                out.add(n);
            }
        }
        out.removeIf(n -> n.equals("instance_type") || n.startsWith("node_exporter") || n.endsWith("_"));
        return out;
    }

    /** Grafana's default for every multi-value variable here: "All", sent as the allValue regex. */
    private static Map<String, String> allValues(String dashboardTitle) {
        Map<String, String> values = new HashMap<>();
        Dashboards.all().values().stream().filter(d -> d.path("title").asText().equals(dashboardTitle))
                .forEach(d -> d.path("templating").path("list").forEach(v -> {
                    assertThat(v.path("current").path("value").toString()).contains("$__all");
                    values.put(v.path("name").asText(), v.path("allValue").asText());
                }));
        return values;
    }

    private static JsonNode infinityTarget() {
        for (Dashboards.Query q : Dashboards.queries()) {
            if (q.datasourceType().equals("yesoreyeram-infinity-datasource")) {
                return q.target();
            }
        }
        throw new AssertionError("no Infinity panel in the dashboards");
    }

    private Set<String> agentSeries() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Response r = http.newCall(new Request.Builder().url(agentUrl + "/metrics").build()).execute()) {
            for (String line : r.body().string().split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.split("[{ ]", 2)[0]);
                }
            }
        }
        return names;
    }

    private List<String> downTargets() {
        List<String> down = new ArrayList<>();
        JsonNode active = prometheus.targets().path("data").path("activeTargets");
        if (active.size() < 3) {
            down.add("only " + active.size() + " targets");
        }
        active.forEach(t -> {
            if (!t.path("health").asText().equals("up")) {
                down.add(t.path("scrapeUrl").asText() + " " + t.path("health").asText() + " " + t.path("lastError").asText());
            }
        });
        return down;
    }

    private List<String> unevaluatedRules() {
        List<String> out = new ArrayList<>();
        prometheus.rules().path("data").path("groups").forEach(g -> g.path("rules").forEach(r -> {
            if (r.path("health").asText().equals("unknown")) {
                out.add(r.path("name").asText());
            }
        }));
        return out;
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!agent.alive()) {
                fail("the agent exited while waiting for " + what + ": " + agent.describe());
            }
            if (!stack.alive()) {
                fail("run.sh exited while waiting for " + what + ": " + stack.describe());
            }
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // Prometheus not listening yet.
            }
            Thread.sleep(500);
        }
        fail("timed out after " + STARTUP + " waiting for " + what + "\n" + stack.describe() + "\n" + agent.describe());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
