package io.smartcloudops.agent.feedback;

import io.smartcloudops.agent.audit.AuditLog;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.AnomalyFeedback;
import io.smartcloudops.api.anomaly.Verdict;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.Trigger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verdicts in the audit log (the hash-chained {@code remediation-*.jsonl}): one record when a verdict is given
 * ({@code event: feedback}) and one when it is taken back ({@code event: feedback_undone}), each with the
 * anomaly's id as {@code request_id}, its host as {@code instance}, the verdict as {@code result}, the token's
 * name as {@code actor} and the operator's note as {@code reason}. The log is also where verdicts come back
 * from at start, so a verdict is written exactly once and cannot disagree with its audit record.
 */
final class FeedbackAudit {

    private final AuditLog log;

    FeedbackAudit(AuditLog log) {
        this.log = log;
    }

    /** Forces the record of a verdict to disk; throws {@link io.smartcloudops.agent.audit.AuditWriteException} if it cannot. */
    void given(Anomaly a, AnomalyFeedback f) {
        log.append(record(f.at(), AuditEvent.FEEDBACK, a, f.verdict(), f.actor(), f.note(),
                "marked " + f.verdict().key() + ": " + a.summary()));
    }

    void undone(Anomaly a, AnomalyFeedback withdrawn, String actor, Instant at) {
        log.append(record(at, AuditEvent.FEEDBACK_UNDONE, a, withdrawn.verdict(), actor, null,
                "verdict " + withdrawn.verdict().key() + " of " + withdrawn.actor() + " taken back"));
    }

    private static AuditRecord record(Instant at, AuditEvent event, Anomaly a, Verdict verdict, String actor, String note,
                                      String detail) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("metrics", String.join(",", a.metrics()));
        params.put("anomaly_start", String.valueOf(a.start() != null ? a.start() : a.timestamp()));
        return AuditRecord.builder(at, event).instance(a.host(), null).result(result(verdict))
                .by(Trigger.OPERATOR, actor).requestId(a.id()).detail(detail).params(params).reason(note).build();
    }

    private static AuditResult result(Verdict v) {
        return switch (v) {
            case FALSE_ALARM -> AuditResult.FALSE_ALARM;
            case CONFIRMED -> AuditResult.CONFIRMED;
        };
    }

    /**
     * What the records of the days from {@code from} on say.
     *
     * @param inForce the verdicts in force, by anomaly id
     * @param hosts   every host a verdict was given or taken back on
     */
    record Replayed(Map<String, AnomalyFeedback> inForce, Set<String> hosts) {
    }

    Replayed replay(LocalDate from) {
        Map<String, AnomalyFeedback> out = new LinkedHashMap<>();
        Set<String> hosts = new LinkedHashSet<>();
        List<AuditRecord> records = log.read(from, LocalDate.MAX);
        for (AuditRecord r : records) {
            if (r.requestId() == null || r.timestamp() == null) {
                continue;
            }
            if (r.event() == AuditEvent.FEEDBACK && r.result() != null) {
                Optional<Verdict> v = Verdict.parse(r.result().key());
                v.ifPresent(verdict -> out.put(r.requestId(), new AnomalyFeedback(verdict, r.reason(), r.actor(), r.timestamp())));
            } else if (r.event() == AuditEvent.FEEDBACK_UNDONE) {
                out.remove(r.requestId());
            } else {
                continue;
            }
            if (r.instance() != null) {
                hosts.add(r.instance());
            }
        }
        return new Replayed(out, hosts);
    }
}
