package io.smartcloudops.agent.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.smartcloudops.agent.cli.AgentMain;
import io.smartcloudops.agent.collect.PromQl;
import io.smartcloudops.agent.collect.PrometheusClient;
import io.smartcloudops.agent.dataset.SeriesCsvReader;
import io.smartcloudops.agent.dataset.SeriesTable;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.NodeExporterProcess;
import io.smartcloudops.agent.testing.PrometheusProcess;
import io.smartcloudops.api.Metric;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export} against a real Prometheus scraping a real node_exporter (Debian packages, loopback). */
class ExportCommandTest {

    @TempDir
    static Path dir;

    static NodeExporterProcess nodeExporter;
    static PrometheusProcess prometheus;

    @BeforeAll
    static void start() throws Exception {
        nodeExporter = NodeExporterProcess.start(dir);
        prometheus = PrometheusProcess.start(dir, List.of(nodeExporter.instance()));
        PrometheusClient api = new PrometheusClient(URI.create(prometheus.url()), Duration.ofSeconds(5));
        // 12 s of 1 s scrapes: enough for rate() over 5 s at every exported step
        Eventually.within("Prometheus to collect 12 s of data", Duration.ofSeconds(40)).until(() -> {
            var r = api.queryRange("up", Instant.now().minusSeconds(20), Instant.now(), Duration.ofSeconds(1));
            return !r.isEmpty() && r.getFirst().values().length >= 12;
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (nodeExporter != null) {
            nodeExporter.close();
        }
    }

    @Test
    void writesOneHostCsvWithWhatPrometheusAnswers() throws Exception {
        Path out = dir.resolve("export");
        Instant end = Instant.now().minusSeconds(1);
        int code = AgentMain.run("export", "--prometheus", prometheus.url(), "--range", "8s", "--step", "1s", "--rate-window", "5s",
                "--end", end.toString(), "--out", out.toString());
        assertThat(code).isZero();
        Path csv = out.resolve(nodeExporter.instance().replace(':', '_') + ".csv");
        assertThat(csv).exists();
        assertThat(Files.readAllLines(csv).getFirst()).isEqualTo("timestamp,cpu,mem,disk,disk_io,net_in,net_out,load1");
        SeriesTable t = SeriesCsvReader.read(csv, Optional.empty());
        assertThat(t.rows()).isBetween(8, 9);
        assertThat(t.metrics()).contains(Metric.CPU, Metric.MEM, Metric.DISK, Metric.LOAD1);

        PrometheusClient api = new PrometheusClient(URI.create(prometheus.url()), Duration.ofSeconds(5));
        int i = t.rows() / 2;
        Instant at = t.timestamps().get(i);
        double mem = api.query(PromQl.query(Metric.MEM, Duration.ofSeconds(5)), at).stream()
                .filter(v -> nodeExporter.instance().equals(v.labels().get("instance"))).findFirst().orElseThrow().value();
        assertThat(t.columns().get(Metric.MEM)[i]).isCloseTo(mem, within(Math.abs(mem) * 1e-5));
        assertThat(java.util.Arrays.stream(t.columns().get(Metric.MEM)).boxed().toList()).allSatisfy(v -> assertThat(v).isBetween(0.0, 100.0));
    }

    @Test
    void badInputIsRefusedClearly() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err));
        try {
            assertThat(AgentMain.run("export", "--prometheus", prometheus.url(), "--range", "1h", "--step", "soon",
                    "--out", dir.resolve("x").toString())).isEqualTo(2);
            assertThat(AgentMain.run("export", "--prometheus", "http://127.0.0.1:1", "--range", "1m", "--step", "10s",
                    "--out", dir.resolve("y").toString())).isEqualTo(1);
        } finally {
            System.setErr(old);
        }
        assertThat(err.toString()).contains("--step: 'soon' is not a duration").contains("unreachable");
        assertThat(dir.resolve("y")).doesNotExist();
    }
}
