package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.agent.collect.SamplesCollected;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Severity;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An anomaly raised at a modest severity that grows worse while it is open (CPU steps up 18 points, then saturates)
 * is one record whose severity rises, counted once as raised (at its first severity) and once as escalated (at the
 * severity it grew to), so Prometheus's AnomalyCritical pages for a fault that becomes critical after its raise.
 */
class AnomalyEscalationTest {

    private static final Instant T0 = Instant.parse("2026-11-03T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void anAnomalyThatGrowsCriticalIsCountedAsEscalated() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        EventBus bus = new EventBus();
        OnlineDetector d = new OnlineDetector(DetectorModel.untrained(DetectorSettings.defaults()),
                new OnlineDetector.ModelSource("", null, "test", Map.of()), 60, new AnomalyLog(dir.resolve("logs"), 0),
                new AnomalyStore(100), bus, registry, Optional.empty());
        Random r = new Random(9);
        int i = 0;
        for (; i < 300; i++) {
            bus.publish(new SamplesCollected(List.of(sample(i, 20 + r.nextGaussian())), false));
        }
        for (; i < 306; i++) {
            bus.publish(new SamplesCollected(List.of(sample(i, 38 + r.nextGaussian())), false));
        }
        List<Anomaly> raised = d.store().query(10, null, "web-3");
        assertThat(raised).hasSize(1);
        Severity atRaise = raised.getFirst().severity();
        assertThat(atRaise).isLessThan(Severity.CRITICAL);
        for (; i < 340; i++) {
            bus.publish(new SamplesCollected(List.of(sample(i, 97 + r.nextGaussian() * 0.5)), false));
        }
        List<Anomaly> grown = d.store().query(10, null, "web-3");
        assertThat(grown).as("one fault, one record").hasSize(1);
        assertThat(grown.getFirst().severity()).isEqualTo(Severity.CRITICAL);

        String metrics = scrape(registry);
        assertThat(metrics).contains("smartcloudops_anomalies_total{severity=\"" + atRaise.key() + "\"} 1.0")
                .contains("smartcloudops_anomalies_total{severity=\"critical\"} 0.0")
                .contains("smartcloudops_anomalies_escalated_total{severity=\"critical\"} 1.0");
        d.close();
    }

    private static HostSample sample(int i, double cpu) {
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        v.put(Metric.CPU, cpu);
        v.put(Metric.MEM, 40.0 + (i % 7) * 0.1);
        return new HostSample("web-3", T0.plusSeconds(5L * i), v);
    }

    private static String scrape(PrometheusRegistry registry) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }
}
