package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.agent.collect.SamplesCollected;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Anomaly;
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
    private int row;

    private OnlineDetector detector() {
        return new OnlineDetector(DetectorModel.untrained(DetectorSettings.defaults()),
                new OnlineDetector.ModelSource("", null, "test", Map.of()), 60, new AnomalyLog(dir, 0),
                new AnomalyStore(100), bus, new PrometheusRegistry());
    }

    /** {@code rows} samples 10 s apart with CPU around {@code cpu} and memory around 40 %. */
    private void feed(int rows, double cpu) {
        for (int i = 0; i < rows; i++, row++) {
            Map<Metric, Double> v = new EnumMap<>(Metric.class);
            v.put(Metric.CPU, cpu + random.nextGaussian());
            v.put(Metric.MEM, 40 + random.nextGaussian() * 0.2);
            bus.publish(new SamplesCollected(List.of(new HostSample("web-1", t0.plusSeconds(10L * row), v)), false));
        }
    }

    @Test
    void aLearningHostSaysHowLongUntilItScores() {
        OnlineDetector d = detector();
        assertThat(d.state("web-1")).isEmpty();
        feed(20, 20);
        HostState s = d.state("web-1").orElseThrow();
        assertThat(s.phase()).isEqualTo(HostState.Phase.LEARNING);
        assertThat(s.learningSamplesLeft()).isEqualTo(40);
        assertThat(s.learningTimeLeft()).isEqualTo(Duration.ofSeconds(400));   // 40 samples at this host's 10 s
        assertThat(s.labels()).containsExactly("learning");
        assertThat(d.bands("web-1")).isEmpty();
    }

    @Test
    void aScoringHostHasABandAroundTheExpectedValueOfEveryMetricItReports() {
        OnlineDetector d = detector();
        feed(80, 20);
        // scoring, but 80 rows are too little history to draw a band: the detector says nothing rather than guess
        assertThat(d.state("web-1").orElseThrow().phase()).isEqualTo(HostState.Phase.SCORING);
        assertThat(d.bands("web-1")).isEmpty();
        feed(120, 20);
        HostState s = d.state("web-1").orElseThrow();
        assertThat(s.learningSamplesLeft()).isZero();
        assertThat(s.metrics()).extracting(HostState.MetricState::metric).containsExactly(Metric.CPU, Metric.MEM);
        assertThat(s.labels()).containsExactly("scoring");
        Map<Metric, ExpectedBand> bands = d.bands("web-1");
        assertThat(bands).containsOnlyKeys(Metric.CPU, Metric.MEM);
        ExpectedBand cpu = bands.get(Metric.CPU);
        assertThat(cpu.at()).isEqualTo(t0.plusSeconds(10L * (row - 1)));
        assertThat(cpu.basis()).isEqualTo(Season.NONE);
        assertThat(cpu.expected()).isBetween(18.0, 22.0);
        assertThat(cpu.lower()).isLessThan(cpu.expected());
        assertThat(cpu.upper()).isGreaterThan(cpu.expected()).isLessThan(40);
        assertThat(cpu.outside()).isFalse();
    }

    @Test
    void aFalseAlarmMakesThatPatternNormalWithoutMutingTheMetricAndCanBeUndone() {
        OnlineDetector d = detector();
        feed(300, 20);
        feed(30, 32);                                   // CPU steps up by 12 points for 5 minutes
        feed(150, 20);
        List<Anomaly> first = d.store().query(10, null, "web-1");
        assertThat(first).hasSize(1);
        Anomaly a = first.getFirst();
        assertThat(a.metrics()).containsExactly("cpu");

        Feedback f = d.feedback("web-1", List.of(Metric.CPU), a.start(), a.end(), Verdict.FALSE_ALARM, a.end());
        assertThat(f.verdict().key()).isEqualTo("false_alarm");
        assertThat(d.feedback("web-1")).containsExactly(f);

        feed(30, 34);                                   // a step like it, 2 points above the last: quiet now
        feed(150, 20);
        assertThat(d.store().query(10, null, "web-1")).hasSize(1);

        feed(30, 95);                                   // CPU saturates: still an anomaly, the metric is not muted
        feed(150, 20);
        assertThat(d.store().query(10, null, "web-1")).hasSize(2);

        assertThat(d.undoFeedback(f.id())).isTrue();
        assertThat(d.undoFeedback(f.id())).isFalse();
        assertThat(d.feedback("web-1")).isEmpty();
    }

    @Test
    void withoutTheVerdictTheSameStepWouldHaveAlarmedAgain() {
        OnlineDetector d = detector();
        feed(300, 20);
        feed(30, 32);
        feed(150, 20);
        feed(30, 38);
        feed(150, 20);
        assertThat(d.store().query(10, null, "web-1")).hasSize(2);
    }

    @Test
    void badFeedbackIsRefusedWithTheReason() {
        OnlineDetector d = detector();
        feed(200, 20);
        Instant now = t0.plusSeconds(2000);
        assertThatThrownBy(() -> d.feedback("nobody", List.of(Metric.CPU), now, now, Verdict.CONFIRMED, now))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown host 'nobody'");
        assertThatThrownBy(() -> d.feedback("web-1", List.of(Metric.DISK), now, now, Verdict.CONFIRMED, now))
                .hasMessageContaining("does not report metric 'disk'");
        assertThatThrownBy(() -> d.feedback("web-1", List.of(Metric.CPU), now, now.minusSeconds(1), Verdict.CONFIRMED, now))
                .hasMessageContaining("ends");
        assertThatThrownBy(() -> d.feedback("web-1", List.of(Metric.CPU), t0, now, Verdict.FALSE_ALARM, now))
                .hasMessageContaining("no anomaly of host 'web-1'");
        assertThat(d.feedback("web-1")).isEmpty();
        assertThat(Verdict.fromKey("confirmed")).contains(Verdict.CONFIRMED);
        assertThat(Verdict.fromKey("maybe")).isEmpty();
    }
}
