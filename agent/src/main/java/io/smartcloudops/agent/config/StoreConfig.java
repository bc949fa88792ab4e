package io.smartcloudops.agent.config;

import java.time.Duration;

/**
 * In-memory series.
 *
 * @param retention    how long samples are kept per host and metric
 * @param maxHosts     hosts beyond this many are ignored (and reported), protecting memory; 0 (the default) = as
 *                     many as the heap holds by the sizing rule ({@code store.HostCapacity})
 * @param rawRetention how long every sample is kept as collected; older ones are kept as one row a minute (mean,
 *                     min, max and count per metric) up to {@code retention}. At or above the retention: raw only
 */
public record StoreConfig(Duration retention, int maxHosts, Duration rawRetention) {

    /** {@code max_hosts: 0}: the limit follows the heap. */
    public static final int FROM_HEAP = 0;
    /** {@code store.raw_retention}'s default: every sample for the last hour, minute rows before. */
    public static final Duration DEFAULT_RAW_RETENTION = Duration.ofHours(1);

    public static StoreConfig defaults() {
        return new StoreConfig(Duration.ofHours(24), FROM_HEAP, DEFAULT_RAW_RETENTION);
    }
}
