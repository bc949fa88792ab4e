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
        DetectConfig detect,
        RedisConfig redis,
        ClusterConfig cluster,
        RemediationConfig remediation,
        AwsConfig aws,
        RulesConfig rules,
        SsmConfig ssm,
        ChatConfig chat) {

    public static AgentConfig defaults() {
        return new AgentConfig(ServerConfig.defaults(), SourceConfig.defaults(), StoreConfig.defaults(),
                AuthConfig.defaults(), LogsConfig.defaults(), DetectConfig.defaults(), RedisConfig.defaults(),
                ClusterConfig.defaults(), RemediationConfig.defaults(), AwsConfig.defaults(), RulesConfig.defaults(),
                SsmConfig.defaults(), ChatConfig.defaults());
    }

    /** The same configuration with other tokens (filled from SSM at start). */
    public AgentConfig withAuth(AuthConfig newAuth) {
        return new AgentConfig(server, source, store, newAuth, logs, detect, redis, cluster, remediation, aws, rules, ssm, chat);
    }
}
