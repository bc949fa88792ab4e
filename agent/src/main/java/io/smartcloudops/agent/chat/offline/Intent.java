package io.smartcloudops.agent.chat.offline;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Trigger;
import java.util.List;
import java.util.Map;

/** What a question asks for, as the offline parser reads it: a closed set. Nullable fields mean "not said". */
sealed interface Intent {

    /** "What's current CPU?", "memory on web-1". Empty hosts = every host; empty metrics = every metric. */
    record CurrentMetrics(List<String> hosts, List<Metric> metrics) implements Intent {
    }

    /** "max CPU on web-1 over the last hour". */
    record SeriesStats(List<String> hosts, List<Metric> metrics, TimeRange range) implements Intent {
    }

    /** "Summarize last 3 anomalies"; {@code countGiven} when the question named the count. */
    record Anomalies(int count, boolean countGiven, String host, Severity minSeverity, TimeRange range) implements Intent {
    }

    /**
     * "Why is web-1 anomalous?", "what happened to web-1 in the last hour?"; host null = the newest anomaly.
     * With a range, every anomaly of the host in it is listed too.
     */
    record Explain(String host, TimeRange range) implements Intent {

        Explain(String host) {
            this(host, null);
        }
    }

    /**
     * "Which host is busiest?", "top 3 hosts by memory": hosts ranked by a metric (CPU unless one is named), now
     * or over a range; {@code top} the number of hosts asked for, 0 = the usual list; {@code lowestFirst} for
     * "least busy", "bottom 2".
     */
    record Busiest(Metric metric, TimeRange range, int top, boolean lowestFirst) implements Intent {

        Busiest(Metric metric, TimeRange range) {
            this(metric, range, 0, false);
        }

        Busiest(Metric metric, TimeRange range, int top) {
            this(metric, range, top, false);
        }
    }

    /** "Show logs from 10 minutes ago". */
    record Logs(TimeRange range, String host, ActionType action) implements Intent {
    }

    /**
     * "What did auto-remediation do today?"; trigger {@code RULE} for auto-remediation; {@code result} when only one
     * outcome is asked for ("any pending approvals?" {@code PENDING}, "what was refused?", "any dry runs?").
     */
    record Remediations(TimeRange range, Trigger trigger, String host, AuditResult result) implements Intent {

        Remediations(TimeRange range, Trigger trigger, String host) {
            this(range, trigger, host, null);
        }
    }

    /** "Is web-2 still learning?", "which hosts have a season?": the detector's state per host (null = every host). */
    record DetectorState(String host) implements Intent {
    }

    /**
     * "What is normal CPU for web-1?", "is 80% cpu normal for web-2": what a host's metric usually is. Empty metrics =
     * every metric; null host = every host; {@code asked} the percentage the question gives (80), null when none.
     */
    record Usual(String host, List<Metric> metrics, Double asked) implements Intent {

        Usual(String host, List<Metric> metrics) {
            this(host, metrics, null);
        }
    }

    /** "What has been acknowledged?", "who acked the db-1 alert": anomalies and alerts someone took in hand. */
    record Acknowledged(String host, TimeRange range) implements Intent {
    }

    /**
     * "Which notifications were sent?", "did anyone get paged about db-1?", "what went to slack today?": what the
     * channels were sent and whether it arrived.
     *
     * @param range   null: the last 24 hours
     * @param channel a channel's type or name asked about (null: every channel)
     */
    record Notifications(TimeRange range, String host, String channel, boolean failedOnly) implements Intent {
    }

    /** "What alerts are firing?", "why is web-1 alerting?": alerts from Alertmanager and Grafana. */
    record Alerts(String host, boolean firingOnly, boolean why) implements Intent {
    }

    /** "What is snoozed?". */
    record Snoozed() implements Intent {
    }

    /** "Is the agent healthy?". */
    record Status() implements Intent {
    }

    /**
     * "Restart nginx on web-1": a proposal for an operator to approve.
     *
     * @param missing what is needed before anything can be proposed (null when complete)
     */
    record Propose(ActionType action, String target, Map<String, String> params, String missing) implements Intent {
    }

    /** "cpu on web" with web-1 and web-2 known: ask which, never guess. */
    record Ambiguous(String word, List<String> hosts) implements Intent {
    }

    /** An action outside the closed set ("reboot", "delete", "run ..."): refused, nothing proposed. */
    record Unsupported(String verb) implements Intent {
    }

    /**
     * "Who is on call?", "what does web-1 cost?": a subject this agent has no data on. Answered with what it does
     * not know and what it can tell instead, never with unrelated figures.
     *
     * @param subject what was asked about and why it is not known, as the answer says it ("who is on call: the rota ...")
     * @param instead what the agent can answer on the same subject
     */
    record UnknownTopic(String subject, String instead) implements Intent {
    }

    /** "cpu since the deploy": a time given by an event the agent does not know; ask for a clock time. */
    record UnclearTime(String event) implements Intent {
    }

    /** Not understood: answer with what can be asked; {@code unknownHost} when the question named one. */
    record Help(String unknownHost) implements Intent {
    }
}
