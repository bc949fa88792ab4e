package io.smartcloudops.agent.config;

/**
 * Everything the agent reads from {@code agent.yaml}, environment variables and flags. One record per
 * section; {@link ConfigLoader} is the only place that builds it.
 */
public record AgentConfig(
        ServerConfig server,
        SourceConfig source,
        StoreConfig store,
        AuthConfig auth,
        LogsConfig logs,
        RedisConfig redis,
        ClusterConfig cluster) {

    public static AgentConfig defaults() {
        return new AgentConfig(ServerConfig.defaults(), SourceConfig.defaults(), StoreConfig.defaults(),
                AuthConfig.defaults(), LogsConfig.defaults(), RedisConfig.defaults(), ClusterConfig.defaults());
    }
}
