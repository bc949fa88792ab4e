package io.smartcloudops.agent.chat.tools;

import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.chat.ProposedAction;
import io.smartcloudops.api.status.AgentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a tool returned, typed for the offline answers and serialised (size-capped) for the model and for
 * {@code data}. A {@code note} (nullable) says why a result is empty when that is not obvious.
 */
public sealed interface ToolOutput {

    /** The latest value of each metric asked for, highest first per metric. */
    record MetricValues(List<HostValue> values, String note) implements ToolOutput {
        public MetricValues {
            values = List.copyOf(values);
        }
    }

    /**
     * @param baseline median of the host's last hour, null when there is too little history
     * @param band     what the detector expects of it now, null when it has no band (learning, or no detector)
     */
    record HostValue(String host, String metric, double value, String formatted, Double baseline,
                     String baselineFormatted, Instant at, Band band) {
    }

    /**
     * The detector's expected value and the band outside which a value counts as unusual for the host, at its latest
     * scored sample ({@code at}), in the metric's unit.
     *
     * @param basis what the expectation follows: {@code none} (the recent level), {@code daily} or {@code weekly}
     */
    record Band(double expected, double lower, double upper, String expectedFormatted, String lowerFormatted,
                String upperFormatted, String basis, Instant at) {
    }

    record SeriesSummary(List<Stats> series, Instant since, Instant until, String note) implements ToolOutput {
        public SeriesSummary {
            series = List.copyOf(series);
        }
    }

    /**
     * Statistics of one metric of one host over a range. Where the range reaches back beyond {@code
     * store.raw_retention} the store has one row a minute (count, min, max, mean): samples, min, max and mean stay
     * exact, p95 (and last, when the range ends there) come from minute means, and {@code note} says so.
     *
     * @param note null when every figure comes from raw samples
     */
    record Stats(String host, String metric, String unit, int samples, double min, double max, double mean,
                 double p95, double last, Instant firstAt, Instant lastAt, String note) {
    }

    record AnomalyDigest(List<Anomaly> anomalies, String note) implements ToolOutput {
        public AnomalyDigest {
            anomalies = List.copyOf(anomalies);
        }
    }

    /**
     * @param anomaly the newest anomaly of the host (null when it has none)
     * @param now     the host's latest values by metric key, formatted
     */
    record Explanation(String host, Anomaly anomaly, Map<String, String> now, String note) implements ToolOutput {
        public Explanation {
            now = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(now));
        }
    }

    record AuditDigest(List<AuditEntry> records, Instant since, Instant until, String note) implements ToolOutput {
        public AuditDigest {
            records = List.copyOf(records);
        }
    }

    record StatusDigest(AgentStatus status) implements ToolOutput {
    }

    /** Alerts with their source, state, silence and acknowledgement (label values cut as GET /alerts shows them). */
    record AlertDigest(List<io.smartcloudops.api.alert.Alert> alerts, String host, boolean firingOnly, String note)
            implements ToolOutput {
        public AlertDigest {
            alerts = List.copyOf(alerts);
        }
    }

    record SilenceDigest(List<io.smartcloudops.api.oncall.Silence> silences) implements ToolOutput {
        public SilenceDigest {
            silences = List.copyOf(silences);
        }
    }

    /**
     * @param channels the channels configured ({@code name (type)}): none means nothing can have been sent
     */
    record NotificationDigest(List<SentNotification> notifications, List<String> channels, Instant since, Instant until,
                              String note) implements ToolOutput {
        public NotificationDigest {
            notifications = List.copyOf(notifications);
            channels = List.copyOf(channels);
        }
    }

    record RemediationDigest(List<RemediationSummary> remediations, Instant since, String note) implements ToolOutput {
        public RemediationDigest {
            remediations = List.copyOf(remediations);
        }
    }

    /**
     * @param outcome {@code pending} (an approval was created; nothing ran) or {@code refused}
     * @param action  the pending approval (pending only)
     * @param field   what validation refused (refused only)
     * @param reason  why (refused only)
     */
    record ProposalOutcome(String outcome, ProposedAction action, String field, String reason) implements ToolOutput {
        public static ProposalOutcome of(Proposal p) {
            return switch (p) {
                case Proposal.Pending pending -> new ProposalOutcome("pending", pending.action(), null, null);
                case Proposal.Refused refused -> new ProposalOutcome("refused", null, refused.field(), refused.reason());
            };
        }

        public boolean pending() {
            return action != null;
        }
    }
}
