package io.smartcloudops.agent.remediate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.smartcloudops.agent.testing.MutableClock;
import io.smartcloudops.agent.testing.RecordingCommand;
import io.smartcloudops.agent.testing.RemediationFixture;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.RemediationState;
import io.smartcloudops.api.remediation.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's decision on a proposal is recorded before it takes effect, like every other event: when
 * the audit log cannot be written, approving or rejecting changes nothing, runs nothing, and counts in
 * {@code smartcloudops_audit_write_errors_total} (the copies of that count once left these two out).
 * The disk fills for real: the next day's audit file is a link to {@code /dev/full}.
 */
class ApprovalAuditFailureTest {

    @TempDir
    Path dir;

    @Test
    void approveAndRejectThatCannotBeRecordedChangeNothingAndAreCounted() throws Exception {
        RecordingCommand systemctl = new RecordingCommand(dir, "systemctl");
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T23:00:00Z"));
        try (RemediationFixture fx = new RemediationFixture(dir, """
                remediation:
                  enabled: true
                  allowed_units: [nginx, worker]
                  restart_command: [%s, restart, "{unit}"]
                  verify_command: [%s, is-active, "{unit}"]
                  approval_timeout: 24h
                """.formatted(systemctl.path(), systemctl.path()), clock, "web-1")) {
            Remediation toApprove = fx.service.propose(RemediationRequest.restartService("web-1", "nginx", false, "a"),
                    Trigger.CHAT, "viewer");
            Remediation toReject = fx.service.propose(RemediationRequest.restartService("web-1", "worker", false, "b"),
                    Trigger.CHAT, "viewer");
            Files.createSymbolicLink(fx.audit.fileFor(LocalDate.parse("2026-03-02")), Path.of("/dev/full"));
            clock.advance(Duration.ofHours(2));
            assertThat(auditErrors(fx)).isZero();

            assertThatThrownBy(() -> fx.service.approve(toApprove.id(), "alice", "go"))
                    .isInstanceOf(RemediationException.AuditUnavailable.class)
                    .hasMessageContaining("No space left on device");
            assertThat(auditErrors(fx)).isEqualTo(1);
            assertThatThrownBy(() -> fx.service.reject(toReject.id(), "alice", "no"))
                    .isInstanceOf(RemediationException.AuditUnavailable.class);
            assertThat(auditErrors(fx)).isEqualTo(2);

            assertThat(fx.service.find(toApprove.id()).orElseThrow()).satisfies(r -> {
                assertThat(r.state()).isEqualTo(RemediationState.PENDING);
                assertThat(r.approvedBy()).isNull();
                assertThat(r.dryRun()).isFalse();
            });
            assertThat(fx.service.find(toReject.id()).orElseThrow().state()).isEqualTo(RemediationState.PENDING);
            assertThat(systemctl.calls()).as("nothing ran").isEmpty();

            // space is back: the same approval goes through
            Files.delete(fx.audit.fileFor(LocalDate.parse("2026-03-02")));
            Remediation approved = fx.service.approve(toApprove.id(), "alice", "go");
            assertThat(approved.state()).isEqualTo(RemediationState.RUNNING);
            assertThat(fx.service.await(approved.id(), Duration.ofSeconds(30), false).state())
                    .isEqualTo(RemediationState.SUCCEEDED);
            assertThat(systemctl.calls()).first().asList().containsExactly("restart", "nginx");
            assertThat(auditErrors(fx)).isEqualTo(2);
        }
    }

    private static double auditErrors(RemediationFixture fx) {
        return fx.registry.scrape().stream()
                .filter(s -> s.getMetadata().getName().equals("smartcloudops_audit_write_errors"))
                .map(s -> ((CounterSnapshot) s).getDataPoints().getFirst().getValue())
                .findFirst().orElseThrow();
    }
}
