package io.smartcloudops.agent.chat.offline;

import io.smartcloudops.api.Metric;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A follow-up that only changes a part of the question before it: "and web-2?" after "cpu on web-1", "what
 * about memory", "over the last hour?", "and by disk?". The earlier question is read again and the host, metric
 * or time named now replaces its own; the rest is kept. Anything that is not such a fragment is read on its own.
 */
final class FollowUps {

    /** Typed in front of a fragment: read on the question as typed (the regular text has lost its "and"). */
    private static final Pattern CUE = Pattern.compile("^(?:and|what about|how about|same (?:for|on|with|but)|now for|also for|then for)\\b");
    /** Mentions and greetings before the cue: "@smartcloudops and web-2?", "hey, what about db-1". */
    private static final Pattern ADDRESS = Pattern.compile("^(?:(?:<@[\\w.-]+>|@[\\w.-]+|hey|hi|hiya|hello|yo|bot|ok|okay|so|btw|quick question"
            + "|quick q|(?:(?:can|could|would) you (?:please )?)?tell me|do you know)[\\s,:!.-]+)+");
    /** A fragment that starts with only a time, a host or a metric: "over the last hour?", "yesterday?". */
    private static final Pattern FRAGMENT = Pattern.compile("^(?:over|in|for|during|since|between|from|on|by|yesterday|today|last|this"
            + "|the last|past|the past)\\b[^?]{0,40}\\??$");
    private static final int FRAGMENT_WORDS = 6;

    private FollowUps() {
    }

    static boolean isFollowUp(String typed, String lower) {
        return CUE.matcher(ADDRESS.matcher(typed.trim().toLowerCase(Locale.ROOT)).replaceFirst("")).find()
                || FRAGMENT.matcher(lower).find() && lower.split("\\s+").length <= FRAGMENT_WORDS
                || metricAlone(lower);
    }

    /** "mem?", "and load" typed after a host's figures: a metric word or two on their own, asked of the same host. */
    private static boolean metricAlone(String lower) {
        String bare = lower.replaceAll("[?!.]+", " ").trim();
        return !bare.isEmpty() && bare.split("\\s+").length <= 2 && MetricWords.find(bare).size() == 1
                && bare.matches("[a-z/% ]+");
    }

    /**
     * The earlier reading with what the follow-up names put in; empty when the follow-up names nothing (host,
     * metric or time) or the earlier reading has no such parts.
     */
    static Optional<Intent> merge(Intent previous, List<String> hosts, List<Metric> metrics, Optional<TimeRange> range) {
        if (hosts.isEmpty() && metrics.isEmpty() && range.isEmpty()) {
            return Optional.empty();
        }
        String host = hosts.isEmpty() ? null : hosts.getFirst();
        return Optional.ofNullable(switch (previous) {
            case Intent.CurrentMetrics p -> figures(or(hosts, p.hosts()), or(metrics, p.metrics()), range.orElse(null));
            case Intent.SeriesStats p -> figures(or(hosts, p.hosts()), or(metrics, p.metrics()), range.orElse(p.range()));
            case Intent.Busiest p -> hosts.isEmpty()
                    ? new Intent.Busiest(metrics.isEmpty() ? p.metric() : metrics.getFirst(), range.orElse(p.range()), p.top(),
                            p.lowestFirst())
                    : figures(hosts, metrics.isEmpty() ? List.of(p.metric()) : metrics, range.orElse(p.range()));
            case Intent.Anomalies p -> new Intent.Anomalies(p.count(), p.countGiven(), host != null ? host : p.host(),
                    p.minSeverity(), range.orElse(p.range()));
            case Intent.Explain p -> new Intent.Explain(host != null ? host : p.host(), range.orElse(p.range()));
            case Intent.Alerts p -> new Intent.Alerts(host != null ? host : p.host(), p.firingOnly(), p.why());
            case Intent.Remediations p -> new Intent.Remediations(range.orElse(p.range()), p.trigger(), host != null ? host : p.host(),
                    p.result());
            case Intent.Logs p -> new Intent.Logs(range.orElse(p.range()), host != null ? host : p.host(), p.action());
            default -> null;
        });
    }

    private static Intent figures(List<String> hosts, List<Metric> metrics, TimeRange range) {
        return range == null ? new Intent.CurrentMetrics(List.copyOf(hosts), metrics)
                : new Intent.SeriesStats(List.copyOf(hosts), metrics, range);
    }

    private static <T> List<T> or(List<T> named, List<T> before) {
        return named.isEmpty() ? before : named;
    }
}
