package io.smartcloudops.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.collect.PrometheusClient;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.NodeExporterProcess;
import io.smartcloudops.agent.testing.PrometheusProcess;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.status.AgentStatus;
import io.smartcloudops.api.status.HostStatus;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent against a real node_exporter and a real Prometheus (Debian packages) on loopback:
 * it must serve the same numbers Prometheus's own API gives, and survive Prometheus dying.
 * Tolerances: memory from Prometheus at the same instant 0.01 points; CPU computed by a differently
 * written query at the same instant 0.5 points; the node_exporter source (its own 1 s window) against
 * Prometheus over the same 5 s window: memory 2 points, CPU 10 points (the two scrape at different moments
 * of the same second, and CPU load is bursty).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusIntegrationTest {

    @TempDir
    static Path dir;

    static NodeExporterProcess nodeExporter;
    static PrometheusProcess prometheus;
    static PrometheusClient promApi;

    @BeforeAll
    static void startServers() throws Exception {
        nodeExporter = NodeExporterProcess.start(dir);
        prometheus = PrometheusProcess.start(dir, List.of(nodeExporter.instance()));
        promApi = new PrometheusClient(URI.create(prometheus.url()), Duration.ofSeconds(5));
        // rate() over 5 s needs at least two scrapes at 1 s
        Eventually.within("Prometheus to have an idle CPU rate", Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> !query("rate(node_cpu_seconds_total{mode=\"idle\"}[5s])", Instant.now()).isEmpty());
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (nodeExporter != null) {
            nodeExporter.close();
        }
    }

    private static Map<String, String> prometheusSource() {
        return Map.of("source.spec", "prometheus:" + prometheus.url(), "source.interval", "1s",
                "source.rate_window", "5s", "source.max_backoff", "2s", "source.backfill", "1m", "source.timeout", "2s");
    }

    @Test
    @Order(1)
    void prometheusSourceServesWhatPrometheusAnswersForTheSameInstant() throws Exception {
        try (Agent agent = TestAgents.start(dir, prometheusSource()); AgentClient client = TestAgents.viewer(agent)) {
            awaitHost(client, nodeExporter.instance(), "cpu", "mem", "disk", "net_in", "load1");
            // The agent asks Prometheus at the instant it collects; on a loaded machine the scrape of that very second
            // may not be stored yet, and a later query for the same instant sees it (CPU 1-2 points apart, memory a few
            // MB). So memory and CPU must equal Prometheus's answer for the same instant at one of the collections of
            // the next seconds, not necessarily the first.
            Eventually.within("the agent's memory and CPU to equal Prometheus's at the same instant", Duration.ofSeconds(15))
                    .ignoreExceptions().until(() -> agreesWithPrometheus(client));
            assertThat(agent.collector().status().lastSuccess()).isNotNull();
            Eventually.within("more than three cpu points", Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> client.series(nodeExporter.instance(), "cpu", "1m").points().size() > 3);
        }
    }

    @Test
    @Order(2)
    void nodeExporterSourceAgreesWithPrometheus() throws Exception {
        // A 5 s collection interval, so the agent's CPU window matches Prometheus's rate(...[5s]) at the same instant.
        try (Agent agent = TestAgents.start(dir, Map.of("source.spec", "node-exporter:" + nodeExporter.url(),
                "source.interval", "5s"));
             AgentClient client = TestAgents.viewer(agent)) {
            HostStatus host = awaitHost(client, nodeExporter.instance(), "cpu", "mem", "disk", "net_in", "disk_io", "load1");
            assertThat(host.host()).as("same host name as the Prometheus source").isEqualTo(nodeExporter.instance());
            Instant t = host.lastSeen();
            String sel = "instance=\"" + nodeExporter.instance() + "\"";
            double mem = 100 * (1 - single("node_memory_MemAvailable_bytes{" + sel + "}", t)
                    / single("node_memory_MemTotal_bytes{" + sel + "}", t));
            assertThat(host.values().get("mem")).isCloseTo(mem, within(2.0));
            double cpu = single("100 * (1 - avg(rate(node_cpu_seconds_total{" + sel + ",mode=\"idle\"}[5s])))", t);
            assertThat(host.values().get("cpu")).isCloseTo(cpu, within(10.0));
            double disk = single("100 * (1 - node_filesystem_avail_bytes{" + sel + ",mountpoint=\"/\"}"
                    + " / node_filesystem_size_bytes{" + sel + ",mountpoint=\"/\"})", t);
            assertThat(host.values().get("disk")).isCloseTo(disk, within(0.5));
        }
    }

    @Test
    @Order(3)
    void prometheusDyingIsReportedWithinAnIntervalAndRecovered() throws Exception {
        try (Agent agent = TestAgents.start(dir, prometheusSource()); AgentClient client = TestAgents.viewer(agent)) {
            awaitHost(client, nodeExporter.instance(), "cpu");
            // on a loaded machine one collection can time out before Prometheus has warmed up
            Eventually.within("the source to be healthy", Duration.ofSeconds(20))
                    .until(() -> client.status().source().healthy());

            prometheus.kill();
            Instant killed = Instant.now();
            Eventually.within("the source to turn unhealthy", Duration.ofSeconds(4)).ignoreExceptions()
                    .until(() -> !client.status().source().healthy());
            AgentStatus down = client.status();
            assertThat(Duration.between(killed, down.source().lastAttempt())).isLessThan(Duration.ofSeconds(3));
            assertThat(down.source().reason()).contains("unreachable");
            assertThat(client.metrics()).contains("smartcloudops_source_up{source=\"prometheus\"} 0.0");
            int before = agent.store().sampleCount(nodeExporter.instance());
            int failures = client.status().source().consecutiveFailures();
            Eventually.within("two more failed collections", Duration.ofSeconds(10))
                    .until(() -> client.status().source().consecutiveFailures() >= failures + 2);
            assertThat(agent.store().sampleCount(nodeExporter.instance()))
                    .as("nothing stored while the source is down: a gap, never zeros").isEqualTo(before);
            assertThat(client.healthz()).as("the agent keeps serving").containsEntry("status", "ok");

            // Dead for longer than the rate window (5 s), past which a value Prometheus repeats is stale whatever the
            // scrape timing on a loaded machine (PromQl.fresh), so the check below has a few steps to look at.
            Eventually.within("Prometheus dead for 9 s", Duration.ofSeconds(15))
                    .until(() -> Instant.now().isAfter(killed.plusSeconds(9)));
            Instant restarting = Instant.now();
            prometheus.start();
            Eventually.within("the source to be healthy again", Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> client.status().source().healthy());
            Eventually.within("new samples", Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> agent.store().sampleCount(nodeExporter.instance()) > before);
            assertThat(client.metrics()).contains("smartcloudops_source_up{source=\"prometheus\"} 1.0");
            // The gap is back-filled with what Prometheus scraped, and it scraped nothing while it was dead: its
            // query_range repeats the last value for up to 5 minutes (lookback), which must not become samples.
            assertThat(agent.store().series(nodeExporter.instance(), Metric.MEM, killed.plusSeconds(6)))
                    .as("memory samples made up for the time Prometheus was dead")
                    .noneMatch(p -> p.timestamp().isBefore(restarting));
        }
    }

    /** Whether the latest memory and CPU the agent serves are what Prometheus answers for the instant they were collected. */
    private static boolean agreesWithPrometheus(AgentClient client) throws Exception {
        HostStatus host = client.status().hosts().stream().filter(h -> h.host().equals(nodeExporter.instance())).findFirst().orElseThrow();
        Instant t = host.lastSeen();
        String sel = "instance=\"" + nodeExporter.instance() + "\"";
        double mem = 100 * (1 - single("node_memory_MemAvailable_bytes{" + sel + "}", t) / single("node_memory_MemTotal_bytes{" + sel + "}", t));
        double idle = single("sum(rate(node_cpu_seconds_total{" + sel + ",mode=\"idle\"}[5s]))", t)
                / single("count(node_cpu_seconds_total{" + sel + ",mode=\"idle\"})", t);
        return Math.abs(host.values().get("mem") - mem) <= 0.01 && Math.abs(host.values().get("cpu") - 100 * (1 - idle)) <= 0.5;
    }

    private static HostStatus awaitHost(AgentClient client, String name, String... metrics) throws Exception {
        return Eventually.within(name + " with " + String.join(", ", metrics), Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> client.status().hosts().stream().filter(x -> x.host().equals(name)).findFirst().orElse(null),
                        h -> h != null && h.values().keySet().containsAll(List.of(metrics)));
    }

    private static double single(String promql, Instant t) {
        List<PrometheusClient.VectorSample> r = query(promql, t);
        assertThat(r).as(promql).hasSize(1);
        return r.getFirst().value();
    }

    private static List<PrometheusClient.VectorSample> query(String promql, Instant t) {
        try {
            return promApi.query(promql, t);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
