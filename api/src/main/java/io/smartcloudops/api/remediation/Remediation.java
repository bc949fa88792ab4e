package io.smartcloudops.api.remediation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One remediation, as {@code GET /remediations/{id}} and the SSE event {@code action} show it.
 *
 * @param id              identifier (also the audit log's {@code request_id})
 * @param action          {@code restart_service}, {@code scale_up} or {@code notify}
 * @param target          the target as named in the request
 * @param instance        the instance it acts on (EC2 instance id when known, else the target)
 * @param params          the action's parameters
 * @param dryRun          true when nothing was (or will be) run: asked for, the rule said so, or remediation is disabled
 * @param state           {@link RemediationState}
 * @param result          {@code success}, {@code failure}, {@code refused} or {@code dry_run} once finished (absent before)
 * @param trigger         {@code rule}, {@code operator} or {@code chat}
 * @param actor           who asked: the API token's name, {@code rule:<name>}, or the CLI user
 * @param reason          why, as given
 * @param rule            the rule that fired (trigger rule only)
 * @param approvedBy      who approved it (after a pending approval)
 * @param plan            exactly what it runs (or would run)
 * @param detail          outcome in one paragraph: command output, AWS answer, why it was refused
 * @param createdAt       when it was asked for
 * @param startedAt       when it started running
 * @param finishedAt      when it finished
 * @param durationMs      run time in milliseconds
 * @param effective       verification: whether the problem went away after the action (absent until checked)
 * @param verifiedAt      when verification ran
 * @param idempotencyKey  the request's {@code Idempotency-Key}
 */
public record Remediation(
        String id,
        ActionType action,
        String target,
        String instance,
        Map<String, String> params,
        boolean dryRun,
        RemediationState state,
        String result,
        Trigger trigger,
        String actor,
        String reason,
        String rule,
        String approvedBy,
        List<PlanStep> plan,
        String detail,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Long durationMs,
        Boolean effective,
        Instant verifiedAt,
        String idempotencyKey) {

    public Remediation {
        params = params == null ? Map.of() : Map.copyOf(params);
        plan = plan == null ? List.of() : List.copyOf(plan);
    }
}
