package io.smartcloudops.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.Metric;
import io.smartcloudops.console.testing.FxWait;
import io.smartcloudops.console.testing.Png;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The anomaly detail's chart at the width it has at 1024x700: the "critical" and "ended" markers of an incident that
 * lasted seconds, near the right edge (an incident that just ended) or further in. Every label is drawn, inside the
 * chart, clear of the other label and of the other marker's line ("ended" was drawn across the "critical" line, and
 * the two words on each other when closer).
 */
@ExtendWith(ApplicationExtension.class)
class ChartMarkerLabelsTest {

    private static final long TO = Instant.parse("2026-12-07T12:42:30Z").toEpochMilli();
    private static final long FROM = TO - 16 * 60_000L;

    private final TimeSeriesChart chart = new TimeSeriesChart();

    @Start
    void start(Stage stage) {
        StackPane root = new StackPane(chart);
        stage.setScene(new Scene(root, 520, 220));
        stage.show();
    }

    @Test
    void criticalAndEndedStayReadableWhereverTheyFall() {
        FxWait.until("the chart laid out at its window's size", 10, () -> chart.getWidth() > 500 && chart.getHeight() > 200);
        List<String> problems = new ArrayList<>();
        // the end this many seconds before the chart's right edge, the incident this many seconds long
        for (int endBefore : new int[] {1, 15, 30, 60, 300, 900}) {
            for (int lasted : new int[] {3, 10, 20, 40, 90}) {
                long end = TO - endBefore * 1000L;
                long start = end - lasted * 1000L;
                if (start <= FROM) {
                    continue;
                }
                List<TimeSeriesChart.DrawnLabel> drawn = FxWait.onFx(() -> {
                    chart.layout(); // its canvas sized to it
                    chart.setData(data(start, end));
                    return chart.drawnLabels();
                });
                String c = "ended %d s before the edge, %d s long: ".formatted(endBefore, lasted);
                shot("markers-" + endBefore + "-" + lasted);
                double width = FxWait.onFx(chart::getWidth);
                if (drawn.size() != 2) {
                    problems.add(c + "drawn " + drawn.stream().map(TimeSeriesChart.DrawnLabel::text).toList());
                }
                for (TimeSeriesChart.DrawnLabel a : drawn) {
                    if (a.x() < 0 || a.x() + a.width() > width) {
                        problems.add(c + a.text() + " reaches out of the chart: " + a);
                    }
                    for (TimeSeriesChart.DrawnLabel b : drawn) {
                        if (a == b) {
                            continue;
                        }
                        if (b.markerX() > a.x() - 1 && b.markerX() < a.x() + a.width() + 1) {
                            problems.add(c + "'" + a.text() + "' " + a + " lies across the line of '" + b.text() + "'");
                        }
                        boolean sameRows = a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
                        if (sameRows && a.x() < b.x() + b.width() + 1 && b.x() < a.x() + a.width() + 1) {
                            problems.add(c + "'" + a.text() + "' " + a + " overlaps '" + b.text() + "' " + b);
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** With {@code -Dlayout.shots.dir}, the chart as checked (to look at, not compared). */
    private void shot(String name) {
        String dir = System.getProperty("layout.shots.dir");
        if (dir != null && !dir.isBlank()) {
            FxWait.onFx(() -> {
                Png.write(chart.getScene(), java.nio.file.Path.of(dir).resolve(name + ".png"));
                return null;
            });
        }
    }

    private static ChartData data(long start, long end) {
        int n = 16 * 60 / 5;
        long[] times = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = FROM + i * 5_000L;
            values[i] = times[i] >= start && times[i] <= end ? 95 : 40;
        }
        return new ChartData(new ChartSpec("CPU busy on web-1", List.of(Metric.CPU)), FROM, TO,
                List.of(new ChartData.Line("cpu", times, values, n, values[n - 1])),
                List.of(new ChartMarker("web-1", Instant.ofEpochMilli(start), ChartMarker.Kind.ANOMALY, "critical"),
                        new ChartMarker("web-1", Instant.ofEpochMilli(end), ChartMarker.Kind.ANOMALY, "ended")),
                10_000, Optional.empty());
    }
}
