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
    /** The series store: 9-11 B a sample of seven metrics at the collector's resolution (bench/store), plus margin. */
    static final long STORE_BYTES_PER_SAMPLE = 14;
    /**
     * Everything else a watched host holds: the detector's state (253 KB) and the band history at 24 h (79 KB),
     * measured by bench/fleet/HostStateBench.java, plus margin.
     */
    static final long DETECTOR_BYTES_PER_HOST = 384L * 1024;

    private HostCapacity() {
    }

    /** Heap one host takes once its retention is full: samples plus detector state. */
    public static long bytesPerHost(Duration retention, Duration interval) {
        long samples = retention.toMillis() / Math.max(1, interval.toMillis());
        return samples * STORE_BYTES_PER_SAMPLE + DETECTOR_BYTES_PER_HOST;
    }

    /** The hosts whose samples at full retention and detector state fit in {@code maxHeapBytes}; at least 1. */
    public static int hostsFor(long maxHeapBytes, Duration retention, Duration interval) {
        long hosts = (maxHeapBytes - BASE_BYTES) / bytesPerHost(retention, interval);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, hosts));
    }

    /** {@link #hostsFor} for this JVM's heap limit ({@code -Xmx}). */
    public static int hostsForThisHeap(Duration retention, Duration interval) {
        return hostsFor(Runtime.getRuntime().maxMemory(), retention, interval);
    }
}
