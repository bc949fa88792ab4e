package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.Metric;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The band a host metric is drawn with stays within what the metric can be: a percentage within 0-100, bytes
 * per second and load at 0 or more (a CPU band reaching 102 % after a spike was drawn in the console and
 * exported to Grafana). Series that are not host metrics (NAB's, in their own units) keep their band as it is.
 */
class BandRangeTest {

    private static final long T0 = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
    private static final List<Metric> METRICS = List.of(Metric.CPU, Metric.NET_IN, Metric.LOAD1);

    @Test
    void aHostMetricsBandStaysWithinWhatTheMetricCanBeAfterASpike() {
        SeriesDetector d = new SeriesDetector(DetectorSettings.defaults(), METRICS, true, 120);
        Random r = new Random(7);
        double cpuHighest = 0;
        double netLowest = Double.MAX_VALUE;
        double loadLowest = Double.MAX_VALUE;
        int scored = 0;
        for (int i = 0; i < 1_500; i++) {
            // a busy host near its ceiling, a quiet network link near zero, a load near zero; a spike at row 600
            boolean spike = i >= 600 && i < 620;
            double cpu = spike ? 100 : Math.min(100, 88 + r.nextGaussian() * 5);
            double net = spike ? 2_000_000 : Math.max(0, 300 + r.nextGaussian() * 400);
            double load = spike ? 6 : Math.max(0, 0.05 + r.nextGaussian() * 0.2);
            d.next(T0 + 5_000L * i, new double[] {cpu, net, load});
            for (int m = 0; m < METRICS.size(); m++) {
                var band = d.band(m, Instant.EPOCH);
                if (band.isEmpty()) {
                    continue;
                }
                scored++;
                ExpectedBand b = band.get();
                switch (b.metric()) {
                    case CPU -> cpuHighest = Math.max(cpuHighest, b.upper());
                    case NET_IN -> netLowest = Math.min(netLowest, b.lower());
                    default -> loadLowest = Math.min(loadLowest, b.lower());
                }
                assertThat(b.lower()).as("%s lower edge at row %d", b.metric(), i).isGreaterThanOrEqualTo(0);
                assertThat(b.expected()).as("%s expected at row %d", b.metric(), i).isBetween(b.lower(), b.upper());
                if (b.metric().isPercent()) {
                    assertThat(b.upper()).as("%s upper edge at row %d", b.metric(), i).isLessThanOrEqualTo(100);
                }
            }
        }
        assertThat(scored).isGreaterThan(3_000);
        // the edges reach the limits here (the data goes there), so the test checks the clamp, not a quiet band
        assertThat(cpuHighest).isEqualTo(100.0);
        assertThat(netLowest).isEqualTo(0.0);
        assertThat(loadLowest).isEqualTo(0.0);
    }

    @Test
    void aSeriesInItsOwnUnitsKeepsABandBelowZero() {
        SeriesDetector d = new SeriesDetector(DetectorSettings.defaults(), List.of(Metric.CPU), false, 120);
        Random r = new Random(3);
        for (int i = 0; i < 600; i++) {
            d.next(T0 + 300_000L * i, new double[] {-5 + r.nextGaussian()});
        }
        ExpectedBand b = d.band(0, Instant.EPOCH).orElseThrow();
        assertThat(b.upper()).isLessThan(0);
        assertThat(b.lower()).isLessThan(b.expected());
    }
}
