package io.smartcloudops.agent.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartcloudops.api.Json;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * PagerDuty Events API v2: {@code trigger} when a subject opens, {@code acknowledge} when someone acknowledges
 * it here, {@code resolve} when it ends, all with {@code dedup_key} = the anomaly or alert id, so PagerDuty keeps
 * one incident per subject. No repeats: the incident stays open in PagerDuty by itself.
 */
public record PagerDutyChannel(String name, String url, String routingKey) implements Channel {

    /** PagerDuty's Events API v2 endpoint (EU accounts set their own through url_env). */
    public static final String EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";
    static final int SUMMARY_MAX = 1024;

    @Override
    public String type() {
        return "pagerduty";
    }

    @Override
    public Optional<OutgoingRequest> render(Notice n) {
        Subject s = n.subject();
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("routing_key", routingKey);
        String action = switch (n.kind()) {
            case OPENED -> "trigger";
            case ACKNOWLEDGED -> "acknowledge";
            case RESOLVED -> "resolve";
            case REPEATED -> null;
        };
        if (action == null) {
            return Optional.empty();
        }
        root.put("event_action", action);
        root.put("dedup_key", s.id());
        if (n.kind() == Notice.Kind.OPENED) {
            ObjectNode payload = root.putObject("payload");
            payload.put("summary", Texts.cut(s.title() + ": " + s.summary(), SUMMARY_MAX));
            payload.put("source", s.host() == null ? "smartcloudops" : s.host());
            payload.put("severity", severity(s.severity()));
            payload.put("timestamp", s.start().toString());
            payload.put("class", s.kind().key());
            ObjectNode details = payload.putObject("custom_details");
            SlackChannel.facts(n).forEach((k, v) -> details.put(k.toLowerCase(Locale.ROOT), Texts.cut(v, 1024)));
            root.put("client", "Smart Cloud Ops AI");
            if (s.link() != null && (s.link().startsWith("https://") || s.link().startsWith("http://"))) {
                root.putArray("links").addObject().put("href", s.link()).put("text", "Source");
            }
        }
        return Optional.of(new OutgoingRequest(url, Json.write(root), Map.of()));
    }

    /** PagerDuty knows critical, error, warning and info. */
    static String severity(String s) {
        if (s == null) {
            return "warning";
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "critical", "page", "emergency", "fatal" -> "critical";
            case "high", "error", "major" -> "error";
            case "low", "info", "none", "informational" -> "info";
            default -> "warning";
        };
    }

    @Override
    public String toString() {
        return "PagerDutyChannel[" + name + "]";  // never the URL or the routing key
    }
}
