package io.smartcloudops.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.series.SeriesPoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesBufferTest {

    private static SeriesPoint p(long ms, double v) {
        return new SeriesPoint(Instant.ofEpochMilli(ms), v);
    }

    @Test
    void appendKeepsOrderIgnoresOlderAndNaNAndReplacesSameTime() {
        SeriesBuffer b = new SeriesBuffer();
        b.append(1000, 1);
        b.append(2000, 2);
        b.append(1500, 9);
        b.append(3000, Double.NaN);
        b.append(2000, 3);
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.valueAt(1)).isEqualTo(3);
        assertThat(b.last()).isEqualTo(3);
    }

    @Test
    void backfillKeepsLivePointsNewerThanTheHistoryWithoutDuplicates() {
        SeriesBuffer b = new SeriesBuffer();
        b.append(5000, 50);
        b.append(6000, 60);
        b.append(7000, 70);
        b.backfill(List.of(p(1000, 10), p(2000, 20), p(5000, 50), p(6000, 61)));
        assertThat(b.size()).isEqualTo(5);
        assertThat(new long[] {b.timeAt(0), b.timeAt(1), b.timeAt(2), b.timeAt(3), b.timeAt(4)})
                .containsExactly(1000, 2000, 5000, 6000, 7000);
        assertThat(b.valueAt(3)).isEqualTo(61);
    }

    @Test
    void aMinuteTheAgentKeepsAsAnAggregateIsDrawnAsItsExtremesSoASpikeStaysVisible() {
        SeriesBuffer b = new SeriesBuffer();
        b.backfill(List.of(SeriesPoint.minute(Instant.ofEpochMilli(0), 21.0, 20.0, 35.5, 12),
                SeriesPoint.minute(Instant.ofEpochMilli(60_000), 20.5, 20.0, 21.0, 12), p(120_000, 20.2)));
        assertThat(b.size()).isEqualTo(5);
        assertThat(new long[] {b.timeAt(0), b.timeAt(1), b.timeAt(2), b.timeAt(3), b.timeAt(4)})
                .containsExactly(0, 30_000, 60_000, 90_000, 120_000);
        assertThat(new double[] {b.valueAt(0), b.valueAt(1), b.valueAt(2), b.valueAt(3), b.valueAt(4)})
                .as("the 35.5 spike inside a minute whose mean is 21").containsExactly(20.0, 35.5, 20.0, 21.0, 20.2);
    }

    @Test
    void trimDropsOldSamplesAndIndexFindsTheFirstInRange() {
        SeriesBuffer b = new SeriesBuffer();
        for (int i = 0; i < 200; i++) {
            b.append(i * 1000L, i);
        }
        b.trimBefore(50_000);
        assertThat(b.size()).isEqualTo(150);
        assertThat(b.timeAt(0)).isEqualTo(50_000);
        assertThat(b.indexAtOrAfter(100_500)).isEqualTo(51);
        assertThat(b.indexAtOrAfter(1_000_000)).isEqualTo(150);
    }
}
