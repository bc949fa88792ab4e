package io.smartcloudops.agent.remediate;

import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.RemediationState;
import io.smartcloudops.api.remediation.Trigger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the remediation state from the audit log at start: remediations with their idempotency keys,
 * pending approvals, cooldowns, the hourly counts and the circuit breakers; those it shows as started but
 * never finished (the agent stopped while they ran) are recorded as failed. The log is the only state
 * the agent keeps, so a restart (or {@code kill -9}) forgets nothing that was acknowledged.
 */
final class AuditReplay {

    private static final Logger LOG = LoggerFactory.getLogger(AuditReplay.class);

    private final AuditTrail trail;
    private final Targets targets;
    private final Guardrails guardrails;
    private final RollingRestart rolling;
    private final Consumer<RemediationEntry> sink;

    AuditReplay(AuditTrail trail, Targets targets, Guardrails guardrails, RollingRestart rolling,
                Consumer<RemediationEntry> sink) {
        this.trail = trail;
        this.targets = targets;
        this.guardrails = guardrails;
        this.rolling = rolling;
        this.sink = sink;
    }

    void run(Instant since) {
        List<AuditRecord> records;
        try {
            records = trail.log().read(since.atZone(ZoneOffset.UTC).toLocalDate(), LocalDate.MAX);
        } catch (RuntimeException e) {
            LOG.error("cannot read the audit log at start; cooldowns and pending approvals start empty: {}", e.getMessage());
            return;
        }
        Map<String, RemediationEntry> byId = new LinkedHashMap<>();
        Map<String, Map<String, String>> refusedInRollout = new HashMap<>();
        for (AuditRecord r : records) {
            if (r.timestamp() == null || r.timestamp().isBefore(since)) {
                continue;
            }
            if (r.event() == AuditEvent.BREAKER_OPENED && r.instance() != null) {
                guardrails.markOpen(r.instance(), r.timestamp());
                continue;
            }
            if (r.requestId() == null || r.action() == null || r.event() == null) {
                continue;
            }
            RemediationEntry e = byId.get(r.requestId());
            if (e == null) {
                if (r.event() == AuditEvent.REFUSED) {
                    // a request the guardrails turned away never existed as a remediation; in a rollout, it stopped it
                    if (r.rolloutId() != null && r.instance() != null) {
                        refusedInRollout.computeIfAbsent(r.rolloutId(), k -> new LinkedHashMap<>()).put(r.instance(),
                                String.valueOf(r.detail()));
                    }
                    continue;
                }
                e = create(r);
                byId.put(e.id(), e);
            }
            apply(e, r);
        }
        byId.values().forEach(this::interruptedIfRunning);
        restoreRollouts(byId, refusedInRollout);
        byId.values().forEach(sink);
        if (!byId.isEmpty()) {
            LOG.info("restored {} remediation(s) from the audit log in {}", byId.size(), trail.log().dir());
        }
    }

    /** Each rolling restart gets back its hosts: the remediations and refusals whose records name it. */
    private void restoreRollouts(Map<String, RemediationEntry> byId, Map<String, Map<String, String>> refused) {
        Map<String, List<RemediationEntry>> hosts = new HashMap<>();
        for (RemediationEntry e : byId.values()) {
            if (e.rolloutId() != null) {
                hosts.computeIfAbsent(e.rolloutId(), k -> new ArrayList<>()).add(e);
            }
        }
        for (RemediationEntry e : byId.values()) {
            if (rolling.applies(e.action(), e.target())) {
                rolling.restore(e, hosts.getOrDefault(e.id(), List.of()), refused.getOrDefault(e.id(), Map.of()));
            }
        }
    }

    /** The log shows it started but never finished: the agent stopped while it ran, so it failed. */
    private void interruptedIfRunning(RemediationEntry e) {
        if (e.state() == RemediationState.RUNNING) {
            Instant now = trail.now();
            e.interrupted(now);
            trail.recordAfterTheFact(now, AuditEvent.FINISHED, e, AuditResult.FAILURE, "agent", e.detail());
        }
    }

    private RemediationEntry create(AuditRecord r) {
        RemediationAction action = RemediationAction.of(r.action(), r.params());
        Target target = targets.find(r.instance())
                .orElse(new Target(r.instance(), r.instanceId(), null, Map.of(), false));
        Trigger trigger = r.trigger() == null ? Trigger.OPERATOR : r.trigger();
        RemediationRequest request = new RemediationRequest(r.action().key(), r.instance(), action.params(),
                r.dryRun(), r.reason());
        RemediationEntry e = new RemediationEntry(r.requestId(), request, action, target, trigger,
                r.actor() == null ? "unknown" : r.actor(), r.reason() == null ? "" : r.reason(), r.rule(),
                r.idempotencyKey(), r.timestamp(), null, rolling.plan(action, target), r.dryRun());
        e.partOf(r.rolloutId());
        return e;
    }

    /** The entry takes the record's state; the guardrails count its runs and failures as they happened. */
    private void apply(RemediationEntry e, AuditRecord r) {
        e.replay(r);
        Instant at = r.timestamp();
        switch (r.event()) {
            case STARTED -> {
                if (!e.dryRun() && !rolling.applies(e.action(), e.target())) { // a rollout's hosts count, not the group
                    guardrails.recordRun(e.action(), e.target().name(), at);
                }
            }
            case FINISHED -> {
                if (r.result() == AuditResult.FAILURE && !e.dryRun()) {
                    guardrails.recordFailure(e.target().name(), at);
                }
            }
            case VERIFIED -> {
                if (Boolean.FALSE.equals(r.effective())) {
                    guardrails.recordFailure(e.target().name(), at);
                }
            }
            default -> {
                // other events change no guardrail
            }
        }
    }
}
