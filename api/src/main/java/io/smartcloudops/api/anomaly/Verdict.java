package io.smartcloudops.api.anomaly;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** An operator's verdict on an anomaly ({@code POST /anomalies/{id}/feedback}). */
public enum Verdict {
    /** not an anomaly: the detector takes what it flagged as normal for that host and those metrics */
    FALSE_ALARM,
    /** a real anomaly: the detector keeps the flagged pattern abnormal */
    CONFIRMED;

    /** {@code false_alarm} or {@code confirmed}: the wire name. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Verdict fromJson(String key) {
        return parse(key).orElseThrow(() -> new IllegalArgumentException(
                "unknown verdict '" + key + "' (expected " + keys() + ")"));
    }

    /** By wire name (case-insensitive); empty when unknown. */
    public static Optional<Verdict> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.key().equals(k)).findFirst();
    }

    /** {@code false_alarm or confirmed}, for error messages. */
    public static String keys() {
        return Arrays.stream(values()).map(Verdict::key).collect(Collectors.joining(" or "));
    }
}
