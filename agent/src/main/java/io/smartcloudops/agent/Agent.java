package io.smartcloudops.agent;

import io.smartcloudops.agent.alerts.AlertIntake;
import io.smartcloudops.agent.alerts.AlertRoutes;
import io.smartcloudops.agent.audit.AuditAnchor;
import io.smartcloudops.agent.audit.AuditKey;
import io.smartcloudops.agent.audit.AuditLog;
import io.smartcloudops.agent.audit.AuditRoutes;
import io.smartcloudops.agent.auth.Authenticators;
import io.smartcloudops.agent.auth.FailedAuthLimiter;
import io.smartcloudops.agent.auth.TokenFile;
import io.smartcloudops.agent.auth.WhoAmIRoutes;
import io.smartcloudops.agent.chat.ChatAssembly;
import io.smartcloudops.agent.chat.ModelKey;
import io.smartcloudops.agent.chat.adapters.AuditLogHistory;
import io.smartcloudops.agent.chat.adapters.JournalNotificationHistory;
import io.smartcloudops.agent.chat.adapters.OncallAlertHistory;
import io.smartcloudops.agent.chat.adapters.OnlineDetectorBands;
import io.smartcloudops.agent.chat.adapters.RemediationProposer;
import io.smartcloudops.agent.chat.adapters.StoreAnomalyHistory;
import io.smartcloudops.agent.chat.tools.AnomalyHistory;
import io.smartcloudops.agent.chat.tools.DetectorBands;
import io.smartcloudops.agent.cluster.Membership;
import io.smartcloudops.agent.cluster.RedisMembership;
import io.smartcloudops.agent.cluster.ShardAssignment;
import io.smartcloudops.agent.cluster.ShardSpec;
import io.smartcloudops.agent.cluster.StaticMembership;
import io.smartcloudops.agent.collect.Collector;
import io.smartcloudops.agent.collect.LocalSource;
import io.smartcloudops.agent.collect.MetricSource;
import io.smartcloudops.agent.collect.SourceException;
import io.smartcloudops.agent.config.SourceSpec;
import io.smartcloudops.agent.collect.Sources;
import io.smartcloudops.agent.config.AgentConfig;
import io.smartcloudops.agent.config.StoreConfig;
import io.smartcloudops.agent.detect.AnomalyRoutes;
import io.smartcloudops.agent.detect.DetectorStartup;
import io.smartcloudops.agent.detect.ModelRoutes;
import io.smartcloudops.agent.detect.OnlineDetector;
import io.smartcloudops.agent.detectorview.BandMetrics;
import io.smartcloudops.agent.detectorview.BandRecorder;
import io.smartcloudops.agent.detectorview.BandRoutes;
import io.smartcloudops.agent.detectorview.DetectorStatusView;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.agent.collect.SamplesCollected;
import io.smartcloudops.agent.feedback.FeedbackRoutes;
import io.smartcloudops.agent.feedback.FeedbackService;
import io.smartcloudops.agent.feedback.VerdictChanged;
import io.smartcloudops.agent.http.AgentServer;
import io.smartcloudops.agent.http.CoreRoutes;
import io.smartcloudops.agent.http.EventStream;
import io.smartcloudops.agent.http.RouteGroup;
import io.smartcloudops.agent.journal.DamagedLines;
import io.smartcloudops.agent.lifecycle.Shutdown;
import io.smartcloudops.agent.metrics.AgentFootprint;
import io.smartcloudops.agent.metrics.AgentMetrics;
import io.smartcloudops.agent.notify.Channel;
import io.smartcloudops.agent.notify.Channels;
import io.smartcloudops.agent.notify.Notifier;
import io.smartcloudops.agent.oncall.AcknowledgementChanged;
import io.smartcloudops.agent.oncall.Finding;
import io.smartcloudops.agent.oncall.FindingKind;
import io.smartcloudops.agent.oncall.Oncall;
import io.smartcloudops.agent.oncall.OncallRoutes;
import io.smartcloudops.agent.oncall.SilenceMatches;
import io.smartcloudops.agent.remediate.ActionRunner;
import io.smartcloudops.agent.remediate.AwsClients;
import io.smartcloudops.agent.remediate.LocalHost;
import io.smartcloudops.agent.remediate.RedisIdempotencyKeys;
import io.smartcloudops.agent.remediate.RemediationRoutes;
import io.smartcloudops.agent.remediate.RemediationService;
import io.smartcloudops.agent.remediate.SharedIdempotencyKeys;
import io.smartcloudops.agent.remediate.Targets;
import io.smartcloudops.agent.rules.Rule;
import io.smartcloudops.agent.rules.RuleEngine;
import io.smartcloudops.agent.rules.RulesFile;
import io.smartcloudops.agent.secrets.SsmSecrets;
import io.smartcloudops.agent.status.StatusService;
import io.smartcloudops.agent.store.HostCapacity;
import io.smartcloudops.agent.store.SeriesStore;
import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.events.EventTypes;
import io.smartcloudops.api.oncall.Silence;
import io.smartcloudops.api.remediation.Remediation;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The composition root: builds every part of the agent from its configuration, starts them, and stops
 * them in reverse order. Used by {@code serve}, by the console's embedded mode and by tests.
 *
 * <p>Why it is long (about 450 lines): one constructor wires every feature in dependency order and closes what it
 * opened when a later step fails; the rest are the accessors tests and the console's embedded mode use.
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
    private final Optional<OnlineDetector> detector;
    private final ChatAssembly chat;
    private final AuditLog auditLog;
    private final RemediationService remediation;
    private final RuleEngine rules;
    private final AlertIntake alerts;
    private final Oncall oncall;
    private final Notifier notifier;
    private final Optional<TokenFile.Generated> generatedToken;
    private final Optional<UnifiedJedis> redis;
    private final ShardAssignment shard;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private volatile Thread jvmMetrics;

    /**
     * Builds every part; starts nothing that listens or collects ({@link #start} does). When a step fails
     * (a bad rules file, a refused model, SSM unreachable, ...) everything opened before it is closed
     * again: an embedding application (the console) or a test lives on after the failure.
     */
    private Agent(AgentConfig initial, Map<String, String> env, Clock clock) throws SourceException {
        try {
            ModelKey.check(initial, env);
            AwsClients aws = new AwsClients(initial.aws());
            closeables.add(aws);
            AgentConfig config = initial.ssm().enabled() ? SsmSecrets.resolveTokens(initial, aws.ssm()) : initial;
            this.config = config;
            // Channel URLs and keys are read once, before anything starts: a missing one stops the start naming its key.
            List<Channel> channels = Channels.build(config.notifications(), env, config.ssm().enabled()
                    ? names -> SsmSecrets.read(aws.ssm(), config.ssm().parameterPrefix(), names) : null);
            this.clock = clock;
            this.bus = new EventBus();
            Authenticators.Result auth = Authenticators.fromConfig(config.auth(), env);
            this.generatedToken = auth.generated();
            this.redis = config.redis().enabled()
                    ? Optional.of(RedisClient.create(URI.create(config.redis().url()))) : Optional.empty();
            if (redis.isPresent()) {  // not ifPresent(closeables::add): linking that loads Jedis' 45 interfaces
                closeables.add(redis.get());
            }
            this.shard = shard(config, redis);
            closeables.add(shard);
            this.store = store(config, clock);
            MetricSource source = Sources.create(SourceSpec.parse(config.source().spec()), config.source(), clock);
            String version = AgentVersion.get();
            this.metrics = new AgentMetrics(version, store);
            this.collector = new Collector(source, store::append, bus, clock, config.source().interval(),
                    config.source().maxBackoff(), config.source().backfill(), metrics, shard::owns);
            metrics.watchSource(collector::status);
            this.status = new StatusService(version, clock, collector::status, store);
            this.events = new EventStream(bus);
            status.component("cluster", shard::describe);
            status.component("store", store::status);
            status.component("agent", AgentFootprint::status);
            bus.subscribe(Object.class, event -> status.changed());

            // Remediation, audit and rules (issue 4): the audit log is the only state they keep.
            Optional<AuditKey> auditKey = AuditKey.resolve(config, env, aws::ssm);
            this.auditLog = new AuditLog(Path.of(config.logs().dir()), clock, config.logs().retentionDays(), auditKey);
            closeables.add(auditLog);
            DamagedLines damaged = DamagedLines.of(Path.of(config.logs().dir()));
            damaged.register(metrics.registry());
            AuditAnchor anchor = new AuditAnchor(auditLog, auditKey, clock);
            anchor.register(metrics.registry());
            closeables.add(anchor);
            status.component("logs", () -> {
                Map<String, Object> logs = new java.util.LinkedHashMap<>(damaged.status());
                logs.putAll(anchor.status());
                return logs;
            });
            String anchorTopic = config.logs().anchorTopicArn();
            if (anchorTopic != null && !anchorTopic.isBlank()) {
                anchor.start(config.logs().anchorInterval(), anchorTopic.strip(), (subject, message) ->
                        aws.sns().publish(r -> r.topicArn(anchorTopic.strip()).subject(subject).message(message)));
            }
            String localHost = source instanceof LocalSource local ? local.host() : LocalHost.name();
            Targets targets = new Targets(config.remediation(), localHost, store::hosts);

            // Silences and acknowledgements, notifications out (issue 16): notify actions may name a channel.
            Path logsDir = Path.of(config.logs().dir());
            int retention = config.logs().retentionDays();
            List<Rule> loadedRules = new ArrayList<>();  // filled below; silences are checked against it at request time
            this.oncall = new Oncall(logsDir, retention, auditLog, bus, clock,
                    () -> loadedRules.stream().map(Rule::name).collect(java.util.stream.Collectors.toUnmodifiableSet()));
            closeables.add(oncall);
            this.notifier = new Notifier(config.notifications(), channels, oncall, logsDir, retention, clock, metrics.registry());
            closeables.add(notifier);
            notifier.subscribeTo(bus);

            this.remediation = RemediationService.start(config.remediation(), targets,
                    new ActionRunner(config, aws, clock, notifier), auditLog, bus, metrics.registry(),
                    sharedKeys(config, redis, localHost));
            closeables.add(remediation);
            List<Rule> ruleList = config.rules().path() == null || config.rules().path().isBlank() ? List.of()
                    : RulesFile.load(Path.of(config.rules().path()), remediation::checkAction);
            loadedRules.addAll(ruleList);
            events.forward(Remediation.class, EventTypes.ACTION, r -> r);
            status.component("remediation", remediation::status);

            // Alerts in (issue 16); rules read alerts, anomalies, samples and silences.
            this.alerts = new AlertIntake(config.alerts(), config.remediation().targets(), store::hasHost, logsDir, retention, bus, clock,
                    metrics.registry());
            closeables.add(alerts);
            alerts.reload(retention > 0 ? LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(retention) : null);
            this.rules = new RuleEngine(ruleList, remediation, clock, config.rules().anomalyHold(), metrics.registry(),
                    (rule, host, read, matched) -> oncall.silences().holding(Finding.ofRule(rule, host, read, clock.instant()))
                            .or(() -> matched.stream().flatMap(a -> oncall.silences().holding(Finding.of(a)).stream()).findFirst())
                            .map(s -> s.id() + " until " + s.endsAt()));
            bus.subscribe(SamplesCollected.class, rules::onSamples);
            bus.subscribe(Anomaly.class, rules::onAnomaly);
            bus.subscribe(Alert.class, rules::onAlert);
            this.alerts.firing().forEach(rules::onAlert);  // alerts still firing when the agent stopped
            status.component("rules", rules::status);
            events.forward(Alert.class, EventTypes.ALERT, oncall::mark);
            events.forward(AcknowledgementChanged.class, EventTypes.ALERT, e -> e.kind() == FindingKind.ALERT
                    ? alerts.find(e.id()).map(oncall::mark).orElse(null) : null);
            events.forward(Silence.class, EventTypes.SILENCE, s -> s);
            status.component("alerts", alerts::status);
            status.component("silences", oncall::status);
            status.component("notify", notifier::status);

            List<RouteGroup> routes = new ArrayList<>();
            routes.add(new CoreRoutes(status, store, metrics, events, clock, config.server().metricsRequireToken()));
            if (config.detect().enabled()) {
                OnlineDetector d = DetectorStartup.start(config.detect(), Path.of(config.logs().dir()),
                        config.logs().retentionDays(), bus, metrics.registry(), clock);
                closeables.add(d);
                status.detector(new DetectorStatusView(d));
                status.component("detector", d::status);
                events.forward(Anomaly.class, EventTypes.ANOMALY, a -> oncall.mark(d.store().current(a)));
                events.forward(AcknowledgementChanged.class, EventTypes.ANOMALY, e -> e.kind() == FindingKind.ANOMALY
                        ? d.store().find(e.id()).map(oncall::mark).orElse(null) : null);
                routes.add(new AnomalyRoutes(d.store(), store, clock, oncall::mark));
                // Operator verdicts (issue 13): audited, restored from the audit log, handed to the detector.
                FeedbackService feedback = new FeedbackService(d.store(), d, auditLog, bus, metrics.registry(), clock);
                feedback.restore(config.logs().retentionDays() > 0
                        ? LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(config.logs().retentionDays()) : LocalDate.MIN);
                events.forward(VerdictChanged.class, EventTypes.ANOMALY, e -> oncall.mark(e.anomaly()));
                routes.add(new FeedbackRoutes(feedback, clock));
                // The expected band (issue 13): /metrics for Grafana, /series/band for the console's charts.
                BandRecorder bands = new BandRecorder(d, bus, config.source().interval(), config.store().retention());
                closeables.add(bands);
                BandMetrics.register(metrics.registry(), d, store::hosts);
                routes.add(new BandRoutes(bands, store, clock));
                routes.add(new ModelRoutes(Path.of(config.detect().model()), clock));
                this.detector = Optional.of(d);
            } else {
                this.detector = Optional.empty();
            }
            routes.add(new WhoAmIRoutes(clock));
            routes.add(new RemediationRoutes(remediation, clock));
            routes.add(new AuditRoutes(auditLog, clock));
            routes.add(new AlertRoutes(alerts, oncall::mark, h -> store.hasHost(h)
                    || detector.map(d -> d.store().hasHost(h)).orElse(false), clock));
            SilenceMatches silenceMatches = new SilenceMatches(() -> {
                List<Finding> open = new ArrayList<>();
                alerts.firing().forEach(a -> open.add(Finding.of(a)));
                detector.ifPresent(d -> d.store().open().forEach(a -> open.add(Finding.of(a))));
                return open;
            });
            routes.add(new OncallRoutes(oncall, id -> detector.flatMap(d -> d.store().find(id)), alerts::find, silenceMatches,
                    clock));

            // Chat: reads the agent's data through narrow interfaces and proposes through the remediation service.
            this.chat = ChatAssembly.build(config, env, store, status, bus, events, metrics, new ChatAssembly.Sources(
                    detector.<AnomalyHistory>map(d -> new StoreAnomalyHistory(d.store()::query))
                            .orElseGet(() -> AnomalyHistory.unavailable("anomaly detection is off in this agent (detect.enabled)")),
                    new AuditLogHistory(auditLog, clock), new RemediationProposer(remediation),
                    new OncallAlertHistory(alerts, oncall, silenceMatches), new JournalNotificationHistory(notifier, clock),
                    detector.<DetectorBands>map(d -> new OnlineDetectorBands(d::bands)).orElse(DetectorBands.NONE)),
                    redis, aws::ssm, clock);
            closeables.add(chat);
            routes.add(chat.routes());
            FailedAuthLimiter failedAuth = new FailedAuthLimiter(config.auth().failuresPerMinute(), clock);
            failedAuth.register(metrics.registry());
            this.server = new AgentServer(config.server(), auth.authenticator(), failedAuth, routes);
        } catch (RuntimeException | SourceException | Error e) {
            closeAll();
            throw e;
        }
    }

    /** The series store, its host limit set or derived from the heap by the sizing rule. */
    private static SeriesStore store(AgentConfig config, Clock clock) {
        Duration retention = config.store().retention();
        Duration raw = config.store().rawRetention();
        Duration interval = config.source().interval();
        if (config.store().maxHosts() != StoreConfig.FROM_HEAP) {
            return new SeriesStore(clock, retention, raw, interval, config.store().maxHosts(), "store.max_hosts");
        }
        int hosts = HostCapacity.hostsForThisHeap(retention, raw, interval);
        return new SeriesStore(clock, retention, raw, interval, hosts, "what a heap of "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB holds at "
                + HostCapacity.bytesPerHost(retention, raw, interval) / 1024 + " KB a host, the sizing rule");
    }

    private static ShardAssignment shard(AgentConfig config, Optional<UnifiedJedis> redis) {
        String text = config.cluster().shard();
        if (text == null || text.isBlank()) {
            return ShardAssignment.all();
        }
        ShardSpec spec = ShardSpec.parse(text);
        Membership membership = redis.isEmpty() ? new StaticMembership(spec)
                : new RedisMembership(redis.get(), config.redis().keyPrefix(), spec.memberId(), config.cluster().heartbeat());
        return ShardAssignment.of(membership, config.cluster().vnodes());
    }

    /** Idempotency keys bound in Redis when it is configured, so a key used on one agent is honoured by all. */
    private static SharedIdempotencyKeys sharedKeys(AgentConfig config, Optional<UnifiedJedis> redis, String localHost) {
        String text = config.cluster().shard();
        String self = text == null || text.isBlank() ? localHost + " (pid " + ProcessHandle.current().pid() + ")"
                : ShardSpec.parse(text).memberId() + "@" + localHost;
        return redis.isEmpty() ? SharedIdempotencyKeys.NONE
                : new RedisIdempotencyKeys(redis.get(), config.redis().keyPrefix(), self, RemediationService.KEY_RETENTION);
    }

    /** Shared Redis connection when {@code redis.url} is configured (chat context, idempotency, membership). */
    public Optional<UnifiedJedis> redis() {
        return redis;
    }

    /** Which hosts this agent owns (all of them unless sharded). */
    public ShardAssignment shard() {
        return shard;
    }

    /**
     * Builds and starts an agent: HTTP first (so a failing source is visible), then collection. When it
     * fails, whatever was opened is closed before the exception leaves.
     */
    public static Agent start(AgentConfig config, Map<String, String> env, Clock clock) throws SourceException {
        Agent agent = new Agent(config, env, clock);
        try {
            // before anything can publish: resolves owed from before this start, subjects followed again
            agent.notifier.recover(agent.alerts::find, id -> agent.detector.flatMap(d -> d.store().find(id)));
            agent.server.start();
            agent.collector.start();
            agent.jvmMetrics = Thread.ofPlatform().daemon().name("jvm-metrics").start(() -> {
                try {
                    agent.metrics.registerJvmMetrics();
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(Agent.class).warn("JVM metrics unavailable in /metrics: {}", e.toString());
                }
            });
        } catch (RuntimeException | Error e) {
            agent.close(); // e.g. the port is taken: nothing of this agent stays behind
            throw e;
        }
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

    /** The {@code /events} stream (how many clients hold it, for instance). */
    public EventStream events() {
        return events;
    }

    public AgentMetrics metrics() {
        return metrics;
    }

    /** The anomaly detector, unless {@code detect.enabled} is false. */
    public Optional<OnlineDetector> detector() {
        return detector;
    }

    public ChatAssembly chat() {
        return chat;
    }

    public RemediationService remediation() {
        return remediation;
    }

    public RuleEngine rules() {
        return rules;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    /** Alerts received from Alertmanager and Grafana. */
    public AlertIntake alerts() {
        return alerts;
    }

    /** Silences and acknowledgements. */
    public Oncall oncall() {
        return oncall;
    }

    /** Notification channels (Slack, Teams, PagerDuty, webhook). */
    public Notifier notifier() {
        return notifier;
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
        Shutdown.join(jvmMetrics, "registering the JVM metrics");
        closeAll();
    }

    private void closeAll() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(Agent.class).warn("closing {} failed", closeables.get(i), e);
            }
        }
        closeables.clear();
    }
}
