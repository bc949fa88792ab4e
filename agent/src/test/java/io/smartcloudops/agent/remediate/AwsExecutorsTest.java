package io.smartcloudops.agent.remediate;

import static io.smartcloudops.agent.testing.FakeAws.AUTOSCALING_NS;
import static io.smartcloudops.agent.testing.FakeAws.SNS_NS;
import static io.smartcloudops.agent.testing.FakeAws.queryResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.FakeAws;
import io.smartcloudops.agent.testing.FakeAws.Reply;
import io.smartcloudops.agent.testing.RemediationFixture;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.RemediationState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real AWS SDK clients against a local server speaking SSM's JSON 1.1 and Auto Scaling's and SNS's
 * query/XML protocols: the exact requests sent, retries of throttling and 5xx answers, and what is
 * recorded when they persist.
 */
class AwsExecutorsTest {

    private static final String WEB1 = "i-0123456789abcdef0";
    private static final String DOC = "smartcloudops-restart-service";
    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:alerts";

    @TempDir
    Path dir;

    private final FakeAws aws = startAws();
    private RemediationFixture fx;

    private static FakeAws startAws() {
        try {
            return new FakeAws();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void start(boolean enabled, String extra) throws Exception {
        fx = new RemediationFixture(dir, """
                remediation:
                  enabled: %s
                  executor: aws
                  allowed_units: [nginx]
                  verification_delay: 0s
                  cooldown: 0s
                  max_per_hour: 100
                  targets:
                    web-1: {instance_id: %s, tags: {role: web}}
                    web-2: {auto_scaling_group: asg-fixed}
                %s
                aws:
                  region: eu-west-1
                  ssm_document: %s
                  sns_topic_arn: %s
                  endpoints: {ssm: "%s", autoscaling: "%s", sns: "%s"}
                  poll_interval: 20ms
                  command_timeout: 10s
                  max_attempts: 3
                """.formatted(enabled, WEB1, extra, DOC, TOPIC, aws.endpoint(), aws.endpoint(), aws.endpoint()),
                Clock.systemUTC(), "agent-host");
    }

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
        aws.close();
    }

    private Remediation run(RemediationRequest request) throws InterruptedException {
        Remediation r = fx.service.submit(io.smartcloudops.agent.remediate.Submission.byOperator(request, "alice", null));
        return fx.service.await(r.id(), Duration.ofSeconds(30), true);
    }

    private List<AuditRecord> audit() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return fx.audit.read(today.minusDays(1), today.plusDays(1));
    }

    private static JsonNode json(FakeAws.Call c) throws Exception {
        return Json.mapper().readTree(c.body());
    }

    private void ssmSendsCommand() {
        aws.on("SendCommand", FakeAws.always(Reply.json(
                "{\"Command\":{\"CommandId\":\"cmd-42\",\"DocumentName\":\"" + DOC + "\",\"Status\":\"Pending\"}}")));
    }

    private static Reply invocation(String status, String out, String err) {
        return Reply.json("{\"CommandId\":\"cmd-42\",\"InstanceId\":\"" + WEB1 + "\",\"DocumentName\":\"" + DOC
                + "\",\"Status\":\"" + status + "\",\"StatusDetails\":\"" + status + "\",\"ResponseCode\":"
                + ("Success".equals(status) ? 0 : "InProgress".equals(status) ? -1 : 3)
                + ",\"StandardOutputContent\":\"" + out + "\",\"StandardErrorContent\":\"" + err + "\"}");
    }

    @Test
    void restartServiceRunsTheSsmDocumentOnTheInstanceAndWaitsForItsResult() throws Exception {
        start(true, "");
        ssmSendsCommand();
        aws.then("GetCommandInvocation",
                        Reply.jsonError(400, "InvocationDoesNotExist", ""),
                        invocation("InProgress", "", ""))
                .on("GetCommandInvocation", FakeAws.always(invocation("Success", "restarted nginx", "")));

        Remediation r = run(RemediationRequest.restartService("web-1", "nginx", false, "502s"));

        assertThat(r.state()).isEqualTo(RemediationState.SUCCEEDED);
        assertThat(r.instance()).isEqualTo(WEB1);
        assertThat(r.detail()).contains("cmd-42", WEB1, "Success", "restarted nginx");
        assertThat(r.effective()).isTrue();
        FakeAws.Call send = aws.calls("SendCommand").getFirst();
        assertThat(send.service()).isEqualTo("AmazonSSM");
        assertThat(send.header("Content-Type")).startsWith("application/x-amz-json-1.1");
        assertThat(send.header("Authorization")).contains("Credential=AKIDTESTONLY/", "/eu-west-1/ssm/aws4_request");
        JsonNode body = json(send);
        assertThat(body.get("DocumentName").asText()).isEqualTo(DOC);
        assertThat(body.get("InstanceIds")).hasSize(1);
        assertThat(body.get("InstanceIds").get(0).asText()).isEqualTo(WEB1);
        assertThat(body.get("Parameters").toString()).isEqualTo("{\"ServiceName\":[\"nginx\"]}");
        assertThat(aws.calls("GetCommandInvocation")).hasSize(3).allSatisfy(c -> {
            try {
                assertThat(json(c).get("CommandId").asText()).isEqualTo("cmd-42");
                assertThat(json(c).get("InstanceId").asText()).isEqualTo(WEB1);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(audit()).extracting(AuditRecord::event).containsExactly(AuditEvent.STARTED, AuditEvent.FINISHED, AuditEvent.VERIFIED);
        assertThat(audit().get(1).instanceId()).isEqualTo(WEB1);
    }

    @Test
    void aFailedCommandIsAFailureWithItsErrorOutput() throws Exception {
        start(true, "");
        ssmSendsCommand();
        aws.on("GetCommandInvocation", FakeAws.always(invocation("Failed", "", "refused: 'nginx' is not allow-listed")));
        Remediation r = run(RemediationRequest.restartService("web-1", "nginx", false, null));
        assertThat(r.state()).isEqualTo(RemediationState.FAILED);
        assertThat(r.detail()).contains("Failed", "exit 3", "not allow-listed");
        assertThat(r.effective()).isNull();
    }

    @Test
    void throttlingIsRetriedByTheSdk() throws Exception {
        start(true, "");
        aws.then("SendCommand", Reply.jsonError(400, "ThrottlingException", "Rate exceeded"),
                Reply.jsonError(400, "ThrottlingException", "Rate exceeded"));
        ssmSendsCommand();
        aws.on("GetCommandInvocation", FakeAws.always(invocation("Success", "ok", "")));
        Remediation r = run(RemediationRequest.restartService("web-1", "nginx", false, null));
        assertThat(r.state()).isEqualTo(RemediationState.SUCCEEDED);
        assertThat(aws.calls("SendCommand")).hasSize(3);
    }

    @Test
    void persistentThrottlingIsRecordedAsAFailure() throws Exception {
        start(true, "");
        aws.on("SendCommand", FakeAws.always(Reply.jsonError(400, "ThrottlingException", "Rate exceeded")));
        Remediation r = run(RemediationRequest.restartService("web-1", "nginx", false, null));
        assertThat(r.state()).isEqualTo(RemediationState.FAILED);
        assertThat(r.detail()).isEqualTo("ssm SendCommand failed after 3 attempts: ThrottlingException (HTTP 400): Rate exceeded");
        assertThat(aws.calls("SendCommand")).hasSize(3);
        assertThat(aws.calls("GetCommandInvocation")).isEmpty();
        AuditRecord finished = audit().stream().filter(a -> a.event() == AuditEvent.FINISHED).findFirst().orElseThrow();
        assertThat(finished.result()).isEqualTo(AuditResult.FAILURE);
        assertThat(finished.detail()).contains("ThrottlingException");
    }

    @Test
    void scaleUpFindsTheGroupAndRaisesItsDesiredCapacityByOne() throws Exception {
        start(true, "");
        aws.on("DescribeAutoScalingInstances", FakeAws.always(Reply.xml(queryResponse("DescribeAutoScalingInstances",
                AUTOSCALING_NS, "<AutoScalingInstances><member><InstanceId>" + WEB1 + "</InstanceId>"
                        + "<AutoScalingGroupName>asg-web</AutoScalingGroupName><AvailabilityZone>eu-west-1a</AvailabilityZone>"
                        + "<LifecycleState>InService</LifecycleState><HealthStatus>HEALTHY</HealthStatus>"
                        + "<ProtectedFromScaleIn>false</ProtectedFromScaleIn></member></AutoScalingInstances>"))));
        aws.then("DescribeAutoScalingGroups", Reply.xml(FakeAws.group("asg-web", 2, 4, 2)))
                .on("DescribeAutoScalingGroups", FakeAws.always(Reply.xml(FakeAws.group("asg-web", 3, 4, 3))));
        aws.on("SetDesiredCapacity", FakeAws.always(Reply.xml(queryResponse("SetDesiredCapacity", AUTOSCALING_NS, null))));

        Remediation r = run(RemediationRequest.scaleUp("web-1", false, "cpu"));

        assertThat(r.state()).isEqualTo(RemediationState.SUCCEEDED);
        assertThat(r.detail()).isEqualTo("Auto Scaling group asg-web: desired capacity 2 -> 3 (max 4)");
        assertThat(r.effective()).isTrue();
        assertThat(aws.operations()).containsExactly("DescribeAutoScalingInstances", "DescribeAutoScalingGroups",
                "SetDesiredCapacity", "DescribeAutoScalingInstances", "DescribeAutoScalingGroups");
        FakeAws.Call describe = aws.calls("DescribeAutoScalingInstances").getFirst();
        assertThat(describe.service()).isEqualTo("autoscaling");
        assertThat(describe.form()).containsEntry("Version", "2011-01-01").containsEntry("InstanceIds.member.1", WEB1);
        assertThat(aws.calls("DescribeAutoScalingGroups").getFirst().form())
                .containsEntry("AutoScalingGroupNames.member.1", "asg-web");
        assertThat(aws.calls("SetDesiredCapacity").getFirst().form())
                .containsEntry("AutoScalingGroupName", "asg-web")
                .containsEntry("DesiredCapacity", "3")
                .containsEntry("HonorCooldown", "true");
    }

    @Test
    void scaleUpAtMaximumCapacityRefusesAndChangesNothing() throws Exception {
        start(true, "");
        aws.on("DescribeAutoScalingGroups", FakeAws.always(Reply.xml(FakeAws.group("asg-fixed", 4, 4, 4))));
        Remediation r = run(RemediationRequest.scaleUp("web-2", false, "cpu"));
        assertThat(r.state()).isEqualTo(RemediationState.REFUSED);
        assertThat(r.result()).isEqualTo("refused");
        assertThat(r.detail()).contains("asg-fixed is at its maximum capacity (desired 4 of max 4): nothing changed");
        assertThat(aws.operations()).containsExactly("DescribeAutoScalingGroups");
        assertThat(audit()).filteredOn(a -> a.event() == AuditEvent.FINISHED).singleElement()
                .satisfies(a -> assertThat(a.result()).isEqualTo(AuditResult.REFUSED));
    }

    @Test
    void autoScalingThrottlingThatPersistsIsAFailure() throws Exception {
        start(true, "");
        aws.on("DescribeAutoScalingGroups", FakeAws.always(Reply.xmlError(400, "Throttling", "Rate exceeded")));
        Remediation r = run(RemediationRequest.scaleUp("web-2", false, null));
        assertThat(r.state()).isEqualTo(RemediationState.FAILED);
        assertThat(r.detail()).contains("DescribeAutoScalingGroups asg-fixed failed after 3 attempts: Throttling (HTTP 400): Rate exceeded");
        assertThat(aws.calls("DescribeAutoScalingGroups")).hasSize(3);
        assertThat(aws.calls("SetDesiredCapacity")).isEmpty();
    }

    @Test
    void notifyPublishesToTheTopicAndRetriesA5xx() throws Exception {
        start(true, "");
        aws.then("Publish", Reply.xmlError(500, "InternalError", "try again"))
                .on("Publish", FakeAws.always(Reply.xml(queryResponse("Publish", SNS_NS, "<MessageId>msg-7</MessageId>"))));
        Remediation r = run(RemediationRequest.notify("web-1", "Disk almost full", "root at 97%", false, null));
        assertThat(r.state()).isEqualTo(RemediationState.SUCCEEDED);
        assertThat(r.detail()).contains("msg-7");
        assertThat(aws.calls("Publish")).hasSize(2);
        FakeAws.Call publish = aws.calls("Publish").getLast();
        assertThat(publish.service()).isEqualTo("sns");
        assertThat(publish.form()).containsEntry("TopicArn", TOPIC).containsEntry("Subject", "Disk almost full")
                .containsEntry("Version", "2010-03-31");
        assertThat(publish.form().get("Message")).startsWith("root at 97%").contains("Host: web-1");
    }

    @Test
    void theBreakerStopsActionsOnATargetAndNotifiesThroughSns() throws Exception {
        start(true, "  breaker: {failures: 2, window: 1h, open_for: 1h}\n");
        ssmSendsCommand();
        aws.on("GetCommandInvocation", FakeAws.always(invocation("Failed", "", "unit crashed")));
        aws.on("Publish", FakeAws.always(Reply.xml(queryResponse("Publish", SNS_NS, "<MessageId>msg-8</MessageId>"))));
        run(RemediationRequest.restartService("web-1", "nginx", false, null));
        run(RemediationRequest.restartService("web-1", "nginx", false, null));
        Eventually.within("the breaker's SNS notification", Duration.ofSeconds(10)).until(() -> !aws.calls("Publish").isEmpty());
        assertThat(aws.calls("Publish")).singleElement().satisfies(c -> {
            assertThat(c.form().get("Subject")).isEqualTo("Smart Cloud Ops: remediation stopped on web-1");
            assertThat(c.form().get("Message")).contains("circuit breaker", "unit crashed");
        });
        try {
            fx.service.submit(io.smartcloudops.agent.remediate.Submission.byOperator(
                    RemediationRequest.restartService("web-1", "nginx", false, null), "alice", null));
            throw new AssertionError("the breaker let it run");
        } catch (RemediationException.Blocked e) {
            assertThat(e.reason()).isEqualTo(RemediationException.Blocked.Reason.BREAKER);
        }
        assertThat(aws.calls("SendCommand")).hasSize(2);
        assertThat(audit()).extracting(AuditRecord::event).contains(AuditEvent.BREAKER_OPENED);
    }

    @Test
    void aDryRunShowsTheExactCallsAndMakesNone() throws Exception {
        start(false, "");
        Remediation restart = fx.service.submit(io.smartcloudops.agent.remediate.Submission.byOperator(
                RemediationRequest.restartService("web-1", "nginx", false, null), "alice", null));
        Remediation scale = fx.service.submit(io.smartcloudops.agent.remediate.Submission.byOperator(
                RemediationRequest.scaleUp("web-2", false, null), "alice", null));
        assertThat(restart.state()).isEqualTo(RemediationState.PLANNED);
        assertThat(restart.plan().getFirst().command()).containsExactly("ssm", "SendCommand", "DocumentName=" + DOC,
                "InstanceIds=" + WEB1, "Parameters.ServiceName=nginx");
        assertThat(scale.plan()).extracting(s -> s.command().get(1))
                .containsExactly("DescribeAutoScalingGroups", "SetDesiredCapacity");
        assertThat(scale.plan().getLast().command()).contains("AutoScalingGroupName=asg-fixed");
        assertThat(aws.calls()).isEmpty();
        assertThat(fx.service.list(Optional.empty(), 10)).hasSize(2);
    }
}
