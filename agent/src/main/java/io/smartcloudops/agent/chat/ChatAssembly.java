package io.smartcloudops.agent.chat;

import io.smartcloudops.agent.chat.context.ChatContext;
import io.smartcloudops.agent.chat.context.InMemoryChatContext;
import io.smartcloudops.agent.chat.context.RedisChatContext;
import io.smartcloudops.agent.chat.context.SharedAnomalyHistory;
import io.smartcloudops.agent.chat.offline.OfflineAssistant;
import io.smartcloudops.agent.chat.openai.OpenAiAssistant;
import io.smartcloudops.agent.chat.tools.ActionProposer;
import io.smartcloudops.agent.chat.tools.AlertHistory;
import io.smartcloudops.agent.chat.tools.AnomalyHistory;
import io.smartcloudops.agent.chat.tools.AuditHistory;
import io.smartcloudops.agent.chat.tools.DetectorBands;
import io.smartcloudops.agent.chat.tools.NotificationHistory;
import io.smartcloudops.agent.chat.tools.ToolCatalog;
import io.smartcloudops.agent.chat.tools.ToolRunner;
import io.smartcloudops.agent.config.AgentConfig;
import io.smartcloudops.agent.config.ChatConfig;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.agent.http.EventStream;
import io.smartcloudops.agent.metrics.AgentMetrics;
import io.smartcloudops.agent.status.StatusService;
import io.smartcloudops.agent.store.SeriesStore;
import io.smartcloudops.agent.chat.context.RecentAction;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.remediation.Remediation;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import redis.clients.jedis.UnifiedJedis;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Builds the chat from the configuration and the agent's parts (what {@code Agent} calls): context
 * (memory or Redis), tools over the agent's data, the offline backend, the model backend when configured,
 * the service and its routes.
 */
public final class ChatAssembly implements AutoCloseable {

    private static final Pattern SECRET_VARIABLE = Pattern.compile("(?i).*(key|token|secret|passw|credential).*");

    private final ChatContext context;
    private final ChatService service;
    private final ChatRoutes routes;

    private ChatAssembly(ChatContext context, ChatService service, ChatRoutes routes) {
        this.context = context;
        this.service = service;
        this.routes = routes;
    }

    /** The agent's data sources the chat reads and its one path to action. */
    public record Sources(AnomalyHistory anomalies, AuditHistory audit, ActionProposer proposer, AlertHistory alerts,
                          NotificationHistory notifications, DetectorBands bands) {

        public Sources(AnomalyHistory anomalies, AuditHistory audit, ActionProposer proposer) {
            this(anomalies, audit, proposer, AlertHistory.NONE, NotificationHistory.NONE, DetectorBands.NONE);
        }
    }

    /**
     * @param redis the agent's shared Redis connection when {@code redis.url} is set: the chat context then lives
     *              there, shared with the other agents
     * @param ssm   the agent's SSM client (built on first use), for {@code <ssm.parameter_prefix>/openai/api_key}
     */
    public static ChatAssembly build(AgentConfig config, Map<String, String> env, SeriesStore store, StatusService status,
                                     EventBus bus, EventStream events, AgentMetrics agentMetrics, Sources sources,
                                     Optional<UnifiedJedis> redis, Supplier<SsmClient> ssm, Clock clock) {
        ChatConfig chat = config.chat();
        Optional<String> apiKey = ModelKey.resolve(config, env, ssm);
        SecretRedactor redactor = new SecretRedactor(secrets(config, env, apiKey));
        // (no lambda over the Redis client: linking one loads Jedis' 45 interfaces into agents without Redis)
        ChatContext context = redis.isEmpty() ? new InMemoryChatContext(clock, chat.contextTtl(), chat.maxTurns())
                : new RedisChatContext(redis.get(), config.redis().keyPrefix(), endpoint(config.redis().url()), clock,
                        chat.contextTtl(), chat.maxTurns());
        bus.subscribe(Anomaly.class, context::recordAnomaly);
        bus.subscribe(Remediation.class, r -> context.recordAction(new RecentAction(r.id(),
                r.finishedAt() != null ? r.finishedAt() : r.startedAt() != null ? r.startedAt() : r.createdAt(),
                r.action().key(), r.target(), r.params(), r.state().key(), r.trigger().key(), r.actor())));
        AnomalyHistory anomalies = new SharedAnomalyHistory(sources.anomalies(), context);
        ToolRunner runner = new ToolRunner(store, status::status, anomalies, sources.audit(), sources.proposer(),
                sources.alerts(), sources.notifications(), sources.bands(), clock);
        Supplier<Collection<String>> hosts = () -> {
            Collection<String> known = knownHosts(store, context);
            known.addAll(sources.alerts().hosts());
            known.addAll(sources.proposer().groups());
            return known;
        };
        ZoneId zone = ZoneId.of(chat.timeZone().trim());
        ChatMetrics metrics = new ChatMetrics(agentMetrics.registry());
        Optional<Assistant> model = chat.usesModel()
                ? Optional.of(new OpenAiAssistant(OpenAiAssistant.client(chat, apiKey.orElseThrow()), chat, new ToolCatalog(clock),
                        redactor, metrics, context, hosts, clock))
                : Optional.empty();
        ChatService service = new ChatService(chat, runner, new OfflineAssistant(hosts, clock, zone), model, context,
                redactor, metrics, bus, clock);
        status.component("chat", service::status);
        return new ChatAssembly(context, service, new ChatRoutes(service, events, clock));
    }

    /** Hosts with samples here plus hosts other agents reported anomalies for (shared context). */
    static Collection<String> knownHosts(SeriesStore store, ChatContext context) {
        Set<String> hosts = new LinkedHashSet<>(store.hosts());
        context.recentAnomalies(50).forEach(a -> hosts.add(a.host()));
        return hosts;
    }

    /** Every secret this agent holds, so that none of them can reach a model or an answer verbatim. */
    static List<String> secrets(AgentConfig config, Map<String, String> env, Optional<String> apiKey) {
        List<String> secrets = new ArrayList<>();
        apiKey.ifPresent(secrets::add);
        secrets.add(config.auth().viewerToken());
        secrets.add(config.auth().operatorToken());
        secrets.add(config.auth().webhookToken());
        env.forEach((name, value) -> {
            if (SECRET_VARIABLE.matcher(name).matches()) {
                secrets.add(value);
            }
        });
        if (config.redis().enabled()) {
            String userInfo = java.net.URI.create(config.redis().url().trim()).getRawUserInfo();
            if (userInfo != null) {
                secrets.add(userInfo.contains(":") ? userInfo.substring(userInfo.indexOf(':') + 1) : userInfo);
            }
        }
        return secrets.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    private static String endpoint(String url) {
        java.net.URI uri = java.net.URI.create(url.trim());
        return uri.getHost() + ":" + (uri.getPort() == -1 ? 6379 : uri.getPort());
    }

    public ChatService service() {
        return service;
    }

    public ChatRoutes routes() {
        return routes;
    }

    public ChatContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
