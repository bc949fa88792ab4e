package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.agent.collect.SamplesCollected;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.api.Metric;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet that starts together reaches min_samples in the same collection; fitting every model in that one
 * batch stalled the collector (14 s for 1,000 hosts on 2 cores). Fitting is spread over batches by a time
 * budget: here a budget so small that each batch fits exactly one host, the others learning on.
 */
class FitBudgetTest {

    @TempDir
    Path dir;

    @Test
    void hostsOverTheBudgetLearnOnAndFitInLaterBatches() {
        EventBus bus = new EventBus();
        OnlineDetector d = new OnlineDetector(DetectorModel.untrained(DetectorSettings.defaults()),
                new OnlineDetector.ModelSource("", null, "test", Map.of()), 20, new AnomalyLog(dir, 0),
                new AnomalyStore(100), bus, new PrometheusRegistry(), Duration.ofNanos(1));
        Random random = new Random(3);
        Instant t0 = Instant.parse("2026-11-29T00:00:00Z");
        int hosts = 5;
        for (int i = 0; i < 20; i++) {
            bus.publish(new SamplesCollected(batch(hosts, i, t0, random), false));
        }
        assertThat(scoring(d, hosts)).as("one host fitted in the batch that completed everyone's learning").isEqualTo(1);
        for (int i = 20; i < 24; i++) {
            bus.publish(new SamplesCollected(batch(hosts, i, t0, random), false));
            assertThat(scoring(d, hosts)).isEqualTo(i - 18);
        }
        assertThat(d.status().get("hosts_learning")).isEqualTo(0L);
    }

    private static long scoring(OnlineDetector d, int hosts) {
        long n = 0;
        for (int h = 0; h < hosts; h++) {
            n += d.phase("h" + h).filter("scoring"::equals).isPresent() ? 1 : 0;
        }
        return n;
    }

    private static List<HostSample> batch(int hosts, int i, Instant t0, Random random) {
        List<HostSample> out = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            Map<Metric, Double> v = new EnumMap<>(Metric.class);
            v.put(Metric.CPU, 20 + random.nextGaussian());
            v.put(Metric.MEM, 40 + random.nextGaussian() * 0.2);
            out.add(new HostSample("h" + h, t0.plusSeconds(5L * i), v));
        }
        return out;
    }
}
