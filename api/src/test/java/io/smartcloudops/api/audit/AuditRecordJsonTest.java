package io.smartcloudops.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.Json;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Trigger;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An audit line is a hash-chained, persisted format: typed fields must write exactly the JSON the string
 * fields wrote (same names, same order, snake_case keys), and a line with a value this version does not
 * know (written by a newer agent) must still be readable.
 */
class AuditRecordJsonTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aRemediationEventWritesTheSameLineAsBefore() throws Exception {
        AuditRecord r = AuditRecord.builder(AT, AuditEvent.FINISHED)
                .action(ActionType.RESTART_SERVICE).instance("web-1", "i-0123456789abcdef0").result(AuditResult.DRY_RUN)
                .by(Trigger.OPERATOR, "alice").dryRun(true).requestId("r-1").durationMs(0L).detail("dry run: x")
                .params(Map.of("unit", "nginx")).reason("502s").idempotencyKey("k-1").build()
                .chained("0".repeat(64), null);

        String json = Json.write(r);

        assertThat(json).isEqualTo("{\"timestamp\":\"2026-03-01T10:00:00Z\",\"event\":\"finished\",\"action\":\"restart_service\","
                + "\"instance\":\"web-1\",\"instance_id\":\"i-0123456789abcdef0\",\"result\":\"dry_run\",\"trigger\":\"operator\","
                + "\"actor\":\"alice\",\"dry_run\":true,\"request_id\":\"r-1\",\"duration_ms\":0,\"detail\":\"dry run: x\","
                + "\"params\":{\"unit\":\"nginx\"},\"reason\":\"502s\",\"idempotency_key\":\"k-1\",\"prev_hash\":\"" + "0".repeat(64) + "\"}");
        assertThat(Json.mapper().readValue(json, AuditRecord.class)).isEqualTo(r);
    }

    @Test
    void aBreakerEventHasNoActionAndKeepsItsWireNames() throws Exception {
        AuditRecord r = AuditRecord.builder(AT, AuditEvent.BREAKER_OPENED).instance("web-1", null)
                .result(AuditResult.OPEN).by(Trigger.RULE, "breaker").detail("stop").build();

        String json = Json.write(r);

        assertThat(json).isEqualTo("{\"timestamp\":\"2026-03-01T10:00:00Z\",\"event\":\"breaker_opened\",\"instance\":\"web-1\","
                + "\"result\":\"open\",\"trigger\":\"rule\",\"actor\":\"breaker\",\"dry_run\":false,\"detail\":\"stop\"}");
        assertThat(Json.mapper().readValue(json, AuditRecord.class)).isEqualTo(r);
    }

    @Test
    void valuesOfANewerAgentReadAsAbsentInsteadOfMakingTheLineUnreadable() throws Exception {
        AuditRecord r = Json.mapper().readValue("{\"timestamp\":\"2026-03-01T10:00:00Z\",\"event\":\"silenced\","
                + "\"action\":\"reboot\",\"result\":\"muted\",\"trigger\":\"webhook\",\"actor\":\"x\",\"dry_run\":false}",
                AuditRecord.class);

        assertThat(r.event()).isNull();
        assertThat(r.action()).isNull();
        assertThat(r.result()).isNull();
        assertThat(r.trigger()).isNull();
        assertThat(r.actor()).isEqualTo("x");
    }

    @Test
    void everyEventAndResultHasTheKeyTheLogUses() {
        assertThat(AuditEvent.keys()).isEqualTo("proposed, approved, rejected, expired, refused, started, finished, "
                + "verified, breaker_opened, breaker_closed, silence_created, silence_deleted, silence_expired, "
                + "acknowledged, unacknowledged");
        assertThat(AuditResult.keys()).isEqualTo("pending, approved, rejected, expired, refused, running, success, "
                + "failure, dry_run, effective, ineffective, open, closed");
        assertThat(AuditEvent.fromKey(" Breaker_Opened ")).contains(AuditEvent.BREAKER_OPENED);
        assertThat(AuditResult.fromKey("nope")).isEmpty();
    }
}
