package io.smartcloudops.api.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an audit record says happened: a closed set, written in snake_case on the wire. */
public enum AuditEvent {
    /** A remediation waits for an operator's approval. */
    PROPOSED,
    APPROVED,
    REJECTED,
    /** Nobody decided within {@code remediation.approval_timeout}. */
    EXPIRED,
    /** The guardrails turned it away. */
    REFUSED,
    STARTED,
    FINISHED,
    /** Verification judged whether the action helped. */
    VERIFIED,
    BREAKER_OPENED,
    BREAKER_CLOSED,
    /** An operator snoozed a host, metric, rule or alert labels (on-call: no action, request_id = the silence's id). */
    SILENCE_CREATED,
    /** An operator ended a silence early. */
    SILENCE_DELETED,
    /** A silence ran out by itself. */
    SILENCE_EXPIRED,
    /** An operator acknowledged an anomaly or alert (request_id = its id, params.kind = anomaly or alert). */
    ACKNOWLEDGED,
    /** An operator withdrew an acknowledgement. */
    UNACKNOWLEDGED;

    /** The wire name, e.g. {@code breaker_opened}. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Looks an event up by its wire name; empty when unknown. */
    public static Optional<AuditEvent> fromKey(String key) {
        return key == null ? Optional.empty()
                : Arrays.stream(values()).filter(e -> e.key().equals(key.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** Every wire name, comma-separated, for error messages. */
    public static String keys() {
        return Arrays.stream(values()).map(AuditEvent::key).collect(Collectors.joining(", "));
    }
}
