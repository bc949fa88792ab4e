package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.agent.collect.SamplesCollected;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Anomaly;
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
 * What an anomaly record says was expected is what the detector expected before the fault, for as long as the record
 * lives: a fault in two steps (CPU to 30 %, then saturated) grows its record, whose text said "cpu 98.9% (expected
 * 18.5%-30.0%)" because the level-shift detector adopted the fault's first step as the expectation while the
 * incident was open.
 */
class AnomalyRecordExpectationTest {

    private static final Instant T0 = Instant.parse("2026-11-03T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aFaultThatGrowsKeepsTheExpectationFromBeforeIt() throws Exception {
        EventBus bus = new EventBus();
        OnlineDetector d = new OnlineDetector(DetectorModel.untrained(DetectorSettings.defaults()),
                new OnlineDetector.ModelSource("", null, "test", Map.of()), 60, new AnomalyLog(dir.resolve("logs"), 0),
                new AnomalyStore(100), bus, new PrometheusRegistry(), Optional.empty());
        Random r = new Random(4);
        int i = 0;
        for (; i < 300; i++) {
            bus.publish(new SamplesCollected(List.of(sample(i, 20 + r.nextGaussian())), false));
        }
        String atRaise = null;
        for (; i < 400; i++) {
            // a fault in two steps: CPU to 30 % for four minutes, then saturated (the record's score rises)
            bus.publish(new SamplesCollected(List.of(sample(i, (i < 348 ? 30 : 99) + r.nextGaussian() * 0.3)), false));
            List<Anomaly> open = d.store().query(10, null, "web-3");
            if (atRaise == null && !open.isEmpty()) {
                atRaise = open.getFirst().summary();
            }
        }
        List<Anomaly> records = d.store().query(10, null, "web-3");
        assertThat(records).as("one fault, one record").hasSize(1);
        Anomaly a = records.getFirst();
        assertThat(a.summary()).as("the record grew with the saturation").startsWith("cpu 9");
        assertThat(a.contributors().getFirst().baseline()).as("the level before the fault, not its first step").isLessThan(25);
        assertThat(expectedPart(a.summary())).as("expected as at the raise: " + atRaise).isEqualTo(expectedPart(atRaise));
        d.close();
    }

    private static String expectedPart(String summary) {
        return summary.substring(summary.indexOf("(expected"));
    }

    private static HostSample sample(int i, double cpu) {
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        v.put(Metric.CPU, cpu);
        v.put(Metric.MEM, 40.0 + (i % 7) * 0.1);
        return new HostSample("web-3", T0.plusSeconds(5L * i), v);
    }
}
