package io.smartcloudops.agent.remediate;

import io.smartcloudops.agent.config.RemediationConfig;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.Remediation;
import java.time.Instant;
import java.util.Optional;
import io.smartcloudops.agent.lifecycle.Shutdown;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Runs a remediation that may run: a dry run is finished at once with its plan; a real one passes the
 * guardrails, is recorded as started, runs on a virtual thread, is recorded as finished (a failure
 * counts towards the breaker) and is verified later.
 */
final class Execution implements AutoCloseable {


    private final RemediationConfig config;
    private final Object lock;
    private final ActionRunner runner;
    private final Guardrails guardrails;
    private final AuditTrail audit;
    private final RemediationMetrics metrics;
    private final BreakerAlarm breaker;
    private final Verification verification;
    private final ScheduledExecutorService timers;
    private final Consumer<Remediation> publish;
    private final Consumer<BreakerAlarm.Opened> breakerOpened;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * @param lock          the {@link RemediationService}'s lock, notified when a run ends
     * @param timers        where verification waits for its delay
     * @param publish       where a finished remediation is announced (outside the lock)
     * @param breakerOpened told (outside the lock) when a failure opened the breaker
     */
    Execution(RemediationConfig config, Object lock, ActionRunner runner, Guardrails guardrails, AuditTrail audit,
              RemediationMetrics metrics, BreakerAlarm breaker, ScheduledExecutorService timers,
              Consumer<Remediation> publish, Consumer<BreakerAlarm.Opened> breakerOpened) {
        this.config = config;
        this.lock = lock;
        this.runner = runner;
        this.guardrails = guardrails;
        this.audit = audit;
        this.metrics = metrics;
        this.breaker = breaker;
        this.timers = timers;
        this.publish = publish;
        this.breakerOpened = breakerOpened;
        this.verification = new Verification(lock, audit, runner, breaker, publish, breakerOpened);
    }

    /**
     * Under the lock: a dry run, or the guardrails, then "started" on disk, then the run. Changes nothing
     * when it throws (blocked, or the audit log cannot be written).
     */
    void start(RemediationEntry e, Instant now, String actor) {
        if (e.dryRun()) {
            String wouldBlock = guardrails.check(e.action(), e.target().name(), now)
                    .map(b -> "; a real run would be refused now: " + b.getMessage()).orElse("");
            String detail = (config.enabled() ? "dry run" : "dry run (remediation is disabled: set remediation.enabled: true to act)")
                    + ": " + e.describePlan() + wouldBlock;
            audit.recordDryRun(now, e, actor, detail);
            e.planned(now, detail);
            metrics.ended(e.action().type(), AuditResult.DRY_RUN);
            return;
        }
        if (!BreakerAlarm.isNotice(e, actor)) {
            Optional<RemediationException.Blocked> blocked = guardrails.check(e.action(), e.target().name(), now);
            if (blocked.isPresent()) {
                audit.record(now, AuditEvent.REFUSED, e, AuditResult.REFUSED, actor, blocked.get().getMessage());
                metrics.ended(e.action().type(), AuditResult.REFUSED);
                throw blocked.get();
            }
        }
        audit.record(now, AuditEvent.STARTED, e, AuditResult.RUNNING, actor, e.describePlan());
        e.started(now);
        guardrails.recordRun(e.action(), e.target().name(), now);
        workers.submit(() -> run(e));
    }

    /** On a worker: runs the action, records how it ended, and schedules its verification. */
    private void run(RemediationEntry e) {
        long t0 = System.nanoTime();
        Outcome outcome = runner.run(e.action(), e.target());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Remediation view;
        Optional<BreakerAlarm.Opened> opened = Optional.empty();
        boolean verify;
        synchronized (lock) {
            Instant now = audit.now();
            e.finished(now, ms, outcome);
            audit.recordAfterTheFact(now, AuditEvent.FINISHED, e, e.result(), e.actor(), outcome.detail());
            metrics.ended(e.action().type(), e.result());
            if (outcome.result() == Outcome.Result.FAILURE) {
                opened = breaker.countFailure(e.target(), now, e.action().type().key() + " failed: " + outcome.detail());
            }
            verify = e.verificationPending();
            view = e.view();
            lock.notifyAll();
        }
        publish.accept(view);
        opened.ifPresent(breakerOpened);
        if (verify) {
            verification.schedule(e, outcome, config.verificationDelay(), timers, workers);
        }
    }

    /** Stops verifying and waits a little for running actions (the audit log shows those as started). */
    @Override
    public void close() {
        verification.stop();
        // not interrupted: a run ends by recording how it ended; one still running past the wait shows as started
        Shutdown.finish(workers, "remediations (the audit log shows them as started)");
    }
}
