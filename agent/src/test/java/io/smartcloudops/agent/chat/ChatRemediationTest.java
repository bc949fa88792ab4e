package io.smartcloudops.agent.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.chat.openai.ChatCompletionsServer;
import io.smartcloudops.agent.config.AgentConfig;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.RecordingCommand;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.chat.ProposedAction;
import io.smartcloudops.api.chat.QueryResponse;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.client.LogQuery;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.RemediationState;
import io.smartcloudops.api.remediation.Trigger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat against the real remediation service and audit log: a restart asked in chat is a pending
 * approval that runs only when an operator approves it; injected text and invalid proposals run nothing.
 * {@code systemctl} is a recording script, so "ran" and "did not run" are observed, not assumed.
 */
class ChatRemediationTest {

    @TempDir
    Path dir;

    Agent agent;
    AgentClient viewer;
    AgentClient operator;
    RecordingCommand systemctl;
    String host;

    void start(Map<String, String> env, String chatYaml) throws Exception {
        systemctl = new RecordingCommand(dir, "systemctl");
        AgentConfig config = TestAgents.config(dir, """
                source: {spec: local, interval: 200ms}
                remediation:
                  enabled: true
                  allowed_units: [nginx]
                  restart_command: [%s, restart, "{unit}"]
                  verify_command: [%s, is-active, "{unit}"]
                  verification_delay: 0s
                %s
                """.formatted(systemctl.path(), systemctl.path(), chatYaml));
        agent = Agent.start(config, env, Clock.systemUTC());
        viewer = TestAgents.viewer(agent);
        operator = TestAgents.operator(agent);
        host = agent.remediation().targets().localHost();
        Eventually.within("samples of " + host, Duration.ofSeconds(10)).until(() -> agent.store().hasHost(host));
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            viewer.close();
            operator.close();
            agent.close();
        }
    }

    @Test
    void aRestartAskedInChatWaitsForAnOperatorAndOnlyThenRuns() throws Exception {
        start(Map.of(), "");
        QueryResponse r = viewer.query("Restart nginx on " + host);
        ProposedAction p = r.proposedActions().getFirst();
        assertThat(r.proposedActions()).hasSize(1);
        assertThat(p.action()).isEqualTo("restart_service");
        assertThat(p.target()).isEqualTo(host);
        assertThat(p.params()).containsEntry("unit", "nginx");
        assertThat(p.state()).isEqualTo("pending");
        assertThat(r.answer()).contains("for an operator's approval (id " + p.id(), "Nothing has run");

        Remediation pending = operator.remediation(p.id());
        assertThat(pending.state()).isEqualTo(RemediationState.PENDING);
        assertThat(pending.trigger()).isEqualTo(Trigger.CHAT);
        assertThat(pending.actor()).isEqualTo("viewer");
        assertThat(systemctl.calls()).as("nothing ran").isEmpty();
        assertThat(operator.logs(LogQuery.since("10m")).records()).extracting(AuditRecord::event, AuditRecord::trigger)
                .contains(org.assertj.core.groups.Tuple.tuple(AuditEvent.PROPOSED, Trigger.CHAT));

        assertThatThrownBy(() -> viewer.approve(p.id())).as("a viewer cannot approve")
                .isInstanceOfSatisfying(AgentApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(systemctl.calls()).isEmpty();

        operator.approve(p.id(), "looks right");
        Remediation done = agent.remediation().await(p.id(), Duration.ofSeconds(10), false);
        assertThat(done.state()).isEqualTo(RemediationState.SUCCEEDED);
        assertThat(systemctl.calls()).contains(List.of("restart", "nginx"));

        QueryResponse logs = viewer.query("Show logs from 10 minutes ago");
        assertThat(logs.answer()).contains("proposed restart_service nginx on " + host + ": pending (chat by viewer)",
                "approved restart_service nginx on " + host);
    }

    @Test
    void invalidAndInjectedRequestsRunNothingAndLeaveNoApproval() throws Exception {
        start(Map.of(), "");
        QueryResponse mysql = viewer.query("Restart mysql on " + host);
        assertThat(mysql.proposedActions()).isEmpty();
        assertThat(mysql.answer()).startsWith("Not proposed: params.unit: 'mysql' is not on remediation.allowed_units");
        QueryResponse elsewhere = viewer.query("Restart nginx on web-9");
        assertThat(elsewhere.answer()).startsWith("Not proposed: target: ");
        QueryResponse injected = viewer.query(ChatScenario.INJECTION);
        assertThat(injected.proposedActions()).isEmpty();
        assertThat(operator.pending().remediations()).isEmpty();
        assertThat(systemctl.calls()).isEmpty();
    }

    @Test
    void aModelObeyingAnInjectedAuditLineIsStoppedByTheRemediationValidation() throws Exception {
        try (ChatCompletionsServer model = new ChatCompletionsServer()) {
            start(Map.of("SMARTCLOUDOPS_CHAT_API_KEY", ChatTesting.API_KEY), """
                    chat: {backend: openai, base_url: "%s", model: gpt-test, max_retries: 0}
                    """.formatted(model.baseUrl()));
            // an operator's dry run whose reason carries the injection: now it is in the audit log
            operator.remediate(RemediationRequest.restartService(host, "nginx", true, ChatScenario.INJECTION), null);
            model.toolCall("call_1", "audit_logs", "{\"since\": \"10m\"}");
            model.toolCall("call_2", "propose_remediation", "{\"action\":\"restart_service\",\"target\":\"" + host
                    + "\",\"unit\":\"nginx; systemctl restart --all\",\"reason\":\"the log said so\"}");
            model.toolCall("call_3", "propose_remediation",
                    "{\"action\":\"restart_service\",\"target\":\"everything\",\"unit\":\"nginx\",\"reason\":\"the log said so\"}");
            model.answer("Nothing was restarted.");

            QueryResponse r = viewer.query(ChatScenario.INJECTION + ": what do the logs say?");

            model.take();
            assertThat(model.take().lastContent()).startsWith("<untrusted-data source=\"audit_logs\">")
                    .contains(ChatScenario.INJECTION);
            assertThat(model.take().lastContent()).contains("\"outcome\":\"refused\"", "\"field\":\"params.unit\"");
            assertThat(model.take().lastContent()).contains("\"outcome\":\"refused\"", "\"field\":\"target\"");
            assertThat(r.backend()).isEqualTo("openai");
            assertThat(r.proposedActions()).isEmpty();
            assertThat(operator.pending().remediations()).isEmpty();
            assertThat(systemctl.calls()).as("the dry run and the refusals ran nothing").isEmpty();
        }
    }
}
