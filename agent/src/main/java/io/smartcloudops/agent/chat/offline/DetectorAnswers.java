package io.smartcloudops.agent.chat.offline;

import io.smartcloudops.agent.chat.tools.ToolOutput;
import io.smartcloudops.api.status.AgentStatus;
import io.smartcloudops.api.status.DetectorState;
import io.smartcloudops.api.status.HostStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The offline answers about the detector: its state per host, and what a host's metric usually is. */
final class DetectorAnswers {

    private static final int MAX_HOSTS = 10;

    /** "Is web-2 still learning?", "which hosts have a season?": phase, time left to learn, seasons, level shifts. */
    String state(AgentStatus status, String host) {
        List<HostStatus> hosts = new ArrayList<>(status.hosts().stream().filter(h -> host == null || h.host().equals(host)).toList());
        hosts.sort(Comparator.comparing(HostStatus::host));
        if (hosts.isEmpty()) {
            return host == null ? "The detector has seen no host yet." : "The detector has not seen " + host + " yet: no sample of it"
                    + " was scored.";
        }
        StringBuilder sb = new StringBuilder(host == null ? "Detector, per host:" : "Detector on " + host + ":");
        for (HostStatus h : hosts.subList(0, Math.min(MAX_HOSTS, hosts.size()))) {
            sb.append(host == null ? "\n- " + h.host() + ": " : " ").append(describe(h)).append('.');
        }
        if (hosts.size() > MAX_HOSTS) {
            sb.append("\n(and ").append(hosts.size() - MAX_HOSTS).append(" more hosts)");
        }
        return sb.toString();
    }

    private static String describe(HostStatus h) {
        DetectorState d = h.detectorState();
        if (d == null) {
            return h.detector() == null ? "no detector state (the detector is off or has not scored it)" : h.detector();
        }
        if ("learning".equals(d.phase())) {
            return "still learning, " + d.learningSamplesLeft() + " samples (about " + minutes(d.learningSecondsLeft())
                    + ") before it is scored; nothing is flagged until then";
        }
        StringBuilder sb = new StringBuilder("scoring");
        List<String> daily = season(d, "daily");
        List<String> weekly = season(d, "weekly");
        sb.append(daily.isEmpty() && weekly.isEmpty() ? ", no daily or weekly season found yet"
                : (daily.isEmpty() ? "" : ", daily season found for " + String.join(", ", daily))
                        + (weekly.isEmpty() ? "" : ", weekly season found for " + String.join(", ", weekly)));
        List<String> shifted = d.metrics().stream().filter(DetectorState.MetricState::levelJustShifted)
                .map(DetectorState.MetricState::metric).toList();
        if (!shifted.isEmpty()) {
            sb.append(", level just shifted for ").append(String.join(", ", shifted)).append(" (taken as the new normal)");
        }
        return sb.toString();
    }

    private static List<String> season(DetectorState d, String season) {
        return d.metrics().stream().filter(m -> season.equals(m.season())).map(DetectorState.MetricState::metric).toList();
    }

    private static String minutes(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        return d.toMinutes() < 1 ? seconds + " s" : d.toHours() >= 2 ? d.toHours() + " h" : d.toMinutes() + " min";
    }

    /**
     * "What is normal CPU for web-1?": the band the detector expects the metric in (what the console draws behind its
     * charts) beside the value now; while the detector still learns the host, or without a detector, the median of the
     * last hour instead, and why.
     */
    String usual(List<ToolOutput.MetricValues> values, AgentStatus status) {
        return usual(values, status, null);
    }

    /** @param asked a value the question asks about ("is 80% cpu normal?"), or null */
    String usual(List<ToolOutput.MetricValues> values, AgentStatus status, Double asked) {
        StringBuilder sb = new StringBuilder();
        boolean medians = false;
        for (ToolOutput.MetricValues out : values) {
            for (ToolOutput.HostValue v : out.values()) {
                sb.append(sb.isEmpty() ? "" : "\n").append(v.host()).append(' ').append(v.metric()).append(": ");
                ToolOutput.Band b = v.band();
                if (b != null) {
                    boolean outside = v.value() < b.lower() || v.value() > b.upper();
                    sb.append("the detector expects about ").append(b.expectedFormatted()).append(", normal between ")
                            .append(b.lowerFormatted()).append(" and ").append(b.upperFormatted())
                            .append("none".equals(b.basis()) ? " (from its recent level)" : " (following its " + b.basis() + " season)")
                            .append("; now ").append(v.formatted()).append(outside ? ", outside the band" : ", inside the band")
                            .append('.');
                    if (asked != null) {
                        String a = format(v.metric(), asked);
                        sb.append(' ').append(a).append(asked > b.upper() ? " would be outside it (above " + b.upperFormatted() + ")."
                                : asked < b.lower() ? " would be outside it (below " + b.lowerFormatted() + ")."
                                : " would be inside it.");
                    }
                    continue;
                }
                medians = true;
                learning(status, v.host()).ifPresent(l -> sb.append("the detector is still learning ").append(v.host())
                        .append(" (").append(l).append("), so it has no band yet; "));
                sb.append(v.baselineFormatted() == null ? "no usual level yet (no samples in the last hour)"
                                : "usually about " + v.baselineFormatted() + " (median of the last hour)")
                        .append(", now ").append(v.formatted());
                seasonOf(status, v.host(), v.metric()).ifPresent(s -> sb.append("; the detector's expectation follows its ")
                        .append(s).append(" season"));
                if (asked != null && v.baseline() != null) {
                    sb.append("; ").append(format(v.metric(), asked)).append(" is ")
                            .append(asked > v.baseline() ? "above" : asked < v.baseline() ? "below" : "at").append(" that median");
                }
                sb.append('.');
            }
        }
        if (sb.isEmpty()) {
            return "I have no samples for that yet, so I can't say what is usual.";
        }
        return medians ? sb.append("\nThe band the detector expects each metric to stay in is drawn behind the console's charts"
                + " and exported on /metrics (smartcloudops_band_lower, smartcloudops_band_upper) once it scores the host.")
                .toString() : sb.toString();
    }

    private static String format(String metricKey, double value) {
        return io.smartcloudops.api.Metric.fromKey(metricKey).map(m -> m.format(value)).orElse(String.valueOf(value));
    }

    /** "80 more samples, about 6 min" while the detector learns {@code host}; empty once it scores it or never saw it. */
    private static Optional<String> learning(AgentStatus status, String host) {
        return status.hosts().stream().filter(h -> h.host().equals(host) && h.detectorState() != null
                        && "learning".equals(h.detectorState().phase()))
                .map(h -> h.detectorState().learningSamplesLeft() + " more samples, about "
                        + minutes(h.detectorState().learningSecondsLeft()))
                .findFirst();
    }

    private static Optional<String> seasonOf(AgentStatus status, String host, String metric) {
        return status.hosts().stream().filter(h -> h.host().equals(host) && h.detectorState() != null)
                .flatMap(h -> h.detectorState().metrics().stream())
                .filter(m -> m.metric().equals(metric) && m.season() != null && !"none".equals(m.season()))
                .map(DetectorState.MetricState::season).findFirst();
    }
}
