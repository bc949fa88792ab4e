package io.smartcloudops.agent;

import io.smartcloudops.agent.auth.Authenticators;
import io.smartcloudops.agent.auth.TokenFile;
import io.smartcloudops.agent.auth.WhoAmIRoutes;
import io.smartcloudops.agent.collect.Collector;
import io.smartcloudops.agent.collect.MetricSource;
import io.smartcloudops.agent.collect.SourceException;
import io.smartcloudops.agent.collect.SourceSpec;
import io.smartcloudops.agent.collect.Sources;
import io.smartcloudops.agent.config.AgentConfig;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.agent.http.AgentServer;
import io.smartcloudops.agent.http.CoreRoutes;
import io.smartcloudops.agent.http.EventStream;
import io.smartcloudops.agent.http.RouteGroup;
import io.smartcloudops.agent.metrics.AgentMetrics;
import io.smartcloudops.agent.status.StatusService;
import io.smartcloudops.agent.store.SeriesStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The composition root: builds every part of the agent from its configuration, starts them, and stops
 * them in reverse order. Used by {@code serve}, by the console's embedded mode and by tests.
 */
public final class Agent implements AutoCloseable {

    private final AgentConfig config;
    private final Clock clock;
    private final EventBus bus;
    private final SeriesStore store;
    private final AgentMetrics metrics;
    private final Collector collector;
    private final StatusService status;
    private final EventStream events;
    private final AgentServer server;
    private final Optional<TokenFile.Generated> generatedToken;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    private Agent(AgentConfig config, Map<String, String> env, Clock clock) throws SourceException {
        this.config = config;
        this.clock = clock;
        this.bus = new EventBus();
        Authenticators.Result auth = Authenticators.fromConfig(config.auth(), env);
        this.generatedToken = auth.generated();
        this.store = new SeriesStore(clock, config.store().retention(), config.source().interval(), config.store().maxHosts());
        MetricSource source = Sources.create(SourceSpec.parse(config.source().spec()), config.source(), clock);
        String version = AgentVersion.get();
        Collector[] holder = new Collector[1];
        this.metrics = new AgentMetrics(version, () -> holder[0].status(), store);
        this.collector = new Collector(source, store, bus, clock, config.source().interval(),
                config.source().maxBackoff(), config.source().backfill(), metrics);
        holder[0] = collector;
        this.status = new StatusService(version, clock, collector::status, store);
        this.events = new EventStream(bus);

        List<RouteGroup> routes = new ArrayList<>();
        routes.add(new CoreRoutes(status, store, metrics, events, clock, config.server().metricsRequireToken()));
        routes.add(new WhoAmIRoutes(clock));
        this.server = new AgentServer(config.server(), auth.authenticator(), routes);
    }

    /** Builds and starts an agent: HTTP first (so a failing source is visible), then collection. */
    public static Agent start(AgentConfig config, Map<String, String> env, Clock clock) throws SourceException {
        Agent agent = new Agent(config, env, clock);
        agent.server.start();
        agent.collector.start();
        return agent;
    }

    public AgentConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public EventBus bus() {
        return bus;
    }

    public SeriesStore store() {
        return store;
    }

    public Collector collector() {
        return collector;
    }

    public StatusService status() {
        return status;
    }

    public AgentServer server() {
        return server;
    }

    public AgentMetrics metrics() {
        return metrics;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** The token this start generated or reused from the token file, when none was configured. */
    public Optional<TokenFile.Generated> generatedToken() {
        return generatedToken;
    }

    @Override
    public void close() {
        collector.close();
        events.close();
        server.close();
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(Agent.class).warn("closing {} failed", closeables.get(i), e);
            }
        }
    }
}
