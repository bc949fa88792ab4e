package io.smartcloudops.api.remediation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a remediation is in its life: {@code pending} (waiting for an operator's approval) →
 * {@code running} → {@code succeeded} | {@code failed} | {@code refused}; or {@code planned} for a dry run
 * (nothing ran), {@code rejected} or {@code expired} for a pending one nobody approved.
 */
public enum RemediationState {
    PENDING, RUNNING, SUCCEEDED, FAILED, REFUSED, PLANNED, REJECTED, EXPIRED;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RemediationState fromJson(String key) {
        return fromKey(key).orElseThrow(() -> new IllegalArgumentException(
                "unknown state '" + key + "' (expected " + keys() + ")"));
    }

    public static Optional<RemediationState> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(s -> s.key().equalsIgnoreCase(key.trim())).findFirst();
    }

    public static String keys() {
        return Arrays.stream(values()).map(RemediationState::key).collect(Collectors.joining(", "));
    }

    /** Whether nothing more will happen to it (verification aside). */
    public boolean terminal() {
        return this != PENDING && this != RUNNING;
    }
}
