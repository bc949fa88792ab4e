package io.smartcloudops.agent.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.NodeExporterProcess;
import io.smartcloudops.agent.testing.PrometheusProcess;
import io.smartcloudops.agent.testing.SteadyExporter;
import io.smartcloudops.agent.testing.TcpProxy;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.status.HostStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metric source goes away and comes back, with real Prometheus and node_exporter processes
 * (PrometheusIntegrationTest covers a killed Prometheus). The scraped host is perfectly steady
 * ({@link SteadyExporter}), so any anomaly would be an artefact of the outage:
 * <ul>
 * <li>a network partition between the agent and a Prometheus that keeps scraping: unhealthy while cut,
 * serving throughout, and the gap back-filled from Prometheus when the path returns;</li>
 * <li>the exporter stopped and restarted behind a running Prometheus: a gap in the data, no zeros;</li>
 * <li>through both, the detector (scoring the host before the outages) raises nothing;</li>
 * <li>a real node_exporter read directly ({@code node-exporter:} source) stopped and restarted: unhealthy,
 * still serving, and collecting again.</li>
 * </ul>
 */
class MetricSourceOutageTest {

    @TempDir
    Path dir;

    @Test
    void aPartitionIsBackFilledAndNeitherOutageRaisesAnAnomaly() throws Exception {
        try (SteadyExporter exporter = new SteadyExporter();
             PrometheusProcess prometheus = PrometheusProcess.start(dir, List.of(exporter.instance()));
             TcpProxy path = new TcpProxy(prometheus.port())) {
            String host = exporter.instance();
            var config = TestAgents.config(dir, Map.of("source.spec", "prometheus:" + path.url(), "source.interval", "1s",
                    "source.rate_window", "5s", "source.max_backoff", "1s", "source.timeout", "1s",
                    "detect.model", "", "detect.min_samples", "10"));
            try (Agent agent = Agent.start(config, Map.of(), java.time.Clock.systemUTC());
                 AgentClient client = TestAgents.viewer(agent)) {
                await(Duration.ofSeconds(60), () -> "scoring".equals(hostStatus(client, host).detector()));

                // 1. partition: Prometheus keeps scraping, the agent cannot reach it
                path.cut();
                Instant cut = Instant.now();
                await(Duration.ofSeconds(5), () -> !client.status().source().healthy());
                assertThat(client.status().source().reason()).contains("unreachable");
                assertThat(client.healthz()).containsEntry("status", "ok");
                Thread.sleep(6_000);
                Instant restored = Instant.now();
                path.restore();
                await(Duration.ofSeconds(10), () -> client.status().source().healthy());
                await(Duration.ofSeconds(10), () -> inside(agent, host, cut.plusSeconds(1), restored.minusSeconds(1)) >= 3);
                assertThat(inside(agent, host, cut.plusSeconds(1), restored.minusSeconds(1)))
                        .as("samples Prometheus scraped during the partition were back-filled").isGreaterThanOrEqualTo(3);

                // 2. the exporter stops behind a running Prometheus: no data, not zeros
                exporter.stop();
                Instant stopped = Instant.now();
                Thread.sleep(6_000);
                Instant started = Instant.now();
                exporter.start();
                // rates come back once a whole rate window has been scraped again
                await(Duration.ofSeconds(20), () -> !agent.store().series(host, Metric.CPU, started.plusSeconds(1)).isEmpty());
                assertThat(agent.store().series(host, Metric.CPU, cut.minusSeconds(30))).allSatisfy(p ->
                        assertThat(p.value()).as("never a zero or a jump from the gap").isBetween(19.0, 21.0));

                // 3. through both outages the steady host raised nothing, and it is still being scored
                Thread.sleep(3_000);
                assertThat(client.anomalies(100, "1h", null).anomalies()).as("no anomaly from the gaps").isEmpty();
                assertThat(client.metrics()).contains("smartcloudops_anomalies_total{severity=\"low\"} 0.0",
                        "smartcloudops_anomalies_total{severity=\"critical\"} 0.0");
                assertThat(hostStatus(client, host).detector()).isEqualTo("scoring");
            }
        }
    }

    @Test
    void aStoppedNodeExporterIsReportedAndCollectedAgainWhenItReturns() throws Exception {
        try (NodeExporterProcess exporter = NodeExporterProcess.start(Files.createDirectories(dir.resolve("ne")))) {
            var config = TestAgents.config(dir, Map.of("source.spec", "node-exporter:http://" + exporter.instance(),
                    "source.interval", "1s", "source.max_backoff", "1s", "source.timeout", "1s", "detect.enabled", "false"));
            try (Agent agent = Agent.start(config, Map.of(), java.time.Clock.systemUTC());
                 AgentClient client = TestAgents.viewer(agent)) {
                String host = exporter.instance();
                await(Duration.ofSeconds(20), () -> agent.store().sampleCount(host) >= 2);
                exporter.kill();
                await(Duration.ofSeconds(5), () -> !client.status().source().healthy());
                assertThat(client.metrics()).contains("smartcloudops_source_up{source=\"node-exporter\"} 0.0");
                int before = agent.store().sampleCount(host);
                Thread.sleep(2_000);
                assertThat(agent.store().sampleCount(host)).as("a gap, never zeros").isEqualTo(before);
                assertThat(client.healthz()).containsEntry("status", "ok");
                exporter.start();
                await(Duration.ofSeconds(15), () -> client.status().source().healthy());
                await(Duration.ofSeconds(10), () -> agent.store().sampleCount(host) > before + 1);
            }
        }
    }

    private static HostStatus hostStatus(AgentClient client, String host) {
        return client.status().hosts().stream().filter(h -> h.host().equals(host)).findFirst()
                .orElse(new HostStatus(host, null, Map.of(), null, null, 0));
    }

    private static long inside(Agent agent, String host, Instant from, Instant to) {
        return agent.store().series(host, Metric.CPU, from).stream()
                .filter(p -> p.timestamp().isBefore(to)).count();
    }

    private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not there yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not met within " + timeout);
    }
}
