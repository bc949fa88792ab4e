package io.smartcloudops.agent.testing;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.config.AgentConfig;
import io.smartcloudops.agent.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Starts real agents on a free loopback port with known tokens and a temporary logs directory. */
public final class TestAgents {

    public static final String VIEWER_TOKEN = "viewer-token-0123456789";
    public static final String OPERATOR_TOKEN = "operator-token-0123456789";

    private TestAgents() {
    }

    /** Configuration from {@code yaml} plus the test's server, auth and logs settings. */
    public static AgentConfig config(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("agent.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(Map.of()).load(file, Map.of(
                "server.bind", "127.0.0.1:0",
                "auth.viewer_token", VIEWER_TOKEN,
                "auth.operator_token", OPERATOR_TOKEN,
                "logs.dir", dir.resolve("logs").toString(),
                "source.interval", "1h"));
    }

    public static Agent start(AgentConfig config, Clock clock) throws Exception {
        return Agent.start(config, Map.of(), clock);
    }
}
