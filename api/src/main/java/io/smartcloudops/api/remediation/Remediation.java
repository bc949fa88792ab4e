package io.smartcloudops.api.remediation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One remediation, as {@code GET /remediations/{id}} and the SSE event {@code action} show it. Build one
 * with {@link #builder}.
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
 * @param rollout         a rolling restart ({@code restart_service} on a group): each host in order with its own
 *                        remediation; absent for any other remediation
 * @param rolloutId       on a host's remediation that is part of a rolling restart: the rollout's id
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
        String idempotencyKey,
        List<RolloutStep> rollout,
        String rolloutId) {

    public Remediation {
        params = params == null ? Map.of() : Map.copyOf(params);
        plan = plan == null ? List.of() : List.copyOf(plan);
        rollout = rollout == null ? null : List.copyOf(rollout);
    }

    /**
     * A remediation of {@code action} on {@code target}, as it stands now; the rest is set by name.
     *
     * @param id        its identifier
     * @param state     where it is in its life
     * @param trigger   who asked: rule, operator or chat
     * @param createdAt when it was asked for
     */
    public static Builder builder(String id, ActionType action, String target, RemediationState state, Trigger trigger,
                                  Instant createdAt) {
        return new Builder(id, action, target, state, trigger, createdAt);
    }

    /** Builds a {@link Remediation} by name; {@code instance} defaults to the target. */
    public static final class Builder {
        private final String id;
        private final ActionType action;
        private final String target;
        private String instance;
        private Map<String, String> params;
        private boolean dryRun;
        private final RemediationState state;
        private String result;
        private final Trigger trigger;
        private String actor;
        private String reason;
        private String rule;
        private String approvedBy;
        private List<PlanStep> plan;
        private String detail;
        private final Instant createdAt;
        private Instant startedAt;
        private Instant finishedAt;
        private Long durationMs;
        private Boolean effective;
        private Instant verifiedAt;
        private String idempotencyKey;
        private List<RolloutStep> rollout;
        private String rolloutId;

        private Builder(String id, ActionType action, String target, RemediationState state, Trigger trigger,
                        Instant createdAt) {
            this.id = id;
            this.action = action;
            this.target = target;
            this.instance = target;
            this.state = state;
            this.trigger = trigger;
            this.createdAt = createdAt;
        }

        public Builder instance(String instance) {
            this.instance = instance;
            return this;
        }

        public Builder params(Map<String, String> params) {
            this.params = params;
            return this;
        }

        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        public Builder result(String result) {
            this.result = result;
            return this;
        }

        public Builder actor(String actor) {
            this.actor = actor;
            return this;
        }

        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        public Builder rule(String rule) {
            this.rule = rule;
            return this;
        }

        public Builder approvedBy(String approvedBy) {
            this.approvedBy = approvedBy;
            return this;
        }

        public Builder plan(List<PlanStep> plan) {
            this.plan = plan;
            return this;
        }

        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        public Builder startedAt(Instant startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        public Builder finishedAt(Instant finishedAt) {
            this.finishedAt = finishedAt;
            return this;
        }

        public Builder durationMs(Long durationMs) {
            this.durationMs = durationMs;
            return this;
        }

        public Builder effective(Boolean effective) {
            this.effective = effective;
            return this;
        }

        public Builder verifiedAt(Instant verifiedAt) {
            this.verifiedAt = verifiedAt;
            return this;
        }

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public Builder rollout(List<RolloutStep> rollout) {
            this.rollout = rollout;
            return this;
        }

        public Builder rolloutId(String rolloutId) {
            this.rolloutId = rolloutId;
            return this;
        }

        public Remediation build() {
            return new Remediation(id, action, target, instance, params, dryRun, state, result, trigger, actor, reason,
                    rule, approvedBy, plan, detail, createdAt, startedAt, finishedAt, durationMs, effective, verifiedAt,
                    idempotencyKey, rollout, rolloutId);
        }
    }
}
