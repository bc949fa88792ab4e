package io.smartcloudops.agent.remediate;

import io.smartcloudops.agent.audit.AuditLog;
import io.smartcloudops.agent.audit.AuditWriteException;
import io.smartcloudops.api.audit.AuditRecord;
import java.time.Instant;

/** Writes the audit records of remediations: one per event, stamped with the log's clock. */
final class AuditTrail {

    private static final int MAX_DETAIL = 4000;

    private final AuditLog log;

    AuditTrail(AuditLog log) {
        this.log = log;
    }

    AuditLog log() {
        return log;
    }

    Instant now() {
        return log.now();
    }

    /**
     * Records {@code event} of {@code e} with {@code result}; {@code actor} is who caused this event.
     *
     * @throws RemediationException.AuditUnavailable when it cannot be written
     */
    AuditRecord record(Instant at, String event, RemediationEntry e, String result, String actor, String detail) {
        AuditRecord r = new AuditRecord(at, event, e.action.type().key(), e.target.name(),
                e.target.instance().orElse(null), result, e.trigger.key(), actor, e.dryRun, e.id,
                "finished".equals(event) ? e.durationMs : null, cut(detail), e.rule, e.action.params(),
                e.reason.isEmpty() ? null : e.reason, e.idempotencyKey,
                "verified".equals(event) ? e.effective : null, null, null);
        try {
            return log.append(r);
        } catch (AuditWriteException ex) {
            throw new RemediationException.AuditUnavailable(ex.getMessage()
                    + " — nothing was run; fix the log directory (logs.dir) and try again");
        }
    }

    /** A record about a target rather than one remediation (the breaker). */
    AuditRecord recordTarget(Instant at, String event, Target target, String result, String detail) {
        AuditRecord r = new AuditRecord(at, event, null, target.name(), target.instance().orElse(null), result,
                "rule", "breaker", false, null, null, cut(detail), null, null, null, null, null, null, null);
        try {
            return log.append(r);
        } catch (AuditWriteException ex) {
            throw new RemediationException.AuditUnavailable(ex.getMessage());
        }
    }

    private static String cut(String s) {
        if (s == null) {
            return null;
        }
        return s.length() > MAX_DETAIL ? s.substring(0, MAX_DETAIL) + "..." : s;
    }
}
