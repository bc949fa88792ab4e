package io.smartcloudops.agent.config;

import java.time.Duration;

/**
 * In-memory series.
 *
 * @param retention how long samples are kept per host and metric
 * @param maxHosts  hosts beyond this many are ignored (and reported), protecting memory; 0 (the default) = as
 *                  many as the heap holds by the sizing rule ({@code store.HostCapacity})
 */
public record StoreConfig(Duration retention, int maxHosts) {

    /** {@code max_hosts: 0}: the limit follows the heap. */
    public static final int FROM_HEAP = 0;

    public static StoreConfig defaults() {
        return new StoreConfig(Duration.ofHours(24), FROM_HEAP);
    }
}
