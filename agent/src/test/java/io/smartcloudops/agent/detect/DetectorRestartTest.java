package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.agent.collect.SamplesCollected;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.api.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restarted agent goes on scoring exactly as one that never stopped: its detector state is saved and reloaded. */
class DetectorRestartTest {

    @TempDir
    Path dir;

    private static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z");

    /** Ten days of 5-minute CPU with a daily cycle, some noise, a dip on day 8 and a spike on day 9. */
    private static double[][] dailyCpu() {
        Random r = new Random(3);
        double[][] x = new double[2880][1];
        for (int i = 0; i < x.length; i++) {
            double hour = (i % 288) / 12.0;
            x[i][0] = 30 + 20 * Math.sin(2 * Math.PI * hour / 24) + r.nextGaussian() * 2;
        }
        for (int i = 2300; i < 2340; i++) {
            x[i][0] -= 25;
        }
        for (int i = 2600; i < 2606; i++) {
            x[i][0] = 99;
        }
        return x;
    }

    @Test
    void aDetectorRestoredFromItsSavedStateGivesTheSameVerdictsAsOneThatNeverStopped() throws Exception {
        double[][] x = dailyCpu();
        DetectorSettings s = DetectorSettings.defaults();
        SeriesDetector continuous = new SeriesDetector(s, List.of(Metric.CPU), true, 288);
        List<RowResult> expected = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            expected.add(continuous.next(T0.plusSeconds(300L * i).toEpochMilli(), x[i]));
        }
        assertThat(expected.stream().filter(RowResult::raised)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(continuous.metricState(0).season()).isEqualTo(Season.DAILY);

        DetectorStateStore store = new DetectorStateStore(dir.resolve("state"));
        SeriesDetector first = new SeriesDetector(s, List.of(Metric.CPU), true, 288);
        int restartAt = 2000;
        for (int i = 0; i < restartAt; i++) {
            first.next(T0.plusSeconds(300L * i).toEpochMilli(), x[i]);
        }
        store.save("web-1", s, first.snapshot(), List.of());
        DetectorStateStore.Restored restored = store.load("web-1", s).orElseThrow();
        SeriesDetector second = new SeriesDetector(s, restored.state());
        for (int i = restartAt; i < x.length; i++) {
            assertThat(second.next(T0.plusSeconds(300L * i).toEpochMilli(), x[i])).as("row " + i).isEqualTo(expected.get(i));
        }
    }

    private static HostSample sample(int i, double cpu) {
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        v.put(Metric.CPU, cpu);
        v.put(Metric.MEM, 40.0 + (i % 7) * 0.1);
        return new HostSample("db-2", T0.plusSeconds(5L * i), v);
    }

    private OnlineDetector agent(EventBus bus, DetectorModel model) {
        return new OnlineDetector(model, new OnlineDetector.ModelSource("", null, "test", Map.of()), 60,
                new AnomalyLog(dir.resolve("logs"), 0), new AnomalyStore(100), bus, new PrometheusRegistry(),
                Optional.of(new DetectorStateStore(dir.resolve("state"))));
    }

    @Test
    void anAgentThatRestartsGoesOnScoringItsHostsAndKeepsTheVerdicts() {
        Random r = new Random(4);
        EventBus bus = new EventBus();
        OnlineDetector before = agent(bus, DetectorModel.untrained(DetectorSettings.defaults()));
        int i = 0;
        for (; i < 300; i++) {
            bus.publish(new SamplesCollected(List.of(sample(i, 20 + r.nextGaussian())), false));
        }
        for (; i < 330; i++) {
            bus.publish(new SamplesCollected(List.of(sample(i, 45 + r.nextGaussian())), false));
        }
        for (; i < 400; i++) {
            bus.publish(new SamplesCollected(List.of(sample(i, 20 + r.nextGaussian())), false));
        }
        var anomaly = before.store().query(1, null, "db-2").getFirst();
        Feedback verdict = before.feedback("db-2", List.of(Metric.CPU), anomaly.start(), anomaly.end(), Verdict.FALSE_ALARM, anomaly.end());
        // one more sample, so the band before the restart is drawn with the verdict in force (it widens the band)
        bus.publish(new SamplesCollected(List.of(sample(i++, 20)), false));
        Map<Metric, ExpectedBand> bandsBefore = before.bands("db-2");
        before.close();
        assertThat(dir.resolve("state")).isDirectoryContaining(p -> p.getFileName().toString().endsWith(".state"));

        EventBus bus2 = new EventBus();
        OnlineDetector after = agent(bus2, DetectorModel.untrained(DetectorSettings.defaults()));
        bus2.publish(new SamplesCollected(List.of(sample(i, 20)), false));
        // scoring from its first sample after the restart, with the verdict still in force
        assertThat(after.state("db-2").orElseThrow().phase()).isEqualTo(HostState.Phase.SCORING);
        assertThat(after.feedback("db-2")).containsExactly(verdict);
        assertThat(after.bands("db-2").get(Metric.CPU).upper()).isEqualTo(bandsBefore.get(Metric.CPU).upper());
        after.close();
    }

    @Test
    void aStateWrittenWithOtherSettingsOrDamagedIsIgnoredAndTheHostLearnsAgain() throws Exception {
        DetectorStateStore store = new DetectorStateStore(dir.resolve("state"));
        SeriesDetector d = new SeriesDetector(DetectorSettings.defaults(), List.of(Metric.CPU), true, 10);
        for (int i = 0; i < 50; i++) {
            d.next(T0.plusSeconds(5L * i).toEpochMilli(), new double[] {20 + i % 3});
        }
        store.save("web-3", DetectorSettings.defaults(), d.snapshot(), List.of());
        assertThat(store.load("web-3", DetectorSettings.defaults())).isPresent();
        assertThat(store.load("web-3", DetectorSettings.defaults().with("clear_novelty", 3))).isEmpty();
        assertThat(store.load("someone-else", DetectorSettings.defaults())).isEmpty();

        Path file = store.file("web-3");
        byte[] b = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(b, b.length / 2));
        assertThat(store.load("web-3", DetectorSettings.defaults())).isEmpty();
        Files.writeString(file, "not a state");
        assertThat(store.load("web-3", DetectorSettings.defaults())).isEmpty();
    }
}
