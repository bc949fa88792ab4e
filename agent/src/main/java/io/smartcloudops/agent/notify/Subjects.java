package io.smartcloudops.agent.notify;

import io.smartcloudops.agent.oncall.FindingKind;
import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.anomaly.Anomaly;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Anomalies and alerts as notification subjects. */
final class Subjects {

    /** Labels every alert has or that the fields already show. */
    private static final Set<String> SHOWN = Set.of("alertname", "severity");

    private Subjects() {
    }

    static Subject of(Anomaly a) {
        String metrics = a.metrics() == null || a.metrics().isEmpty() ? "" : String.join(", ", a.metrics());
        Map<String, String> details = new LinkedHashMap<>();
        if (!metrics.isEmpty()) {
            details.put("Metrics", metrics);
        }
        details.put("Score", String.format(Locale.ROOT, "%.2f", a.score()));
        String title = (metrics.isEmpty() ? "Anomaly" : metrics + " anomaly") + " on " + a.host();
        return new Subject(FindingKind.ANOMALY, a.id(), a.host(), title, a.severity() == null ? null : a.severity().key(),
                a.summary() == null ? "" : a.summary(), "detector", a.start() != null ? a.start() : a.timestamp(), a.end(),
                details, null, a.acknowledged());
    }

    static Subject of(Alert a) {
        Map<String, String> details = new LinkedHashMap<>();
        String labels = a.labels().entrySet().stream().filter(e -> !SHOWN.contains(e.getKey()))
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(", "));
        if (!labels.isEmpty()) {
            details.put("Labels", labels);
        }
        String name = a.name() == null || a.name().isBlank() ? "Alert" : a.name();
        String title = a.host() == null ? name : name + " on " + a.host();
        return new Subject(FindingKind.ALERT, a.id(), a.host(), title, a.severity(), a.summary(), a.source().key(),
                a.startsAt(), a.endsAt(), details, a.generatorUrl(), a.acknowledged());
    }
}
