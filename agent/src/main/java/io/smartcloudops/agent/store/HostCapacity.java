package io.smartcloudops.agent.store;

import java.time.Duration;

/**
 * The sizing rule of {@code packaging/agent-jvm-options} (docs/architecture.md, "Sizing") read backwards: how
 * many hosts a heap holds. The launcher gives the heap 1.5 times the live set of the hosts it sized for; the
 * default {@code store.max_hosts} is what fits in the whole heap, so a fleet up to about 1.5 times the expected
 * one is served (the collector working harder) and a larger one is refused instead of exhausting the heap.
 * The constants are the script's: change both together ({@code LauncherTest} checks they agree).
 */
public final class HostCapacity {

    /** The agent watching nothing: HTTP server, chat, caches (bench/sidecar). */
    static final long BASE_BYTES = 40L * 1024 * 1024;
    /** The series store: 9-11 B a raw sample of seven metrics at the collector's resolution (bench/store), plus margin. */
    static final long STORE_BYTES_PER_SAMPLE = 14;
    /** A minute row of seven metrics (count, min, max, sum each): 30 B (bench/fleet/HostStateBench.java), plus margin. */
    static final long STORE_BYTES_PER_MINUTE = 36;
    /**
     * Everything else a watched host holds: the detector's state (182 KB with session 5's settings) and the band
     * history at 24 h (34 KB, compressed), measured by bench/fleet/HostStateBench.java, plus margin.
     */
    static final long DETECTOR_BYTES_PER_HOST = 256L * 1024;

    private HostCapacity() {
    }

    /** Heap one host takes once its retention is full, at the default raw retention. */
    public static long bytesPerHost(Duration retention, Duration interval) {
        return bytesPerHost(retention, SeriesStore.DEFAULT_RAW_RETENTION, interval);
    }

    /**
     * Heap one host takes once its retention is full: raw samples for the raw retention, the up to two blocks
     * ({@link HostSeries#BLOCK} samples each) and the 10 minutes of stagger that wait to be aggregated, minute rows
     * for the rest, and the detector's state.
     */
    public static long bytesPerHost(Duration retention, Duration rawRetention, Duration interval) {
        long retentionMillis = retention.toMillis();
        long rawMillis = Math.min(rawRetention.toMillis(), retentionMillis);
        long step = Math.max(1, interval.toMillis());
        long samples = rawMillis < retentionMillis ? Math.min(retentionMillis / step,
                (rawMillis + HostSeries.STAGGER_MILLIS) / step + 2L * HostSeries.BLOCK) : retentionMillis / step;
        long minutes = (retentionMillis - rawMillis) / MinuteRows.MINUTE_MILLIS;
        return samples * STORE_BYTES_PER_SAMPLE + minutes * STORE_BYTES_PER_MINUTE + DETECTOR_BYTES_PER_HOST;
    }

    /** {@link #hostsFor(long, Duration, Duration, Duration)} at the default raw retention. */
    public static int hostsFor(long maxHeapBytes, Duration retention, Duration interval) {
        return hostsFor(maxHeapBytes, retention, SeriesStore.DEFAULT_RAW_RETENTION, interval);
    }

    /** The hosts whose samples at full retention and detector state fit in {@code maxHeapBytes}; at least 1. */
    public static int hostsFor(long maxHeapBytes, Duration retention, Duration rawRetention, Duration interval) {
        long hosts = (maxHeapBytes - BASE_BYTES) / bytesPerHost(retention, rawRetention, interval);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, hosts));
    }

    /** {@link #hostsFor} for this JVM's heap limit ({@code -Xmx}). */
    public static int hostsForThisHeap(Duration retention, Duration rawRetention, Duration interval) {
        return hostsFor(Runtime.getRuntime().maxMemory(), retention, rawRetention, interval);
    }
}
