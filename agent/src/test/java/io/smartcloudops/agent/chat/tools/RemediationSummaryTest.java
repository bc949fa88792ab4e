package io.smartcloudops.agent.chat.tools;

import static org.assertj.core.api.Assertions.assertThat;

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
                new AuditEntry(T.plusSeconds(30), "feedback", null, "web-1", "false_alarm", "operator", "operator", false,
                        "an-mx18vnbd-c4719afa", "marked false_alarm: cpu 97.0% (baseline 12.0%)", null,
                        Map.of("metrics", "cpu"), "nightly backup", null),
                new AuditEntry(T.plusSeconds(20), "breaker_opened", null, "web-1", "open", "rule", "rule:cpu", false,
                        null, "3 failures", "cpu", Map.of(), null, null),
                new AuditEntry(T.plusSeconds(10), "finished", "restart_service", "web-1", "success", "operator", "operator",
                        false, "r-1", "ok", null, Map.of("unit", "nginx"), null, null),
                new AuditEntry(T, "started", "restart_service", "web-1", "running", "operator", "operator",
                        false, "r-1", "", null, Map.of("unit", "nginx"), null, null));
        List<RemediationSummary> folded = RemediationSummary.fold(newestFirst);
        assertThat(folded).singleElement().satisfies(r -> {
            assertThat(r.requestId()).isEqualTo("r-1");
            assertThat(r.action()).isEqualTo("restart_service");
        });
    }
}
