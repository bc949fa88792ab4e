package io.smartcloudops.agent.config;

import java.time.Duration;

/**
 * In-memory series.
 *
 * @param retention how long samples are kept per host and metric
 * @param maxHosts  hosts beyond this many are ignored (and reported), protecting memory
 */
public record StoreConfig(Duration retention, int maxHosts) {

    public static StoreConfig defaults() {
        return new StoreConfig(Duration.ofHours(24), 5_000);
    }
}
