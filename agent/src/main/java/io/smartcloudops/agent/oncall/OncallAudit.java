package io.smartcloudops.agent.oncall;

import io.smartcloudops.agent.audit.AuditLog;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.oncall.Acknowledgement;
import io.smartcloudops.api.oncall.Silence;
import io.smartcloudops.api.remediation.Trigger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit records of silences and acknowledgements, on the same hash-chained log as remediations: events
 * {@code silence_created|deleted|expired} and {@code acknowledged|unacknowledged}, without an action (the
 * remediation replay skips records without one), {@code request_id} = the silence's or the finding's id. Each is
 * forced to disk before the change it records takes effect.
 */
final class OncallAudit {

    private final AuditLog log;

    OncallAudit(AuditLog log) {
        this.log = log;
    }

    Instant now() {
        return log.now();
    }

    /** @throws io.smartcloudops.agent.audit.AuditWriteException when it cannot be written: the change must not happen */
    void silence(AuditEvent event, Silence s, String actor, Instant at) {
        Map<String, String> params = new LinkedHashMap<>();
        putIfSet(params, "host", s.host());
        putIfSet(params, "metric", s.metric());
        putIfSet(params, "rule", s.rule());
        s.labels().forEach((k, v) -> params.put("label." + k, v));
        params.put("ends_at", s.endsAt().toString());
        String detail = switch (event) {
            case SILENCE_CREATED -> "silenced " + Silences.describe(s) + " until " + s.endsAt();
            case SILENCE_DELETED -> "silence ended early (it would have held until " + s.endsAt() + ")";
            default -> "silence ran out";
        };
        log.append(AuditRecord.builder(at, event).instance(s.host(), null).result(AuditResult.SUCCESS)
                .by(event == AuditEvent.SILENCE_EXPIRED ? null : Trigger.OPERATOR, actor).requestId(s.id())
                .detail(detail).rule(s.rule()).params(params).reason(s.reason()).build());
    }

    void acknowledgement(AuditEvent event, FindingKind kind, String id, String host, Acknowledgement ack, String actor,
                         Instant at) {
        String detail = (event == AuditEvent.ACKNOWLEDGED ? "acknowledged " : "acknowledgement withdrawn from ")
                + kind.key() + " " + id + (ack != null && ack.note() != null ? ": " + ack.note() : "");
        log.append(AuditRecord.builder(at, event).instance(host, null).result(AuditResult.SUCCESS)
                .by(Trigger.OPERATOR, actor).requestId(id).detail(detail).params(Map.of("kind", kind.key()))
                .reason(ack == null ? null : ack.note()).build());
    }

    private static void putIfSet(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
