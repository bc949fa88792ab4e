package io.smartcloudops.agent.audit;

import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.client.LogQuery;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.RecordingCommand;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.RemediationState;
import io.smartcloudops.api.remediation.TargetOptions;
import io.smartcloudops.api.remediation.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe's finding: a {@code reason} with U+2028 hid its records from {@code GET /logs}, broke
 * {@code audit verify} and, after a restart, let the same Idempotency-Key run the action again. Here the
 * Unicode line terminators a reason accepts go through the API (a run, an approval of a chat proposal), the
 * agent restarts, and everything it acknowledged is still there.
 */
class AuditSurvivesRestartTest {

    /** U+2028, U+2029 and NEL: each ends a line for some reader (the C0 controls are refused in a reason). */
    private static final String REASON = "disk full\u2028on web-1\u2029see ticket\u0085#42.";

    @TempDir
    Path dir;

    private RecordingCommand systemctl;
    private Agent agent;
    private AgentClient operator;
    private String host;

    private void start() throws Exception {
        if (systemctl == null) {
            systemctl = new RecordingCommand(dir, "systemctl");
        }
        var config = TestAgents.config(dir, """
                remediation:
                  enabled: true
                  allowed_units: [nginx, worker]
                  restart_command: [%s, restart, "{unit}"]
                  verify_command: [%s, is-active, "{unit}"]
                  verification_delay: 0s
                  cooldown: 0s
                """.formatted(systemctl.path(), systemctl.path()));
        agent = TestAgents.start(config, Clock.systemUTC());
        operator = TestAgents.operator(agent);
        host = operator.remediationOptions().targets().stream().filter(TargetOptions::local).findFirst().orElseThrow().name();
    }

    private void restart() throws Exception {
        operator.close();
        agent.close();
        agent = null;
        start();
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            operator.close();
            agent.close();
        }
    }

    private Remediation awaitVerified(String id) {
        return Eventually.within("remediation " + id + " finished and verified", java.time.Duration.ofSeconds(15))
                .until(() -> operator.remediation(id), r -> r.state().terminal() && r.effective() != null);
    }

    private long restarts() throws Exception {
        return systemctl.calls().stream().filter(c -> c.getFirst().equals("restart")).count();
    }

    @Test
    void aRecordWithEveryLineTerminatorIsListedVerifiedAndItsKeyHoldsAcrossARestart() throws Exception {
        start();
        RemediationRequest run = RemediationRequest.restartService(host, "nginx", false, REASON);
        Remediation ran = operator.remediate(run, "key-u2028");
        assertThat(awaitVerified(ran.id()).state()).isEqualTo(RemediationState.SUCCEEDED);
        Remediation proposed = agent.remediation().propose(RemediationRequest.restartService(host, "worker", false, REASON),
                Trigger.CHAT, "assistant");
        operator.approve(proposed.id(), "approved\u2028by the on-call\u0085engineer");
        assertThat(awaitVerified(proposed.id()).state()).isEqualTo(RemediationState.SUCCEEDED);
        assertThat(restarts()).isEqualTo(2);

        restart();

        Remediation again = operator.remediate(run, "key-u2028");
        assertThat(again.id()).as("the same key answers with the first remediation").isEqualTo(ran.id());
        assertThat(restarts()).as("and does not run again").isEqualTo(2);
        assertThat(operator.remediation(ran.id()).state()).isEqualTo(RemediationState.SUCCEEDED);
        Remediation approved = operator.remediation(proposed.id());
        assertThat(approved.approvedBy()).isEqualTo("operator");
        assertThat(approved.state()).isEqualTo(RemediationState.SUCCEEDED);

        List<AuditRecord> logs = operator.logs(LogQuery.since("1h").limit(1000)).records();
        assertThat(logs).filteredOn(r -> ran.id().equals(r.requestId())).extracting(AuditRecord::event)
                .containsExactlyInAnyOrder(AuditEvent.STARTED, AuditEvent.FINISHED, AuditEvent.VERIFIED);
        assertThat(logs).filteredOn(r -> proposed.id().equals(r.requestId())).extracting(AuditRecord::event)
                .containsExactlyInAnyOrder(AuditEvent.PROPOSED, AuditEvent.APPROVED, AuditEvent.STARTED,
                        AuditEvent.FINISHED, AuditEvent.VERIFIED);
        assertThat(logs).filteredOn(r -> ran.id().equals(r.requestId())).allSatisfy(r ->
                assertThat(r.reason()).isEqualTo(REASON));
        assertThat(logs).filteredOn(r -> r.event() == AuditEvent.APPROVED).singleElement().satisfies(r -> {
            assertThat(r.actor()).isEqualTo("operator");
            assertThat(r.detail()).isEqualTo("approved\u2028by the on-call\u0085engineer");
        });

        AuditVerifier.Report report = AuditVerifier.verify(dir.resolve("logs"));
        assertThat(report.broken()).isEmpty();
        assertThat(report.torn()).isEmpty();
        assertThat(report.records()).isEqualTo(8);
        try (var files = Files.list(dir.resolve("logs"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList()) {
                assertThat(Files.readString(f)).doesNotContain("\u2028", "\u2029", "\u0085");
            }
        }
    }
}
