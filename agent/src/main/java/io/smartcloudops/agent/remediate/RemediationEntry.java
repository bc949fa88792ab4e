package io.smartcloudops.agent.remediate;

import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.PlanStep;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.RemediationState;
import io.smartcloudops.api.remediation.Trigger;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/**
 * The mutable life of one remediation inside {@link RemediationService} (guarded by its lock). Every
 * change of state is one method here, named after the transition; nothing outside writes its fields.
 */
final class RemediationEntry {

    private final String id;
    private final RemediationRequest request;
    private final RemediationAction action;
    private final Target target;
    private final Trigger trigger;
    private final String actor;
    private final String reason;
    private final String rule;
    private final String idempotencyKey;
    private final String fingerprint;
    private final Instant createdAt;
    private final ConditionCheck check;
    private List<PlanStep> plan;
    private boolean dryRun;
    private RemediationState state;
    private AuditResult result;
    private String approvedBy;
    private String detail;
    private Instant startedAt;
    private Instant finishedAt;
    private Long durationMs;
    private Boolean effective;
    private Instant verifiedAt;
    private boolean verificationPending;
    private RolloutSteps rollout;
    private String rolloutId;

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
                new TreeMap<>(r.params()).toString());
    }

    // ---- transitions (the live path) ----

    /** Set once, at creation: this is a rolling restart over {@code steps}. */
    void asRollout(RolloutSteps steps) {
        this.rollout = steps;
    }

    /** Set once, at creation: this host's remediation is part of the rolling restart {@code rolloutId}. */
    void partOf(String rolloutId) {
        this.rolloutId = rolloutId;
    }

    /**
     * A rolling restart ended: every host succeeded and passed verification ({@code effective} true), or it
     * stopped at a host (the rest are skipped).
     */
    void rolledOut(Instant now, long ms, Outcome outcome, Boolean effective) {
        finishedAt = now;
        durationMs = ms;
        result = outcome.result().audit();
        state = outcome.result() == Outcome.Result.SUCCESS ? RemediationState.SUCCEEDED : RemediationState.FAILED;
        detail = outcome.detail();
        verificationPending = false;
        this.effective = effective;
        verifiedAt = effective == null ? null : now;
    }

    /** Proposed: waits for an operator. */
    void awaitApproval() {
        state = RemediationState.PENDING;
        detail = "waiting for an operator's approval" + (dryRun ? " (will run as a dry run)" : "");
    }

    /** Sets whether an approved run is a dry run; returns what it was, to undo a failed approval. */
    boolean runAs(boolean dryRun) {
        boolean was = this.dryRun;
        this.dryRun = dryRun;
        return was;
    }

    /** An operator approved it with this plan (the configuration may have changed since it was proposed). */
    void approved(String by, List<PlanStep> plan) {
        this.approvedBy = by;
        this.plan = List.copyOf(plan);
    }

    /** A dry run is finished the moment it is decided: its plan is the answer. */
    void planned(Instant now, String detail) {
        state = RemediationState.PLANNED;
        result = AuditResult.DRY_RUN;
        startedAt = now;
        finishedAt = now;
        durationMs = 0L;
        this.detail = detail;
    }

    void started(Instant now) {
        state = RemediationState.RUNNING;
        startedAt = now;
        detail = "running: " + describePlan();
    }

    /** The action ended; a successful one (other than a notification) is verified later. */
    void finished(Instant now, long ms, Outcome outcome) {
        finishedAt = now;
        durationMs = ms;
        result = outcome.result().audit();
        state = switch (outcome.result()) {
            case SUCCESS -> RemediationState.SUCCEEDED;
            case FAILURE -> RemediationState.FAILED;
            case REFUSED -> RemediationState.REFUSED;
        };
        detail = outcome.detail();
        verificationPending = outcome.result() == Outcome.Result.SUCCESS && action.type() != ActionType.NOTIFY;
    }

    /** Verification ran; {@code verdict} is null when there was nothing to judge by. */
    void verified(Instant now, Verdict verdict) {
        verificationPending = false;
        if (verdict != null) {
            effective = verdict.effective();
            verifiedAt = now;
        }
    }

    void rejected(Instant now, String by, String why) {
        state = RemediationState.REJECTED;
        result = AuditResult.REJECTED;
        approvedBy = null;
        finishedAt = now;
        detail = "rejected by " + by + (why == null || why.isBlank() ? "" : ": " + why);
        skipRollout();
    }

    /** A rolling restart nobody approved: none of its hosts will run. */
    private void skipRollout() {
        if (rollout != null) {
            rollout.skipRest("not run: the rollout was " + state.key());
        }
    }

    void expired(Instant now, String why) {
        state = RemediationState.EXPIRED;
        result = AuditResult.EXPIRED;
        finishedAt = now;
        detail = "expired: " + why;
        skipRollout();
    }

    /** The audit log shows it started but never finished: the agent stopped while it ran. */
    void interrupted(Instant now) {
        state = RemediationState.FAILED;
        result = AuditResult.FAILURE;
        finishedAt = now;
        detail = "the agent stopped while this ran, so its outcome is unknown: check " + target.name();
    }

    // ---- the same transitions, rebuilt from the audit log at start ----

    /** Applies one audit record of this remediation, as {@link AuditReplay} reads them in order. */
    void replay(AuditRecord r) {
        Instant at = r.timestamp();
        dryRun = r.dryRun();
        switch (r.event()) {
            case PROPOSED -> {
                state = RemediationState.PENDING;
                detail = "waiting for an operator's approval";
            }
            case APPROVED -> approvedBy = r.actor();
            case REJECTED, EXPIRED -> {
                boolean rejected = r.event() == AuditEvent.REJECTED;
                state = rejected ? RemediationState.REJECTED : RemediationState.EXPIRED;
                result = rejected ? AuditResult.REJECTED : AuditResult.EXPIRED;
                finishedAt = at;
                detail = r.event().key() + ": " + r.detail();
            }
            case STARTED -> {
                state = RemediationState.RUNNING;
                startedAt = at;
            }
            case FINISHED -> {
                result = r.result();
                state = r.result() == null ? RemediationState.FAILED : switch (r.result()) {
                    case SUCCESS -> RemediationState.SUCCEEDED;
                    case REFUSED -> RemediationState.REFUSED;
                    case DRY_RUN -> RemediationState.PLANNED;
                    default -> RemediationState.FAILED;
                };
                if (startedAt == null) {
                    startedAt = at;
                }
                finishedAt = at;
                durationMs = r.durationMs();
                detail = r.detail();
                if (r.effective() != null) { // a rolling restart's verdict: whether every host passed verification
                    effective = r.effective();
                    verifiedAt = at;
                }
            }
            case VERIFIED -> {
                effective = r.effective();
                verifiedAt = at;
            }
            case REFUSED, BREAKER_OPENED, BREAKER_CLOSED -> {
                // a pending one stays pending; breaker events are about the target, not this remediation
            }
        }
    }

    // ---- reading ----

    String id() {
        return id;
    }

    RemediationRequest request() {
        return request;
    }

    RemediationAction action() {
        return action;
    }

    Target target() {
        return target;
    }

    Trigger trigger() {
        return trigger;
    }

    String actor() {
        return actor;
    }

    String reason() {
        return reason;
    }

    String rule() {
        return rule;
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    String fingerprint() {
        return fingerprint;
    }

    Instant createdAt() {
        return createdAt;
    }

    ConditionCheck check() {
        return check;
    }

    boolean dryRun() {
        return dryRun;
    }

    RemediationState state() {
        return state;
    }

    AuditResult result() {
        return result;
    }

    String detail() {
        return detail;
    }

    Long durationMs() {
        return durationMs;
    }

    Boolean effective() {
        return effective;
    }

    /** The hosts of a rolling restart; null for any other remediation. */
    RolloutSteps rollout() {
        return rollout;
    }

    String rolloutId() {
        return rolloutId;
    }

    boolean verificationPending() {
        return verificationPending;
    }

    /** Nothing more will happen to it: finished and, if it is to be verified, verified. */
    boolean settled() {
        return state.terminal() && !verificationPending;
    }

    /** The plan in words: the commands, joined by "; then ". */
    String describePlan() {
        StringBuilder sb = new StringBuilder();
        for (var step : plan) {
            if (!sb.isEmpty()) {
                sb.append("; then ");
            }
            sb.append(String.join(" ", step.command()));
        }
        return sb.toString();
    }

    Remediation view() {
        return Remediation.builder(id, action.type(), target.name(), state, trigger, createdAt)
                .instance(target.instance().orElse(target.name()))
                .params(action.params())
                .dryRun(dryRun)
                .result(result == null ? null : result.key())
                .actor(actor)
                .reason(reason.isEmpty() ? null : reason)
                .rule(rule)
                .approvedBy(approvedBy)
                .plan(plan)
                .detail(detail)
                .startedAt(startedAt)
                .finishedAt(finishedAt)
                .durationMs(durationMs)
                .effective(effective)
                .verifiedAt(verifiedAt)
                .idempotencyKey(idempotencyKey)
                .rollout(rollout == null ? null : rollout.view())
                .rolloutId(rolloutId)
                .build();
    }
}
