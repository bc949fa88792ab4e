package io.smartcloudops.agent.alerts;

import static io.smartcloudops.agent.alerts.AlertPayloads.alertmanager;
import static io.smartcloudops.agent.alerts.AlertPayloads.highCpu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.config.AgentConfig;
import io.smartcloudops.agent.config.ConfigLoader;
import io.smartcloudops.agent.testing.FakeAws;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.alert.WebhookReceipt;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.client.AgentClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook token configured like the other tokens (issue 16): {@code SMARTCLOUDOPS_WEBHOOK_TOKEN}, an {@code auth.tokens}
 * entry with {@code role: webhook}, or the SSM parameter {@code <prefix>/api/webhook_token}. Each may post alerts and
 * nothing else.
 */
class WebhookTokenSourcesTest {

    @TempDir
    Path dir;

    private static void postsAlertsAndNothingElse(Agent agent, String token) {
        try (AgentClient hook = AgentClient.create(agent.baseUrl(), token)) {
            WebhookReceipt r = hook.post("/webhooks/alertmanager", alertmanager("firing",
                    List.of(highCpu("firing", "web-1:9100", Instant.now().minusSeconds(60), null))), Map.of(), WebhookReceipt.class);
            assertThat(r.created()).isEqualTo(1);
            assertThatThrownBy(() -> hook.alerts(null, null, null))
                    .isInstanceOfSatisfying(AgentApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        }
    }

    @Test
    void fromTheEnvironmentVariable() throws Exception {
        Map<String, String> env = Map.of("SMARTCLOUDOPS_WEBHOOK_TOKEN", "webhook-from-env-0123456789");
        AgentConfig config = new ConfigLoader(env).load(null, Map.of("server.bind", "127.0.0.1:0",
                "auth.viewer_token", TestAgents.VIEWER_TOKEN, "logs.dir", dir.resolve("logs").toString(), "source.spec", "local"));
        try (Agent agent = Agent.start(config, env, Clock.systemUTC())) {
            postsAlertsAndNothingElse(agent, "webhook-from-env-0123456789");
        }
    }

    @Test
    void fromAnAuthTokensEntryWithRoleWebhook() throws Exception {
        Files.writeString(dir.resolve("agent.yaml"), """
                source: {spec: local}
                auth:
                  tokens:
                    - {name: alertmanager, role: webhook, env: AM_WEBHOOK_TOKEN}
                """);
        Map<String, String> env = Map.of("AM_WEBHOOK_TOKEN", "alertmanager-token-0123456789");
        AgentConfig config = new ConfigLoader(env).load(dir.resolve("agent.yaml"), Map.of("server.bind", "127.0.0.1:0",
                "auth.viewer_token", TestAgents.VIEWER_TOKEN, "logs.dir", dir.resolve("logs").toString()));
        try (Agent agent = Agent.start(config, env, Clock.systemUTC())) {
            postsAlertsAndNothingElse(agent, "alertmanager-token-0123456789");
        }
    }

    /** The agent reads it at start like the other tokens (the SDK's default credentials, only ever sent to 127.0.0.1 here). */
    @Test
    void fromSsmUnderTheParameterPrefix() throws Exception {
        System.setProperty("aws.accessKeyId", "AKIDTESTONLY");
        System.setProperty("aws.secretAccessKey", "test-secret-key-not-real");
        try (FakeAws aws = new FakeAws()) {
            aws.on("GetParameters", call -> FakeAws.Reply.json("""
                    {"Parameters": [
                      {"Name": "/smartcloudops/api/webhook_token", "Type": "SecureString", "Value": "webhook-from-ssm-0123456789", "Version": 1}
                    ], "InvalidParameters": ["/smartcloudops/api/viewer_token", "/smartcloudops/api/operator_token"]}"""));
            AgentConfig config = new ConfigLoader(Map.of()).load(null, Map.of("ssm.parameter_prefix", "/smartcloudops",
                    "aws.region", "us-east-1", "aws.endpoints.ssm", aws.endpoint(), "server.bind", "127.0.0.1:0",
                    "auth.viewer_token", TestAgents.VIEWER_TOKEN, "logs.dir", dir.resolve("logs").toString(), "source.spec", "local"));
            try (Agent agent = Agent.start(config, Map.of(), Clock.systemUTC())) {
                assertThat(aws.calls("GetParameters").getFirst().body()).contains("\"WithDecryption\":true")
                        .contains("/smartcloudops/api/webhook_token");
                postsAlertsAndNothingElse(agent, "webhook-from-ssm-0123456789");
            }
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }
}
