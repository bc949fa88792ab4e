package io.smartcloudops.agent.chat.tools;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Trigger;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every tool the assistant has: the single source of truth for the offline backend, the model's function
 * schemas and argument validation.
 */
public final class ToolCatalog {

    public static final String CURRENT_METRICS = "current_metrics";
    public static final String SERIES_STATS = "series_stats";
    public static final String RECENT_ANOMALIES = "recent_anomalies";
    public static final String EXPLAIN_ANOMALY = "explain_anomaly";
    public static final String AUDIT_LOGS = "audit_logs";
    public static final String AGENT_STATUS = "agent_status";
    public static final String REMEDIATION_HISTORY = "remediation_history";
    public static final String PROPOSE_REMEDIATION = "propose_remediation";
    public static final String ALERTS = "alerts";
    public static final String SILENCES = "silences";
    public static final String NOTIFICATIONS = "notifications";

    static final List<String> ACTIONS = Arrays.stream(ActionType.values()).map(ActionType::key).toList();
    static final List<String> TRIGGERS = Arrays.stream(Trigger.values()).map(Trigger::key).toList();
    private static final List<String> RESULTS = Arrays.stream(AuditResult.values()).map(AuditResult::key).toList();
    private static final List<String> METRICS = Arrays.stream(Metric.values()).map(Metric::key).toList();
    private static final List<String> SEVERITIES = Arrays.stream(Severity.values()).map(Severity::key).toList();
    private static final String TIME = " A duration back from now (10m, 1h, 2d) or an ISO-8601 time (2026-01-31T14:00:00Z).";

    private final Clock clock;
    private final Map<String, ToolDefinition> tools = new LinkedHashMap<>();

    public ToolCatalog(Clock clock) {
        this.clock = clock;
        add(new ToolDefinition(CURRENT_METRICS,
                "Latest value of host metrics with each host's 1-hour median as baseline and, once the detector scores "
                        + "the host, the band it expects the metric in (what counts as normal). Omit host for every host, "
                        + "omit metric for every metric.",
                List.of(ToolParam.string("host", false, "A host the agent knows (see agent_status)."),
                        ToolParam.oneOf("metric", false, METRICS, "cpu, mem, disk (root filesystem used), disk_io (busy), "
                                + "net_in/net_out (bytes per second) or load1.")),
                a -> new ToolCall.CurrentMetrics(a.stringOrNull("host"), a.metricOrNull("metric"))));
        add(new ToolDefinition(SERIES_STATS,
                "Statistics of one metric over a time range: samples, min, max, mean, p95, last. Omit host for every host.",
                List.of(ToolParam.string("host", false, "A host the agent knows."),
                        ToolParam.oneOf("metric", true, METRICS, "The metric."),
                        ToolParam.string("since", true, "Start of the range." + TIME),
                        ToolParam.string("until", false, "End of the range (default now)." + TIME)),
                a -> {
                    var since = a.time("since").orElseThrow();
                    var until = a.time("until").orElse(null);
                    if (until != null && !until.isAfter(since)) {
                        throw new ToolArgumentException("until", "must be after since");
                    }
                    return new ToolCall.SeriesStats(a.stringOrNull("host"), a.metricOrNull("metric"), since, until);
                }));
        add(new ToolDefinition(RECENT_ANOMALIES,
                "Recent anomalies (newest first) with host, time, severity, score and the metrics that drove them.",
                List.of(ToolParam.integer("limit", 1, 50, "How many (default 5)."),
                        ToolParam.string("host", false, "Only this host."),
                        ToolParam.oneOf("min_severity", false, SEVERITIES, "Only this severity or worse."),
                        ToolParam.string("since", false, "Only anomalies since." + TIME)),
                a -> new ToolCall.RecentAnomalies(a.integer("limit", 5), a.stringOrNull("host"),
                        a.severityOrNull("min_severity"), a.time("since").orElse(null))));
        add(new ToolDefinition(EXPLAIN_ANOMALY,
                "Why a host is (or was) anomalous: its newest anomaly, the metrics that drove it against their "
                        + "baselines, and the values now. Give host or anomaly_id.",
                List.of(ToolParam.string("host", false, "The host."),
                        ToolParam.string("anomaly_id", false, "A specific anomaly's id.")),
                a -> {
                    if (a.string("host").isEmpty() && a.string("anomaly_id").isEmpty()) {
                        throw new ToolArgumentException("host", "give host or anomaly_id");
                    }
                    return new ToolCall.ExplainAnomaly(a.stringOrNull("host"), a.stringOrNull("anomaly_id"));
                }));
        add(new ToolDefinition(AUDIT_LOGS,
                "The remediation audit log (newest first): every proposal, approval, refusal, run and verification.",
                List.of(ToolParam.string("since", false, "Start (default 1h)." + TIME),
                        ToolParam.string("until", false, "End (default now)." + TIME),
                        ToolParam.oneOf("action", false, ACTIONS, "Only this action."),
                        ToolParam.string("host", false, "Only this target host."),
                        ToolParam.oneOf("result", false, RESULTS, "Only this result, e.g. success, failure, dry_run, refused, pending."),
                        ToolParam.integer("limit", 1, 100, "How many (default 20).")),
                a -> {
                    var since = a.time("since").orElse(clock.instant().minus(Duration.ofHours(1)));
                    var until = a.time("until").orElse(null);
                    if (until != null && !until.isAfter(since)) {
                        throw new ToolArgumentException("until", "must be after since");
                    }
                    return new ToolCall.AuditLogs(since, until, a.string("action").flatMap(ActionType::fromKey).orElse(null),
                            a.stringOrNull("host"), a.string("result").flatMap(AuditResult::fromKey).orElse(null),
                            a.integer("limit", 20));
                }));
        add(new ToolDefinition(AGENT_STATUS,
                "The agent itself: version, uptime, metric source health, hosts with their latest values, and the "
                        + "state of its components (detector, rules, remediation, chat).",
                List.of(), a -> new ToolCall.Status()));
        add(new ToolDefinition(REMEDIATION_HISTORY,
                "Remediations (one entry per remediation with its outcome), newest first. trigger rule = auto-remediation.",
                List.of(ToolParam.string("since", false, "Start (default 24h)." + TIME),
                        ToolParam.string("until", false, "End (default now)." + TIME),
                        ToolParam.string("host", false, "Only this target host."),
                        ToolParam.oneOf("trigger", false, TRIGGERS, "Only remediations triggered by rules, operators or the chat."),
                        ToolParam.integer("limit", 1, 50, "How many (default 20).")),
                a -> {
                    var since = a.time("since").orElse(clock.instant().minus(Duration.ofHours(24)));
                    var until = a.time("until").orElse(null);
                    if (until != null && !until.isAfter(since)) {
                        throw new ToolArgumentException("until", "must be after since");
                    }
                    return new ToolCall.RemediationHistory(since, until, a.stringOrNull("host"),
                            a.string("trigger").map(Trigger::fromKey).orElse(null), a.integer("limit", 20));
                }));
        add(new ToolDefinition(ALERTS,
                "Alerts received from Alertmanager and Grafana (newest first): name, host, severity, summary, since, "
                        + "source, whether a silence held and who acknowledged it. Omit host for every host.",
                List.of(ToolParam.string("host", false, "Only this host."),
                        ToolParam.oneOf("state", false, List.of("firing", "all"), "firing (default) or all (resolved too)."),
                        ToolParam.integer("limit", 1, 50, "How many (default 10).")),
                a -> new ToolCall.Alerts(a.stringOrNull("host"), !"all".equals(a.stringOrNull("state")), a.integer("limit", 10))));
        add(new ToolDefinition(SILENCES,
                "What is snoozed: the silences holding now, with what they match (host, metric, rule, alert labels), "
                        + "until when, who made them and why.",
                List.of(), a -> new ToolCall.Silences()));
        add(new ToolDefinition(NOTIFICATIONS,
                "Notifications sent to Slack, Teams, PagerDuty and webhooks (newest first): what (opened, repeated, "
                        + "resolved, acknowledged, or a notify action's message), about which host, on which channel, when, "
                        + "and whether the channel took it or it failed.",
                List.of(ToolParam.string("since", false, "Start (default 24h)." + TIME),
                        ToolParam.string("until", false, "End (default now)." + TIME),
                        ToolParam.string("host", false, "Only about this host."),
                        ToolParam.string("channel", false, "Only this channel, by name or type (slack, teams, pagerduty, webhook)."),
                        ToolParam.oneOf("state", false, List.of("all", "failed"), "all (default) or failed only."),
                        ToolParam.integer("limit", 1, 50, "How many (default 20).")),
                a -> {
                    var since = a.time("since").orElse(clock.instant().minus(Duration.ofHours(24)));
                    var until = a.time("until").orElse(null);
                    if (until != null && !until.isAfter(since)) {
                        throw new ToolArgumentException("until", "must be after since");
                    }
                    return new ToolCall.Notifications(since, until, a.stringOrNull("host"), a.stringOrNull("channel"),
                            "failed".equals(a.stringOrNull("state")), a.integer("limit", 20));
                }));
        add(new ToolDefinition(PROPOSE_REMEDIATION,
                "Propose a remediation for a human operator to approve. It runs nothing: it creates a pending "
                        + "approval after the same validation as the console's button (allow-listed units, known "
                        + "targets, cooldowns). Only use it when the user explicitly asks for this action.",
                List.of(ToolParam.oneOf("action", true, ACTIONS, "restart_service (needs unit), scale_up, or notify (needs message)."),
                        ToolParam.string("target", true, "The target host."),
                        ToolParam.string("unit", false, "The service unit to restart, e.g. nginx."),
                        ToolParam.text("message", false, 500, "The notification text (notify only)."),
                        ToolParam.text("reason", true, 300, "Why, in one sentence, for the audit log.")),
                a -> {
                    Map<String, String> params = new LinkedHashMap<>();
                    a.string("unit").ifPresent(u -> params.put("unit", u));
                    a.string("message").ifPresent(m -> params.put("message", m));
                    return new ToolCall.ProposeRemediation(a.stringOrNull("action"), a.stringOrNull("target"), params,
                            a.stringOrNull("reason"));
                }));
    }

    private void add(ToolDefinition d) {
        tools.put(d.name(), d);
    }

    public List<ToolDefinition> definitions() {
        return List.copyOf(tools.values());
    }

    public Optional<ToolDefinition> definition(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    /** Validates a model's call: the tool must exist and its JSON arguments must pass every check. */
    public ToolCall<?> parse(String name, String argumentsJson) {
        ToolDefinition d = tools.get(name);
        if (d == null) {
            throw new ToolArgumentException("tool", "unknown tool '" + (name == null ? "" : name.replaceAll("\\p{Cntrl}", "?"))
                    + "' (tools: " + String.join(", ", tools.keySet()) + ")");
        }
        return d.build().apply(ToolArguments.parse(argumentsJson, d.params(), clock));
    }
}
