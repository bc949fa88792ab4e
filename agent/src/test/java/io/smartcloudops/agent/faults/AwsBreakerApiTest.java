package io.smartcloudops.agent.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.FakeAws;
import io.smartcloudops.agent.testing.FakeAws.Reply;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.client.LogQuery;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.RemediationState;
import io.smartcloudops.api.remediation.TargetOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AWS throttles every call, seen through the agent's API as an operator sees it (AwsExecutorsTest covers
 * the service): each press is retried by the SDK then recorded as a failure naming the error; after
 * {@code breaker.failures} the breaker opens, SNS is told, and the next press is a 409 with Retry-After
 * that reaches no AWS API; options, /status, /metrics and /logs all show the open breaker; a dry run
 * still shows its plan and says the real run would be refused.
 */
class AwsBreakerApiTest {

    private static final String WEB1 = "i-0123456789abcdef0";
    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:alerts";

    @TempDir
    Path dir;

    private FakeAws aws;

    @BeforeEach
    void credentials() throws Exception {
        // the agent's AWS clients use the SDK's default chain, as in production; these are never sent anywhere but 127.0.0.1
        System.setProperty("aws.accessKeyId", "AKIDTESTONLY");
        System.setProperty("aws.secretAccessKey", "test-secret-key-not-real");
        aws = new FakeAws();
    }

    @AfterEach
    void clear() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        aws.close();
    }

    @Test
    void persistentThrottlingIsRetriedRecordedAndOpensTheBreaker() throws Exception {
        aws.on("SendCommand", FakeAws.always(Reply.jsonError(400, "ThrottlingException", "Rate exceeded")));
        aws.on("Publish", FakeAws.always(Reply.xml(FakeAws.queryResponse("Publish", FakeAws.SNS_NS,
                "<MessageId>msg-1</MessageId>"))));
        var config = TestAgents.config(dir, """
                remediation:
                  enabled: true
                  executor: aws
                  allowed_units: [nginx]
                  cooldown: 0s
                  verification_delay: 0s
                  breaker: {failures: 2, window: 1h, open_for: 1h}
                  targets:
                    web-1: {instance_id: %s}
                aws:
                  region: eu-west-1
                  ssm_document: smartcloudops-restart-service
                  sns_topic_arn: %s
                  endpoints: {ssm: "%s", sns: "%s"}
                  max_attempts: 3
                  poll_interval: 20ms
                detect:
                  enabled: false
                """.formatted(WEB1, TOPIC, aws.endpoint(), aws.endpoint()));
        try (Agent agent = TestAgents.start(config, Clock.systemUTC());
             AgentClient operator = TestAgents.operator(agent)) {
            RemediationRequest restart = RemediationRequest.restartService("web-1", "nginx", false, "api test");
            for (int press = 1; press <= 2; press++) {
                Remediation r = await(operator, operator.remediate(restart, "press-" + press).id());
                assertThat(r.state()).isEqualTo(RemediationState.FAILED);
                assertThat(r.detail()).isEqualTo("ssm SendCommand failed after 3 attempts: ThrottlingException (HTTP 400): Rate exceeded");
                assertThat(aws.calls("SendCommand")).as("retried by the SDK").hasSize(3 * press);
            }
            awaitCalls("Publish", 1);
            assertThat(aws.calls("Publish").getFirst().form().get("Message")).contains("circuit breaker", "ThrottlingException");

            // the third press reaches no AWS API: 409 with Retry-After
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(agent.baseUrl() + "/remediations")).header("Authorization", "Bearer " + TestAgents.OPERATOR_TOKEN)
                    .header("Content-Type", "application/json").header("Idempotency-Key", "press-3")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"action\":\"restart_service\",\"target\":\"web-1\",\"params\":{\"unit\":\"nginx\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("\"error\":\"circuit breaker open\"");
            assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong).orElseThrow()).isBetween(3500L, 3600L);
            assertThat(aws.calls("SendCommand")).hasSize(6);

            TargetOptions web1 = operator.remediationOptions().targets().stream().filter(t -> t.name().equals("web-1"))
                    .findFirst().orElseThrow();
            assertThat(web1.breakerOpen()).isTrue();
            @SuppressWarnings("unchecked")
            Map<String, Object> status = (Map<String, Object>) operator.status().components().get("remediation");
            assertThat(status.get("breakers_open")).asString().contains("web-1");
            assertThat(operator.metrics()).contains("smartcloudops_remediation_breakers_open 1.0",
                    "smartcloudops_remediations_total{action=\"restart_service\",result=\"failure\"} 2.0",
                    "smartcloudops_remediations_total{action=\"restart_service\",result=\"refused\"} 1.0");
            assertThat(operator.logs(LogQuery.since("1h").limit(100)).records()).extracting(AuditRecord::event)
                    .contains(AuditEvent.BREAKER_OPENED, AuditEvent.REFUSED);

            Remediation dry = operator.remediate(RemediationRequest.restartService("web-1", "nginx", true, "what would happen"), null);
            assertThat(dry.state()).isEqualTo(RemediationState.PLANNED);
            assertThat(dry.detail()).contains("a real run would be refused now", "circuit breaker");
            assertThat(aws.calls("SendCommand")).hasSize(6);
            assertThatThrownBy(() -> operator.remediate(restart, "press-4")).isInstanceOfSatisfying(AgentApiException.class,
                    e -> assertThat(e.status()).isEqualTo(409));
        }
    }

    private void awaitCalls(String operation, int n) {
        Eventually.within(n + " " + operation + " calls", Duration.ofSeconds(10)).until(() -> aws.calls(operation).size() >= n);
    }

    private static Remediation await(AgentClient client, String id) {
        return Eventually.within("remediation " + id + " to end", Duration.ofSeconds(30))
                .until(() -> client.remediation(id), r -> r.state().terminal());
    }
}
