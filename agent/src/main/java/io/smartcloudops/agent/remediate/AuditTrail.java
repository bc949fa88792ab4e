package io.smartcloudops.agent.remediate;

import io.smartcloudops.agent.audit.AuditLog;
import io.smartcloudops.agent.audit.AuditWriteException;
import io.smartcloudops.api.TextCut;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.Trigger;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the audit records of remediations: one per event, stamped with the log's clock. Every record
 * that cannot be written is counted here ({@code smartcloudops_audit_write_errors_total}), whichever
 * path wrote it.
 */
final class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final int MAX_DETAIL = 4000;

    private final AuditLog log;
    private final Runnable onWriteError;

    AuditTrail(AuditLog log, Runnable onWriteError) {
        this.log = log;
        this.onWriteError = onWriteError;
    }

    AuditLog log() {
        return log;
    }

    Instant now() {
        return log.now();
    }

    /**
     * Records {@code event} of {@code e} with {@code result} before it takes effect; {@code actor} is who
     * caused this event.
     *
     * @throws RemediationException.AuditUnavailable when it cannot be written (counted): do nothing then
     */
    void record(Instant at, AuditEvent event, RemediationEntry e, AuditResult result, String actor, String detail) {
        write(at, event, e, result, actor, detail, event == AuditEvent.FINISHED ? e.durationMs() : null);
    }

    /** Records a dry run as finished in no time, before the entry says so. */
    void recordDryRun(Instant at, RemediationEntry e, String actor, String detail) {
        write(at, AuditEvent.FINISHED, e, AuditResult.DRY_RUN, actor, detail, 0L);
    }

    /** Records something that already happened; if the log fails now, the event is logged loudly instead. */
    void recordAfterTheFact(Instant at, AuditEvent event, RemediationEntry e, AuditResult result, String actor,
                            String detail) {
        try {
            record(at, event, e, result, actor, detail);
        } catch (RemediationException.AuditUnavailable ex) {
            LOG.error("AUDIT LOG UNWRITABLE: {} {} of remediation {} ({} on {}): {} — {}", event.key(), result.key(),
                    e.id(), e.action().type().key(), e.target().name(), detail, ex.getMessage());
        }
    }

    /** A target's circuit breaker opened (already true in memory); logged loudly if it cannot be written. */
    void recordBreakerOpened(Instant at, Target target, String detail) {
        AuditRecord r = AuditRecord.builder(at, AuditEvent.BREAKER_OPENED)
                .instance(target.name(), target.instance().orElse(null))
                .result(AuditResult.OPEN)
                .by(Trigger.RULE, "breaker")
                .detail(TextCut.ellipsis(detail, MAX_DETAIL))
                .build();
        try {
            log.append(r);
        } catch (AuditWriteException ex) {
            onWriteError.run();
            LOG.error("AUDIT LOG UNWRITABLE: circuit breaker opened for {}: {}", target.name(), ex.getMessage());
        }
    }

    /**
     * A rule's request refused before it became a remediation (no such target, an action this agent cannot do),
     * so the log says why the rule did not act; logged loudly if it cannot be written.
     */
    void recordRuleRefused(Instant at, Submission s, boolean dryRun, String detail) {
        RemediationRequest q = s.request();
        AuditRecord r = AuditRecord.builder(at, AuditEvent.REFUSED)
                .action(ActionType.fromKey(q.action()).orElse(null))
                .instance(q.target(), null)
                .result(AuditResult.REFUSED)
                .by(s.trigger(), s.actor())
                .dryRun(dryRun)
                .requestId(UUID.randomUUID().toString())
                .detail(TextCut.ellipsis(detail, MAX_DETAIL))
                .rule(s.rule())
                .params(q.params())
                .reason(q.reason() == null || q.reason().isBlank() ? null : q.reason())
                .build();
        try {
            log.append(r);
        } catch (AuditWriteException ex) {
            onWriteError.run();
            LOG.error("AUDIT LOG UNWRITABLE: rule {} refused on {}: {} — {}", s.rule(), q.target(), detail, ex.getMessage());
        }
    }

    private void write(Instant at, AuditEvent event, RemediationEntry e, AuditResult result, String actor, String detail,
                       Long durationMs) {
        AuditRecord r = AuditRecord.builder(at, event)
                .action(e.action().type())
                .instance(e.target().name(), e.target().instance().orElse(null))
                .result(result)
                .by(e.trigger(), actor)
                .dryRun(e.dryRun())
                .requestId(e.id())
                .durationMs(durationMs)
                .detail(TextCut.ellipsis(detail, MAX_DETAIL))
                .rule(e.rule())
                .params(e.action().params())
                .reason(e.reason().isEmpty() ? null : e.reason())
                .idempotencyKey(e.idempotencyKey())
                .effective(event == AuditEvent.VERIFIED || event == AuditEvent.FINISHED && e.rollout() != null ? e.effective() : null)
                .rolloutId(e.rolloutId())
                .build();
        try {
            log.append(r);
        } catch (AuditWriteException ex) {
            onWriteError.run();
            // Only a failed write points at the directory; a missing HMAC key or a closed log says what to do itself.
            throw new RemediationException.AuditUnavailable(ex.getMessage() + " — nothing was run"
                    + (ex.getCause() instanceof java.io.IOException ? "; fix the log directory (logs.dir) and try again" : ""));
        }
    }
}
