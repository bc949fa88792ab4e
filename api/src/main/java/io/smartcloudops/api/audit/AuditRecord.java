package io.smartcloudops.api.audit;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Trigger;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the audit log ({@code logs/remediation-YYYY-MM-DD.jsonl}) and of {@code GET /logs}.
 * Each line carries the hash of the line before it ({@code prev_hash}) and its own ({@code hash}):
 * changing, removing or reordering a line breaks the chain, which {@code audit verify} reports.
 * Build one with {@link #builder}. The closed sets (event, action, result, trigger) are enums written as
 * their snake_case keys; a value this version does not know (a newer agent's) reads as null rather than
 * making the line unreadable.
 *
 * @param timestamp   when it happened (UTC)
 * @param event       {@link AuditEvent}: {@code proposed}, {@code approved}, {@code rejected}, {@code expired},
 *                    {@code refused}, {@code started}, {@code finished}, {@code verified}, {@code breaker_opened},
 *                    {@code breaker_closed}, and the on-call records {@code silence_created}, {@code silence_deleted},
 *                    {@code silence_expired}, {@code acknowledged}, {@code unacknowledged} (which have no action)
 * @param action      {@link ActionType}: {@code restart_service}, {@code scale_up}, {@code scale_in} or {@code notify}
 * @param instance    the target host (as the agent names it)
 * @param instanceId  its EC2 instance id, when known
 * @param result      {@link AuditResult}: {@code pending}, {@code approved}, {@code rejected}, {@code expired}, {@code refused},
 *                    {@code running}, {@code success}, {@code failure}, {@code dry_run}, {@code effective},
 *                    {@code ineffective}, {@code open} or {@code closed}
 * @param trigger     {@link Trigger}: {@code rule}, {@code operator} or {@code chat}
 * @param actor       the API token's name, {@code rule:<name>}, or the CLI user
 * @param dryRun      whether nothing was run for real
 * @param requestId   the remediation's id (links the events of one remediation)
 * @param durationMs  how long the action ran (finished events)
 * @param detail      what happened, in words: plan, command output, AWS answer, reason
 * @param rule        the rule that triggered it
 * @param params      the action's parameters
 * @param reason      why it was asked for
 * @param idempotencyKey the request's {@code Idempotency-Key}
 * @param effective   verification outcome (verified events)
 * @param prevHash    hash of the previous record; 64 zeros for the first record ever written
 * @param hash        SHA-256 (hex) of this line up to (not including) {@code ,"hash":}, or {@code hmac-sha256:}
 *                    and the HMAC-SHA256 (hex) when the agent seals records with its audit key
 */
@JsonPropertyOrder({"timestamp", "event", "action", "instance", "instance_id", "result", "trigger", "actor",
        "dry_run", "request_id", "duration_ms", "detail", "rule", "params", "reason", "idempotency_key",
        "effective", "prev_hash", "hash"})
public record AuditRecord(
        Instant timestamp,
        @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL) AuditEvent event,
        @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL) ActionType action,
        String instance,
        String instanceId,
        @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL) AuditResult result,
        @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL) Trigger trigger,
        String actor,
        boolean dryRun,
        String requestId,
        Long durationMs,
        String detail,
        String rule,
        Map<String, String> params,
        String reason,
        String idempotencyKey,
        Boolean effective,
        String prevHash,
        String hash) {

    /** This record with its chain fields set. */
    public AuditRecord chained(String prevHash, String hash) {
        return new AuditRecord(timestamp, event, action, instance, instanceId, result, trigger, actor, dryRun,
                requestId, durationMs, detail, rule, params, reason, idempotencyKey, effective, prevHash, hash);
    }

    /** A record of {@code event} at {@code timestamp}; every other field is absent until set. */
    public static Builder builder(Instant timestamp, AuditEvent event) {
        return new Builder(timestamp, event);
    }

    /** Builds an {@link AuditRecord} by name; the chain fields are set by the log when it is appended. */
    public static final class Builder {
        private final Instant timestamp;
        private final AuditEvent event;
        private ActionType action;
        private String instance;
        private String instanceId;
        private AuditResult result;
        private Trigger trigger;
        private String actor;
        private boolean dryRun;
        private String requestId;
        private Long durationMs;
        private String detail;
        private String rule;
        private Map<String, String> params;
        private String reason;
        private String idempotencyKey;
        private Boolean effective;

        private Builder(Instant timestamp, AuditEvent event) {
            this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
            this.event = Objects.requireNonNull(event, "event");
        }

        public Builder action(ActionType action) {
            this.action = action;
            return this;
        }

        /** The target as the agent names it, and its EC2 instance id when known. */
        public Builder instance(String instance, String instanceId) {
            this.instance = instance;
            this.instanceId = instanceId;
            return this;
        }

        public Builder result(AuditResult result) {
            this.result = result;
            return this;
        }

        /** Who caused it: how ({@code trigger}) and who ({@code actor}). */
        public Builder by(Trigger trigger, String actor) {
            this.trigger = trigger;
            this.actor = actor;
            return this;
        }

        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder durationMs(Long durationMs) {
            this.durationMs = durationMs;
            return this;
        }

        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        public Builder rule(String rule) {
            this.rule = rule;
            return this;
        }

        public Builder params(Map<String, String> params) {
            this.params = params;
            return this;
        }

        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public Builder effective(Boolean effective) {
            this.effective = effective;
            return this;
        }

        public AuditRecord build() {
            return new AuditRecord(timestamp, event, action, instance, instanceId, result, trigger, actor, dryRun,
                    requestId, durationMs, detail, rule, params, reason, idempotencyKey, effective, null, null);
        }
    }
}
