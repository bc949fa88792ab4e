package io.smartcloudops.agent.remediate;

import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.Remediation;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Whether a successful action helped, judged {@code remediation.verification_delay} after it: by the
 * rule's condition when a rule acted (is it still true?), else by the action's own check (is the unit
 * active, did the capacity grow?). An ineffective action counts towards the target's circuit breaker.
 */
final class Verification {

    private final Object lock;
    private final AuditTrail audit;
    private final ActionRunner runner;
    private final BreakerAlarm breaker;
    private final Consumer<Remediation> publish;
    private final Consumer<BreakerAlarm.Opened> breakerOpened;
    private volatile boolean stopped;

    /**
     * @param lock          the {@link RemediationService}'s lock, notified when an entry is verified
     * @param publish       where a verified remediation is announced (outside the lock)
     * @param breakerOpened told (outside the lock) when an ineffective action opened the breaker
     */
    Verification(Object lock, AuditTrail audit, ActionRunner runner, BreakerAlarm breaker,
                 Consumer<Remediation> publish, Consumer<BreakerAlarm.Opened> breakerOpened) {
        this.lock = lock;
        this.audit = audit;
        this.runner = runner;
        this.breaker = breaker;
        this.publish = publish;
        this.breakerOpened = breakerOpened;
    }

    /** Verifies {@code e} after {@code delay} on a worker. */
    void schedule(RemediationEntry e, Outcome outcome, Duration delay, ScheduledExecutorService timers,
                  ExecutorService workers) {
        timers.schedule(() -> workers.submit(() -> verify(e, outcome)), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Verifications still scheduled do nothing (the agent is stopping). */
    void stop() {
        stopped = true;
    }

    private void verify(RemediationEntry e, Outcome outcome) {
        if (stopped) {
            return;
        }
        Optional<Verdict> verdict = judge(e, outcome);
        Remediation view;
        Optional<BreakerAlarm.Opened> opened = Optional.empty();
        synchronized (lock) {
            Instant now = audit.now();
            e.verified(now, verdict.orElse(null));
            if (verdict.isPresent()) {
                Verdict v = verdict.get();
                audit.recordAfterTheFact(now, AuditEvent.VERIFIED, e, v.effective() ? AuditResult.EFFECTIVE : AuditResult.INEFFECTIVE,
                        e.actor(), v.detail());
                if (!v.effective()) {
                    opened = breaker.countFailure(e.target(), now, e.action().type().key() + " was ineffective: " + v.detail());
                }
            }
            view = e.view();
            lock.notifyAll();
        }
        if (verdict.isPresent()) {
            publish.accept(view);
        }
        opened.ifPresent(breakerOpened);
    }

    private Optional<Verdict> judge(RemediationEntry e, Outcome outcome) {
        ConditionCheck check = e.check();
        if (check != null) {
            Optional<Verdict> byCondition = check.stillHolds().map(holds -> new Verdict(!holds, holds
                    ? check.describe() + " is still true on " + e.target().name()
                    : check.describe() + " is no longer true on " + e.target().name()));
            if (byCondition.isPresent()) {
                return byCondition;
            }
        }
        return runner.verify(e.action(), e.target(), outcome);
    }
}
