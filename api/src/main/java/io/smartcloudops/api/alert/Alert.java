package io.smartcloudops.api.alert;

import io.smartcloudops.api.oncall.Acknowledgement;
import java.time.Instant;
import java.util.Map;

/**
 * An alert received from Alertmanager or Grafana, deduplicated by its fingerprint and start.
 *
 * @param id           {@code al-...}: stable for one firing of one alert (source, fingerprint, start)
 * @param source       {@link AlertSource}
 * @param fingerprint  the sender's fingerprint of the label set
 * @param name         the {@code alertname} label
 * @param host         the host it maps to ({@code alerts.host_label}, port stripped, target names applied);
 *                     absent when the alert has no such label
 * @param state        {@link AlertState}
 * @param severity     the {@code severity} label, if any
 * @param summary      one line for people: the {@code summary} or {@code description} annotation, else the name
 * @param labels       the alert's labels (values longer than 1,024 characters are shown cut)
 * @param annotations  the alert's annotations (likewise)
 * @param startsAt     when it started firing (sender's time)
 * @param endsAt       when it resolved (absent while firing)
 * @param receivedAt   when this agent first received it
 * @param updatedAt    when this agent last received a change of it
 * @param generatorUrl link back to the rule that made it
 * @param silenced     id of a silence that held while it was firing
 * @param acknowledged who took it in hand, and when
 */
public record Alert(
        String id,
        AlertSource source,
        String fingerprint,
        String name,
        String host,
        AlertState state,
        String severity,
        String summary,
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant startsAt,
        Instant endsAt,
        Instant receivedAt,
        Instant updatedAt,
        String generatorUrl,
        String silenced,
        Acknowledgement acknowledged) {

    public Alert {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public boolean firing() {
        return state == AlertState.FIRING;
    }

    /** This alert with the marks people and silences put on it. */
    public Alert marked(String silencedBy, Acknowledgement ack) {
        return new Alert(id, source, fingerprint, name, host, state, severity, summary, labels, annotations, startsAt,
                endsAt, receivedAt, updatedAt, generatorUrl, silencedBy, ack);
    }
}
