package io.smartcloudops.agent.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.config.ConfigException;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.RemediationState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code notify} with {@code channel:} posts to that notification channel instead of SNS, behind the same gates. */
class NotifyActionChannelTest {

    @TempDir
    Path dir;

    private Agent start(ChannelServer slack, String rules) throws Exception {
        Files.writeString(dir.resolve("rules.yaml"), rules);
        var config = TestAgents.config(dir, """
                source: {spec: local}
                remediation: {enabled: true}
                rules: {path: %s}
                notify:
                  channels:
                    oncall: {type: slack, url_env: SLACK_URL}
                """.formatted(dir.resolve("rules.yaml")));
        return Agent.start(config, Map.of("SLACK_URL", slack.url()), Clock.systemUTC());
    }

    @Test
    void aNotifyActionWithAChannelPostsThereAndItsDryRunShowsThePlan() throws Exception {
        try (ChannelServer slack = ChannelServer.slack()) {
            slack.ok(1);
            try (Agent agent = start(slack, "rules: []\n"); AgentClient op = TestAgents.operator(agent)) {
                String host = agent.remediation().targets().localHost();
                Map<String, String> params = Map.of("subject", "Deploy finished", "message", "web tier on v42", "channel", "oncall");
                Remediation plan = op.remediate(new RemediationRequest("notify", host, params, true, "tell on-call"), null);
                assertThat(plan.state()).isEqualTo(RemediationState.PLANNED);
                assertThat(plan.plan()).singleElement().satisfies(step -> {
                    assertThat(step.kind()).isEqualTo("http");
                    assertThat(step.command()).containsExactly("slack", "POST", "channel=oncall", "Subject=Deploy finished",
                            "Message=web tier on v42");
                });
                assertThat(slack.nothingWithin(200)).as("a dry run posts nothing").isTrue();

                Remediation run = op.remediate(new RemediationRequest("notify", host, params, false, "tell on-call"),
                        UUID.randomUUID().toString());
                run = agent.remediation().await(run.id(), Duration.ofSeconds(10), false);
                assertThat(run.state()).as(run.detail()).isEqualTo(RemediationState.SUCCEEDED);
                var sent = slack.take().json();
                assertThat(sent.at("/blocks/0/text/text").asText()).isEqualTo("Deploy finished");
                assertThat(sent.at("/blocks/1/text/text").asText()).isEqualTo("web tier on v42");
            }
        }
    }

    @Test
    void aRuleNamingAChannelThatDoesNotExistStopsTheStart() throws Exception {
        try (ChannelServer slack = ChannelServer.slack()) {
            assertThatThrownBy(() -> start(slack, """
                    rules:
                      - name: tell
                        when: cpu > 90
                        action: notify
                        params: {message: hot, channel: pager}
                    """)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("rules[0] (tell).params.channel")
                    .hasMessageContaining("no channel 'pager' (known: oncall)");
        }
    }
}
