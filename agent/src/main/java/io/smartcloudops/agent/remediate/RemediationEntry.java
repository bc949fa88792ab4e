package io.smartcloudops.agent.remediate;

import io.smartcloudops.api.remediation.PlanStep;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.RemediationState;
import io.smartcloudops.api.remediation.Trigger;
import java.time.Instant;
import java.util.List;

/** The mutable life of one remediation inside {@link RemediationService} (guarded by its lock). */
final class RemediationEntry {

    final String id;
    final RemediationRequest request;
    final RemediationAction action;
    final Target target;
    final Trigger trigger;
    final String actor;
    final String reason;
    final String rule;
    final String idempotencyKey;
    final String fingerprint;
    final Instant createdAt;
    final ConditionCheck check;
    List<PlanStep> plan;
    boolean dryRun;
    RemediationState state;
    String result;
    String approvedBy;
    String detail;
    Instant startedAt;
    Instant finishedAt;
    Long durationMs;
    Boolean effective;
    Instant verifiedAt;
    boolean verificationPending;

    RemediationEntry(String id, RemediationRequest request, RemediationAction action, Target target, Trigger trigger,
                     String actor, String reason, String rule, String idempotencyKey, Instant createdAt,
                     ConditionCheck check, List<PlanStep> plan, boolean dryRun) {
        this.id = id;
        this.request = request;
        this.action = action;
        this.target = target;
        this.trigger = trigger;
        this.actor = actor;
        this.reason = reason;
        this.rule = rule;
        this.idempotencyKey = idempotencyKey;
        this.fingerprint = fingerprint(request);
        this.createdAt = createdAt;
        this.check = check;
        this.plan = List.copyOf(plan);
        this.dryRun = dryRun;
    }

    /** What makes two requests under one idempotency key "the same request": action, target, parameters. */
    static String fingerprint(RemediationRequest r) {
        return String.join("\u0000", String.valueOf(r.action()).strip(), String.valueOf(r.target()).strip(),
                new java.util.TreeMap<>(r.params()).toString());
    }

    Remediation view() {
        return new Remediation(id, action.type(), target.name(), target.instance().orElse(target.name()),
                action.params(), dryRun, state, result, trigger, actor, reason.isEmpty() ? null : reason, rule,
                approvedBy, plan, detail, createdAt, startedAt, finishedAt, durationMs, effective, verifiedAt,
                idempotencyKey);
    }
}
