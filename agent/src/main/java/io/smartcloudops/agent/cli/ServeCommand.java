package io.smartcloudops.agent.cli;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.AgentVersion;
import io.smartcloudops.agent.auth.TokenFile;
import io.smartcloudops.agent.collect.SourceException;
import io.smartcloudops.agent.config.AgentConfig;
import io.smartcloudops.agent.config.BindAddress;
import io.smartcloudops.agent.config.ConfigLoader;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: the continuous agent, until SIGTERM/SIGINT. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the agent: collect metrics, score them, serve the REST API and /metrics.",
                "Precedence: built-in defaults < --config file < SMARTCLOUDOPS_* environment < options."},
        footerHeading = "%nExamples:%n",
        footer = {"  serve                                   # this machine, http://127.0.0.1:8080",
                "  serve --source prometheus:http://127.0.0.1:9090",
                "  serve --source node-exporter:http://10.0.1.5:9100,http://10.0.1.6:9100",
                "  serve --source 'replay:incident.csv?speed=60' --bind 127.0.0.1:0"})
public final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "agent.yaml (see agent/agent.example.yaml)")
    Path config;

    @Option(names = "--source", paramLabel = "SPEC",
            description = "local (default) | prometheus:URL | node-exporter:URL[,URL...] | replay:CSV[?speed=N]")
    String source;

    @Option(names = "--bind", paramLabel = "HOST:PORT", description = "listen address (default 127.0.0.1:8080; port 0 = any free port)")
    String bind;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "score and remediate only this agent's share of the hosts (consistent hashing); with redis.url, shares move when agents stop")
    String shard;

    @Option(names = "--logs-dir", paramLabel = "DIR", description = "audit and anomaly logs (default ./logs)")
    String logsDir;

    @Override
    public Integer call() throws Exception {
        ConfigLoader loader = new ConfigLoader(System.getenv());
        AgentConfig cfg = loader.load(config, overrides());
        PrintWriter out = spec.commandLine().getOut();
        loader.misspeltVariables().forEach(note -> spec.commandLine().getErr().println("warning: " + note));
        spec.commandLine().getErr().flush();
        Agent agent;
        try {
            agent = Agent.start(cfg, System.getenv(), Clock.systemUTC());
        } catch (SourceException e) {
            throw new UsageException("source " + cfg.source().spec() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (hasCause(e, BindException.class)) {
                throw new IllegalStateException("cannot listen on " + cfg.server().bind()
                        + ": the address is in use or not available (choose another with --bind)", e);
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            stopped.countDown();
        }, "shutdown"));
        printBanner(out, agent, cfg);
        stopped.await();
        return AgentMain.OK;
    }

    private Map<String, String> overrides() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("source.spec", source);
        o.put("server.bind", bind);
        o.put("logs.dir", logsDir);
        o.put("cluster.shard", shard);
        return o;
    }

    static void printBanner(PrintWriter out, Agent agent, AgentConfig cfg) {
        out.println("Smart Cloud Ops agent " + AgentVersion.get() + " serving " + agent.baseUrl()
                + " (source: " + cfg.source().spec() + ", every " + io.smartcloudops.api.time.DurationText.format(cfg.source().interval()) + ")");
        exposureNote(BindAddress.parse("server.bind", cfg.server().bind()), URI.create(agent.baseUrl()).getPort()).ifPresent(out::println);
        if (agent.generatedToken().isPresent()) {
            TokenFile.Generated t = agent.generatedToken().get();
            out.println((t.created() ? "No API token configured: generated one" : "Using the operator token")
                    + " in " + t.path() + " (readable only by you).");
            out.println("Try:  curl -H \"Authorization: Bearer $(cat " + t.path() + ")\" " + agent.baseUrl() + "/status");
        } else {
            out.println("Try:  curl -H \"Authorization: Bearer $SMARTCLOUDOPS_VIEWER_TOKEN\" " + agent.baseUrl() + "/status");
        }
        out.println("Prometheus metrics: " + agent.baseUrl() + "/metrics    Stop with Ctrl+C.");
        out.flush();
    }

    /**
     * What a bind beyond loopback means, said at start: the URL above names 127.0.0.1 for a wildcard bind,
     * which alone would hide that other machines can reach the port.
     */
    static Optional<String> exposureNote(BindAddress bind, int port) {
        if (bind.isLoopback()) {
            return Optional.empty();
        }
        boolean everyInterface = bind.host().equals("0.0.0.0") || bind.host().equals("::") || bind.host().isEmpty();
        String address = (bind.host().contains(":") ? "[" + bind.host() + "]" : bind.host()) + ":" + port;
        String where = everyInterface ? "every network interface (" + address + ")" : address;
        return Optional.of("Listening on " + where + ": other machines can reach this port unless a firewall, a security"
                + " group or a container's network keeps them out (127.0.0.1 keeps it to this machine: server.bind, --bind).");
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
