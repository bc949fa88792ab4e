package io.smartcloudops.agent.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.agent.http.ApiException;
import io.smartcloudops.api.alert.AlertSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Checks the alerts of the two webhook bodies (read by {@code http.JsonBody} into {@link WebhookBody}):
 * Alertmanager's payload (version 4) and Grafana's webhook contact point, whose alerts have the same shape.
 * Fields this agent does not use are ignored (senders add fields over time); the ones it uses are checked, and
 * the first wrong one is a 400 that names it ({@code alerts[2].startsAt}). Nothing of a refused payload is kept.
 */
final class WebhookPayloads {

    static final int MAX_ALERTS = 1000;
    static final int MAX_LABELS = 128;
    static final int MAX_KEY = 256;
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9A-Za-z]{1,64}");
    /** What Go's zero time.Time looks like in these payloads: "no end yet". */
    private static final int ZERO_YEAR = 1;
    private static final Duration FUTURE_SKEW = Duration.ofDays(1);

    private WebhookPayloads() {
    }

    static List<ReceivedAlert> parse(AlertSource source, WebhookBody body, Clock clock) {
        if (source == AlertSource.ALERTMANAGER && !"4".equals(body.version())) {
            throw ApiException.badParameter("version", "must be \"4\" (Alertmanager's webhook payload version 4)"
                    + (body.version() == null ? "; it is missing" : ""));
        }
        JsonNode alerts = body.alerts();
        if (alerts == null || alerts.isNull() || !alerts.isArray()) {
            throw ApiException.badParameter("alerts", alerts == null || alerts.isNull() ? "required (an array of alerts)"
                    : "must be an array");
        }
        if (alerts.size() > MAX_ALERTS) {
            throw ApiException.badParameter("alerts", "more than " + MAX_ALERTS + " alerts in one payload");
        }
        List<ReceivedAlert> out = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            out.add(alert(source, alerts.get(i), "alerts[" + i + "]", clock));
        }
        return out;
    }

    private static ReceivedAlert alert(AlertSource source, JsonNode a, String at, Clock clock) {
        if (!a.isObject()) {
            throw ApiException.badParameter(at, "must be an object");
        }
        String status = text(a, "status", at, true);
        if (!status.equals("firing") && !status.equals("resolved")) {
            throw ApiException.badParameter(at + ".status", "must be \"firing\" or \"resolved\"");
        }
        Map<String, String> labels = strings(a, "labels", at, true);
        Map<String, String> annotations = strings(a, "annotations", at, false);
        Instant startsAt = time(a, "startsAt", at, true, clock);
        Instant endsAt = time(a, "endsAt", at, false, clock);
        if (endsAt != null && endsAt.isBefore(startsAt)) {
            throw ApiException.badParameter(at + ".endsAt", "is before startsAt");
        }
        String generator = text(a, "generatorURL", at, false);
        String fingerprint = text(a, "fingerprint", at, false);
        if (fingerprint == null || fingerprint.isEmpty()) {
            fingerprint = fingerprintOf(labels);
        } else if (!FINGERPRINT.matcher(fingerprint).matches()) {
            throw ApiException.badParameter(at + ".fingerprint", "must be 1 to 64 letters and digits");
        }
        return new ReceivedAlert(source, fingerprint, status.equals("resolved"), labels, annotations, startsAt, endsAt,
                generator == null || generator.isEmpty() ? null : generator);
    }

    private static String text(JsonNode a, String field, String at, boolean required) {
        JsonNode v = a.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw ApiException.badParameter(at + "." + field, "required");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.badParameter(at + "." + field, "must be a string");
        }
        return v.asText();
    }

    private static Map<String, String> strings(JsonNode a, String field, String at, boolean required) {
        JsonNode v = a.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw ApiException.badParameter(at + "." + field, "required (an object of strings)");
            }
            return Map.of();
        }
        if (!v.isObject()) {
            throw ApiException.badParameter(at + "." + field, "must be an object of strings");
        }
        if (v.size() > MAX_LABELS) {
            throw ApiException.badParameter(at + "." + field, "more than " + MAX_LABELS + " entries");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            String key = e.getKey();
            if (key.isEmpty() || key.length() > MAX_KEY || key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw ApiException.badParameter(at + "." + field, "a name is empty, longer than " + MAX_KEY
                        + " characters or has control characters");
            }
            if (!e.getValue().isTextual()) {
                throw ApiException.badParameter(at + "." + field + "." + DisplayText.cut(key, 40), "must be a string");
            }
            out.put(key, e.getValue().asText());
        }
        return out;
    }

    private static Instant time(JsonNode a, String field, String at, boolean required, Clock clock) {
        String text = text(a, field, at, required);
        if (text == null || text.isEmpty()) {
            if (required) {
                throw ApiException.badParameter(at + "." + field, "required");
            }
            return null;
        }
        OffsetDateTime t;
        try {
            t = OffsetDateTime.parse(text);
        } catch (DateTimeException e) {
            throw ApiException.badParameter(at + "." + field, "'" + DisplayText.cut(text, 40)
                    + "' is not an RFC 3339 time (e.g. 2026-05-01T12:00:00Z)");
        }
        if (t.getYear() == ZERO_YEAR) {
            if (required) {
                throw ApiException.badParameter(at + "." + field, "is unset (0001-01-01)");
            }
            return null;
        }
        Instant i = t.toInstant();
        if (i.isAfter(clock.instant().plus(FUTURE_SKEW))) {
            throw ApiException.badParameter(at + "." + field, "'" + text + "' is more than a day in the future");
        }
        return i;
    }

    /** Stands in for a missing fingerprint: the SHA-256 of the sorted label set, like the senders' own. */
    static String fingerprintOf(Map<String, String> labels) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(labels).forEach((k, v) -> sb.append(k).append('\u00ff').append(v).append('\u00ff'));
        return sha256(sb.toString()).substring(0, 16);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sender(AlertSource source) {
        return source == AlertSource.ALERTMANAGER ? "Alertmanager" : "Grafana";
    }
}
