package io.smartcloudops.agent.chat.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Trigger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Show remediations by operators" lists remediations, not the other records operators leave in the audit log. */
class RemediationSummaryTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void verdictsOnAnomaliesAndBreakerRecordsAreNotRemediations() {
        List<AuditEntry> newestFirst = List.of(
                new AuditEntry(T.plusSeconds(30), AuditEvent.FEEDBACK, null, "web-1", AuditResult.FALSE_ALARM, Trigger.OPERATOR, "operator", false,
                        "an-mx18vnbd-c4719afa", "marked false_alarm: cpu 97.0% (baseline 12.0%)", null,
                        Map.of("metrics", "cpu"), "nightly backup", null),
                new AuditEntry(T.plusSeconds(20), AuditEvent.BREAKER_OPENED, null, "web-1", AuditResult.OPEN, Trigger.RULE, "rule:cpu", false,
                        null, "3 failures", "cpu", Map.of(), null, null),
                new AuditEntry(T.plusSeconds(10), AuditEvent.FINISHED, ActionType.RESTART_SERVICE, "web-1", AuditResult.SUCCESS, Trigger.OPERATOR, "operator",
                        false, "r-1", "ok", null, Map.of("unit", "nginx"), null, null),
                new AuditEntry(T, AuditEvent.STARTED, ActionType.RESTART_SERVICE, "web-1", AuditResult.RUNNING, Trigger.OPERATOR, "operator",
                        false, "r-1", "", null, Map.of("unit", "nginx"), null, null));
        List<RemediationSummary> folded = RemediationSummary.fold(newestFirst);
        assertThat(folded).singleElement().satisfies(r -> {
            assertThat(r.requestId()).isEqualTo("r-1");
            assertThat(r.action()).isEqualTo(ActionType.RESTART_SERVICE);
        });
    }
}
