package io.smartcloudops.api.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Map;

/**
 * One line of the audit log ({@code logs/remediation-YYYY-MM-DD.jsonl}) and of {@code GET /logs}.
 * Each line carries the hash of the line before it ({@code prev_hash}) and its own ({@code hash}):
 * changing, removing or reordering a line breaks the chain, which {@code audit verify} reports.
 *
 * @param timestamp   when it happened (UTC)
 * @param event       {@code proposed}, {@code approved}, {@code rejected}, {@code expired}, {@code refused},
 *                    {@code started}, {@code finished}, {@code verified}, {@code breaker_opened}, {@code breaker_closed};
 *                    {@code feedback} and {@code feedback_undone} for operators' verdicts on anomalies (no action,
 *                    {@code request_id} = the anomaly's id, {@code result} = the verdict, {@code reason} = the note)
 * @param action      {@code restart_service}, {@code scale_up} or {@code notify}
 * @param instance    the target host (as the agent names it)
 * @param instanceId  its EC2 instance id, when known
 * @param result      {@code pending}, {@code approved}, {@code rejected}, {@code expired}, {@code refused},
 *                    {@code running}, {@code success}, {@code failure}, {@code dry_run}, {@code effective},
 *                    {@code ineffective}, {@code open} or {@code closed}; {@code false_alarm} or {@code confirmed} (verdicts)
 * @param trigger     {@code rule}, {@code operator} or {@code chat}
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
 * @param prevHash    SHA-256 (hex) of the previous record; 64 zeros for the first record ever written
 * @param hash        SHA-256 (hex) of this line up to (not including) {@code ,"hash":}
 */
@JsonPropertyOrder({"timestamp", "event", "action", "instance", "instance_id", "result", "trigger", "actor",
        "dry_run", "request_id", "duration_ms", "detail", "rule", "params", "reason", "idempotency_key",
        "effective", "prev_hash", "hash"})
public record AuditRecord(
        Instant timestamp,
        String event,
        String action,
        String instance,
        String instanceId,
        String result,
        String trigger,
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
}
