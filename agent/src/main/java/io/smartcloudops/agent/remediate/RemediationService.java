package io.smartcloudops.agent.remediate;

import io.smartcloudops.agent.lifecycle.Shutdown;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.audit.AuditLog;
import io.smartcloudops.agent.config.RemediationConfig;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationOptions;
import io.smartcloudops.api.remediation.RemediationPreview;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.RemediationState;
import io.smartcloudops.api.remediation.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one path every remediation takes — buttons and the API, rules, the chat, the CLI: validate,
 * bind the idempotency key, apply the guardrails, write the audit record (forced to disk) and only then
 * run, verify after a delay, and count failures towards the target's circuit breaker. While
 * {@code remediation.enabled} is false every request becomes a dry run that shows its plan.
 * The concerns along the path have their own homes: {@link IdempotencyKeys}, {@link Guardrails},
 * {@link Approvals}, {@link AuditTrail}, {@link Execution}, {@link Verification}, {@link BreakerAlarm},
 * {@link AuditReplay}, {@link RemediationLedger} (eviction), {@link RemediationOverview} (options and
 * status); every change of a remediation's state is a method of {@link RemediationEntry}. One lock (this
 * class's) guards them all: the parts are not thread-safe on their own.
 */
public final class RemediationService implements AutoCloseable {

    /** How long an idempotency key is remembered; also how far back the audit log is read at start. */
    public static final Duration KEY_RETENTION = Duration.ofHours(24);

    private final RemediationConfig config;
    private final Targets targets;
    private final RequestValidator validator;
    private final ActionRunner runner;
    private final EventBus bus;
    private final AuditTrail audit;
    private final Guardrails guardrails;
    private final IdempotencyKeys keys;
    private final RemediationLedger ledger;
    private final Approvals approvals;
    private final Execution execution;
    private final RemediationOverview overview;
    private final RollingRestart rolling;
    private final Object lock = new Object();
    private final ScheduledExecutorService timers = Shutdown.timer("remediation-timers");

    /** Wires the parts; reads and writes nothing ({@link #start} does). */
    private RemediationService(RemediationConfig config, Targets targets, ActionRunner runner, AuditLog auditLog,
                               EventBus bus, PrometheusRegistry registry, SharedIdempotencyKeys shared) {
        this.config = config;
        this.targets = targets;
        this.validator = new RequestValidator(config, targets, runner, this::rollingRestartUnsupported);
        this.runner = runner;
        this.bus = bus;
        this.guardrails = new Guardrails(config);
        RemediationMetrics metrics = new RemediationMetrics(registry, () -> count(RemediationState.PENDING),
                () -> guardrails.openBreakers(now()).size());
        this.audit = new AuditTrail(auditLog, metrics::auditError);
        this.keys = new IdempotencyKeys(shared);
        this.ledger = new RemediationLedger(keys, KEY_RETENTION);
        this.approvals = new Approvals(config, ledger, audit, guardrails);
        BreakerAlarm breaker = new BreakerAlarm(guardrails, audit, runner, config.breaker().failures());
        this.execution = new Execution(config, lock, runner, guardrails, audit, metrics, breaker, timers, this::publish,
                opened -> breaker.tell(opened, this::submit));
        this.rolling = new RollingRestart(lock, targets, runner, audit, execution, ledger, this::publish);
        this.overview = new RemediationOverview(config, targets, runner, guardrails, validator.allowedUnits(), ledger,
                auditLog.dir(), rolling);
    }

    /**
     * Builds the service and brings it up to date from the audit log: remediations, keys, pending
     * approvals, cooldowns and breakers of the last {@link #KEY_RETENTION}; those that were running when
     * the agent stopped are recorded as failed. Then expires stale approvals every minute.
     *
     * @param shared idempotency keys shared by several agents ({@link RedisIdempotencyKeys}), or
     *               {@link SharedIdempotencyKeys#NONE}
     */
    public static RemediationService start(RemediationConfig config, Targets targets, ActionRunner runner,
                                           AuditLog auditLog, EventBus bus, PrometheusRegistry registry,
                                           SharedIdempotencyKeys shared) {
        RemediationService s = new RemediationService(config, targets, runner, auditLog, bus, registry, shared);
        synchronized (s.lock) {
            new AuditReplay(s.audit, targets, s.guardrails, s.rolling, e -> s.ledger.keep(e, s.now()))
                    .run(s.now().minus(KEY_RETENTION));
        }
        s.timers.scheduleWithFixedDelay(s::expireStale, 1, 1, TimeUnit.MINUTES);
        return s;
    }

    /** Why a rolling restart of {@code group} cannot run at all (the validator asks, once everything is wired). */
    private Optional<String> rollingRestartUnsupported(RemediationAction action, String group) {
        return rolling.unsupported(action, group);
    }

    private Instant now() {
        return audit.now();
    }

    public Targets targets() {
        return targets;
    }

    public List<String> allowedUnits() {
        return validator.allowedUnits();
    }

    /** Checks an action and its parameters as {@link #submit} will (for rules at load time). */
    public void checkAction(String action, Map<String, String> params) {
        validator.checkAction(action, params);
    }

    /** What {@code request} would do, checked as {@link #submit} checks it; nothing runs, nothing is recorded. */
    public RemediationPreview preview(RemediationRequest request) {
        RequestValidator.ValidRequest v = validator.validate(request);
        return new RemediationPreview(v.action().type().key(), v.target().name(), v.target().instance().orElse(v.target().name()),
                request.params(), rolling.plan(v.action(), v.target()), v.dryRun() || !config.enabled());
    }

    /**
     * Runs (or, when approval is required, proposes) a remediation. Returns once the decision is on disk:
     * a dry run is finished, a real run is {@code running} (watch it with {@link #find} or the
     * {@code action} event), a proposal is {@code pending}. The same idempotency key answers with the
     * first remediation and never runs twice.
     */
    public Remediation submit(Submission s) {
        Remediation answer;
        List<Remediation> hosts = List.of();
        synchronized (lock) {
            Optional<Remediation> known = keys.known(s);
            if (known.isPresent()) {
                return known.get();
            }
            RequestValidator.ValidRequest v = validated(s);
            Instant now = now();
            RemediationEntry e = new RemediationEntry(UUID.randomUUID().toString(), s.request(), v.action(), v.target(),
                    s.trigger(), s.actor(), v.reason(), s.rule(), s.idempotencyKey(), now, s.check(),
                    rolling.plan(v.action(), v.target()), v.dryRun() || !config.enabled());
            if (rolling.applies(v.action(), v.target())) {
                e.asRollout(rolling.steps(v.action(), v.target().name()));
            }
            Optional<Remediation> elsewhere = keys.claim(e);
            if (elsewhere.isPresent()) {
                return elsewhere.get();
            }
            try {
                if (s.requiresApproval()) {
                    approvals.propose(e, now, s.actor());
                } else {
                    hosts = start(e, now, s.actor());
                }
            } catch (RemediationException ex) {
                keys.release(e);
                throw ex;
            }
            ledger.keep(e, now);
            answer = e.view();
        }
        hosts.forEach(this::publish);
        publish(answer);
        return answer;
    }

    /**
     * Validates a submission; a rule's that is refused (a host that is no target, an action this agent cannot do)
     * is audited as {@code refused} first, since no caller sees the answer (operators and the chat get it back).
     */
    private RequestValidator.ValidRequest validated(Submission s) {
        try {
            return validator.validate(s.request());
        } catch (RemediationException.Invalid | RemediationException.NotFound ex) {
            if (s.rule() != null) {
                audit.recordRuleRefused(now(), s, s.request().dryRun() || !config.enabled(), ex.getMessage());
            }
            throw ex;
        }
    }

    /** Under the lock: runs {@code e} (or plans it); returns the hosts' remediations a dry rolling restart planned. */
    private List<Remediation> start(RemediationEntry e, Instant now, String actor) {
        if (e.rollout() != null) {
            return rolling.start(e, now, actor);
        }
        execution.start(e, now, actor);
        return List.of();
    }

    /** What the chat (or anything else that may only suggest) calls: a pending approval, never a run. */
    public Remediation propose(RemediationRequest request, Trigger trigger, String actor) {
        return submit(Submission.proposal(request, trigger, actor));
    }

    /** Approves a pending remediation: it runs now (subject to the guardrails), as {@code actor} decided. */
    public Remediation approve(String id, String actor, String why) {
        Remediation answer;
        List<Remediation> hosts = new java.util.ArrayList<>();
        synchronized (lock) {
            RemediationEntry e = approvals.pending(id, now());
            RequestValidator.ValidRequest v = validator.validate(e.request()); // the configuration may have changed since
            Instant now = now();
            if (e.rollout() != null) {
                e.asRollout(rolling.steps(v.action(), v.target().name()));
            }
            approvals.approve(e, v, rolling.plan(v.action(), v.target()), now, actor, why,
                    () -> hosts.addAll(start(e, now, actor)));
            answer = e.view();
        }
        hosts.forEach(this::publish);
        publish(answer);
        return answer;
    }

    public Remediation reject(String id, String actor, String why) {
        Remediation answer;
        synchronized (lock) {
            Instant now = now();
            RemediationEntry e = approvals.pending(id, now);
            approvals.reject(e, now, actor, why);
            answer = e.view();
            lock.notifyAll();
        }
        publish(answer);
        return answer;
    }

    private void expireStale() {
        List<Remediation> changed;
        synchronized (lock) {
            changed = approvals.expireStale(now());
        }
        changed.forEach(this::publish);
    }

    /** A remediation of this agent, or one another agent started under a shared idempotency key. */
    public Optional<Remediation> find(String id) {
        synchronized (lock) {
            Optional<RemediationEntry> e = ledger.get(id);
            if (e.isPresent()) {
                approvals.expireIfStale(e.get(), now());
                return Optional.of(e.get().view());
            }
        }
        return keys.findElsewhere(id);
    }

    /** Newest first, optionally only those in {@code state}. */
    public List<Remediation> list(Optional<RemediationState> state, int limit) {
        synchronized (lock) {
            approvals.expireStale(now());
            return ledger.newestFirst(state, limit);
        }
    }

    /**
     * Waits until the remediation is finished and, when {@code verification} is true, verified (or
     * known to need no verification). Returns its latest state either way.
     */
    public Remediation await(String id, Duration timeout, boolean verification) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                RemediationEntry e = ledger.require(id);
                boolean done = verification ? e.settled() : e.state().terminal();
                long left = deadline - System.nanoTime();
                if (done || left <= 0) {
                    return e.view();
                }
                lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    public RemediationOptions options() {
        synchronized (lock) {
            return overview.options(now());
        }
    }

    /** For {@code /status}. */
    public Map<String, Object> status() {
        synchronized (lock) {
            return overview.status(now());
        }
    }

    private int count(RemediationState state) {
        synchronized (lock) {
            return ledger.count(state);
        }
    }

    /** Outside the lock: tells the other agents (shared keys) and every subscriber. */
    private void publish(Remediation r) {
        keys.share(r);
        bus.publish(r);
    }

    @Override
    public void close() {
        rolling.close();
        Shutdown.finish(timers, "the remediation timers");  // an expiry of stale approvals writes the audit log
        execution.close();
    }
}
