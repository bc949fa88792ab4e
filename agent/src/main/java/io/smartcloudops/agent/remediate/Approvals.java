package io.smartcloudops.agent.remediate;

import io.smartcloudops.agent.config.RemediationConfig;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.PlanStep;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationState;
import io.smartcloudops.api.time.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Proposals waiting for an operator: approving, rejecting, and expiring those nobody decided on within
 * {@code remediation.approval_timeout}. Each decision is on disk before it takes effect. Not
 * thread-safe: used under the {@link RemediationService}'s lock.
 */
final class Approvals {

    private final RemediationLedger ledger;
    private final AuditTrail audit;
    private final RemediationConfig config;
    private final Duration timeout;
    private final Guardrails guardrails;

    Approvals(RemediationConfig config, RemediationLedger ledger, AuditTrail audit, Guardrails guardrails) {
        this.config = config;
        this.ledger = ledger;
        this.audit = audit;
        this.timeout = config.approvalTimeout();
        this.guardrails = guardrails;
    }

    /** Records a new proposal; it waits for an operator. */
    void propose(RemediationEntry e, Instant now, String actor) {
        audit.record(now, AuditEvent.PROPOSED, e, AuditResult.PENDING, actor, e.describePlan());
        e.awaitApproval();
    }

    /**
     * The pending remediation {@code id} (expired first if its time is up).
     *
     * @throws RemediationException.NotFound when there is none
     * @throws RemediationException.Conflict when it is no longer pending
     */
    RemediationEntry pending(String id, Instant now) {
        RemediationEntry e = ledger.require(id);
        expireIfStale(e, now);
        if (e.state() != RemediationState.PENDING) {
            throw new RemediationException.Conflict("remediation " + id + " is " + e.state().key() + ", not pending");
        }
        return e;
    }

    /**
     * Checks the guardrails (unless it runs dry), records the approval, then {@code run} starts it. When
     * any of that fails the entry stays pending.
     *
     * @param v    the request validated again now: the configuration may have changed since it was proposed
     * @param plan what it runs now
     * @throws RemediationException.Blocked when a real run may not run now (nothing is recorded then)
     */
    void approve(RemediationEntry e, RequestValidator.ValidRequest v, List<PlanStep> plan, Instant now, String actor, String why,
                 Runnable run) {
        boolean dryRun = e.request().dryRun() || !config.enabled();
        if (!dryRun) {
            guardrails.check(v.action(), v.target().name(), now).ifPresent(blocked -> {
                throw blocked;
            });
        }
        boolean wasDryRun = e.runAs(dryRun);
        try {
            audit.record(now, AuditEvent.APPROVED, e, AuditResult.APPROVED, actor, why == null || why.isBlank() ? "approved" : why);
            e.approved(actor, plan);
            run.run();
        } catch (RemediationException ex) {
            e.runAs(wasDryRun);
            throw ex;
        }
    }

    void reject(RemediationEntry e, Instant now, String actor, String why) {
        audit.record(now, AuditEvent.REJECTED, e, AuditResult.REJECTED, actor, why == null || why.isBlank() ? "rejected" : why);
        e.rejected(now, actor, why);
    }

    /** Expires every proposal whose time is up; returns them as they are now. */
    List<Remediation> expireStale(Instant now) {
        List<Remediation> changed = new ArrayList<>();
        for (RemediationEntry e : ledger.all()) {
            if (expireIfStale(e, now)) {
                changed.add(e.view());
            }
        }
        return changed;
    }

    /**
     * Expires {@code e} if it is pending and its time is up. When the audit log cannot record that, it
     * stays pending (and is tried again next time).
     */
    boolean expireIfStale(RemediationEntry e, Instant now) {
        if (e.state() != RemediationState.PENDING || now.isBefore(e.createdAt().plus(timeout))) {
            return false;
        }
        String why = "nobody approved it within " + DurationText.format(timeout);
        try {
            audit.record(now, AuditEvent.EXPIRED, e, AuditResult.EXPIRED, "agent", why);
        } catch (RemediationException.AuditUnavailable ex) {
            return false;
        }
        e.expired(now, why);
        return true;
    }
}
