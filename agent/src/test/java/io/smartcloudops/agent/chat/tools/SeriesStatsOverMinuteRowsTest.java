package io.smartcloudops.agent.chat.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.series.SeriesPoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chat's series statistics never count a minute's mean as one sample. */
class SeriesStatsOverMinuteRowsTest {

    private static final Instant T = Instant.parse("2026-12-07T06:00:00Z");

    @Test
    void minuteRowsCountTheirSamplesAndKeepTheirExtremesAndTheAnswerSaysWhatIsApproximate() {
        List<SeriesPoint> points = List.of(
                SeriesPoint.minute(T, 20.0, 10.0, 95.0, 12),          // a spike inside a quiet minute
                SeriesPoint.minute(T.plusSeconds(60), 30.0, 29.0, 31.0, 12),
                new SeriesPoint(T.plusSeconds(120), 40.0),
                new SeriesPoint(T.plusSeconds(125), 50.0));
        ToolOutput.Stats s = ToolRunner.stats("web-1", Metric.CPU, points).orElseThrow();
        assertThat(s.samples()).as("12 + 12 + 2, not 4").isEqualTo(26);
        assertThat(s.max()).as("the spike, not the minute's mean").isEqualTo(95.0);
        assertThat(s.min()).isEqualTo(10.0);
        assertThat(s.mean()).as("weighted by the minutes' counts").isEqualTo((20.0 * 12 + 30.0 * 12 + 40 + 50) / 26);
        assertThat(s.last()).isEqualTo(50.0);
        assertThat(s.p95()).as("the 25th of 26 values: the minute of mean 30 holds ranks 13-24").isEqualTo(40.0);
        assertThat(s.note()).contains("one row a minute").contains("p95 is taken from minute means");
    }

    @Test
    void rawSamplesAloneGiveTheSameFiguresAsBeforeAndNoNote() {
        List<SeriesPoint> points = List.of(new SeriesPoint(T, 3.0), new SeriesPoint(T.plusSeconds(5), 1.0),
                new SeriesPoint(T.plusSeconds(10), 2.0));
        ToolOutput.Stats s = ToolRunner.stats("web-1", Metric.CPU, points).orElseThrow();
        assertThat(s.samples()).isEqualTo(3);
        assertThat(s.mean()).isEqualTo(2.0);
        assertThat(s.p95()).isEqualTo(3.0);
        assertThat(s.last()).isEqualTo(2.0);
        assertThat(s.note()).isNull();
    }
}
