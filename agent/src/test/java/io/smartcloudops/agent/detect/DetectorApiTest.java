package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.agent.events.SamplesCollected;
import io.smartcloudops.api.Metric;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detector's side of the product: the expected band per metric, the host's state, operator feedback. */
class DetectorApiTest {

    @TempDir
    Path dir;

    private final EventBus bus = new EventBus();
    private final Random random = new Random(11);
    private final Instant t0 = Instant.parse("2026-12-01T00:00:00Z");

    private OnlineDetector detector() {
        return new OnlineDetector(DetectorModel.untrained(DetectorSettings.defaults()),
                new OnlineDetector.ModelSource("", null, "test", Map.of()), 60, new AnomalyLog(dir, 0),
                new AnomalyStore(100), bus, new PrometheusRegistry());
    }

    private void feed(int from, int to) {
        for (int i = from; i < to; i++) {
            Map<Metric, Double> v = new EnumMap<>(Metric.class);
            v.put(Metric.CPU, 20 + random.nextGaussian());
            v.put(Metric.MEM, 40 + random.nextGaussian() * 0.2);
            bus.publish(new SamplesCollected(List.of(new HostSample("web-1", t0.plusSeconds(10L * i), v)), false));
        }
    }

    @Test
    void aLearningHostSaysHowLongUntilItScores() {
        OnlineDetector d = detector();
        assertThat(d.state("web-1")).isEmpty();
        feed(0, 20);
        HostState s = d.state("web-1").orElseThrow();
        assertThat(s.phase()).isEqualTo(HostState.Phase.LEARNING);
        assertThat(s.learningSamplesLeft()).isEqualTo(40);
        assertThat(s.learningTimeLeft()).isEqualTo(Duration.ofSeconds(400));   // 40 samples at this host's 10 s
        assertThat(s.labels()).containsExactly("learning");
        assertThat(d.bands("web-1")).isEmpty();
    }

    @Test
    void aScoringHostHasABandAroundTheExpectedValueOfEveryMetric() {
        OnlineDetector d = detector();
        feed(0, 80);
        HostState s = d.state("web-1").orElseThrow();
        assertThat(s.phase()).isEqualTo(HostState.Phase.SCORING);
        assertThat(s.learningSamplesLeft()).isZero();
        assertThat(s.metrics()).extracting(HostState.MetricState::metric).containsExactly(Metric.CPU, Metric.MEM);
        Map<Metric, ExpectedBand> bands = d.bands("web-1");
        assertThat(bands).containsOnlyKeys(Metric.CPU, Metric.MEM);
        ExpectedBand cpu = bands.get(Metric.CPU);
        assertThat(cpu.at()).isEqualTo(t0.plusSeconds(790));
        assertThat(cpu.expected()).isBetween(18.0, 22.0);
        assertThat(cpu.lower()).isLessThan(cpu.expected());
        assertThat(cpu.upper()).isGreaterThan(cpu.expected());
        assertThat(cpu.outside()).isFalse();
    }

    @Test
    void feedbackIsRecordedPerHostAndCanBeUndone() {
        OnlineDetector d = detector();
        feed(0, 80);
        Instant now = t0.plusSeconds(800);
        Feedback f = d.feedback("web-1", List.of(Metric.CPU), t0.plusSeconds(600), t0.plusSeconds(700), Verdict.FALSE_ALARM, now);
        assertThat(f.host()).isEqualTo("web-1");
        assertThat(f.verdict().key()).isEqualTo("false_alarm");
        assertThat(d.feedback("web-1")).containsExactly(f);
        assertThat(d.undoFeedback(f.id())).isTrue();
        assertThat(d.undoFeedback(f.id())).isFalse();
        assertThat(d.feedback("web-1")).isEmpty();

        assertThatThrownBy(() -> d.feedback("nobody", List.of(Metric.CPU), now, now, Verdict.CONFIRMED, now))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown host 'nobody'");
        assertThatThrownBy(() -> d.feedback("web-1", List.of(Metric.DISK), now, now, Verdict.CONFIRMED, now))
                .hasMessageContaining("does not report metric 'disk'");
        assertThatThrownBy(() -> d.feedback("web-1", List.of(Metric.CPU), now, now.minusSeconds(1), Verdict.CONFIRMED, now))
                .hasMessageContaining("ends");
        assertThat(Verdict.fromKey("confirmed")).contains(Verdict.CONFIRMED);
        assertThat(Verdict.fromKey("maybe")).isEmpty();
    }
}
