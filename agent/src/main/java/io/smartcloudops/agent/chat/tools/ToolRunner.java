package io.smartcloudops.agent.chat.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartcloudops.agent.store.SeriesStore;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.series.SeriesPoint;
import io.smartcloudops.api.status.AgentStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a validated {@link ToolCall} against the agent's own data. Reads only, except
 * {@link ToolCall.ProposeRemediation}, which hands the request to the {@link ActionProposer} (a pending
 * approval at most). A host the agent does not know is a {@link ToolArgumentException}.
 */
public final class ToolRunner {

    static final Duration BASELINE_WINDOW = Duration.ofHours(1);
    private static final int MAX_STATS_HOSTS = 20;

    private final SeriesStore store;
    private final Supplier<AgentStatus> status;
    private final AnomalyHistory anomalies;
    private final AuditHistory audit;
    private final ActionProposer proposer;
    private final AlertHistory alerts;
    private final NotificationHistory notifications;
    private final DetectorBands bands;
    private final Clock clock;

    public ToolRunner(SeriesStore store, Supplier<AgentStatus> status, AnomalyHistory anomalies, AuditHistory audit,
                      ActionProposer proposer, Clock clock) {
        this(store, status, anomalies, audit, proposer, AlertHistory.NONE, clock);
    }

    public ToolRunner(SeriesStore store, Supplier<AgentStatus> status, AnomalyHistory anomalies, AuditHistory audit,
                      ActionProposer proposer, AlertHistory alerts, Clock clock) {
        this(store, status, anomalies, audit, proposer, alerts, NotificationHistory.NONE, DetectorBands.NONE, clock);
    }

    /**
     * @param notifications what was sent to the notification channels
     * @param bands         the band the detector expects each host's metric in (for current_metrics)
     */
    public ToolRunner(SeriesStore store, Supplier<AgentStatus> status, AnomalyHistory anomalies, AuditHistory audit,
                      ActionProposer proposer, AlertHistory alerts, NotificationHistory notifications, DetectorBands bands,
                      Clock clock) {
        this.alerts = alerts;
        this.notifications = notifications;
        this.bands = bands;
        this.store = store;
        this.status = status;
        this.anomalies = anomalies;
        this.audit = audit;
        this.proposer = proposer;
        this.clock = clock;
    }

    public SeriesStore store() {
        return store;
    }

    public AnomalyHistory anomalies() {
        return anomalies;
    }

    public ActionProposer proposer() {
        return proposer;
    }

    public AlertHistory alerts() {
        return alerts;
    }

    /**
     * Runs {@code call}.
     *
     * @param actor who asked (the API token's name): the actor of a proposal in the audit log
     */
    public <O extends ToolOutput> O run(ToolCall<O> call, String actor) {
        return call.outputType().cast(output(call, actor));
    }

    private ToolOutput output(ToolCall<?> call, String actor) {
        return switch (call) {
            case ToolCall.CurrentMetrics c -> currentMetrics(c);
            case ToolCall.SeriesStats c -> seriesStats(c);
            case ToolCall.RecentAnomalies c -> new ToolOutput.AnomalyDigest(
                    anomalies.recent(new AnomalyQuery(c.limit(), c.host(), c.minSeverity(), c.since())),
                    anomalies.unavailableReason().orElse(null));
            case ToolCall.ExplainAnomaly c -> explain(c);
            case ToolCall.AuditLogs c -> new ToolOutput.AuditDigest(
                    audit.records(new AuditQuery(c.since(), c.until(), c.action(), c.host(), null, c.result(), c.limit())),
                    c.since(), c.until(), audit.unavailableReason().orElse(null));
            case ToolCall.Status c -> new ToolOutput.StatusDigest(status.get());
            case ToolCall.RemediationHistory c -> remediationHistory(c);
            case ToolCall.Alerts c -> new ToolOutput.AlertDigest(alerts.alerts(c.host(), c.firingOnly(), c.limit()), c.host(),
                    c.firingOnly(), null);
            case ToolCall.Silences c -> new ToolOutput.SilenceDigest(alerts.activeSilences());
            case ToolCall.Notifications c -> {
                var sent = notifications.sent(c.since(), c.until(), c.host(), c.channel(), c.failedOnly(), c.limit());
                yield new ToolOutput.NotificationDigest(sent, notifications.channels(), c.since(), c.until(),
                        notifications.unavailableReason().orElse(null));
            }
            case ToolCall.ProposeRemediation c -> ToolOutput.ProposalOutcome.of(proposer.propose(
                    new ProposalRequest(c.action(), c.target(), c.params(), c.reason()), actor));
        };
    }

    private ToolOutput currentMetrics(ToolCall.CurrentMetrics c) {
        List<String> hosts = c.host() == null ? store.hosts() : List.of(knownHost("host", c.host()));
        List<Metric> metrics = c.metric() == null ? Arrays.asList(Metric.values()) : List.of(c.metric());
        List<ToolOutput.HostValue> values = new ArrayList<>();
        Instant baselineFrom = clock.instant().minus(BASELINE_WINDOW);
        for (Metric m : metrics) {
            List<ToolOutput.HostValue> forMetric = new ArrayList<>();
            for (String host : hosts) {
                Double v = store.latestValues(host).get(m);
                if (v == null) {
                    continue;
                }
                Double baseline = median(store.series(host, m, baselineFrom).stream()
                        .filter(p -> !p.aggregated()).toList());  // raw samples only: a minute mean is not one
                forMetric.add(new ToolOutput.HostValue(host, m.key(), v, m.format(v), baseline,
                        baseline == null ? null : m.format(baseline), store.lastSeen(host).orElse(null),
                        bands.band(host, m).orElse(null)));
            }
            forMetric.sort(Comparator.comparingDouble(ToolOutput.HostValue::value).reversed());
            values.addAll(forMetric);
        }
        String note = null;
        if (store.hosts().isEmpty()) {
            note = "no samples yet: the metric source has not delivered any (see agent_status)";
        } else if (values.isEmpty()) {
            note = "no host reported " + (c.metric() == null ? "any metric" : c.metric().key()) + " recently";
        }
        return new ToolOutput.MetricValues(values, note);
    }

    private ToolOutput seriesStats(ToolCall.SeriesStats c) {
        List<String> hosts = c.host() == null ? store.hosts() : List.of(knownHost("host", c.host()));
        Instant until = c.until() == null ? clock.instant().plusMillis(1) : c.until();
        List<ToolOutput.Stats> out = new ArrayList<>();
        for (String host : hosts) {
            if (out.size() >= MAX_STATS_HOSTS) {
                break;
            }
            List<SeriesPoint> points = store.series(host, c.metric(), c.since()).stream()
                    .filter(p -> p.timestamp().isBefore(until)).toList();
            stats(host, c.metric(), points).ifPresent(out::add);
        }
        out.sort(Comparator.comparingDouble(ToolOutput.Stats::max).reversed());
        String note = null;
        if (out.isEmpty()) {
            note = "no " + c.metric().key() + " samples in that range (the store keeps " + store.retention().toHours() + "h)";
        } else if (hosts.size() > MAX_STATS_HOSTS) {
            note = "first " + MAX_STATS_HOSTS + " of " + hosts.size() + " hosts";
        }
        return new ToolOutput.SeriesSummary(out, c.since(), c.until(), note);
    }

    /**
     * Count, min, max and mean are exact whatever the points are (a minute row carries its count, extremes and mean);
     * the 95th percentile of minute rows is taken over their means, each weighted by its count, and said so.
     */
    static Optional<ToolOutput.Stats> stats(String host, Metric metric, List<SeriesPoint> points) {
        if (points.isEmpty()) {
            return Optional.empty();
        }
        long samples = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        Instant lastMinute = null;
        for (SeriesPoint p : points) {
            int n = p.aggregated() ? p.samples() : 1;
            samples += n;
            sum += p.value() * n;
            min = Math.min(min, p.aggregated() ? p.min() : p.value());
            max = Math.max(max, p.aggregated() ? p.max() : p.value());
            if (p.aggregated()) {
                lastMinute = p.timestamp();
            }
        }
        SeriesPoint last = points.getLast();
        String note = lastMinute == null ? null : "up to " + lastMinute + " the store keeps one row a minute (older than "
                + "store.raw_retention): samples, min, max and mean are exact, p95" + (last.aggregated() ? " and last are"
                : " is") + " taken from minute means";
        return Optional.of(new ToolOutput.Stats(host, metric.key(), metric.unit(), (int) Math.min(Integer.MAX_VALUE, samples),
                min, max, sum / samples, p95(points, samples), last.value(), points.getFirst().timestamp(),
                last.timestamp(), note));
    }

    /** The 95th percentile, a minute row counting as its mean {@code samples} times. */
    private static double p95(List<SeriesPoint> points, long samples) {
        List<SeriesPoint> sorted = points.stream().sorted(Comparator.comparingDouble(SeriesPoint::value)).toList();
        long rank = (long) Math.ceil(0.95 * samples);
        long seen = 0;
        for (SeriesPoint p : sorted) {
            seen += p.aggregated() ? p.samples() : 1;
            if (seen >= rank) {
                return p.value();
            }
        }
        return sorted.getLast().value();
    }

    private ToolOutput explain(ToolCall.ExplainAnomaly c) {
        Optional<Anomaly> found = c.anomalyId() != null
                ? anomalies.find(c.anomalyId())
                : anomalies.recent(new AnomalyQuery(1, c.host(), null, null)).stream().findFirst();
        String host = found.map(Anomaly::host).orElse(c.host());
        if (found.isEmpty() && c.anomalyId() != null && c.host() == null) {
            throw new ToolArgumentException("anomaly_id", "no anomaly with id '" + c.anomalyId() + "'");
        }
        if (found.isEmpty() && !store.hasHost(host)) {
            knownHost("host", host);
        }
        Map<String, String> now = new LinkedHashMap<>();
        store.latestValues(host).forEach((m, v) -> now.put(m.key(), m.format(v)));
        String note = found.isPresent() ? null : anomalies.unavailableReason()
                .orElse("no anomaly recorded for " + host);
        return new ToolOutput.Explanation(host, found.orElse(null), now, note);
    }

    private ToolOutput remediationHistory(ToolCall.RemediationHistory c) {
        List<AuditEntry> records = audit.records(new AuditQuery(c.since(), c.until(), null, c.host(), c.trigger(), null, 2000));
        List<RemediationSummary> folded = RemediationSummary.fold(records);
        return new ToolOutput.RemediationDigest(folded.subList(0, Math.min(c.limit(), folded.size())), c.since(),
                audit.unavailableReason().orElse(null));
    }

    private String knownHost(String field, String host) {
        if (store.hasHost(host)) {
            return host;
        }
        List<String> known = store.hosts();
        throw new ToolArgumentException(field, "unknown host '" + host + "'" + (known.isEmpty() ? " (no hosts have reported yet)"
                : " (known: " + String.join(", ", known.subList(0, Math.min(20, known.size())))
                + (known.size() > 20 ? ", ..." : "") + ")"));
    }

    static Double median(List<SeriesPoint> points) {
        if (points.size() < 3) {
            return null;
        }
        double[] v = points.stream().mapToDouble(SeriesPoint::value).sorted().toArray();
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    /** The arguments a call ran with, as JSON (for {@code data}). */
    public static ObjectNode arguments(ToolCall<?> call) {
        ObjectNode o = Json.mapper().createObjectNode();
        switch (call) {
            case ToolCall.CurrentMetrics c -> {
                put(o, "host", c.host());
                put(o, "metric", c.metric() == null ? null : c.metric().key());
            }
            case ToolCall.SeriesStats c -> {
                put(o, "host", c.host());
                put(o, "metric", c.metric().key());
                put(o, "since", c.since().toString());
                put(o, "until", c.until() == null ? null : c.until().toString());
            }
            case ToolCall.RecentAnomalies c -> {
                o.put("limit", c.limit());
                put(o, "host", c.host());
                put(o, "min_severity", c.minSeverity() == null ? null : c.minSeverity().key());
                put(o, "since", c.since() == null ? null : c.since().toString());
            }
            case ToolCall.ExplainAnomaly c -> {
                put(o, "host", c.host());
                put(o, "anomaly_id", c.anomalyId());
            }
            case ToolCall.AuditLogs c -> {
                put(o, "since", c.since().toString());
                put(o, "until", c.until() == null ? null : c.until().toString());
                put(o, "action", c.action() == null ? null : c.action().key());
                put(o, "host", c.host());
                put(o, "result", c.result() == null ? null : c.result().key());
                o.put("limit", c.limit());
            }
            case ToolCall.Status c -> {
                // no arguments
            }
            case ToolCall.RemediationHistory c -> {
                put(o, "since", c.since().toString());
                put(o, "until", c.until() == null ? null : c.until().toString());
                put(o, "host", c.host());
                put(o, "trigger", c.trigger() == null ? null : c.trigger().key());
                o.put("limit", c.limit());
            }
            case ToolCall.Alerts c -> {
                put(o, "host", c.host());
                o.put("state", c.firingOnly() ? "firing" : "all");
                o.put("limit", c.limit());
            }
            case ToolCall.Silences c -> {
                // no arguments
            }
            case ToolCall.Notifications c -> {
                put(o, "since", c.since().toString());
                put(o, "until", c.until() == null ? null : c.until().toString());
                put(o, "host", c.host());
                put(o, "channel", c.channel());
                o.put("state", c.failedOnly() ? "failed" : "all");
                o.put("limit", c.limit());
            }
            case ToolCall.ProposeRemediation c -> {
                put(o, "action", c.action());
                put(o, "target", c.target());
                c.params().forEach((k, v) -> put(o, k, v));
                put(o, "reason", c.reason());
            }
        }
        return o;
    }

    private static void put(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }
}
