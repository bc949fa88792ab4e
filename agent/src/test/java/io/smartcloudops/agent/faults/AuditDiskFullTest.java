package io.smartcloudops.agent.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.audit.AuditVerifier;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.RecordingCommand;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.client.LogQuery;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.RemediationState;
import io.smartcloudops.api.remediation.TargetOptions;
import io.smartcloudops.api.remediation.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk under the audit log fills up, for real: today's audit file is swapped for a symbolic link to
 * {@code /dev/full}, where every write fails with ENOSPC (chmod would not do: the tests run as root).
 * Every action then refuses with 503 and runs nothing, dry runs and chat proposals included; the agent
 * keeps serving; when the space comes back (the file is put back) the same request runs, the chain of
 * hashes continues where it stopped and {@code audit verify} passes.
 */
class AuditDiskFullTest {

    @TempDir
    Path dir;

    @Test
    void aFullDiskRefusesEveryActionAndTheAgentRecoversWhenSpaceReturns() throws Exception {
        RecordingCommand systemctl = new RecordingCommand(dir, "systemctl");
        var config = TestAgents.config(dir, """
                remediation:
                  enabled: true
                  allowed_units: [nginx, worker]
                  restart_command: [%s, restart, "{unit}"]
                  verify_command: [%s, is-active, "{unit}"]
                  verification_delay: 0s
                detect:
                  enabled: false
                """.formatted(systemctl.path(), systemctl.path()));
        try (Agent agent = TestAgents.start(config, Clock.systemUTC());
             AgentClient operator = TestAgents.operator(agent)) {
            String host = operator.remediationOptions().targets().stream().filter(TargetOptions::local).findFirst()
                    .orElseThrow().name();
            Remediation before = operator.remediate(RemediationRequest.restartService(host, "nginx", false, "before"), "k-1");
            await(operator, before.id());
            assertThat(restarts(systemctl)).isEqualTo(1);

            Path today = agent.auditLog().fileFor(LocalDate.now(ZoneOffset.UTC));
            Path aside = dir.resolve("today.jsonl.aside");
            Files.move(today, aside);
            Files.createSymbolicLink(today, Path.of("/dev/full"));

            assertThatThrownBy(() -> operator.remediate(RemediationRequest.restartService(host, "worker", false, "disk full"), "k-2"))
                    .isInstanceOfSatisfying(AgentApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.getMessage()).contains("audit log unavailable", "No space left on device", "nothing was run");
                    });
            assertThatThrownBy(() -> operator.remediate(RemediationRequest.restartService(host, "worker", true, "dry"), null))
                    .isInstanceOfSatisfying(AgentApiException.class, e -> assertThat(e.status()).isEqualTo(503));
            assertThatThrownBy(() -> agent.remediation().propose(RemediationRequest.restartService(host, "worker", false,
                    "from the chat"), Trigger.CHAT, "viewer")).hasMessageContaining("No space left on device");
            assertThat(restarts(systemctl)).as("nothing ran").isEqualTo(1);
            assertThat(operator.remediations(null, 100).remediations()).as("nothing was created")
                    .extracting(Remediation::id).containsExactly(before.id());
            assertThat(operator.metrics()).contains("smartcloudops_audit_write_errors_total 3.0");
            // the agent keeps serving everything that does not write the audit log
            assertThat(operator.status().version()).isNotBlank();
            assertThat(operator.logs(LogQuery.since("1h").limit(100)).records()).as("today's file is not readable now")
                    .isEmpty();

            // space returns: the file is back, the same key runs now (a refusal does not use up a key)
            Files.delete(today);
            Files.move(aside, today, StandardCopyOption.ATOMIC_MOVE);
            Remediation after = operator.remediate(RemediationRequest.restartService(host, "worker", false, "disk full"), "k-2");
            assertThat(after.state()).isEqualTo(RemediationState.RUNNING);
            await(operator, after.id());
            assertThat(restarts(systemctl)).isEqualTo(2);

            AuditVerifier.Report report = AuditVerifier.verify(agent.auditLog().dir());
            assertThat(report.broken()).as("the chain continues across the outage").isEmpty();
            assertThat(report.torn()).isEmpty();
            assertThat(report.records()).isEqualTo(6); // started, finished, verified of each run
        }
    }

    private static long restarts(RecordingCommand systemctl) throws Exception {
        return systemctl.calls().stream().filter(c -> c.getFirst().equals("restart")).count();
    }

    private static void await(AgentClient client, String id) {
        Remediation r = Eventually.within("remediation " + id + " to be verified", Duration.ofSeconds(15))
                .until(() -> client.remediation(id), v -> v.state().terminal() && v.effective() != null);
        assertThat(r.effective()).as(List.of(r.state(), r.detail()).toString()).isTrue();
    }
}
