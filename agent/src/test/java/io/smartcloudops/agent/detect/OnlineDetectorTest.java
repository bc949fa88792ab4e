package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.agent.collect.SamplesCollected;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Anomaly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's detector driven through the bus, without HTTP. */
class OnlineDetectorTest {

    @TempDir
    Path dir;

    private final EventBus bus = new EventBus();
    private final Random random = new Random(5);
    private final Instant t0 = Instant.parse("2026-11-29T00:00:00Z");

    private OnlineDetector detector(Path logs) {
        return new OnlineDetector(DetectorModel.untrained(DetectorSettings.defaults()),
                new OnlineDetector.ModelSource("", null, "test", Map.of()), 60, new AnomalyLog(logs, 0),
                new AnomalyStore(100), bus, new PrometheusRegistry());
    }

    private HostSample sample(int i, double cpu, double mem) {
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        v.put(Metric.CPU, cpu + random.nextGaussian());
        v.put(Metric.MEM, mem + random.nextGaussian() * 0.2);
        v.put(Metric.LOAD1, 0.5 + random.nextGaussian() * 0.05);
        return new HostSample("db-1", t0.plusSeconds(5L * i), v);
    }

    @Test
    void historyCountsAsLearningThenLiveSamplesAreScored() {
        OnlineDetector d = detector(dir.resolve("logs"));
        List<HostSample> history = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            history.add(sample(i, 20, 40));
        }
        bus.publish(new SamplesCollected(history, true));
        assertThat(d.phase("db-1")).contains("learning");
        assertThat(d.score("db-1")).isEmpty();
        assertThat(d.status().get("learning_progress").toString()).contains("db-1=40/60");
        for (int i = 40; i < 61; i++) {
            bus.publish(new SamplesCollected(List.of(sample(i, 20, 40)), false));
        }
        assertThat(d.phase("db-1")).contains("scoring");
        assertThat(d.score("db-1")).isPresent();
        assertThat(d.phase("nobody")).isEmpty();
    }

    @Test
    void aMetricThatMovesDuringAnOpenIncidentJoinsItAndEachRecordIsOnDiskBeforeItIsPublished() {
        Path logs = dir.resolve("logs");
        OnlineDetector d = detector(logs);
        List<Anomaly> published = new ArrayList<>();
        List<Boolean> onDiskWhenPublished = new ArrayList<>();
        bus.subscribe(Anomaly.class, a -> {
            published.add(a);
            onDiskWhenPublished.add(new AnomalyLog(logs, 0).readQuietly().stream().anyMatch(x -> x.equals(a)));
        });
        int i = 0;
        for (; i < 150; i++) {
            bus.publish(new SamplesCollected(List.of(sample(i, 20, 40)), false));
        }
        for (; i < 165; i++) {                       // CPU saturates
            bus.publish(new SamplesCollected(List.of(sample(i, 98, 40)), false));
        }
        for (; i < 180; i++) {                       // then memory climbs too, while CPU stays high: the same fault
            bus.publish(new SamplesCollected(List.of(sample(i, 98, 85)), false));
        }
        for (; i < 310; i++) {
            bus.publish(new SamplesCollected(List.of(sample(i, 20, 40)), false));
        }
        List<Anomaly> stored = d.store().query(10, null, "db-1");
        assertThat(stored).hasSize(1);
        Anomaly fault = stored.getFirst();
        assertThat(fault.metrics()).contains("cpu", "mem");
        assertThat(fault.end()).isNotNull();
        assertThat(published).extracting(Anomaly::id).containsOnly(fault.id());
        assertThat(onDiskWhenPublished).isNotEmpty().containsOnly(true);
    }

    @Test
    void anAnomalyThatCannotBeWrittenIsNotPublished() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("logs"), "a file where the log directory should be");
        OnlineDetector d = detector(notADirectory);
        List<Anomaly> published = new ArrayList<>();
        bus.subscribe(Anomaly.class, published::add);
        for (int i = 0; i < 180; i++) {
            bus.publish(new SamplesCollected(List.of(sample(i, i < 150 ? 20 : 98, 40)), false));
        }
        assertThat(d.phase("db-1")).contains("scoring");
        assertThat(published).isEmpty();
        assertThat(d.store().size()).isZero();
    }
}
