package io.smartcloudops.api.remediation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The actions the agent can take: a closed set. */
public enum ActionType {
    /** Restart one allow-listed service unit on the target (param {@code unit}). */
    RESTART_SERVICE("restart_service"),
    /** Raise the desired capacity of the target's Auto Scaling group by one, within its maximum. */
    SCALE_UP("scale_up"),
    /**
     * Lower the desired capacity of the target's Auto Scaling group: to {@code to} (or by one), never below the
     * group's minimum; with {@code expected}, only if the desired capacity is still that (compare first).
     */
    SCALE_IN("scale_in"),
    /** Publish a message to the configured SNS topic (params {@code message}, optional {@code subject}). */
    NOTIFY("notify");

    private final String key;

    ActionType(String key) {
        this.key = key;
    }

    /** The wire name: {@code restart_service}, {@code scale_up}, {@code scale_in}, {@code notify}. */
    @JsonValue
    public String key() {
        return key;
    }

    /** Looks an action up by its wire name; empty when unknown. */
    public static Optional<ActionType> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.key.equals(k)).findFirst();
    }

    /** {@code restart_service, scale_up, scale_in, notify}, for error messages. */
    public static String keys() {
        return Arrays.stream(values()).map(ActionType::key).collect(Collectors.joining(", "));
    }
}
