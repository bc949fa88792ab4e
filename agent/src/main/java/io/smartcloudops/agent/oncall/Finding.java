package io.smartcloudops.agent.oncall;

import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.anomaly.Anomaly;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a silence can match: the host, the metrics involved, the rule and the labels of something the agent
 * found or was told, over the time it was open ({@code to} absent while it still is).
 */
public record Finding(String host, Set<String> metrics, String rule, Map<String, String> labels, Instant from, Instant to) {

    public Finding {
        metrics = metrics == null ? Set.of() : Set.copyOf(metrics);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public static Finding of(Anomaly a) {
        return new Finding(a.host(), a.metrics() == null ? Set.of() : Set.copyOf(a.metrics()), null, Map.of(),
                a.start() != null ? a.start() : a.timestamp(), a.end());
    }

    public static Finding of(Alert a) {
        return new Finding(a.host(), Set.of(), null, a.labels(), a.startsAt(), a.endsAt());
    }

    /** A rule about to act on a host, because of a condition that reads {@code metrics}. */
    public static Finding ofRule(String rule, String host, List<String> metrics, Instant now) {
        return new Finding(host, Set.copyOf(metrics), rule, Map.of(), now, now);
    }
}
