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
        assertThat(store.sampleCount("web-1")).as("ring is bounded").isEqualTo(capacity);
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
