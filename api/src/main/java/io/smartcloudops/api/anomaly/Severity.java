package io.smartcloudops.api.anomaly;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** Severity of an anomaly, ordered from least to most severe. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Severity fromJson(String key) {
        return parse(key).orElseThrow(() -> new IllegalArgumentException(
                "unknown severity '" + key + "' (expected low, medium, high or critical)"));
    }

    /** Parses {@code low|medium|high|critical} (case-insensitive); empty when unknown. */
    public static Optional<Severity> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        for (Severity s : values()) {
            if (s.key().equalsIgnoreCase(key.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
