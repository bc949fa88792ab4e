package io.smartcloudops.agent.config;

import java.time.Duration;

/**
 * Splitting a fleet between agents ({@code serve --shard i/n}).
 *
 * @param shard     {@code i/n}: this agent is member {@code i} of {@code n}; empty = one agent does everything
 * @param heartbeat how often a member renews its presence in Redis (only with {@code redis.url})
 * @param vnodes    points per member on the consistent-hash ring (more = more even split)
 */
public record ClusterConfig(String shard, Duration heartbeat, int vnodes) {

    public static ClusterConfig defaults() {
        return new ClusterConfig(null, Duration.ofSeconds(2), 64);
    }
}
