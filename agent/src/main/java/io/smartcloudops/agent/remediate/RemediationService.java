package io.smartcloudops.agent.remediate;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.config.RemediationConfig;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationOptions;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.RemediationState;
import io.smartcloudops.api.remediation.TargetOptions;
import io.smartcloudops.api.remediation.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every remediation takes — buttons and the API, rules, the chat, the CLI: validate,
 * bind the idempotency key, apply the guardrails, write the audit record (forced to disk) and only then
 * run, verify after a delay, and count failures towards the target's circuit breaker. While
 * {@code remediation.enabled} is false every request becomes a dry run that shows its plan.
 */
public final class RemediationService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RemediationService.class);
    /** How long an idempotency key is remembered; also how far back the audit log is read at start. */
    public static final Duration KEY_RETENTION = Duration.ofHours(24);
    private static final int MAX_KEPT = 10_000;
    private static final String BREAKER = "breaker";

    private final RemediationConfig config;
    private final Targets targets;
    private final RequestValidator validator;
    private final ActionRunner runner;
    private final AuditTrail audit;
    private final Consumer<Object> publish;
    private final SharedIdempotencyKeys shared;
    private final Guardrails guardrails;
    private final RemediationMetrics metrics;
    private final Object lock = new Object();
    private final Map<String, RemediationEntry> entries = new LinkedHashMap<>();
    private final Map<String, RemediationEntry> byKey = new HashMap<>();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "remediation-timers");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    public RemediationService(RemediationConfig config, Targets targets, ActionRunner runner,
                              io.smartcloudops.agent.audit.AuditLog auditLog, EventBus bus, PrometheusRegistry registry) {
        this(config, targets, runner, auditLog, bus, registry, SharedIdempotencyKeys.NONE);
    }

    /** With idempotency keys shared by several agents ({@link RedisIdempotencyKeys}). */
    public RemediationService(RemediationConfig config, Targets targets, ActionRunner runner,
                              io.smartcloudops.agent.audit.AuditLog auditLog, EventBus bus, PrometheusRegistry registry,
                              SharedIdempotencyKeys shared) {
        this.config = config;
        this.targets = targets;
        this.validator = new RequestValidator(config, targets);
        this.runner = runner;
        this.audit = new AuditTrail(auditLog);
        this.shared = shared;
        this.publish = event -> {
            if (event instanceof Remediation r && r.idempotencyKey() != null) {
                shared.update(r);
            }
            bus.publish(event);
        };
        this.guardrails = new Guardrails(config);
        this.metrics = new RemediationMetrics(registry, this::pendingCount, () -> guardrails.openBreakers(now()).size());
        new AuditReplay(auditLog, targets, guardrails, runner::plan, this::restore).run(now().minus(KEY_RETENTION));
        interrupted();
        timers.scheduleWithFixedDelay(this::expirePending, 1, 1, TimeUnit.MINUTES);
    }

    private Instant now() {
        return audit.now();
    }

    public boolean enabled() {
        return config.enabled();
    }

    public Targets targets() {
        return targets;
    }

    public List<String> allowedUnits() {
        return validator.allowedUnits();
    }

    /**
     * Checks an action and its parameters as {@link #submit} will (for rules at load time).
     *
     * @throws IllegalArgumentException {@code "params.unit: ..."}, naming the field first
     */
    public void checkAction(String action, Map<String, String> params) {
        try {
            validator.action(action, params);
        } catch (RemediationException.Invalid e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Checks a request exactly as {@link #submit} would, without doing or recording anything. */
    public RequestValidator.ValidRequest validate(RemediationRequest request) {
        RequestValidator.ValidRequest v = validator.validate(request);
        runner.unsupported(v.action(), v.target()).ifPresent(why -> {
            throw new RemediationException.Invalid(v.action() instanceof RemediationAction.Notify ? "action" : "target", why);
        });
        return v;
    }

    /**
     * Runs (or, when approval is required, proposes) a remediation. Returns once the decision is on disk:
     * a dry run is finished, a real run is {@code running} (watch it with {@link #find} or the
     * {@code action} event), a proposal is {@code pending}. The same idempotency key answers with the
     * first remediation and never runs twice.
     */
    public Remediation submit(Submission s) {
        List<Remediation> changed = new ArrayList<>();
        Remediation answer;
        synchronized (lock) {
            if (s.idempotencyKey() != null) {
                RemediationEntry existing = byKey.get(s.idempotencyKey());
                if (existing != null) {
                    if (!existing.fingerprint.equals(RemediationEntry.fingerprint(s.request()))) {
                        throw new RemediationException.Conflict("Idempotency-Key '" + s.idempotencyKey()
                                + "' was used for a different request (remediation " + existing.id + ")");
                    }
                    return existing.view();
                }
            }
            RequestValidator.ValidRequest v = validate(s.request());
            boolean dryRun = v.dryRun() || !config.enabled();
            Instant now = now();
            RemediationEntry e = new RemediationEntry(UUID.randomUUID().toString(), s.request(), v.action(), v.target(),
                    s.trigger(), s.actor(), v.reason(), s.rule(), s.idempotencyKey(), now, s.check(),
                    runner.plan(v.action(), v.target()), dryRun);
            if (s.idempotencyKey() != null) {
                Optional<SharedIdempotencyKeys.Claim> other = shared.claim(s.idempotencyKey(), e.fingerprint, e.id);
                if (other.isPresent()) {
                    return claimedElsewhere(s.idempotencyKey(), e.fingerprint, other.get());
                }
            }
            try {
                if (s.requiresApproval()) {
                    e.state = RemediationState.PENDING;
                    e.detail = "waiting for an operator's approval" + (dryRun ? " (will run as a dry run)" : "");
                    try {
                        audit.record(now, "proposed", e, "pending", s.actor(), describePlan(e));
                    } catch (RemediationException.AuditUnavailable ex) {
                        metrics.auditError();
                        throw ex;
                    }
                } else {
                    start(e, now, s.actor());
                }
            } catch (RemediationException ex) {
                if (s.idempotencyKey() != null) {
                    shared.release(s.idempotencyKey(), e.id);
                }
                throw ex;
            }
            keep(e);
            answer = e.view();
            changed.add(answer);
        }
        changed.forEach(publish);
        return answer;
    }

    /** Another agent bound the key first: the same request gets its remediation, a different one a 409. */
    private static Remediation claimedElsewhere(String key, String fingerprint, SharedIdempotencyKeys.Claim c) {
        if (!c.fingerprint().equals(fingerprint)) {
            throw new RemediationException.Conflict("Idempotency-Key '" + key + "' was used for a different request "
                    + "(remediation " + c.remediationId() + " on agent " + c.agent() + ")");
        }
        return c.remediation().orElseThrow(() -> new RemediationException.Conflict("Idempotency-Key '" + key
                + "' is being handled by agent " + c.agent() + " right now (remediation " + c.remediationId()
                + "); retry in a moment for its state"));
    }

    /** What the chat (or anything else that may only suggest) calls: a pending approval, never a run. */
    public Remediation propose(RemediationRequest request, Trigger trigger, String actor) {
        return submit(new Submission(request, trigger, actor, null, null, true, null));
    }

    /**
     * Under the lock: a dry run, or the guardrails, then "started" on disk, then the run. Changes nothing
     * when it throws (blocked, or the audit log cannot be written).
     */
    private void start(RemediationEntry e, Instant now, String actor) {
        if (e.dryRun) {
            String wouldBlock = guardrails.check(e.action, e.target.name(), now)
                    .map(b -> "; a real run would be refused now: " + b.getMessage()).orElse("");
            String detail = (config.enabled() ? "dry run" : "dry run (remediation is disabled: set remediation.enabled: true to act)")
                    + ": " + describePlan(e) + wouldBlock;
            Long before = e.durationMs;
            e.durationMs = 0L;
            try {
                audit.record(now, "finished", e, "dry_run", actor, detail);
            } catch (RemediationException.AuditUnavailable ex) {
                e.durationMs = before;
                metrics.auditError();
                throw ex;
            }
            e.state = RemediationState.PLANNED;
            e.result = "dry_run";
            e.startedAt = now;
            e.finishedAt = now;
            e.detail = detail;
            metrics.ended(e.action.type(), "dry_run");
            return;
        }
        if (!isBreakerNotice(e, actor)) {
            Optional<RemediationException.Blocked> blocked = guardrails.check(e.action, e.target.name(), now);
            if (blocked.isPresent()) {
                refuse(e, now, actor, blocked.get().getMessage());
                throw blocked.get();
            }
        }
        try {
            audit.record(now, "started", e, "running", actor, describePlan(e));
        } catch (RemediationException.AuditUnavailable ex) {
            metrics.auditError();
            throw ex;
        }
        e.state = RemediationState.RUNNING;
        e.startedAt = now;
        e.detail = "running: " + describePlan(e);
        guardrails.recordRun(e.action, e.target.name(), now);
        workers.submit(() -> execute(e));
    }

    /** The breaker's own notification is not held back by the notify cooldown: it is why the breaker exists. */
    private static boolean isBreakerNotice(RemediationEntry e, String actor) {
        return e.trigger == Trigger.RULE && BREAKER.equals(actor) && e.action instanceof RemediationAction.Notify;
    }

    private void refuse(RemediationEntry e, Instant now, String actor, String why) {
        try {
            audit.record(now, "refused", e, "refused", actor, why);
        } catch (RemediationException.AuditUnavailable ex) {
            metrics.auditError();
            throw ex;
        }
        metrics.ended(e.action.type(), "refused");
    }

    private static String describePlan(RemediationEntry e) {
        StringBuilder sb = new StringBuilder();
        for (var step : e.plan) {
            if (!sb.isEmpty()) {
                sb.append("; then ");
            }
            sb.append(String.join(" ", step.command()));
        }
        return sb.toString();
    }

    private void execute(RemediationEntry e) {
        long t0 = System.nanoTime();
        Outcome outcome = runner.run(e.action, e.target);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Remediation view;
        boolean failed = outcome.result() == Outcome.Result.FAILURE;
        Optional<BreakerOpened> breakerOpened;
        synchronized (lock) {
            Instant now = now();
            e.finishedAt = now;
            e.durationMs = ms;
            e.result = outcome.result().key();
            e.state = switch (outcome.result()) {
                case SUCCESS -> RemediationState.SUCCEEDED;
                case FAILURE -> RemediationState.FAILED;
                case REFUSED -> RemediationState.REFUSED;
            };
            e.detail = outcome.detail();
            e.verificationPending = outcome.result() == Outcome.Result.SUCCESS && e.action.type() != io.smartcloudops.api.remediation.ActionType.NOTIFY;
            writeAfterTheFact(now, "finished", e, e.result, e.actor, outcome.detail());
            metrics.ended(e.action.type(), e.result);
            breakerOpened = failed ? countFailure(e.target, e.action.type().key() + " failed: " + outcome.detail())
                    : Optional.empty();
            view = e.view();
            lock.notifyAll();
        }
        publish.accept(view);
        breakerOpened.ifPresent(this::notifyBreaker);
        if (e.verificationPending) {
            timers.schedule(() -> workers.submit(() -> verify(e, outcome)),
                    config.verificationDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Records something that already happened; if the log fails now, the event is logged loudly instead. */
    private void writeAfterTheFact(Instant now, String event, RemediationEntry e, String result, String actor, String detail) {
        try {
            audit.record(now, event, e, result, actor, detail);
        } catch (RemediationException.AuditUnavailable ex) {
            metrics.auditError();
            LOG.error("AUDIT LOG UNWRITABLE: {} {} of remediation {} ({} on {}): {} — {}", event, result, e.id,
                    e.action.type().key(), e.target.name(), detail, ex.getMessage());
        }
    }

    private void verify(RemediationEntry e, Outcome outcome) {
        if (closed) {
            return;
        }
        Optional<Verdict> verdict = Optional.empty();
        if (e.check != null) {
            verdict = e.check.stillHolds().map(holds -> new Verdict(!holds, holds
                    ? e.check.describe() + " is still true on " + e.target.name()
                    : e.check.describe() + " is no longer true on " + e.target.name()));
        }
        if (verdict.isEmpty()) {
            verdict = runner.verify(e.action, e.target, outcome);
        }
        Remediation view;
        Optional<BreakerOpened> breakerOpened = Optional.empty();
        synchronized (lock) {
            e.verificationPending = false;
            if (verdict.isPresent()) {
                Instant now = now();
                e.effective = verdict.get().effective();
                e.verifiedAt = now;
                writeAfterTheFact(now, "verified", e, e.effective ? "effective" : "ineffective", e.actor, verdict.get().detail());
                if (!e.effective) {
                    breakerOpened = countFailure(e.target, e.action.type().key() + " was ineffective: "
                            + verdict.get().detail());
                }
            }
            view = e.view();
            lock.notifyAll();
        }
        if (verdict.isPresent()) {
            publish.accept(view);
        }
        breakerOpened.ifPresent(this::notifyBreaker);
    }

    /** The breaker of a target just opened. */
    private record BreakerOpened(Target target, Instant until, String why) {
    }

    /** Under the lock: counts a failed or ineffective action; when that opens the breaker, records it. */
    private Optional<BreakerOpened> countFailure(Target target, String why) {
        Instant now = now();
        if (!guardrails.recordFailure(target.name(), now)) {
            return Optional.empty();
        }
        Instant until = guardrails.breakerOpenUntil(target.name(), now).orElse(now);
        try {
            audit.recordTarget(now, "breaker_opened", target, "open", "automatic actions on " + target.name()
                    + " stop until " + until + " after " + config.breaker().failures()
                    + " failed or ineffective actions; last: " + why);
        } catch (RemediationException.AuditUnavailable ex) {
            metrics.auditError();
            LOG.error("AUDIT LOG UNWRITABLE: circuit breaker opened for {}: {}", target.name(), ex.getMessage());
        }
        return Optional.of(new BreakerOpened(target, until, why));
    }

    /** Outside the lock: tells people, through notify, that a breaker opened. */
    private void notifyBreaker(BreakerOpened b) {
        Target target = b.target();
        if (runner.unsupported(new RemediationAction.Notify("x", "x"), target).isPresent()) {
            LOG.warn("circuit breaker opened for {} (no aws.sns_topic_arn to notify): {}", target.name(), b.why());
            return;
        }
        RemediationRequest note = RemediationRequest.notify(target.name(), "Smart Cloud Ops: remediation stopped on "
                + cutSubject(target.name()), "The circuit breaker stopped automatic remediation on " + target.name()
                + " until " + b.until() + " after " + config.breaker().failures() + " failed or ineffective actions.\nLast: "
                + b.why() + "\nA person should look at this host.", false, "circuit breaker opened");
        try {
            submit(new Submission(note, Trigger.RULE, BREAKER, null, null, false, null));
        } catch (RemediationException ex) {
            LOG.warn("breaker notification for {} not sent: {}", target.name(), ex.getMessage());
        }
    }

    private static String cutSubject(String s) {
        String ascii = s.replaceAll("[^\\x20-\\x7e]", "?");
        return ascii.length() > 50 ? ascii.substring(0, 50) : ascii;
    }

    /** Approves a pending remediation: it runs now (subject to the guardrails), as {@code actor} decided. */
    public Remediation approve(String id, String actor, String why) {
        Remediation answer;
        synchronized (lock) {
            RemediationEntry e = pending(id);
            RequestValidator.ValidRequest v = validate(e.request); // the configuration may have changed since
            Instant now = now();
            boolean dryRun = e.request.dryRun() || !config.enabled();
            if (!dryRun) {
                Optional<RemediationException.Blocked> blocked = guardrails.check(v.action(), v.target().name(), now);
                if (blocked.isPresent()) {
                    throw blocked.get();
                }
            }
            boolean wasDryRun = e.dryRun;
            e.dryRun = dryRun;
            try {
                audit.record(now, "approved", e, "approved", actor, why == null || why.isBlank() ? "approved" : why);
                e.approvedBy = actor;
                e.plan = runner.plan(v.action(), v.target());
                start(e, now, actor);
            } catch (RemediationException ex) {
                e.dryRun = wasDryRun;
                throw ex;
            }
            answer = e.view();
        }
        publish.accept(answer);
        return answer;
    }

    public Remediation reject(String id, String actor, String why) {
        Remediation answer;
        synchronized (lock) {
            RemediationEntry e = pending(id);
            Instant now = now();
            audit.record(now, "rejected", e, "rejected", actor, why == null || why.isBlank() ? "rejected" : why);
            e.state = RemediationState.REJECTED;
            e.result = "rejected";
            e.approvedBy = null;
            e.finishedAt = now;
            e.detail = "rejected by " + actor + (why == null || why.isBlank() ? "" : ": " + why);
            answer = e.view();
            lock.notifyAll();
        }
        publish.accept(answer);
        return answer;
    }

    private RemediationEntry pending(String id) {
        RemediationEntry e = entries.get(id);
        if (e == null) {
            throw new RemediationException.NotFound("no remediation " + id);
        }
        expireIfStale(e, now());
        if (e.state != RemediationState.PENDING) {
            throw new RemediationException.Conflict("remediation " + id + " is " + e.state.key() + ", not pending");
        }
        return e;
    }

    private void expirePending() {
        List<Remediation> changed = new ArrayList<>();
        synchronized (lock) {
            Instant now = now();
            for (RemediationEntry e : entries.values()) {
                if (expireIfStale(e, now)) {
                    changed.add(e.view());
                }
            }
        }
        changed.forEach(publish);
    }

    private boolean expireIfStale(RemediationEntry e, Instant now) {
        if (e.state != RemediationState.PENDING || now.isBefore(e.createdAt.plus(config.approvalTimeout()))) {
            return false;
        }
        String why = "nobody approved it within " + io.smartcloudops.agent.time.DurationText.format(config.approvalTimeout());
        try {
            audit.record(now, "expired", e, "expired", "agent", why);
        } catch (RemediationException.AuditUnavailable ex) {
            metrics.auditError();
            return false;
        }
        e.state = RemediationState.EXPIRED;
        e.result = "expired";
        e.finishedAt = now;
        e.detail = "expired: " + why;
        return true;
    }

    /** A remediation of this agent, or one another agent started under a shared idempotency key. */
    public Optional<Remediation> find(String id) {
        synchronized (lock) {
            RemediationEntry e = entries.get(id);
            if (e != null) {
                expireIfStale(e, now());
                return Optional.of(e.view());
            }
        }
        return shared.find(id);
    }

    /** Newest first, optionally only those in {@code state}. */
    public List<Remediation> list(Optional<RemediationState> state, int limit) {
        synchronized (lock) {
            Instant now = now();
            entries.values().forEach(e -> expireIfStale(e, now));
            return entries.values().stream()
                    .filter(e -> state.isEmpty() || e.state == state.get())
                    .sorted(Comparator.comparing((RemediationEntry e) -> e.createdAt).reversed())
                    .limit(limit)
                    .map(RemediationEntry::view)
                    .toList();
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
                RemediationEntry e = entries.get(id);
                if (e == null) {
                    throw new RemediationException.NotFound("no remediation " + id);
                }
                boolean done = e.state.terminal() && (!verification || !e.verificationPending);
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
            Instant now = now();
            List<TargetOptions> ts = new ArrayList<>();
            for (Target t : targets.all()) {
                List<io.smartcloudops.api.remediation.ActionType> actions = new ArrayList<>();
                for (RemediationAction a : List.of(new RemediationAction.RestartService("unit"), new RemediationAction.ScaleUp(),
                        new RemediationAction.Notify("s", "m"))) {
                    if (runner.unsupported(a, t).isEmpty()) {
                        actions.add(a.type());
                    }
                }
                ts.add(new TargetOptions(t.name(), t.instanceId(), t.autoScalingGroup(), t.tags(), t.local(), actions,
                        guardrails.cooldowns(t.name(), now), guardrails.runsLastHour(t.name(), now),
                        guardrails.breakerOpenUntil(t.name(), now).isPresent(),
                        guardrails.breakerOpenUntil(t.name(), now).orElse(null)));
            }
            return new RemediationOptions(config.enabled(), runner.executor(), validator.allowedUnits(), ts,
                    config.maxPerHour(), true, pendingCount());
        }
    }

    /** For {@code /status}. */
    public Map<String, Object> status() {
        synchronized (lock) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("enabled", config.enabled());
            m.put("executor", runner.executor());
            m.put("allowed_units", validator.allowedUnits());
            m.put("pending", pendingCount());
            m.put("running", entries.values().stream().filter(e -> e.state == RemediationState.RUNNING).count());
            m.put("breakers_open", guardrails.openBreakers(now()));
            m.put("audit_dir", audit.log().dir().toString());
            return m;
        }
    }

    private int pendingCount() {
        synchronized (lock) {
            return (int) entries.values().stream().filter(e -> e.state == RemediationState.PENDING).count();
        }
    }

    private void keep(RemediationEntry e) {
        entries.put(e.id, e);
        if (e.idempotencyKey != null) {
            byKey.put(e.idempotencyKey, e);
        }
        if (entries.size() > MAX_KEPT) {
            Instant keyHorizon = now().minus(KEY_RETENTION);
            var it = entries.values().iterator();
            while (entries.size() > MAX_KEPT && it.hasNext()) {
                RemediationEntry old = it.next();
                if (old.state.terminal() && !old.verificationPending && old.createdAt.isBefore(keyHorizon)) {
                    it.remove();
                    if (old.idempotencyKey != null) {
                        byKey.remove(old.idempotencyKey, old);
                    }
                }
            }
        }
    }

    /** Called by {@link AuditReplay} for every remediation found in the audit log at start. */
    private void restore(RemediationEntry e) {
        keep(e);
    }

    /** Remediations the log shows as started but never finished: the agent stopped while they ran. */
    private void interrupted() {
        synchronized (lock) {
            for (RemediationEntry e : entries.values()) {
                if (e.state == RemediationState.RUNNING) {
                    Instant now = now();
                    e.state = RemediationState.FAILED;
                    e.result = "failure";
                    e.finishedAt = now;
                    e.detail = "the agent stopped while this ran, so its outcome is unknown: check " + e.target.name();
                    writeAfterTheFact(now, "finished", e, "failure", "agent", e.detail);
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        timers.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("remediations still running at shutdown; the audit log shows them as started");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
