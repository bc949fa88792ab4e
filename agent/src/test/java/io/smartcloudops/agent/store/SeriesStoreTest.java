package io.smartcloudops.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.agent.testing.MutableClock;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.series.SeriesPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private static HostSample sample(String host, Instant t, double cpu) {
        return new HostSample(host, t, Map.of(Metric.CPU, cpu, Metric.MEM, 50.0));
    }

    @Test
    void keepsOnlyTheRetentionAndWrapsTheRing() {
        MutableClock clock = new MutableClock(T0);
        SeriesStore store = new SeriesStore(clock, Duration.ofMinutes(10), Duration.ofSeconds(5), 10);
        int capacity = store.capacityPerHost();
        assertThat(capacity).isBetween(120, 200);
        int n = 3 * capacity;
        for (int i = 0; i < n; i++) {
            store.append(sample("web-1", T0.plusSeconds(5L * i), i));
        }
        clock.set(T0.plusSeconds(5L * (n - 1)));
        assertThat(store.sampleCount("web-1")).as("bounded: the retention's samples, at most one block over the capacity")
                .isBetween(121, capacity + HostSeries.BLOCK);
        List<SeriesPoint> all = store.series("web-1", Metric.CPU, Instant.EPOCH);
        assertThat(all).as("10 minutes at 5 s, both ends included").hasSize(121);
        assertThat(all.getFirst().timestamp()).isEqualTo(clock.instant().minus(Duration.ofMinutes(10)));
        assertThat(all.getLast().value()).isEqualTo(n - 1);
        assertThat(all).isSortedAccordingTo((a, b) -> a.timestamp().compareTo(b.timestamp()));
    }

    @Test
    void sinceFiltersAndAbsentMetricsStayAbsent() {
        MutableClock clock = new MutableClock(T0);
        SeriesStore store = new SeriesStore(clock, Duration.ofHours(1), Duration.ofSeconds(5), 10);
        store.append(new HostSample("db-1", T0, Map.of(Metric.MEM, 40.0)));
        store.append(sample("db-1", T0.plusSeconds(5), 10));
        store.append(sample("db-1", T0.plusSeconds(10), 20));
        clock.set(T0.plusSeconds(10));
        assertThat(store.series("db-1", Metric.CPU, T0)).extracting(SeriesPoint::value).containsExactly(10.0, 20.0);
        assertThat(store.series("db-1", Metric.CPU, T0.plusSeconds(6))).extracting(SeriesPoint::value).containsExactly(20.0);
        assertThat(store.series("db-1", Metric.LOAD1, T0)).as("never reported: empty, not zeros").isEmpty();
        assertThat(store.series("nope", Metric.CPU, T0)).isEmpty();
        assertThat(store.latestValues("db-1")).containsEntry(Metric.CPU, 20.0).containsEntry(Metric.MEM, 50.0);
    }

    @Test
    void refusesOldSamplesAndHostsBeyondTheLimit() {
        MutableClock clock = new MutableClock(T0);
        SeriesStore store = new SeriesStore(clock, Duration.ofHours(1), Duration.ofSeconds(5), 2);
        assertThat(store.append(sample("a", T0.plusSeconds(10), 1))).isTrue();
        assertThat(store.append(sample("a", T0.plusSeconds(10), 2))).as("same time").isFalse();
        assertThat(store.append(sample("a", T0, 3))).as("older").isFalse();
        assertThat(store.append(sample("b", T0, 1))).isTrue();
        assertThat(store.append(sample("c", T0, 1))).as("third host over max_hosts=2").isFalse();
        assertThat(store.hosts()).containsExactly("a", "b");
        assertThat(store.refusedHosts()).containsExactly("c");
    }

    @Test
    void refusedHostsAreShownInTheStatusAndWarnedOnceThenAtMostEveryTenMinutes() {
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(SeriesStore.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        log.addAppender(logged);
        try {
            MutableClock clock = new MutableClock(T0);
            SeriesStore store = new SeriesStore(clock, Duration.ofHours(1), Duration.ofSeconds(5), 1, "store.max_hosts");
            assertThat(store.append(sample("a", T0, 1))).isTrue();
            assertThat(store.append(sample("c", T0, 1))).isFalse();
            assertThat(store.append(sample("b", T0, 1))).isFalse();
            assertThat(store.append(sample("c", T0.plusSeconds(5), 1))).as("still refused").isFalse();
            assertThat(logged.list).as("one warning for the first refused host").hasSize(1);
            assertThat(logged.list.getFirst().getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
            assertThat(logged.list.getFirst().getFormattedMessage())
                    .contains("series store full: 1 hosts (store.max_hosts); not storing host c (1 host refused")
                    .contains("Raise store.max_hosts");
            assertThat(store.status()).containsEntry("hosts", 1).containsEntry("max_hosts", 1)
                    .containsEntry("max_hosts_from", "store.max_hosts").containsEntry("refused_hosts", 2)
                    .containsEntry("refused_hosts_first", List.of("b", "c"));

            clock.advance(SeriesStore.REFUSAL_WARNING_EVERY);
            store.append(sample("d", T0.plusSeconds(600), 1));
            store.append(sample("e", T0.plusSeconds(600), 1));
            assertThat(logged.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .as("ten minutes later: one more warning with the count, then quiet again").hasSize(2)
                    .last().asString().contains("not storing host d (3 hosts refused since start");
        } finally {
            log.detachAppender(logged);
        }
    }

    @Test
    void answersLikeAPlainListOfEverySampleKept() {
        long seed = Long.getLong("hostile.seed", System.nanoTime());
        System.out.println("SeriesStoreTest seed=" + seed + " (replay with -Dhostile.seed=" + seed + ")");
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        MutableClock clock = new MutableClock(T0);
        SeriesStore store = new SeriesStore(clock, Duration.ofHours(1), Duration.ofSeconds(5), 10);
        java.util.List<HostSample> kept = new java.util.ArrayList<>();
        Instant t = T0;
        for (int i = 0; i < 2_000; i++) {
            Instant at = random.nextInt(10) == 0 ? t.minusSeconds(random.nextInt(20)) : t;  // duplicates and older ones
            Map<Metric, Double> v = new java.util.EnumMap<>(Metric.class);
            for (Metric m : Metric.values()) {
                if (random.nextInt(8) != 0) {
                    v.put(m, random.nextInt(4) == 0 ? Math.round(random.nextDouble() * 1000) / 10.0 : random.nextDouble() * 1e6);
                }
            }
            HostSample s = new HostSample("h", at, v);
            boolean newer = kept.isEmpty() || at.isAfter(kept.getLast().timestamp());
            assertThat(store.append(s)).as("sample %d at %s", i, at).isEqualTo(newer);
            if (newer) {
                kept.add(s);
                t = at.plusMillis(4_000 + random.nextInt(2_000));
            }
            if (i % 97 == 0) {
                clock.set(kept.getLast().timestamp());
                Instant since = clock.instant().minusSeconds(random.nextInt(4_000));
                Instant from = since.isBefore(clock.instant().minus(Duration.ofHours(1))) ? clock.instant().minus(Duration.ofHours(1)) : since;
                java.util.List<HostSample> expected = kept.stream().filter(k -> !k.timestamp().isBefore(from)).toList();
                assertThat(store.samples("h", since)).as("samples since %s", since).isEqualTo(expected);
                Metric m = Metric.values()[random.nextInt(Metric.values().length)];
                assertThat(store.series("h", m, since)).as("%s since %s", m, since).isEqualTo(expected.stream()
                        .filter(k -> k.values().containsKey(m)).map(k -> new SeriesPoint(k.timestamp(), k.values().get(m))).toList());
                assertThat(store.latest("h")).contains(kept.getLast());
            }
        }
    }

    @Test
    void aCorruptBlockIsDroppedAndCountedAndQueriesGoOn() {
        MutableClock clock = new MutableClock(T0);
        SeriesStore store = new SeriesStore(clock, Duration.ofHours(24), Duration.ofSeconds(5), 10);
        int n = 3 * HostSeries.BLOCK + 10;
        for (int i = 0; i < n; i++) {
            store.append(sample("a", T0.plusSeconds(5L * i), i));
        }
        clock.set(T0.plusSeconds(5L * (n - 1)));
        HostSeries series = store.seriesOf("a").orElseThrow();
        assertThat(series.sealedBlocks()).isEqualTo(3);
        series.replaceBlock(1, b -> {
            long[] bits = b.copyOfBits();
            bits[0] ^= 0x40L;  // inside the timestamps, which every query decodes
            return new SealedBlock(b.firstTime(), b.lastTime(), b.count(), bits, b.copyOfEnds(), b.copyOfChecksums());
        });
        series.replaceBlock(2, b -> {
            long[] bits = java.util.Arrays.copyOf(b.copyOfBits(), 3);  // truncated, checksum recomputed: decoding must notice
            return new SealedBlock(b.firstTime(), b.lastTime(), b.count(), bits, b.copyOfEnds(), SealedBlock.checksums(bits, b.copyOfEnds()));
        });

        List<SeriesPoint> cpu = store.series("a", Metric.CPU, Instant.EPOCH);
        assertThat(cpu).as("blocks 0 and the head survive").hasSize(HostSeries.BLOCK + 10);
        assertThat(cpu.getFirst().value()).isEqualTo(0.0);
        assertThat(cpu.get(HostSeries.BLOCK).value()).isEqualTo(3 * HostSeries.BLOCK);
        assertThat(store.corruptBlocksDropped()).isEqualTo(2);
        assertThat(store.sampleCount("a")).isEqualTo(HostSeries.BLOCK + 10);
        assertThat(store.samples("a", Instant.EPOCH)).hasSize(HostSeries.BLOCK + 10);
        assertThat(store.corruptBlocksDropped()).as("counted once").isEqualTo(2);
        assertThat(store.append(sample("a", clock.instant().plusSeconds(5), 1))).as("the agent keeps storing").isTrue();
    }

    @Test
    void aDayOfCollectedSamplesTakesAFractionOfRawArrays() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        MutableClock clock = new MutableClock(T0);
        SeriesStore store = new SeriesStore(clock, Duration.ofHours(24), Duration.ofSeconds(5), 10);
        int n = 24 * 720;
        for (int i = 0; i < n; i++) {
            double wave = Math.sin(i / 500.0);
            Map<Metric, Double> v = new java.util.EnumMap<>(Metric.class);
            v.put(Metric.CPU, 30 + 10 * wave + 5 * random.nextDouble());  // full precision, as sources compute them
            v.put(Metric.MEM, 60 + wave + random.nextDouble() / 10);
            v.put(Metric.DISK, 41.5 + i / 1e5);
            v.put(Metric.DISK_IO, 3 * random.nextDouble());
            v.put(Metric.NET_IN, 1e5 + 3e4 * wave + 1e4 * random.nextDouble());
            v.put(Metric.NET_OUT, 5e4 + 1e4 * random.nextDouble());
            v.put(Metric.LOAD1, Math.round((0.6 + 0.3 * wave) * 100) / 100.0);
            HostSample s = io.smartcloudops.agent.collect.SampleResolution.apply(
                    new HostSample("h", T0.plusMillis(5_000L * i + random.nextInt(5)), v));
            assertThat(store.append(s)).isTrue();
        }
        long perSample = store.footprintBytes() / n;
        assertThat(perSample).as("bytes per sample of 7 metrics; raw arrays take 64").isLessThan(20);
        clock.set(T0.plusSeconds(5L * (n - 1)));
        assertThat(store.series("h", Metric.CPU, Instant.EPOCH)).hasSize(n);
    }

    @Test
    void ringsGrowWithTheDataNotUpFront() {
        MutableClock clock = new MutableClock(T0);
        SeriesStore store = new SeriesStore(clock, Duration.ofHours(24), Duration.ofSeconds(5), 10);
        store.append(sample("a", T0, 1));
        long small = store.footprintBytes();
        assertThat(small).isLessThan(32 * 1024);
        for (int i = 1; i < 2000; i++) {
            store.append(sample("a", T0.plusSeconds(5L * i), i));
        }
        assertThat(store.footprintBytes()).isGreaterThan(small);
        clock.set(T0.plusSeconds(5L * 1999));
        assertThat(store.series("a", Metric.CPU, Instant.EPOCH)).hasSize(2000);
    }
}
