package io.smartcloudops.agent.remediate;

import io.smartcloudops.agent.audit.AuditLog;
import io.smartcloudops.agent.audit.AuditWriteException;
import io.smartcloudops.api.audit.AuditRecord;
import java.time.Instant;
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
    void record(Instant at, String event, RemediationEntry e, String result, String actor, String detail) {
        write(at, event, e, result, actor, detail, "finished".equals(event) ? e.durationMs() : null);
    }

    /** Records a dry run as finished in no time, before the entry says so. */
    void recordDryRun(Instant at, RemediationEntry e, String actor, String detail) {
        write(at, "finished", e, "dry_run", actor, detail, 0L);
    }

    /** Records something that already happened; if the log fails now, the event is logged loudly instead. */
    void recordAfterTheFact(Instant at, String event, RemediationEntry e, String result, String actor, String detail) {
        try {
            record(at, event, e, result, actor, detail);
        } catch (RemediationException.AuditUnavailable ex) {
            LOG.error("AUDIT LOG UNWRITABLE: {} {} of remediation {} ({} on {}): {} — {}", event, result, e.id(),
                    e.action().type().key(), e.target().name(), detail, ex.getMessage());
        }
    }

    /** A target's circuit breaker opened (already true in memory); logged loudly if it cannot be written. */
    void recordBreakerOpened(Instant at, Target target, String detail) {
        AuditRecord r = new AuditRecord(at, "breaker_opened", null, target.name(), target.instance().orElse(null),
                "open", "rule", "breaker", false, null, null, cut(detail), null, null, null, null, null, null, null);
        try {
            log.append(r);
        } catch (AuditWriteException ex) {
            onWriteError.run();
            LOG.error("AUDIT LOG UNWRITABLE: circuit breaker opened for {}: {}", target.name(), ex.getMessage());
        }
    }

    private void write(Instant at, String event, RemediationEntry e, String result, String actor, String detail,
                       Long durationMs) {
        AuditRecord r = new AuditRecord(at, event, e.action().type().key(), e.target().name(),
                e.target().instance().orElse(null), result, e.trigger().key(), actor, e.dryRun(), e.id(),
                durationMs, cut(detail), e.rule(), e.action().params(),
                e.reason().isEmpty() ? null : e.reason(), e.idempotencyKey(),
                "verified".equals(event) ? e.effective() : null, null, null);
        try {
            log.append(r);
        } catch (AuditWriteException ex) {
            onWriteError.run();
            throw new RemediationException.AuditUnavailable(ex.getMessage()
                    + " — nothing was run; fix the log directory (logs.dir) and try again");
        }
    }

    private static String cut(String s) {
        if (s == null) {
            return null;
        }
        return s.length() > MAX_DETAIL ? s.substring(0, MAX_DETAIL) + "..." : s;
    }
}
