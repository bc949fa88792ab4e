package io.smartcloudops.agent.chat.tools;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Trigger;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The closed set of things the assistant can ask of the agent, validated by {@link ToolCatalog} before they
 * exist. Nullable components mean "no filter". Only {@link ProposeRemediation} leads anywhere near an
 * action, and it ends at a pending approval.
 */
public sealed interface ToolCall<O extends ToolOutput> {

    /** The tool's wire name, as the model calls it. */
    String tool();

    /** What running it returns: {@link ToolSession#run} hands it back typed, so callers never cast. */
    Class<O> outputType();

    /** Latest value of one metric (or all) on one host (or all), with the host's 1-hour median as baseline. */
    record CurrentMetrics(String host, Metric metric) implements ToolCall<ToolOutput.MetricValues> {
        @Override
        public String tool() {
            return ToolCatalog.CURRENT_METRICS;
        }

        @Override
        public Class<ToolOutput.MetricValues> outputType() {
            return ToolOutput.MetricValues.class;
        }
    }

    /** min/max/mean/p95/last of one metric over {@code [since, until)} on one host (or each host). */
    record SeriesStats(String host, Metric metric, Instant since, Instant until)
            implements ToolCall<ToolOutput.SeriesSummary> {
        public SeriesStats {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(since, "since");
        }

        @Override
        public String tool() {
            return ToolCatalog.SERIES_STATS;
        }

        @Override
        public Class<ToolOutput.SeriesSummary> outputType() {
            return ToolOutput.SeriesSummary.class;
        }
    }

    record RecentAnomalies(int limit, String host, Severity minSeverity, Instant since)
            implements ToolCall<ToolOutput.AnomalyDigest> {
        @Override
        public String tool() {
            return ToolCatalog.RECENT_ANOMALIES;
        }

        @Override
        public Class<ToolOutput.AnomalyDigest> outputType() {
            return ToolOutput.AnomalyDigest.class;
        }
    }

    /** The newest anomaly of {@code host} (or the one with {@code anomalyId}) with its drivers and the values now. */
    record ExplainAnomaly(String host, String anomalyId) implements ToolCall<ToolOutput.Explanation> {
        @Override
        public String tool() {
            return ToolCatalog.EXPLAIN_ANOMALY;
        }

        @Override
        public Class<ToolOutput.Explanation> outputType() {
            return ToolOutput.Explanation.class;
        }
    }

    record AuditLogs(Instant since, Instant until, ActionType action, String host, AuditResult result, int limit)
            implements ToolCall<ToolOutput.AuditDigest> {
        public AuditLogs {
            Objects.requireNonNull(since, "since");
        }

        @Override
        public String tool() {
            return ToolCatalog.AUDIT_LOGS;
        }

        @Override
        public Class<ToolOutput.AuditDigest> outputType() {
            return ToolOutput.AuditDigest.class;
        }
    }

    /** The agent itself: version, uptime, source health, hosts, and its components (rules, remediation, ...). */
    record Status() implements ToolCall<ToolOutput.StatusDigest> {
        @Override
        public String tool() {
            return ToolCatalog.AGENT_STATUS;
        }

        @Override
        public Class<ToolOutput.StatusDigest> outputType() {
            return ToolOutput.StatusDigest.class;
        }
    }

    /** Remediations (one per request id, with their outcome) since a time, optionally by trigger. */
    record RemediationHistory(Instant since, Instant until, String host, Trigger trigger, int limit)
            implements ToolCall<ToolOutput.RemediationDigest> {
        public RemediationHistory {
            Objects.requireNonNull(since, "since");
        }

        @Override
        public String tool() {
            return ToolCatalog.REMEDIATION_HISTORY;
        }

        @Override
        public Class<ToolOutput.RemediationDigest> outputType() {
            return ToolOutput.RemediationDigest.class;
        }
    }

    /** Alerts from Alertmanager and Grafana, newest first: of one host (or all), firing only or all. */
    record Alerts(String host, boolean firingOnly, int limit) implements ToolCall<ToolOutput.AlertDigest> {
        @Override
        public String tool() {
            return ToolCatalog.ALERTS;
        }

        @Override
        public Class<ToolOutput.AlertDigest> outputType() {
            return ToolOutput.AlertDigest.class;
        }
    }

    /** The silences (snoozes) holding now. */
    record Silences() implements ToolCall<ToolOutput.SilenceDigest> {
        @Override
        public String tool() {
            return ToolCatalog.SILENCES;
        }

        @Override
        public Class<ToolOutput.SilenceDigest> outputType() {
            return ToolOutput.SilenceDigest.class;
        }
    }

    /** Notifications sent to the channels (and whether they were delivered) in {@code [since, until)}, newest first. */
    record Notifications(Instant since, Instant until, String host, String channel, boolean failedOnly, int limit)
            implements ToolCall<ToolOutput.NotificationDigest> {
        public Notifications {
            Objects.requireNonNull(since, "since");
        }

        @Override
        public String tool() {
            return ToolCatalog.NOTIFICATIONS;
        }

        @Override
        public Class<ToolOutput.NotificationDigest> outputType() {
            return ToolOutput.NotificationDigest.class;
        }
    }

    /** Creates a pending approval (never runs anything): the same validation as a button press. */
    record ProposeRemediation(String action, String target, Map<String, String> params, String reason)
            implements ToolCall<ToolOutput.ProposalOutcome> {
        public ProposeRemediation {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(target, "target");
            params = params == null ? Map.of() : Map.copyOf(params);
        }

        @Override
        public String tool() {
            return ToolCatalog.PROPOSE_REMEDIATION;
        }

        @Override
        public Class<ToolOutput.ProposalOutcome> outputType() {
            return ToolOutput.ProposalOutcome.class;
        }
    }
}
