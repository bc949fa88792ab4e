package io.smartcloudops.agent.config;

/**
 * Shared state for several agents (chat context, recent anomalies, idempotency keys, shard membership).
 *
 * @param url       {@code redis://[user:password@]host:port[/db]}; empty = no Redis, everything in memory
 * @param keyPrefix prefix of every key the agents write, so one Redis can serve several fleets
 */
public record RedisConfig(String url, String keyPrefix) {

    public static RedisConfig defaults() {
        return new RedisConfig(null, "smartcloudops:");
    }

    public boolean enabled() {
        return url != null && !url.isBlank();
    }
}
