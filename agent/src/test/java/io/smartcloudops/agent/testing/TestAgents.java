package io.smartcloudops.agent.testing;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.config.AgentConfig;
import io.smartcloudops.agent.config.ConfigLoader;
import io.smartcloudops.api.client.AgentClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Starts real agents on a free loopback port with known tokens, as users would run them. */
public final class TestAgents {

    public static final String VIEWER_TOKEN = "viewer-token-0123456789";
    public static final String OPERATOR_TOKEN = "operator-token-0123456789";
    /** Alertmanager's and Grafana's token in tests: may post alerts, nothing else. */
    public static final String WEBHOOK_TOKEN = "webhook-token-0123456789";

    private TestAgents() {
    }

    /** Configuration with the test tokens, port 0, logs under {@code workDir}, plus {@code overrides} (dotted keys). */
    public static AgentConfig config(Path workDir, Map<String, String> overrides) {
        Map<String, String> o = new HashMap<>();
        o.put("server.bind", "127.0.0.1:0");
        o.put("auth.viewer_token", VIEWER_TOKEN);
        o.put("auth.operator_token", OPERATOR_TOKEN);
        o.put("auth.webhook_token", WEBHOOK_TOKEN);
        o.put("logs.dir", workDir.resolve("logs").toString());
        o.put("source.backfill", "0s");
        o.putAll(overrides);
        return new ConfigLoader(Map.of()).load(null, o);
    }

    public static Agent start(Path workDir, Map<String, String> overrides) throws Exception {
        return Agent.start(config(workDir, overrides), Map.of(), Clock.systemUTC());
    }

    /** Configuration from an {@code agent.yaml} with {@code yaml} in it, plus the test's server, auth and logs settings. */
    public static AgentConfig config(Path workDir, String yaml) throws IOException {
        Path file = workDir.resolve("agent.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(Map.of()).load(file, Map.of(
                "server.bind", "127.0.0.1:0",
                "auth.viewer_token", VIEWER_TOKEN,
                "auth.operator_token", OPERATOR_TOKEN,
                "auth.webhook_token", WEBHOOK_TOKEN,
                "logs.dir", workDir.resolve("logs").toString(),
                "source.interval", "1h"));
    }

    public static Agent start(AgentConfig config, Clock clock) throws Exception {
        return Agent.start(config, Map.of(), clock);
    }

    public static AgentClient viewer(Agent agent) {
        return AgentClient.create(agent.baseUrl(), VIEWER_TOKEN);
    }

    public static AgentClient operator(Agent agent) {
        return AgentClient.create(agent.baseUrl(), OPERATOR_TOKEN);
    }

    /** A client with the webhook token, as Alertmanager and Grafana call the agent. */
    public static AgentClient webhook(Agent agent) {
        return AgentClient.create(agent.baseUrl(), WEBHOOK_TOKEN);
    }
}
