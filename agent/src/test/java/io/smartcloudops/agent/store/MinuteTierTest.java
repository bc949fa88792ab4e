package io.smartcloudops.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.agent.testing.MutableClock;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.series.SeriesPoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The store's two tiers: raw samples for store.raw_retention, one row a minute (count, min, max, mean) before. */
class MinuteTierTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final Duration RETENTION = Duration.ofHours(6);
    private static final Duration RAW = Duration.ofMinutes(30);

    @Test
    void olderSamplesAreExactMinuteAggregatesAndRecentOnesStayRawBitForBit() {
        long seed = Long.getLong("hostile.seed", System.nanoTime());
        System.out.println("MinuteTierTest seed=" + seed + " (replay with -Dhostile.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        MutableClock clock = new MutableClock(T0);
        SeriesStore store = new SeriesStore(clock, RETENTION, RAW, Duration.ofSeconds(5), 10, "test");
        List<HostSample> kept = new ArrayList<>();
        long t = T0.toEpochMilli();
        int n = 5 * 720;  // five hours at 5 s (and jitter): minute rows, and raw samples waiting to be aggregated
        for (int i = 0; i < n; i++) {
            Map<Metric, Double> v = new EnumMap<>(Metric.class);
            boolean fullPrecisionMinute = (t / 60_000) % 7 == 0;  // now and then a minute of unrounded doubles
            for (Metric m : Metric.values()) {
                if (random.nextInt(10) == 0) {
                    continue;  // absent
                }
                double x = 50 + 20 * Math.sin(i / 300.0) + random.nextDouble() * 5;
                v.put(m, fullPrecisionMinute ? x : m == Metric.LOAD1 ? Math.round(x * 100) / 100.0 : Math.round(x * 1000) / 1000.0);
            }
            if (i == 1_000) {
                v.put(Metric.CPU, 99.999);  // a 5 s spike: the minute's max keeps it
            }
            HostSample s = new HostSample("h", Instant.ofEpochMilli(t), v);
            assertThat(store.append(s)).isTrue();
            kept.add(s);
            t += 4_000 + random.nextInt(2_000);
        }
        clock.set(kept.getLast().timestamp());
        assertThat(store.seriesOf("h").orElseThrow().minuteBlockCount()).as("blocks of minute rows made, and grown").isGreaterThanOrEqualTo(2);

        for (Metric m : Metric.values()) {
            List<SeriesPoint> points = store.series("h", m, Instant.EPOCH);
            List<SeriesPoint> minutes = points.stream().filter(SeriesPoint::aggregated).toList();
            List<SeriesPoint> raw = points.stream().filter(p -> !p.aggregated()).toList();
            assertThat(minutes).as("%s: minute rows", m).isNotEmpty();
            assertThat(points.subList(0, minutes.size())).as("minute rows first, then raw samples").isEqualTo(minutes);
            Instant rawFrom = raw.getFirst().timestamp();
            assertThat(rawFrom).as("every sample of the raw retention is raw, older ones wait at most two blocks and the stagger")
                    .isBeforeOrEqualTo(clock.instant().minus(RAW))
                    .isAfter(clock.instant().minus(RAW).minus(Duration.ofMinutes(35)));
            assertThat(raw).as("%s: raw samples, bit for bit", m).isEqualTo(kept.stream()
                    .filter(k -> !k.timestamp().isBefore(rawFrom) && k.values().containsKey(m))
                    .map(k -> new SeriesPoint(k.timestamp(), k.values().get(m))).toList());

            Map<Long, List<Double>> byMinute = new TreeMap<>();
            for (HostSample k : kept) {
                if (k.timestamp().isBefore(rawFrom) && k.values().containsKey(m)) {
                    byMinute.computeIfAbsent(k.timestamp().toEpochMilli() / 60_000 * 60_000, x -> new ArrayList<>())
                            .add(k.values().get(m));
                }
            }
            assertThat(minutes).extracting(p -> p.timestamp().toEpochMilli()).as("one row per minute with samples")
                    .containsExactlyElementsOf(byMinute.keySet());
            for (SeriesPoint p : minutes) {
                List<Double> xs = byMinute.get(p.timestamp().toEpochMilli());
                assertThat(p.samples()).isEqualTo(xs.size());
                assertThat(p.min()).isEqualTo(xs.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
                assertThat(p.max()).isEqualTo(xs.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
                assertThat(p.value()).as("%s mean at %s of %s", m, p.timestamp(), xs).isEqualTo(mean(xs));
            }
        }
        SeriesPoint spike = store.series("h", Metric.CPU, Instant.EPOCH).stream()
                .filter(p -> p.aggregated() && p.max() == 99.999).findFirst().orElseThrow();
        assertThat(spike.value()).as("the mean alone would hide it").isLessThan(99);
    }

    /**
     * The mean as the store defines it: the exact sum of short decimals (while its digits fit in 53 bits; else the
     * doubles' sum in order) / count.
     */
    private static double mean(List<Double> xs) {
        boolean decimal = xs.stream().allMatch(x -> GorillaCodec.decimalExponent(x) >= 0);
        BigDecimal sum = xs.stream().map(BigDecimal::valueOf).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (decimal && sum.unscaledValue().abs().bitLength() <= 53) {
            return sum.doubleValue() / xs.size();
        }
        double total = 0;
        for (double x : xs) {
            total += x;
        }
        return total / xs.size();
    }

    @Test
    void aCorruptMinuteBlockIsDroppedAndCountedAndTheRestIsServed() {
        MutableClock clock = new MutableClock(T0);
        SeriesStore store = new SeriesStore(clock, Duration.ofHours(24), Duration.ofMinutes(10), Duration.ofSeconds(5), 10, "test");
        int n = 720 * 6;  // six hours: two or three blocks of minute rows
        for (int i = 0; i < n; i++) {
            store.append(new HostSample("a", T0.plusSeconds(5L * i), Map.of(Metric.CPU, (double) (i % 100), Metric.MEM, 50.0)));
        }
        clock.set(T0.plusSeconds(5L * (n - 1)));
        HostSeries series = store.seriesOf("a").orElseThrow();
        assertThat(series.minuteBlockCount()).isBetween(2, 3);
        long minutesBefore = store.series("a", Metric.CPU, Instant.EPOCH).stream().filter(SeriesPoint::aggregated).count();
        int[] damagedRows = new int[1];
        series.replaceMinuteBlock(0, b -> {
            damagedRows[0] = b.count();
            long[] bits = b.copyOfBits();
            bits[0] ^= 0x1000L;  // inside the minutes' timestamps, which every query decodes
            return new SealedBlock(b.firstTime(), b.lastTime(), b.count(), bits, b.copyOfEnds(), b.copyOfChecksums());
        });
        List<SeriesPoint> cpu = store.series("a", Metric.CPU, Instant.EPOCH);
        assertThat(damagedRows[0]).isGreaterThanOrEqualTo(HostSeries.MINUTE_ROWS);
        assertThat(cpu.stream().filter(SeriesPoint::aggregated).count()).as("the other blocks' rows")
                .isEqualTo(minutesBefore - damagedRows[0]);
        assertThat(store.corruptBlocksDropped()).isEqualTo(1);
        assertThat(store.series("a", Metric.CPU, Instant.EPOCH)).hasSize(cpu.size());
        assertThat(store.corruptBlocksDropped()).as("counted once").isEqualTo(1);
        assertThat(store.append(new HostSample("a", clock.instant().plusSeconds(5), Map.of(Metric.CPU, 1.0)))).isTrue();
    }

    @Test
    void aDayAtTheCollectorsResolutionTakesAFractionOfRawSamplesAndStaysBounded() {
        SplittableRandom random = new SplittableRandom(7);
        MutableClock clock = new MutableClock(T0);
        SeriesStore raw = new SeriesStore(clock, Duration.ofHours(24), Duration.ofSeconds(5), 10);
        SeriesStore tiered = new SeriesStore(clock, Duration.ofHours(24), Duration.ofHours(1), Duration.ofSeconds(5), 10, "test");
        int n = 2 * 24 * 720;
        for (int i = 0; i < n; i++) {
            double wave = Math.sin(i / 500.0);
            Map<Metric, Double> v = new EnumMap<>(Metric.class);
            v.put(Metric.CPU, 30 + 10 * wave + 5 * random.nextDouble());
            v.put(Metric.MEM, 60 + wave + random.nextDouble() / 10);
            v.put(Metric.NET_IN, 1e5 + 3e4 * wave + 1e4 * random.nextDouble());
            v.put(Metric.LOAD1, 0.6 + 0.3 * wave);
            HostSample s = io.smartcloudops.agent.collect.SampleResolution.apply(
                    new HostSample("h", T0.plusMillis(5_000L * i + random.nextInt(5)), v));
            raw.append(s);
            tiered.append(s);
        }
        clock.set(T0.plusSeconds(5L * (n - 1)));
        assertThat(tiered.footprintBytes()).as("minute rows for 23 h, raw samples for the last hour")
                .isLessThan(raw.footprintBytes() / 2);
        assertThat(tiered.rawSamplesHeld()).as("the raw hour and at most the stagger and two blocks waiting")
                .isBetween(720L, 720L + HostSeries.STAGGER_MILLIS / 5_000 + 2 * HostSeries.BLOCK);
        assertThat(tiered.samplesHeld()).as("a day's samples, raw or in minutes").isBetween(24 * 720L - 2, 24 * 720L + 2 * 720);
        List<SeriesPoint> day = tiered.series("h", Metric.CPU, Instant.EPOCH);
        assertThat(day.getFirst().timestamp()).isAfterOrEqualTo(clock.instant().minus(Duration.ofHours(24)).minusSeconds(60));
        assertThat(Duration.between(day.getFirst().timestamp(), day.getLast().timestamp())).isGreaterThan(Duration.ofHours(23));
    }
}
