package io.smartcloudops.api.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** An alert fires until its sender says it resolved (or sends an end time that has passed). */
public enum AlertState {
    FIRING, RESOLVED;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AlertState parse(String text) {
        return fromKey(text).orElseThrow(() -> new IllegalArgumentException("unknown alert state '" + text
                + "' (expected firing or resolved)"));
    }

    public static Optional<AlertState> fromKey(String text) {
        return Arrays.stream(values()).filter(s -> s.key().equals(text)).findFirst();
    }
}
