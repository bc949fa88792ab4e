package io.smartcloudops.agent.oncall;

import io.smartcloudops.agent.audit.AuditLog;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.oncall.Acknowledgement;
import io.smartcloudops.api.oncall.Silence;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit records of silences and acknowledgements, on the same hash-chained log as remediations (actions
 * {@code silence} and {@code acknowledge}; the remediation replay skips actions it does not know). Each is
 * forced to disk before the change it records takes effect.
 */
final class OncallAudit {

    static final String SILENCE = "silence";
    static final String ACKNOWLEDGE = "acknowledge";

    private final AuditLog log;

    OncallAudit(AuditLog log) {
        this.log = log;
    }

    Instant now() {
        return log.now();
    }

    /** @throws io.smartcloudops.agent.audit.AuditWriteException when it cannot be written: the change must not happen */
    void silence(String event, Silence s, String actor, Instant at) {
        Map<String, String> params = new LinkedHashMap<>();
        putIfSet(params, "host", s.host());
        putIfSet(params, "metric", s.metric());
        putIfSet(params, "rule", s.rule());
        s.labels().forEach((k, v) -> params.put("label." + k, v));
        params.put("ends_at", s.endsAt().toString());
        String detail = switch (event) {
            case "silence_created" -> "silenced " + Silences.describe(s) + " until " + s.endsAt();
            case "silence_deleted" -> "silence ended early (it would have held until " + s.endsAt() + ")";
            default -> "silence ran out";
        };
        log.append(new AuditRecord(at, event, SILENCE, s.host(), null, "success",
                event.equals("silence_expired") ? null : "operator", actor, false, s.id(),
                null, detail, s.rule(), params, s.reason(), null, null, null, null));
    }

    void acknowledgement(String event, FindingKind kind, String id, String host, Acknowledgement ack, String actor, Instant at) {
        String detail = (event.equals("acknowledged") ? "acknowledged " : "acknowledgement withdrawn from ")
                + kind.key() + " " + id + (ack != null && ack.note() != null ? ": " + ack.note() : "");
        log.append(new AuditRecord(at, event, ACKNOWLEDGE, host, null, "success", "operator", actor, false, id,
                null, detail, null, Map.of("kind", kind.key()), ack == null ? null : ack.note(), null, null, null, null));
    }

    private static void putIfSet(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
