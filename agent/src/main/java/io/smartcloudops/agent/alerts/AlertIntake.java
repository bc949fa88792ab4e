package io.smartcloudops.agent.alerts;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.config.AlertsConfig;
import io.smartcloudops.agent.config.RemediationConfig;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.agent.journal.JsonLine;
import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.alert.AlertSource;
import io.smartcloudops.api.alert.AlertState;
import io.smartcloudops.api.alert.WebhookReceipt;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where alerts from Alertmanager and Grafana come in. One firing of one alert (source, fingerprint, start) is
 * one {@link Alert}: a payload sent again changes nothing, a resolved payload (or an {@code endsAt} that has
 * passed) resolves it, a firing notice arriving after its resolve (retries can reorder) is ignored. Each new or
 * changed alert is, in this order, appended to {@code logs/alerts-*.jsonl} (forced to disk), kept in memory
 * and published on the bus ({@code /events}, rules, notifications). When the file cannot be written nothing of
 * the payload is kept and the sender gets a 503, so it sends again.
 */
public final class AlertIntake implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertIntake.class);

    private final AlertLog log;
    private final AlertStore store;
    private final HostMapping hosts;
    private final EventBus bus;
    private final Clock clock;
    private final Counter received;
    private final Counter truncated;
    private final Map<AlertSource, Long> truncatedBySource = new java.util.EnumMap<>(AlertSource.class);
    private volatile Instant lastReceived;

    /** @param collected whether the agent collects a host of that name (an alert's {@code host:port} then stays whole) */
    public AlertIntake(AlertsConfig config, Map<String, RemediationConfig.TargetConfig> targets, Predicate<String> collected,
                       Path logsDir, int retentionDays, EventBus bus, Clock clock, PrometheusRegistry registry) {
        this.log = new AlertLog(logsDir, retentionDays);
        this.store = new AlertStore(config.recent());
        this.hosts = new HostMapping(config.hostLabel(), targets, collected);
        this.bus = bus;
        this.clock = clock;
        this.received = Counter.builder().name("smartcloudops_alerts_received_total")
                .help("Alerts received through the webhooks, by source and what became of them (created, updated, unchanged)")
                .labelNames("source", "outcome").register(registry);
        this.truncated = Counter.builder().name("smartcloudops_alerts_truncated_total")
                .help("Alerts the sender left out of its webhooks (Alertmanager's max_alerts, Grafana's maxAlerts): never seen here")
                .labelNames("source").register(registry);
        GaugeWithCallback.builder().name("smartcloudops_alerts_firing")
                .help("Alerts from Alertmanager and Grafana firing now, by source").labelNames("source")
                .callback(cb -> {
                    List<Alert> firing = store.firing();
                    for (AlertSource s : AlertSource.values()) {
                        cb.call(firing.stream().filter(a -> a.source() == s).count(), s.key());
                    }
                }).register(registry);
    }

    /** Loads the alerts of the log files from {@code from} (all when null) into memory. */
    public void reload(LocalDate from) {
        try {
            List<Alert> alerts = log.read(from);
            alerts.forEach(store::put);
            if (!alerts.isEmpty()) {
                LOG.info("reloaded {} alerts from {}", alerts.size(), log.dir());
            }
        } catch (IOException e) {
            LOG.error("cannot reload alerts from {}: starting with none in memory", log.dir(), e);
        }
    }

    /** Takes a checked payload in. */
    public synchronized WebhookReceipt receive(AlertSource source, List<ReceivedAlert> alerts) throws IOException {
        return receive(source, alerts, 0);
    }

    /**
     * Takes a checked payload in, of which the sender left {@code truncatedAlerts} alerts out: those never reach the
     * agent, so they are counted, logged and shown in the status for someone to raise the sender's limit.
     */
    public synchronized WebhookReceipt receive(AlertSource source, List<ReceivedAlert> alerts, int truncatedAlerts)
            throws IOException {
        if (truncatedAlerts > 0) {
            truncated.labelValues(source.key()).inc(truncatedAlerts);
            truncatedBySource.merge(source, (long) truncatedAlerts, Long::sum);
            LOG.warn("{} webhook: the sender left {} alert(s) of this group out (its max_alerts): they are not listed here, "
                    + "and no rule or notification sees them", source.key(), truncatedAlerts);
        }
        Instant now = clock.instant();
        Map<String, Alert> changed = new LinkedHashMap<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (ReceivedAlert r : alerts) {
            String id = id(r);
            Alert known = changed.containsKey(id) ? changed.get(id) : store.find(id).orElse(null);
            Optional<Alert> next = merge(known, r, id, now);
            if (next.isEmpty()) {
                unchanged++;
            } else {
                if (known == null) {
                    created++;
                } else {
                    updated++;
                }
                changed.put(id, next.get());
            }
        }
        List<String> lines = new ArrayList<>();
        for (Alert a : changed.values()) {
            try {
                lines.add(JsonLine.write(a));
            } catch (IllegalArgumentException e) {
                throw new UnstorableAlert("alert " + a.name() + " cannot be stored: " + e.getMessage());
            }
        }
        int i = 0;
        for (Alert a : changed.values()) {
            log.append(a, lines.get(i++));  // a failed write throws before anything is kept in memory or published
        }
        for (Alert a : changed.values()) {
            store.put(a);
            bus.publish(a);
        }
        lastReceived = now;
        received.labelValues(source.key(), "created").inc(created);
        received.labelValues(source.key(), "updated").inc(updated);
        received.labelValues(source.key(), "unchanged").inc(unchanged);
        if (!changed.isEmpty()) {
            LOG.info("{} webhook: {} alert(s), {} new, {} changed", source.key(), alerts.size(), created, updated);
        }
        return new WebhookReceipt(alerts.size(), created, updated, unchanged);
    }

    /** What {@code r} makes of the alert known so far; empty when it changes nothing. */
    private Optional<Alert> merge(Alert known, ReceivedAlert r, String id, Instant now) {
        boolean resolved = r.resolved() || r.endsAt() != null && !r.endsAt().isAfter(now);
        Instant end = resolved ? (r.endsAt() != null && !r.endsAt().isAfter(now) ? r.endsAt() : now) : null;
        if (known == null) {
            return Optional.of(build(r, id, resolved ? AlertState.RESOLVED : AlertState.FIRING, end, now, now));
        }
        if (!known.firing()) {
            return Optional.empty();  // resolved stays resolved: a late firing notice is a retry of the past
        }
        if (resolved) {
            return Optional.of(build(r, id, AlertState.RESOLVED, end, known.receivedAt(), now));
        }
        Alert same = build(r, id, AlertState.FIRING, null, known.receivedAt(), known.updatedAt());
        return same.equals(known) ? Optional.empty() : Optional.of(build(r, id, AlertState.FIRING, null, known.receivedAt(), now));
    }

    private Alert build(ReceivedAlert r, String id, AlertState state, Instant end, Instant receivedAt, Instant updatedAt) {
        Map<String, String> labels = r.labels();
        String name = labels.getOrDefault("alertname", "");
        String summary = firstNonBlank(r.annotations().get("summary"), r.annotations().get("description"),
                r.annotations().get("message"), name);
        return new Alert(id, r.source(), r.fingerprint(), name, hosts.host(labels).orElse(null), state,
                blankToNull(labels.get("severity")), summary, labels, r.annotations(), r.startsAt(), end, receivedAt,
                updatedAt, r.generatorUrl(), null, null);
    }

    /** {@code al-} and 16 hex digits of the SHA-256 of source, fingerprint and start: one firing of one alert. */
    /** An alert whose text would not read back from its journal line (a lone surrogate in a label name): refused. */
    public static final class UnstorableAlert extends RuntimeException {
        UnstorableAlert(String message) {
            super(message, null, false, false);
        }
    }

    static String id(ReceivedAlert r) {
        return "al-" + WebhookPayloads.sha256(r.source().key() + "\n" + r.fingerprint() + "\n"
                + r.startsAt().toEpochMilli()).substring(0, 16);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public Optional<Alert> find(String id) {
        return store.find(id);
    }

    public List<Alert> query(int limit, AlertState state, String host, Instant since) {
        return store.query(limit, state, host, since);
    }

    public List<Alert> firing() {
        return store.firing();
    }

    public boolean hasHost(String host) {
        return store.hasHost(host);
    }

    /** For {@code /status}. */
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Alert> firing = store.firing();
        m.put("host_label", hosts.label());
        m.put("in_memory", store.size());
        m.put("firing", firing.size());
        Map<String, Long> bySource = new LinkedHashMap<>();
        for (AlertSource s : AlertSource.values()) {
            bySource.put(s.key(), firing.stream().filter(a -> a.source() == s).count());
        }
        m.put("firing_by_source", bySource);
        m.put("hosts_alerting", new ArrayList<>(firing.stream().map(Alert::host).filter(h -> h != null)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new))));
        if (lastReceived != null) {
            m.put("last_received", lastReceived);
        }
        synchronized (this) {
            if (!truncatedBySource.isEmpty()) {
                Map<String, Long> t = new LinkedHashMap<>();
                truncatedBySource.forEach((s, n) -> t.put(s.key(), n));
                m.put("truncated_by_sender", t);
            }
        }
        return m;
    }

    @Override
    public void close() {
        log.close();
    }
}
