package io.smartcloudops.agent.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Everything the agent reads from {@code agent.yaml}, environment variables and flags. One record per
 * section; {@link ConfigLoader} is the only place that builds it. {@code notifications} is the {@code notify:}
 * section (a record component cannot be called {@code notify}).
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
        ChatConfig chat,
        AlertsConfig alerts,
        @JsonProperty("notify") NotifyConfig notifications) {

    public static AgentConfig defaults() {
        return new AgentConfig(ServerConfig.defaults(), SourceConfig.defaults(), StoreConfig.defaults(),
                AuthConfig.defaults(), LogsConfig.defaults(), DetectConfig.defaults(), RedisConfig.defaults(),
                ClusterConfig.defaults(), RemediationConfig.defaults(), AwsConfig.defaults(), RulesConfig.defaults(),
                SsmConfig.defaults(), ChatConfig.defaults(), AlertsConfig.defaults(), NotifyConfig.defaults());
    }

    /** The same configuration with other tokens (filled from SSM at start). */
    public AgentConfig withAuth(AuthConfig newAuth) {
        return new AgentConfig(server, source, store, newAuth, logs, detect, redis, cluster, remediation, aws, rules, ssm, chat,
                alerts, notifications);
    }
}
