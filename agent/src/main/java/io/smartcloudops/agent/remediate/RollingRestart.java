package io.smartcloudops.agent.remediate;

import io.smartcloudops.agent.lifecycle.Shutdown;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.PlanStep;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * {@code restart_service} on a group ({@code remediation.groups}): a rolling restart. Each host of the group that is a
 * remediation target becomes an ordinary remediation of its own (audited, through the guardrails, verified), run
 * strictly one after another: the next starts only once the last one succeeded and passed verification. The first
 * failure, refusal or failed verification stops the rollout; the hosts after it are skipped. A dry run plans every
 * host and runs none. The hosts' audit records carry the rollout's id ({@code rollout_id}), so that the log alone
 * says which hosts already ran.
 */
final class RollingRestart implements AutoCloseable {

    private final Object lock;
    private final Targets targets;
    private final ActionRunner runner;
    private final AuditTrail audit;
    private final Execution execution;
    private final RemediationLedger ledger;
    private final Consumer<Remediation> publish;
    private final ExecutorService drivers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean stopped;

    /**
     * @param lock    the {@link RemediationService}'s lock, notified when a host's remediation settles
     * @param publish where a changed remediation is announced (outside the lock)
     */
    RollingRestart(Object lock, Targets targets, ActionRunner runner, AuditTrail audit, Execution execution,
                   RemediationLedger ledger, Consumer<Remediation> publish) {
        this.lock = lock;
        this.targets = targets;
        this.runner = runner;
        this.audit = audit;
        this.execution = execution;
        this.ledger = ledger;
        this.publish = publish;
    }

    /** Whether {@code action} on {@code target} is a rolling restart. */
    boolean applies(RemediationAction action, Target target) {
        return action instanceof RemediationAction.RestartService && targets.isGroup(target.name());
    }

    /** The hosts of {@code group} in its order: those that can be restarted, the others skipped with why. */
    RolloutSteps steps(RemediationAction action, String group) {
        List<RolloutSteps.Step> steps = new ArrayList<>();
        for (String host : targets.groupHosts(group)) {
            Target t = targets.find(host).filter(x -> !targets.isGroup(x.name())).orElse(null);
            if (t == null) {
                steps.add(new RolloutSteps.Step(host, null, host + " is in the group but not a remediation target "
                        + "(add it to remediation.targets)"));
            } else {
                String why = runner.unsupported(action, t).orElse(null);
                steps.add(new RolloutSteps.Step(host, why == null ? t : null, why));
            }
        }
        return new RolloutSteps(steps);
    }

    /** Exactly what {@code action} runs on {@code target}: for a group, every host's plan in order. */
    List<PlanStep> plan(RemediationAction action, Target target) {
        if (!applies(action, target)) {
            return runner.plan(action, target);
        }
        List<PlanStep> plan = new ArrayList<>();
        for (Target host : steps(action, target.name()).runnable()) {
            plan.addAll(runner.plan(action, host));
        }
        return plan;
    }

    /** Why a rolling restart of {@code group} cannot run at all, if it cannot: no host of it can be restarted. */
    java.util.Optional<String> unsupported(RemediationAction action, String group) {
        RolloutSteps steps = steps(action, group);
        if (!steps.runnable().isEmpty()) {
            return java.util.Optional.empty();
        }
        List<String> why = steps.all().stream().map(RolloutSteps.Step::skipped).toList();
        return java.util.Optional.of("'" + group + "' is a group (remediation.groups): restart_service restarts its hosts"
                + " one at a time, but none of them can be restarted" + (why.isEmpty()
                ? " (remediation.groups." + group + ".hosts lists none)" : ": " + String.join("; ", why)));
    }

    /**
     * Under the lock: starts the rolling restart {@code e} (created with {@link RemediationEntry#asRollout}). A dry
     * run plans every host now, each as its own dry-run remediation, and returns them (to be published); a real run
     * is recorded as started and its hosts run one by one on a virtual thread.
     */
    List<Remediation> start(RemediationEntry e, Instant now, String actor) {
        RolloutSteps steps = e.rollout();
        String hosts = String.join(", then ", steps.runnable().stream().map(Target::name).toList());
        if (e.dryRun()) {
            List<Remediation> planned = new ArrayList<>();
            for (RolloutSteps.Step step : steps.all()) {
                if (step.target() != null) {
                    RemediationEntry host = host(e, step, now);
                    execution.start(host, now, actor);
                    ledger.keep(host, now);
                    step.ran(host);
                    planned.add(host.view());
                }
            }
            String detail = "dry run of a rolling restart of " + unit(e) + ", one host at a time: " + hosts;
            audit.recordDryRun(now, e, actor, detail);
            e.planned(now, detail);
            return planned;
        }
        audit.record(now, AuditEvent.STARTED, e, AuditResult.RUNNING, actor, "rolling restart of " + unit(e)
                + ", one host at a time, each once the last one is verified: " + hosts);
        e.started(now);
        long t0 = System.nanoTime();
        drivers.submit(() -> drive(e, actor, t0));
        return List.of();
    }

    private static String unit(RemediationEntry e) {
        return ((RemediationAction.RestartService) e.action()).unit();
    }

    /** A host's own remediation: the same request and actor, on the host, marked as part of the rollout. */
    private RemediationEntry host(RemediationEntry rollout, RolloutSteps.Step step, Instant now) {
        Target t = step.target();
        var r = rollout.request();
        var request = new io.smartcloudops.api.remediation.RemediationRequest(r.action(), t.name(), r.params(),
                rollout.dryRun(), r.reason());
        RemediationEntry host = new RemediationEntry(UUID.randomUUID().toString(), request, rollout.action(), t,
                rollout.trigger(), rollout.actor(), rollout.reason(), rollout.rule(), null, now, null,
                runner.plan(rollout.action(), t), rollout.dryRun());
        host.partOf(rollout.id());
        return host;
    }

    /** On a driver thread: each host in turn, waiting for it to settle; stops at the first that did not pass. */
    private void drive(RemediationEntry e, String actor, long t0) {
        try {
            while (true) {
                RemediationEntry host;
                List<Remediation> changed = new ArrayList<>();
                String stop = null;
                synchronized (lock) {
                    if (stopped) {
                        return;
                    }
                    var next = e.rollout().next();
                    if (next.isEmpty()) {
                        break;
                    }
                    RolloutSteps.Step step = next.get();
                    Instant now = audit.now();
                    host = host(e, step, now);
                    try {
                        execution.start(host, now, actor);
                        ledger.keep(host, now);
                        step.ran(host);
                        changed.add(host.view());
                    } catch (RemediationException ex) {
                        step.refused(ex.getMessage());
                        stop = step.host() + " was refused: " + ex.getMessage();
                    }
                    changed.add(e.view());
                }
                changed.forEach(publish);
                if (stop == null) {
                    stop = awaitSettled(host);
                }
                if (stopped) {
                    return;
                }
                if (stop != null) {
                    finish(e, actor, t0, Outcome.failure("stopped: " + stop), stop);
                    return;
                }
            }
            finish(e, actor, t0, Outcome.success("every host restarted and verified, one at a time: "
                    + String.join(", then ", e.rollout().runnable().stream().map(Target::name).toList())), null);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the host's remediation settled; null when it succeeded and passed verification, else why not. */
    private String awaitSettled(RemediationEntry host) throws InterruptedException {
        synchronized (lock) {
            while (!host.settled() && !stopped) {
                lock.wait(1000);
            }
            if (host.state() != RemediationState.SUCCEEDED) {
                return host.target().name() + " " + host.state().key() + ": " + host.detail();
            }
            if (!Boolean.TRUE.equals(host.effective())) {
                return host.target().name() + (host.effective() == null ? " could not be verified" : " failed verification")
                        + " after its restart";
            }
            return null;
        }
    }

    private void finish(RemediationEntry e, String actor, long t0, Outcome outcome, String stop) {
        Remediation view;
        synchronized (lock) {
            Instant now = audit.now();
            if (stop != null) {
                e.rollout().skipRest("not run: the rollout stopped because " + stop);
            }
            e.rolledOut(now, (System.nanoTime() - t0) / 1_000_000, outcome, stop == null ? Boolean.TRUE : null);
            audit.recordAfterTheFact(now, AuditEvent.FINISHED, e, e.result(), actor, outcome.detail());
            view = e.view();
            lock.notifyAll();
        }
        publish.accept(view);
    }

    /**
     * At start, from the audit log: the rollout {@code e} gets its hosts' remediations (those whose records name it)
     * and refusals; a host whose turn never came is waiting while {@code e} is pending, else skipped.
     */
    void restore(RemediationEntry e, List<RemediationEntry> hosts, Map<String, String> refusals) {
        RolloutSteps steps = steps(e.action(), e.target().name());
        for (RemediationEntry h : hosts) {
            steps.step(h.target().name()).orElseGet(() -> steps.add(h.target().name(), h.target())).ran(h);
        }
        refusals.forEach((host, why) -> steps.step(host).orElseGet(() -> steps.add(host, null)).refused(why));
        if (e.state() != RemediationState.PENDING) {
            steps.skipRest(e.state() == RemediationState.PLANNED ? "not planned" : "not run: the rollout ended before its turn ("
                    + e.detail() + ")");
        }
        e.asRollout(steps);
    }

    @Override
    public void close() {
        stopped = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        // no interrupt: a driver may be appending to the audit log; told to stop, it ends within its next wait
        Shutdown.finish(drivers, "the rolling restarts");
    }
}
