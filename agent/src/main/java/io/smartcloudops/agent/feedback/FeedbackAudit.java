package io.smartcloudops.agent.feedback;

import io.smartcloudops.agent.audit.AuditLog;
import io.smartcloudops.agent.detect.VerdictPattern;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verdicts in the audit log (the hash-chained {@code remediation-*.jsonl}): one record when a verdict is given
 * ({@code event: feedback}) and one when it is taken back ({@code event: feedback_undone}), each with the
 * anomaly's id as {@code request_id}, its host as {@code instance}, the verdict as {@code result}, the token's
 * name as {@code actor} and the operator's note as {@code reason}; its parameters name the anomaly's metrics and
 * start and, when the detector knew it, the {@code pattern} the verdict acts on ({@link VerdictPattern}: per metric
 * and feature side, the edge and the peak), so a detector that learns the host again still honours the verdict. The
 * log is also where verdicts come back from at start, so a verdict is written exactly once and cannot disagree with
 * its audit record.
 */
final class FeedbackAudit {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackAudit.class);
    static final String PATTERN = "pattern";

    private final AuditLog log;

    FeedbackAudit(AuditLog log) {
        this.log = log;
    }

    /** Forces the record of a verdict to disk; throws {@link io.smartcloudops.agent.audit.AuditWriteException} if it cannot. */
    void given(Anomaly a, AnomalyFeedback f, Optional<VerdictPattern> pattern) {
        log.append(record(f.at(), AuditEvent.FEEDBACK, a, f.verdict(), f.actor(), f.note(),
                "marked " + f.verdict().key() + ": " + a.summary(), pattern));
    }

    void undone(Anomaly a, AnomalyFeedback withdrawn, String actor, Instant at) {
        log.append(record(at, AuditEvent.FEEDBACK_UNDONE, a, withdrawn.verdict(), actor, null,
                "verdict " + withdrawn.verdict().key() + " of " + withdrawn.actor() + " taken back", Optional.empty()));
    }

    private static AuditRecord record(Instant at, AuditEvent event, Anomaly a, Verdict verdict, String actor, String note,
                                      String detail, Optional<VerdictPattern> pattern) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("metrics", String.join(",", a.metrics()));
        params.put("anomaly_start", String.valueOf(a.start() != null ? a.start() : a.timestamp()));
        pattern.ifPresent(p -> params.put(PATTERN, p.format()));
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
     * @param patterns what the anomalies with a verdict flagged, as their verdicts' records kept it, by anomaly id (a
     *                 verdict given while the detector knew nothing of the incident keeps none)
     */
    record Replayed(Map<String, AnomalyFeedback> inForce, Set<String> hosts, Map<String, VerdictPattern> patterns) {
    }

    Replayed replay(LocalDate from) {
        Map<String, AnomalyFeedback> out = new LinkedHashMap<>();
        Map<String, VerdictPattern> patterns = new LinkedHashMap<>();
        Set<String> hosts = new LinkedHashSet<>();
        List<AuditRecord> records = log.read(from, LocalDate.MAX);
        for (AuditRecord r : records) {
            if (r.requestId() == null || r.timestamp() == null) {
                continue;
            }
            if (r.event() == AuditEvent.FEEDBACK && r.result() != null) {
                Optional<Verdict> v = Verdict.parse(r.result().key());
                v.ifPresent(verdict -> out.put(r.requestId(), new AnomalyFeedback(verdict, r.reason(), r.actor(), r.timestamp())));
                pattern(r).ifPresent(p -> patterns.put(r.requestId(), p));
            } else if (r.event() == AuditEvent.FEEDBACK_UNDONE) {
                out.remove(r.requestId());
            } else {
                continue;
            }
            if (r.instance() != null) {
                hosts.add(r.instance());
            }
        }
        return new Replayed(out, hosts, patterns);
    }

    /** The pattern a verdict's record keeps; empty without one, or (logged) when it cannot be read. */
    private static Optional<VerdictPattern> pattern(AuditRecord r) {
        String text = r.params() == null ? null : r.params().get(PATTERN);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(VerdictPattern.parse(text));
        } catch (IllegalArgumentException e) {
            LOG.warn("the verdict on anomaly {} keeps a pattern that cannot be read ({}): it acts only while the detector "
                    + "remembers the anomaly", r.requestId(), e.getMessage());
            return Optional.empty();
        }
    }
}
