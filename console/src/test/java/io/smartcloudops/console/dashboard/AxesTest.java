package io.smartcloudops.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Chart axes an operator can read (defect 10). */
class AxesTest {

    private static List<String> labels(AxisScale s) {
        return IntStream.rangeClosed(0, s.steps()).mapToObj(i -> s.label(s.step() * i)).toList();
    }

    @Test
    void loadGetsNiceTicksNotQuarters() {
        assertThat(labels(AxisScale.plain(4.8))).containsExactly("0", "2", "4", "6");
        assertThat(labels(AxisScale.plain(1.1))).containsExactly("0.0", "0.5", "1.0", "1.5");
        assertThat(labels(AxisScale.plain(0))).as("no data yet").containsExactly("0.00", "0.25", "0.50", "0.75", "1.00");
    }

    @Test
    void networkRatesAreDistinctAndSayPerSecond() {
        assertThat(labels(AxisScale.bytesPerSecond(100_200))).containsExactly("0 KB/s", "50 KB/s", "100 KB/s", "150 KB/s");
        assertThat(labels(AxisScale.bytesPerSecond(1.2))).as("a nearly idle link: whole bytes, all different")
                .containsExactly("0 B/s", "1 B/s", "2 B/s");
        assertThat(labels(AxisScale.bytesPerSecond(48_000_000))).containsExactly("0 MB/s", "20 MB/s", "40 MB/s", "60 MB/s");
        assertThat(labels(AxisScale.percent())).containsExactly("0%", "25%", "50%", "75%", "100%");
    }

    @Test
    void aDayLongAxisSaysWhichDay() {
        long to = Instant.parse("2026-01-05T20:49:00Z").toEpochMilli();
        List<String> day = TimeAxis.labels(to - 24 * 3_600_000L, to, 4, ZoneOffset.UTC);
        assertThat(day).containsExactly("20:49\nJan 4", "02:49\nJan 5", "08:49", "14:49", "20:49");
        assertThat(TimeAxis.labels(to - 15 * 60_000L, to, 4, ZoneOffset.UTC)).as("15 minutes: clock times only")
                .containsExactly("20:34", "20:37", "20:41", "20:45", "20:49");
    }
}
