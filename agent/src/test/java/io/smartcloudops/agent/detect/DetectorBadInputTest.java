package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bad input must neither throw nor poison what the detector learns: gaps, repeated and backward timestamps, a
 * constant series, missing values, negative counters and infinities. Each case feeds a quiet host with the defect,
 * then a plain CPU saturation, and checks that the defect raised nothing and the saturation is still found. A
 * metric with too little history says so (no band) rather than guess.
 */
class DetectorBadInputTest {

    private static final long T0 = 1_764_547_200_000L;   // 2025-12-01T00:00:00Z
    private static final int QUIET = 400;

    /** One row: timestamp and CPU, memory, net_in. */
    private record Row(long t, double cpu, double mem, double netIn) {
    }

    private static final List<Metric> METRICS = List.of(Metric.CPU, Metric.MEM, Metric.NET_IN);

    /** Quiet rows 5 s apart, then 30 rows of CPU at 98 %, then quiet again. */
    private static List<Row> quietThenSaturation(long seed) {
        Random r = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < QUIET + 30 + 100; i++) {
            boolean fault = i >= QUIET && i < QUIET + 30;
            rows.add(new Row(T0 + 5_000L * i, fault ? 98 + r.nextGaussian() * 0.3 : 20 + r.nextGaussian(), 40 + r.nextGaussian() * 0.2,
                    50_000 + r.nextGaussian() * 3_000));
        }
        return rows;
    }

    /** Raised rows when {@code rows} are fed to a fresh host detector that learns for 120 rows. */
    private static List<Long> raised(List<Row> rows) {
        SeriesDetector d = new SeriesDetector(DetectorSettings.defaults(), METRICS, true, 120);
        List<Long> out = new ArrayList<>();
        for (Row x : rows) {
            RowResult r = d.next(x.t(), new double[] {x.cpu(), x.mem(), x.netIn()});
            if (r.raised()) {
                out.add(r.row());
            }
        }
        return out;
    }

    private static void onlyTheSaturationIsRaised(List<Row> rows) {
        assertThat(raised(rows)).singleElement().satisfies(row -> assertThat(row).isBetween((long) QUIET, (long) QUIET + 10));
    }

    @Test
    void theCleanSeriesRaisesOnlyTheSaturation() {
        onlyTheSaturationIsRaised(quietThenSaturation(1));
    }

    @Test
    void aGapInTheTimestampsIsNotAnAnomaly() {
        List<Row> rows = quietThenSaturation(2);
        for (int i = 250; i < rows.size(); i++) {
            Row x = rows.get(i);
            rows.set(i, new Row(x.t() + 2 * 3_600_000L, x.cpu(), x.mem(), x.netIn()));   // the collector was away 2 hours
        }
        onlyTheSaturationIsRaised(rows);
    }

    @Test
    void repeatedAndBackwardTimestampsAreScoredInFileOrder() {
        List<Row> rows = quietThenSaturation(3);
        for (int i = 200; i < 212; i++) {
            Row x = rows.get(i);
            rows.set(i, new Row(rows.get(199).t(), x.cpu(), x.mem(), x.netIn()));          // one timestamp 12 times
        }
        for (int i = 300; i < rows.size(); i++) {
            Row x = rows.get(i);
            rows.set(i, new Row(x.t() - 3_600_000L, x.cpu(), x.mem(), x.netIn()));          // the clock steps back an hour
        }
        onlyTheSaturationIsRaised(rows);
    }

    @Test
    void aConstantMetricRaisesNothingUntilItMoves() {
        List<Row> rows = quietThenSaturation(4);
        for (int i = 0; i < rows.size(); i++) {
            Row x = rows.get(i);
            rows.set(i, new Row(x.t(), x.cpu(), 40.0, x.netIn()));                          // memory never moves
        }
        onlyTheSaturationIsRaised(rows);
    }

    @Test
    void missingValuesAreSkippedNotFilled() {
        List<Row> rows = quietThenSaturation(5);
        Random r = new Random(50);
        for (int i = 0; i < QUIET; i++) {
            if (r.nextInt(10) == 0) {
                Row x = rows.get(i);
                rows.set(i, new Row(x.t(), Double.NaN, r.nextBoolean() ? Double.NaN : x.mem(), Double.NaN));
            }
        }
        onlyTheSaturationIsRaised(rows);
    }

    @Test
    void negativeCountersAndInfinitiesAreIgnored() {
        List<Row> rows = quietThenSaturation(6);
        for (int i = 150; i < QUIET; i += 37) {
            Row x = rows.get(i);
            // a counter reset seen as a huge negative rate, and a division by a zero interval
            rows.set(i, new Row(x.t(), x.cpu(), Double.POSITIVE_INFINITY, -9.2e18));
        }
        onlyTheSaturationIsRaised(rows);
        SeriesDetector d = new SeriesDetector(DetectorSettings.defaults(), METRICS, true, 120);
        for (Row x : rows.subList(0, QUIET)) {
            d.next(x.t(), new double[] {x.cpu(), x.mem(), x.netIn()});
        }
        // the band of net_in was not stretched down to the bogus negative rates
        assertThat(d.band(2, java.time.Instant.ofEpochMilli(rows.get(QUIET - 1).t())).orElseThrow().lower()).isGreaterThan(0);
    }

    @Test
    void tooLittleHistorySaysSoInsteadOfGuessing() {
        SeriesDetector d = new SeriesDetector(DetectorSettings.defaults(), METRICS, true, 10);
        List<Row> rows = quietThenSaturation(7);
        for (int i = 0; i < 50; i++) {
            Row x = rows.get(i);
            d.next(x.t(), new double[] {x.cpu(), Double.NaN, x.netIn()});
        }
        assertThat(d.scoring()).isTrue();
        assertThat(d.ready(0)).isFalse();
        assertThat(d.band(0, java.time.Instant.ofEpochMilli(rows.get(49).t()))).isEmpty();
        assertThat(d.band(1, java.time.Instant.ofEpochMilli(rows.get(49).t()))).isEmpty();   // memory never reported
    }
}
