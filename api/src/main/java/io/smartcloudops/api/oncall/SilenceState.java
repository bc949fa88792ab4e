package io.smartcloudops.api.oncall;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where a silence stands: holding now, ran out by itself, or ended early by someone. */
public enum SilenceState {
    ACTIVE, EXPIRED, DELETED;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SilenceState parse(String text) {
        return fromKey(text).orElseThrow(() -> new IllegalArgumentException("unknown silence state '" + text
                + "' (expected " + keys() + ")"));
    }

    public static Optional<SilenceState> fromKey(String text) {
        return Arrays.stream(values()).filter(s -> s.key().equals(text)).findFirst();
    }

    /** {@code active, expired, deleted}. */
    public static String keys() {
        return Arrays.stream(values()).map(SilenceState::key).collect(Collectors.joining(", "));
    }
}
