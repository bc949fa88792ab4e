package io.smartcloudops.agent.chat.offline;

import io.smartcloudops.agent.chat.tools.ToolOutput;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.TextCut;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Contributor;
import io.smartcloudops.api.chat.ProposedAction;
import io.smartcloudops.api.status.AgentStatus;
import io.smartcloudops.api.status.HostStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes the offline answers: short, with the numbers and times they rest on. */
final class AnswerWriter {

    static final int MAX_HOSTS_LISTED = 5;
    private static final int MAX_DETAIL = 140;

    private final AnswerTimes times;

    AnswerWriter(AnswerTimes times) {
        this.times = times;
    }

    static String metricName(String key) {
        return Metric.fromKey(key).map(m -> switch (m) {
            case CPU -> "CPU";
            case MEM -> "memory";
            case DISK -> "disk";
            case DISK_IO -> "disk I/O";
            case NET_IN -> "network in";
            case NET_OUT -> "network out";
            case LOAD1 -> "load (1m)";
        }).orElse(key);
    }

    private static String format(String metricKey, double value) {
        return Metric.fromKey(metricKey).map(m -> m.format(value)).orElse(String.format(Locale.ROOT, "%.2f", value));
    }

    // --- current values --------------------------------------------------------------------------------

    String currentMetrics(List<ToolOutput.MetricValues> outputs) {
        Map<String, List<ToolOutput.HostValue>> byMetric = new LinkedHashMap<>();
        Instant newest = null;
        String note = null;
        for (ToolOutput.MetricValues out : outputs) {
            for (ToolOutput.HostValue v : out.values()) {
                byMetric.computeIfAbsent(v.metric(), k -> new ArrayList<>()).add(v);
                if (v.at() != null && (newest == null || v.at().isAfter(newest))) {
                    newest = v.at();
                }
            }
            if (out.note() != null) {
                note = out.note();
            }
        }
        if (byMetric.isEmpty()) {
            return "I have no values to show: " + (note == null ? "no samples yet" : note) + ".";
        }
        List<String> sentences = new ArrayList<>();
        boolean oneHost = byMetric.values().stream().flatMap(List::stream).map(ToolOutput.HostValue::host).distinct().count() == 1;
        if (oneHost && byMetric.size() > 1) {
            String host = byMetric.values().iterator().next().getFirst().host();
            sentences.add(host + " now: " + byMetric.values().stream().map(List::getFirst)
                    .map(v -> metricName(v.metric()) + " " + v.formatted() + baseline(v)).collect(Collectors.joining(", ")) + ".");
        }
        for (Map.Entry<String, List<ToolOutput.HostValue>> e : oneHost && byMetric.size() > 1 ? Map.<String, List<ToolOutput.HostValue>>of().entrySet() : byMetric.entrySet()) {
            List<ToolOutput.HostValue> values = e.getValue();
            String name = metricName(e.getKey());
            if (values.size() == 1) {
                ToolOutput.HostValue v = values.getFirst();
                sentences.add(v.host() + " " + name + " is " + v.formatted() + baseline(v) + ".");
            } else {
                String list = values.stream().sorted(Comparator.comparingDouble(ToolOutput.HostValue::value).reversed())
                        .limit(MAX_HOSTS_LISTED).map(v -> v.host() + " " + v.formatted() + baseline(v))
                        .collect(Collectors.joining(", "));
                int more = values.size() - MAX_HOSTS_LISTED;
                sentences.add(capitalise(name) + " now, highest first: " + list
                        + (more > 0 ? " and " + more + " more host" + (more == 1 ? "" : "s") : "") + ".");
            }
        }
        if (newest != null) {
            sentences.add("Latest sample at " + times.timeWithSeconds(newest) + " " + times.zoneLabel() + "; baseline = the host's median over the last hour.");
        }
        return String.join(byMetric.size() > 2 && !oneHost ? "\n" : " ", sentences);
    }

    private static String baseline(ToolOutput.HostValue v) {
        return v.baselineFormatted() == null ? "" : " (baseline " + v.baselineFormatted() + ")";
    }

    // --- statistics --------------------------------------------------------------------------------------

    String seriesStats(List<ToolOutput.SeriesSummary> outputs, String rangeLabel) {
        List<String> lines = new ArrayList<>();
        String note = null;
        for (ToolOutput.SeriesSummary out : outputs) {
            int shown = 0;
            for (ToolOutput.Stats s : out.series()) {
                if (shown++ >= MAX_HOSTS_LISTED) {
                    lines.add("(" + (out.series().size() - MAX_HOSTS_LISTED) + " more hosts in data)");
                    break;
                }
                lines.add(s.host() + " " + metricName(s.metric()) + " " + rangeLabel + " (" + s.samples() + " samples): min "
                        + format(s.metric(), s.min()) + ", mean " + format(s.metric(), s.mean()) + ", p95 "
                        + format(s.metric(), s.p95()) + ", max " + format(s.metric(), s.max()) + ", last "
                        + format(s.metric(), s.last()) + "." + (s.note() == null ? "" : " (" + s.note() + ".)"));
            }
            if (out.note() != null && out.series().isEmpty()) {
                note = out.note();
            }
        }
        if (lines.isEmpty()) {
            return "No data " + rangeLabel + ": " + (note == null ? "no samples" : note) + ".";
        }
        return String.join("\n", lines);
    }

    // --- anomalies ---------------------------------------------------------------------------------------

    String anomalies(ToolOutput.AnomalyDigest digest, int asked, boolean countGiven, String host,
                     io.smartcloudops.api.anomaly.Severity minSeverity, String rangeLabel, Instant now) {
        String scope = (minSeverity == null ? "" : " of severity " + minSeverity.key() + " or worse")
                + (host == null ? "" : " on " + host) + (rangeLabel == null ? "" : " " + rangeLabel);
        if (digest.anomalies().isEmpty()) {
            return "No anomalies recorded" + scope + "." + (digest.note() == null ? "" : " (" + digest.note() + ")");
        }
        List<Anomaly> list = digest.anomalies();
        int n = list.size();
        String head;
        if (asked == 1) {
            head = "Last anomaly" + scope + ":";
        } else if (n == asked) {
            head = "Last " + n + " anomalies" + scope + " (newest first):";
        } else {
            head = (countGiven ? "Only " : "") + n + " anomal" + (n == 1 ? "y" : "ies") + " recorded" + scope
                    + (n == 1 ? ":" : " (newest first):");
        }
        StringBuilder sb = new StringBuilder(head);
        int i = 1;
        for (Anomaly a : list) {
            sb.append('\n').append(i++).append(". ").append(a.host()).append(" at ").append(times.when(a.timestamp(), now))
                    .append(", ").append(a.severity() == null ? "unrated" : a.severity().key())
                    .append(String.format(Locale.ROOT, " (score %.2f)", a.score())).append(": ").append(drivers(a))
                    .append(a.end() == null ? "; still open." : "; ended at " + times.when(a.end(), now) + ".");
        }
        return sb.toString();
    }

    /** A host's anomalies in a time range, newest first, and its values now. */
    String hostHistory(String host, String rangeLabel, List<Anomaly> anomalies, ToolOutput.MetricValues now, Instant at) {
        StringBuilder sb = new StringBuilder();
        if (anomalies.isEmpty()) {
            sb.append("No anomalies on ").append(host).append(' ').append(rangeLabel).append('.');
        } else {
            int n = anomalies.size();
            sb.append(host).append(' ').append(rangeLabel).append(": ").append(n).append(" anomal").append(n == 1 ? "y" : "ies")
                    .append(n == 1 ? ":" : " (newest first):");
            int i = 1;
            for (Anomaly a : anomalies) {
                sb.append('\n').append(i++).append(". ").append(times.when(a.timestamp(), at)).append(", ")
                        .append(a.severity() == null ? "unrated" : a.severity().key())
                        .append(String.format(Locale.ROOT, " (score %.2f)", a.score())).append(": ").append(drivers(a))
                        .append(a.end() == null ? "; still open." : "; ended at " + times.when(a.end(), at) + ".");
            }
        }
        List<String> values = now.values().stream().filter(v -> host.equals(v.host()))
                .map(v -> metricName(v.metric()) + " " + v.formatted()).toList();
        if (!values.isEmpty()) {
            sb.append(anomalies.isEmpty() ? " " : "\n").append("Now: ").append(String.join(", ", values)).append('.');
        }
        return sb.toString();
    }

    /**
     * Hosts ranked by their latest value of one metric, highest first (lowest first for "least busy"); {@code asked}
     * hosts when asked ("top 3 hosts by memory"), 0 = the usual list.
     */
    String busiestNow(Metric metric, ToolOutput.MetricValues out, int asked, boolean lowestFirst) {
        Comparator<ToolOutput.HostValue> highest = Comparator.comparingDouble(ToolOutput.HostValue::value).reversed();
        List<ToolOutput.HostValue> values = out.values().stream().sorted(lowestFirst ? highest.reversed() : highest)
                .limit(asked > 0 ? asked : Long.MAX_VALUE).toList();
        if (values.isEmpty()) {
            return "I have no " + metricName(metric.key()) + " values yet: " + (out.note() == null ? "no samples" : out.note()) + ".";
        }
        if (asked > 0) {
            return (lowestFirst ? "Lowest " : "Top ") + values.size() + " by " + metricName(metric.key()) + " now: " + values.stream()
                    .map(v -> v.host() + " " + v.formatted() + baseline(v)).collect(Collectors.joining(", ")) + "."
                    + (values.getFirst().at() == null ? "" : " Latest sample at " + times.timeWithSeconds(values.getFirst().at())
                    + " " + times.zoneLabel() + ".");
        }
        ToolOutput.HostValue top = values.getFirst();
        StringBuilder sb = new StringBuilder(lowestFirst ? "Least busy by " : "Busiest by ").append(metricName(metric.key())).append(" now: ")
                .append(top.host()).append(' ').append(top.formatted()).append(baseline(top)).append('.');
        if (values.size() > 1) {
            sb.append(" Then ").append(values.stream().skip(1).limit(MAX_HOSTS_LISTED - 1)
                    .map(v -> v.host() + " " + v.formatted()).collect(Collectors.joining(", ")));
            int more = values.size() - MAX_HOSTS_LISTED;
            sb.append(more > 0 ? " and " + more + " more host" + (more == 1 ? "" : "s") : "").append('.');
        }
        if (top.at() != null) {
            sb.append(" Latest sample at ").append(times.timeWithSeconds(top.at())).append(' ').append(times.zoneLabel()).append('.');
        }
        return sb.toString();
    }

    /** Hosts ranked by the mean of one metric over a range. */
    String busiestOver(Metric metric, String rangeLabel, ToolOutput.SeriesSummary out, int asked, boolean lowestFirst) {
        Comparator<ToolOutput.Stats> highest = Comparator.comparingDouble(ToolOutput.Stats::mean).reversed();
        List<ToolOutput.Stats> ranked = out.series().stream().sorted(lowestFirst ? highest.reversed() : highest)
                .limit(asked > 0 ? asked : Long.MAX_VALUE).toList();
        if (ranked.isEmpty()) {
            return "No " + metricName(metric.key()) + " data " + rangeLabel + ": " + (out.note() == null ? "no samples" : out.note()) + ".";
        }
        ToolOutput.Stats top = ranked.getFirst();
        StringBuilder sb = new StringBuilder(lowestFirst ? "Least busy by mean " : "Busiest by mean ").append(metricName(metric.key())).append(' ').append(rangeLabel)
                .append(": ").append(top.host()).append(' ').append(format(top.metric(), top.mean())).append(" (max ")
                .append(format(top.metric(), top.max())).append(").");
        if (ranked.size() > 1) {
            sb.append(" Then ").append(ranked.stream().skip(1).limit(MAX_HOSTS_LISTED - 1)
                    .map(st -> st.host() + " " + format(st.metric(), st.mean())).collect(Collectors.joining(", "))).append('.');
        }
        return sb.toString();
    }

    private static String drivers(Anomaly a) {
        if (a.contributors() != null && !a.contributors().isEmpty()) {
            return a.contributors().stream().limit(3).map(c -> !c.explanation().isEmpty() ? c.explanation()
                    : c.metric() + " " + format(c.metric(), c.value()) + " (baseline " + format(c.metric(), c.baseline()) + ")")
                    .collect(Collectors.joining(", "));
        }
        if (a.summary() != null && !a.summary().isBlank()) {
            return quote(a.summary());
        }
        return a.metrics() == null || a.metrics().isEmpty() ? "no metric named" : String.join(", ", a.metrics());
    }

    String explanation(ToolOutput.Explanation e, Instant now) {
        StringBuilder sb = new StringBuilder();
        Anomaly a = e.anomaly();
        if (a == null) {
            sb.append("No anomaly recorded for ").append(e.host()).append(e.note() != null && !e.note().startsWith("no anomaly")
                    ? " (" + e.note() + ")" : "").append('.');
        } else {
            sb.append(a.host()).append(a.end() == null ? " is anomalous since " + times.when(a.start() == null ? a.timestamp() : a.start(), now)
                            : " was anomalous from " + times.when(a.start() == null ? a.timestamp() : a.start(), now) + " to " + times.when(a.end(), now))
                    .append(" (").append(a.severity() == null ? "unrated" : a.severity().key())
                    .append(String.format(Locale.ROOT, ", score %.2f", a.score())).append(").");
            if (a.contributors() != null && !a.contributors().isEmpty()) {
                sb.append(" The main driver").append(a.contributors().size() > 1 ? "s are " : " is ");
                List<String> parts = new ArrayList<>();
                for (Contributor c : a.contributors().stream().limit(3).toList()) {
                    parts.add(metricName(c.metric()) + " at " + format(c.metric(), c.value()) + " against a baseline of "
                            + format(c.metric(), c.baseline())
                            + String.format(Locale.ROOT, " (%+.1f robust SD)", c.deviation()));
                }
                sb.append(String.join("; ", parts)).append('.');
            } else if (a.summary() != null && !a.summary().isBlank()) {
                sb.append(" Detector summary: ").append(quote(a.summary())).append('.');
            }
        }
        if (!e.now().isEmpty()) {
            sb.append(" Now: ").append(e.now().entrySet().stream().map(x -> x.getKey() + " " + x.getValue())
                    .collect(Collectors.joining(", "))).append('.');
        }
        return sb.toString();
    }

    // --- status ------------------------------------------------------------------------------------------

    String status(AgentStatus s, Instant now) {
        StringBuilder sb = new StringBuilder("Agent ").append(s.version()).append(", up ")
                .append(duration(Duration.ofSeconds(s.uptimeSeconds()))).append(". Source ").append(s.source().kind())
                .append(s.source().healthy() ? " is healthy" : " is FAILING" + (s.source().reason() == null ? "" : ": " + s.source().reason()));
        if (s.source().lastSuccess() != null) {
            sb.append(", last collection ").append(times.when(s.source().lastSuccess(), now));
        }
        sb.append(". ");
        List<HostStatus> hosts = new ArrayList<>(s.hosts());
        hosts.sort(Comparator.comparing(HostStatus::host));
        sb.append(hosts.size()).append(" host").append(hosts.size() == 1 ? "" : "s");
        if (!hosts.isEmpty()) {
            sb.append(": ").append(hosts.stream().limit(MAX_HOSTS_LISTED).map(h -> h.host()
                    + (h.values().containsKey("cpu") ? " (CPU " + format("cpu", h.values().get("cpu")) + ")" : "")
                    + (h.detector() == null ? "" : " " + h.detector())).collect(Collectors.joining(", ")));
            if (hosts.size() > MAX_HOSTS_LISTED) {
                sb.append(" and ").append(hosts.size() - MAX_HOSTS_LISTED).append(" more");
            }
        }
        sb.append('.');
        if (s.components() != null && !s.components().isEmpty()) {
            sb.append(" Components: ").append(String.join(", ", s.components().keySet())).append(" (details in data).");
        }
        return sb.toString();
    }

    private static String duration(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        return minutes + "m " + d.toSecondsPart() + "s";
    }

    // --- proposals ---------------------------------------------------------------------------------------

    String proposed(ProposedAction p) {
        return "Proposed " + ActionAnswers.action(p.action(), p.params()) + " on " + p.target() + " for an operator's approval (id "
                + p.id() + (p.dryRun() ? "; it will run as a dry run" : "") + "). Nothing has run: an operator approves it "
                + "in the console or with POST /remediations/" + p.id() + "/approve.";
    }

    String refused(String field, String reason) {
        return "Not proposed: " + field + ": " + reason + ". Nothing was recorded as pending and nothing ran.";
    }

    static String quote(String untrusted) {
        String s = untrusted.replaceAll("\\s+", " ").strip();
        s = TextCut.ellipsis(s, MAX_DETAIL, "…");
        return "\"" + s.replace("\"", "'") + "\"";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
