package io.smartcloudops.console.bench;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.events.SampleEvent;
import io.smartcloudops.api.series.Series;
import io.smartcloudops.api.series.SeriesPoint;
import io.smartcloudops.api.status.AgentStatus;
import io.smartcloudops.api.status.HostStatus;
import io.smartcloudops.api.status.SourceStatus;
import io.smartcloudops.console.connection.ConnectionState;
import io.smartcloudops.console.dashboard.DashboardView;
import io.smartcloudops.console.dashboard.DashboardViewModel;
import io.smartcloudops.console.dashboard.TimeRange;
import io.smartcloudops.console.testing.FxWait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Benchmark (bench/console/redraw.sh; skipped in normal builds): one host with 24 h at 15 s (5,760
 * points) in each of its metrics, the 24 h range, a live sample and a redraw every second, for
 * {@code bench.seconds}. Measures every JavaFX pulse (interval between AnimationTimer frames, which a
 * long pulse stretches) and the FX-thread time of each 1 Hz redraw, with LTTB (one point per two
 * pixels) and, as the baseline in the same run, without downsampling. A 5 s pass of each warms the JIT first.
 */
@EnabledIfSystemProperty(named = "bench.redraw", matches = "true")
@ExtendWith(ApplicationExtension.class)
class DashboardRedrawBench {

    private Stage stage;

    @Start
    void start(Stage s) {
        this.stage = s;
    }

    @Test
    void redrawAtOneHertz() throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 60);
        StringBuilder report = new StringBuilder();
        run(5, true);
        run(5, false);
        for (boolean downsample : new boolean[] {true, false}) {
            report.append(run(seconds, downsample)).append('\n');
        }
        System.out.print(report);
        String out = System.getProperty("bench.out");
        if (out != null) {
            Files.writeString(Path.of(out), report.toString());
        }
    }

    private String run(int seconds, boolean downsample) throws Exception {
        Instant now = Instant.now();
        DashboardViewModel vm = new DashboardViewModel(Clock.systemUTC(), ConnectionState.connected("bench"));
        SourceStatus src = new SourceStatus("bench", "replay", true, null, now, now, 0, 15);
        Map<String, Double> latest = new HashMap<>();
        for (Metric m : Metric.values()) {
            latest.put(m.key(), 50.0);
        }
        vm.applyStatus(new AgentStatus("bench", now, 0, src, List.of(new HostStatus("web-1", now, latest, null, null, 5760)), Map.of()));
        for (Metric m : Metric.values()) {
            List<SeriesPoint> pts = new ArrayList<>(5760);
            for (int i = 0; i < 5760; i++) {
                double v = m.isPercent() ? 40 + 20 * Math.sin(i / 40.0) + (i % 97 == 0 ? 35 : 0) : 1000 * (2 + Math.sin(i / 25.0));
                pts.add(new SeriesPoint(now.minus(Duration.ofHours(24)).plusSeconds(15L * (i + 1)), v));
            }
            vm.applyBackfill(new Series("web-1", m.key(), m.unit(), now.minus(Duration.ofHours(24)), pts));
        }
        vm.rangeProperty().set(TimeRange.H24);
        DashboardView view = FxWait.onFx(() -> {
            DashboardView v = new DashboardView(vm, downsample ? 0 : Integer.MAX_VALUE);
            stage.setScene(new Scene(v, 1280, 800));
            stage.show();
            return v;
        });
        List<Long> frames = new ArrayList<>();
        List<Long> redraws = new ArrayList<>();
        long[] last = {0};
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long t) {
                if (last[0] != 0) {
                    frames.add(t - last[0]);
                }
                last[0] = t;
            }
        };
        view.setAfterDraw(() -> { });
        Thread.sleep(2000);
        FxWait.onFx(() -> {
            timer.start();
            return null;
        });
        for (int s = 0; s < seconds; s++) {
            Thread.sleep(1000);
            Instant t = Instant.now();
            FxWait.onFx(() -> {
                vm.applySample(new SampleEvent("web-1", t, latest));
                long a = System.nanoTime();
                view.redrawAll();
                redraws.add(System.nanoTime() - a);
                return null;
            });
        }
        FxWait.onFx(() -> {
            timer.stop();
            view.stop();
            return null;
        });
        int drawn = FxWait.onFx(() -> view.charts().stream().mapToInt(c -> c.data().pointCount()).sum());
        return String.format(Locale.ROOT,
                "%s: %d series x 5760 points, %d points drawn per frame; pulses %d: interval p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
                        + " 1 Hz redraw on the FX thread p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                downsample ? "LTTB (1 point per 2 px)" : "baseline, no downsampling", Metric.values().length, drawn,
                frames.size(), pct(frames, 50), pct(frames, 99), pct(frames, 100), pct(redraws, 50), pct(redraws, 99), pct(redraws, 100));
    }

    private static double pct(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] a = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        int i = Math.min(a.length - 1, (int) Math.ceil(p / 100.0 * a.length) - 1);
        return a[Math.max(0, i)] / 1e6;
    }
}
