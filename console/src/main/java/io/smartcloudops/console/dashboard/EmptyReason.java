package io.smartcloudops.console.dashboard;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.status.HostStatus;
import io.smartcloudops.api.status.SourceStatus;
import io.smartcloudops.console.connection.ConnectionState;
import java.util.Optional;

/**
 * Why a chart has nothing to draw, in the words the chart shows. The most common complaint about
 * monitoring consoles is a silently empty chart; this one always says which of the usual causes it is.
 */
public final class EmptyReason {

    private EmptyReason() {
    }

    /**
     * @param connection the link to the agent
     * @param source     the agent's source health (absent before the first {@code /status})
     * @param host       the host's status (absent when the agent has not reported it)
     * @param hostName   the selected host name (empty when none)
     * @param metric     the chart's metric
     * @param range      the time range shown
     */
    public static String explain(ConnectionState connection, Optional<SourceStatus> source, Optional<HostStatus> host,
                                 String hostName, Metric metric, TimeRange range) {
        switch (connection.kind()) {
            case UNREACHABLE:
                return "No data: agent unreachable. " + connection.detail();
            case UNAUTHORIZED:
                return "No data: the agent refused the token. Set it in Settings (Ctrl+,).";
            case CONNECTING:
                if (source.isEmpty()) {
                    return connection.detail();
                }
                break;
            default:
                break;
        }
        if (source.isEmpty()) {
            return "Waiting for the agent's first status...";
        }
        SourceStatus s = source.get();
        if (!s.healthy()) {
            return "No data: source " + s.spec() + " is unhealthy"
                    + (s.reason() == null ? "" : ": " + s.reason())
                    + (s.consecutiveFailures() > 1 ? " (" + s.consecutiveFailures() + " failures in a row)" : "");
        }
        if (s.lastSuccess() == null) {
            return "Warming up: the first collection from " + s.spec() + " has not finished yet (every "
                    + Math.round(s.intervalSeconds()) + " s)";
        }
        if (hostName.isEmpty() || host.isEmpty()) {
            return hostName.isEmpty() ? "No samples yet: the source has reported no host"
                    : "No samples yet for " + hostName;
        }
        if (!host.get().values().containsKey(metric.key())) {
            return "The source does not report " + metric.description() + " (" + metric.key() + ") for " + hostName;
        }
        return "No samples in the last " + range.label() + " yet: waiting for the next collection";
    }
}
