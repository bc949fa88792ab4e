package io.smartcloudops.agent.remediate;

import static io.smartcloudops.agent.testing.FakeAws.AUTOSCALING_NS;
import static io.smartcloudops.agent.testing.FakeAws.queryResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.config.ConfigException;
import io.smartcloudops.agent.testing.FakeAws;
import io.smartcloudops.agent.testing.FakeAws.Reply;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.chat.QueryResponse;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.RemediationState;
import io.smartcloudops.api.remediation.TargetOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code remediation.groups}: a tier is a target wherever a host is — the options the console draws its buttons
 * from, {@code POST /remediations}, and the chat ("scale up the app tier") — for the actions that concern its Auto
 * Scaling group.
 */
class GroupTargetsTest {

    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeEach
    void credentials() {
        // the agent's AWS clients use the SDK's default chain, as in production; only ever sent to 127.0.0.1
        System.setProperty("aws.accessKeyId", "AKIDTESTONLY");
        System.setProperty("aws.secretAccessKey", "test-secret-key-not-real");
    }

    @org.junit.jupiter.api.AfterEach
    void clear() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private Agent start(FakeAws aws) throws Exception {
        return TestAgents.start(TestAgents.config(dir, """
                source: {spec: local}
                remediation:
                  enabled: true
                  executor: aws
                  allowed_units: [nginx]
                  verification_delay: 0s
                  groups:
                    app: {auto_scaling_group: app-asg, hosts: [web-1, web-2], description: the web tier}
                aws:
                  region: eu-west-1
                  endpoints: {autoscaling: "%s", ssm: "%s"}
                  max_attempts: 1
                """.formatted(aws.endpoint(), aws.endpoint())), Clock.systemUTC());
    }

    @Test
    void aGroupIsATargetForItsAutoScalingGroupInTheOptionsTheApiAndTheChat() throws Exception {
        AtomicInteger desired = new AtomicInteger(2);
        try (FakeAws aws = new FakeAws()) {
            aws.on("DescribeAutoScalingGroups", c -> Reply.xml(FakeAws.group(c.form().get("AutoScalingGroupNames.member.1"),
                    desired.get(), 4, desired.get())));
            aws.on("SetDesiredCapacity", c -> {
                desired.set(Integer.parseInt(c.form().get("DesiredCapacity")));
                return Reply.xml(queryResponse("SetDesiredCapacity", AUTOSCALING_NS, null));
            });
            try (Agent agent = start(aws); AgentClient op = TestAgents.operator(agent); AgentClient viewer = TestAgents.viewer(agent)) {
                TargetOptions app = op.remediationOptions().targets().stream().filter(t -> t.name().equals("app"))
                        .findFirst().orElseThrow();
                assertThat(app.autoScalingGroup()).isEqualTo("app-asg");
                assertThat(app.actions()).containsExactly(ActionType.SCALE_UP, ActionType.SCALE_IN);

                Remediation up = op.remediate(new RemediationRequest("scale_up", "app", Map.of(), false, "traffic"),
                        UUID.randomUUID().toString());
                up = agent.remediation().await(up.id(), Duration.ofSeconds(10), true);
                assertThat(up.state()).as(up.detail()).isEqualTo(RemediationState.SUCCEEDED);
                assertThat(up.detail()).startsWith("Auto Scaling group app-asg: desired capacity 2 -> 3");
                assertThat(FakeAws.values(aws.calls("SetDesiredCapacity"), "AutoScalingGroupName")).containsExactly("app-asg");

                assertThatThrownBy(() -> op.remediate(RemediationRequest.restartService("app", "nginx", true, "x"), null))
                        .isInstanceOfSatisfying(AgentApiException.class, e -> {
                            assertThat(e.status()).isEqualTo(400);
                            assertThat(e.error().detail()).startsWith("target: 'app' is a group");
                        });

                QueryResponse chat = viewer.query("Scale up the app tier");
                assertThat(chat.proposedActions()).singleElement().satisfies(p -> {
                    assertThat(p.action()).isEqualTo("scale_up");
                    assertThat(p.target()).isEqualTo("app");
                    assertThat(p.state()).isEqualTo("pending");
                });
                assertThat(desired.get()).as("a chat proposal runs nothing").isEqualTo(3);
            }
        }
    }

    @Test
    void aGroupNamedLikeATargetOrWithoutAnAutoScalingGroupIsRefused() throws Exception {
        assertThatThrownBy(() -> TestAgents.config(dir, """
                remediation:
                  targets: {app: {}}
                  groups: {app: {auto_scaling_group: app-asg}}
                """)).isInstanceOf(ConfigException.class).hasMessageStartingWith("remediation.groups.app");
        assertThatThrownBy(() -> TestAgents.config(dir, """
                remediation:
                  groups: {app: {hosts: [web-1]}}
                """)).isInstanceOf(ConfigException.class).hasMessageStartingWith("remediation.groups.app.auto_scaling_group");
    }
}
