package io.smartcloudops.console.connection;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.collect.SourceException;
import io.smartcloudops.agent.config.AgentConfig;
import io.smartcloudops.agent.config.ConfigLoader;
import io.smartcloudops.agent.config.UserDirs;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent the console starts in its own process when no remote agent is configured: it watches this
 * machine (source {@code local}), listens on 127.0.0.1 (port 8080 when free, else any free port) and
 * uses the token it generates for itself, so a newcomer sees live charts with no setup.
 */
public final class EmbeddedAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedAgent.class);
    static final String PREFERRED_BIND = "127.0.0.1:8080";

    private final Agent agent;
    private final String token;

    private EmbeddedAgent(Agent agent, String token) {
        this.agent = agent;
        this.token = token;
    }

    /**
     * Starts the agent.
     *
     * @param env       the environment ({@code SMARTCLOUDOPS_*} settings apply as for {@code serve})
     * @param overrides dotted config keys, e.g. {@code source.spec}; null values are ignored
     */
    public static EmbeddedAgent start(Map<String, String> env, Map<String, String> overrides, Clock clock)
            throws SourceException {
        return start(env, overrides, clock, null);
    }

    /**
     * Starts the agent with an {@code agent.yaml} (as {@code serve --config} reads it), when the file exists:
     * the way to give the embedded agent remediation targets, allowed units or rules.
     *
     * @param configFile the agent configuration file; ignored when null or missing
     */
    public static EmbeddedAgent start(Map<String, String> env, Map<String, String> overrides, Clock clock, Path configFile)
            throws SourceException {
        Path yaml = configFile != null && java.nio.file.Files.isRegularFile(configFile) ? configFile : null;
        Map<String, String> o = new LinkedHashMap<>(overrides);
        if (!env.containsKey("SMARTCLOUDOPS_LOGS_DIR") && o.get("logs.dir") == null) {
            o.put("logs.dir", dataDir(env).resolve("logs").toString());
        }
        boolean bindChosen = o.get("server.bind") != null || env.containsKey("SMARTCLOUDOPS_BIND")
                || env.containsKey("SMARTCLOUDOPS_SERVER_BIND");
        if (!bindChosen) {
            o.put("server.bind", PREFERRED_BIND);
        }
        ConfigLoader loader = new ConfigLoader(env);
        Agent agent;
        try {
            agent = Agent.start(loader.load(yaml, o), env, clock);
        } catch (RuntimeException e) {
            if (bindChosen || !causedByBind(e)) {
                throw e;
            }
            LOG.info("{} is taken: the embedded agent takes a free port instead", PREFERRED_BIND);
            o.put("server.bind", "127.0.0.1:0");
            agent = Agent.start(loader.load(yaml, o), env, clock);
        }
        AgentConfig cfg = agent.config();
        String token = agent.generatedToken().map(g -> g.token())
                .orElseGet(() -> firstNonBlank(cfg.auth().operatorToken(), cfg.auth().viewerToken()));
        return new EmbeddedAgent(agent, token);
    }

    /** The agent.yaml the embedded agent reads, beside the console's settings. */
    public static Path configFile(Path settingsDir) {
        return settingsDir.resolve("agent.yaml");
    }

    /** {@code $XDG_DATA_HOME/smartcloudops}, else {@code ~/.local/share/smartcloudops}: where the embedded agent's logs go. */
    public static Path dataDir(Map<String, String> env) {
        return UserDirs.dataHome(env).resolve("smartcloudops");
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b == null ? "" : b;
    }

    public AgentEndpoint endpoint() {
        return new AgentEndpoint(agent.baseUrl(), token, true);
    }

    public Agent agent() {
        return agent;
    }

    /** Where the generated token is kept, when the agent generated one (shown in Settings). */
    public java.util.Optional<Path> tokenFile() {
        return agent.generatedToken().map(g -> g.path());
    }

    @Override
    public void close() {
        agent.close();
    }
}
