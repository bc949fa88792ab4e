package io.smartcloudops.api.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The result an audit record carries: where a remediation stands after the event ({@code pending} …
 * {@code success}, {@code failure}, {@code dry_run}), verification's verdict ({@code effective},
 * {@code ineffective}), a breaker's state ({@code open}, {@code closed}) or an operator's verdict on an anomaly
 * ({@code false_alarm}, {@code confirmed}).
 */
public enum AuditResult {
    PENDING, APPROVED, REJECTED, EXPIRED, REFUSED, RUNNING, SUCCESS, FAILURE, DRY_RUN, EFFECTIVE, INEFFECTIVE, OPEN,
    CLOSED,
    /** An operator's verdict on an anomaly: not an anomaly. */
    FALSE_ALARM,
    /** An operator's verdict on an anomaly: a real one. */
    CONFIRMED;

    /** The wire name, e.g. {@code dry_run}. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Looks a result up by its wire name; empty when unknown. */
    public static Optional<AuditResult> fromKey(String key) {
        return key == null ? Optional.empty()
                : Arrays.stream(values()).filter(r -> r.key().equals(key.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** Every wire name, comma-separated, for error messages. */
    public static String keys() {
        return Arrays.stream(values()).map(AuditResult::key).collect(Collectors.joining(", "));
    }
}
