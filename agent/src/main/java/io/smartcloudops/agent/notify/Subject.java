package io.smartcloudops.agent.notify;

import io.smartcloudops.agent.oncall.FindingKind;
import io.smartcloudops.api.oncall.Acknowledgement;
import java.time.Instant;
import java.util.Map;

/**
 * What a notification is about, the same for every channel: an anomaly or an alert.
 *
 * @param id        the anomaly or alert id (PagerDuty's {@code dedup_key})
 * @param title     e.g. {@code HighCPU on web-1}
 * @param severity  the anomaly's severity or the alert's {@code severity} label (may be null)
 * @param summary   one line for people
 * @param source    {@code detector}, {@code alertmanager} or {@code grafana}
 * @param details   further facts (metrics, labels), shown as fields
 * @param link      where it came from (an alert's generator URL), or null
 * @param ack       who acknowledged it, or null
 */
public record Subject(FindingKind kind, String id, String host, String title, String severity, String summary,
                      String source, Instant start, Instant end, Map<String, String> details, String link,
                      Acknowledgement ack) {

    public Subject {
        // kept in order: channels show them as fields in this order
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }
}
