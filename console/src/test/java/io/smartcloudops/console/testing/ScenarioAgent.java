package io.smartcloudops.console.testing;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real agent on a free loopback port replaying the test scenario (src/test/resources/scenario:
 * web-1 and db-1) with a viewer and an operator token. Can be stopped and started again on the same
 * port, as an agent that crashed and came back.
 */
public final class ScenarioAgent implements AutoCloseable {

    public static final String OPERATOR_TOKEN = "test-operator-token-0123456789";
    public static final String VIEWER_TOKEN = "test-viewer-token-0123456789";

    private final Path dir;
    private final Path data;
    private final double speed;
    private Path yaml;
    private Agent agent;
    private String bind = "127.0.0.1:0";

    public ScenarioAgent(Path tempDir, double speed) {
        this.dir = tempDir;
        this.data = dir.resolve("scenario");
        this.speed = speed;
        try {
            Files.createDirectories(data);
            for (String f : new String[] {"web-1.csv", "db-1.csv"}) {
                try (InputStream in = ScenarioAgent.class.getResourceAsStream("/scenario/" + f)) {
                    Files.copy(in, data.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An agent replaying the host CSVs of {@code csvDir} (read in place) instead of the test scenario. */
    public ScenarioAgent(Path tempDir, Path csvDir, double speed) {
        this.dir = tempDir;
        this.data = csvDir.toAbsolutePath();
        this.speed = speed;
    }

    /** Adds an agent.yaml (e.g. a remediation section) to the configuration. */
    public ScenarioAgent withYaml(String text) {
        try {
            yaml = Files.writeString(dir.resolve("agent.yaml"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public static Map<String, String> env() {
        return Map.of("SMARTCLOUDOPS_OPERATOR_TOKEN", OPERATOR_TOKEN, "SMARTCLOUDOPS_VIEWER_TOKEN", VIEWER_TOKEN);
    }

    public Map<String, String> overrides() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("source.spec", "replay:" + data + "?speed=" + speed);
        o.put("source.interval", "1s");
        o.put("server.bind", bind);
        o.put("logs.dir", dir.resolve("logs").toString());
        o.put("auth.token_file", dir.resolve("token").toString());
        return o;
    }

    public ScenarioAgent start() {
        try {
            agent = Agent.start(new ConfigLoader(env()).load(yaml, overrides()), env(), Clock.systemUTC());
        } catch (Exception e) {
            throw new IllegalStateException("scenario agent did not start: " + e.getMessage(), e);
        }
        bind = agent.baseUrl().replaceFirst("^http://", "");
        return this;
    }

    public String url() {
        return "http://" + bind;
    }

    public Agent agent() {
        return agent;
    }

    public void stop() {
        if (agent != null) {
            agent.close();
            agent = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
