package io.smartcloudops.agent.remediate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.agent.testing.FakeAws;
import io.smartcloudops.agent.testing.FakeAws.Reply;
import io.smartcloudops.agent.testing.RemediationFixture;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.RemediationState;
import io.smartcloudops.api.remediation.RolloutStep;
import io.smartcloudops.api.remediation.Trigger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code restart_service} on a group is a rolling restart: one ordinary remediation per host, strictly one after
 * another, each through the guardrails and the audit log and verified before the next starts; the first failure or
 * refusal stops it. The real SSM client against a local server speaking SSM's JSON protocol.
 */
class RollingRestartTest {

    private static final String WEB1 = "i-0000000000000aaa1";
    private static final String WEB2 = "i-0000000000000aaa2";
    private static final String WEB3 = "i-0000000000000aaa3";

    @TempDir
    Path dir;

    private final FakeAws aws = startAws();
    /** Instances whose restart fails. */
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private RemediationFixture fx;

    private static FakeAws startAws() {
        try {
            return new FakeAws();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private RemediationFixture start(boolean enabled, String cooldown) throws Exception {
        aws.on("SendCommand", c -> Reply.json("{\"Command\":{\"CommandId\":\"cmd-" + instance(c) + "\",\"Status\":\"Pending\"}}"));
        aws.on("GetCommandInvocation", c -> {
            String id = instance(c);
            String status = failing.contains(id) ? "Failed" : "Success";
            return Reply.json("{\"CommandId\":\"cmd-" + id + "\",\"InstanceId\":\"" + id + "\",\"Status\":\"" + status
                    + "\",\"StatusDetails\":\"" + status + "\",\"ResponseCode\":" + ("Success".equals(status) ? 0 : 3)
                    + ",\"StandardOutputContent\":\"\",\"StandardErrorContent\":\"" + (failing.contains(id) ? "nginx: bind failed" : "") + "\"}");
        });
        fx = new RemediationFixture(dir, """
                remediation:
                  enabled: %s
                  executor: aws
                  allowed_units: [nginx]
                  verification_delay: 0s
                  cooldown: %s
                  max_per_hour: 100
                  approval_timeout: 1h
                  targets:
                    web-1: {instance_id: %s}
                    web-2: {instance_id: %s}
                    web-3: {instance_id: %s}
                  groups:
                    app: {auto_scaling_group: app-asg, hosts: [web-1, web-2, web-3, web-9]}
                aws:
                  region: eu-west-1
                  ssm_document: restart-doc
                  endpoints: {ssm: "%s", autoscaling: "%s"}
                  poll_interval: 10ms
                  command_timeout: 10s
                  max_attempts: 1
                """.formatted(enabled, cooldown, WEB1, WEB2, WEB3, aws.endpoint(), aws.endpoint()), Clock.systemUTC(), "agent-host");
        return fx;
    }

    /** The instance an SSM call names (SendCommand's InstanceIds, GetCommandInvocation's InstanceId). */
    private static String instance(FakeAws.Call c) {
        try {
            JsonNode body = Json.mapper().readTree(c.body());
            return body.has("InstanceIds") ? body.get("InstanceIds").get(0).asText() : body.get("InstanceId").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
        aws.close();
    }

    private List<String> restarted() {
        return aws.calls("SendCommand").stream().map(RollingRestartTest::instance).toList();
    }

    private List<AuditRecord> audit() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return fx.audit.read(today.minusDays(1), today.plusDays(1));
    }

    private Remediation rollout(String key) {
        return fx.service.submit(Submission.byOperator(RemediationRequest.restartService("app", "nginx", false, "502s"), "alice", key));
    }

    private Remediation settle(Remediation r) throws InterruptedException {
        return fx.service.await(r.id(), Duration.ofSeconds(30), true);
    }

    @Test
    void theHostsRestartOneAfterAnotherEachOnceTheLastIsVerified() throws Exception {
        start(true, "0s");
        Remediation first = rollout("key-1");
        assertThat(first.state()).isEqualTo(RemediationState.RUNNING);
        assertThat(first.target()).isEqualTo("app");
        assertThat(first.rollout()).extracting(RolloutStep::host).containsExactly("web-1", "web-2", "web-3", "web-9");
        assertThat(first.rollout().getLast().state()).isEqualTo(RolloutStep.SKIPPED);
        assertThat(first.rollout().getLast().detail()).contains("not a remediation target");

        Remediation done = settle(first);
        assertThat(done.state()).as(done.detail()).isEqualTo(RemediationState.SUCCEEDED);
        assertThat(done.effective()).isTrue();
        assertThat(restarted()).containsExactly(WEB1, WEB2, WEB3);
        List<RolloutStep> steps = done.rollout();
        assertThat(steps.subList(0, 3)).allSatisfy(s -> {
            assertThat(s.state()).isEqualTo("succeeded");
            assertThat(s.effective()).isTrue();
            Remediation host = fx.service.find(s.remediationId()).orElseThrow();
            assertThat(host.target()).isEqualTo(s.host());
            assertThat(host.rolloutId()).isEqualTo(done.id());
            assertThat(host.actor()).isEqualTo("alice");
        });
        // every host's remediation is an ordinary one in the list, next to the rollout
        assertThat(fx.service.list(Optional.empty(), 10)).extracting(Remediation::target)
                .containsExactlyInAnyOrder("app", "web-1", "web-2", "web-3");

        // on disk, each host was verified before the next one started
        List<AuditRecord> log = audit();
        List<String> order = new ArrayList<>();
        for (AuditRecord r : log) {
            if (r.rolloutId() != null && (r.event() == AuditEvent.STARTED || r.event() == AuditEvent.VERIFIED)) {
                order.add(r.event().key() + " " + r.instance());
            }
        }
        assertThat(order).containsExactly("started web-1", "verified web-1", "started web-2", "verified web-2",
                "started web-3", "verified web-3");
        assertThat(log).filteredOn(r -> "app".equals(r.instance())).extracting(r -> r.event().key())
                .containsExactly("started", "finished");
    }

    @Test
    void theFirstFailureStopsTheRolloutAndTheRestAreSkipped() throws Exception {
        start(true, "0s");
        failing.add(WEB2);
        Remediation done = settle(rollout("key-2"));
        assertThat(done.state()).isEqualTo(RemediationState.FAILED);
        assertThat(done.detail()).startsWith("stopped: web-2 failed: SSM command cmd-" + WEB2);
        assertThat(restarted()).containsExactly(WEB1, WEB2);
        assertThat(done.rollout()).extracting(RolloutStep::state).containsExactly("succeeded", "failed", "skipped", "skipped");
        assertThat(done.rollout().get(2).detail()).startsWith("not run: the rollout stopped because web-2 failed");
    }

    @Test
    void aGuardrailRefusalStopsTheRolloutAndIsRecordedUnderIt() throws Exception {
        start(true, "1h");
        Remediation single = fx.service.submit(Submission.byOperator(
                RemediationRequest.restartService("web-2", "nginx", false, null), "bob", null));
        settle(single);
        Remediation done = settle(rollout("key-3"));
        assertThat(done.state()).isEqualTo(RemediationState.FAILED);
        assertThat(restarted()).containsExactly(WEB2, WEB1);
        assertThat(done.rollout()).extracting(RolloutStep::state).containsExactly("succeeded", "refused", "skipped", "skipped");
        assertThat(done.rollout().get(1).detail()).contains("cooldown");
        assertThat(audit()).filteredOn(r -> r.event() == AuditEvent.REFUSED).singleElement()
                .satisfies(r -> assertThat(r.rolloutId()).isEqualTo(done.id()));
    }

    @Test
    void aDryRunPlansEveryHostAndRunsNothing() throws Exception {
        start(false, "0s");
        Remediation r = rollout("key-4");
        assertThat(r.state()).isEqualTo(RemediationState.PLANNED);
        assertThat(r.dryRun()).isTrue();
        assertThat(r.plan()).filteredOn(s -> s.command().get(1).equals("SendCommand")).extracting(s -> s.command().get(3))
                .containsExactly("InstanceIds=" + WEB1, "InstanceIds=" + WEB2, "InstanceIds=" + WEB3);
        assertThat(r.rollout()).extracting(RolloutStep::state).containsExactly("planned", "planned", "planned", "skipped");
        assertThat(fx.service.list(Optional.of(RemediationState.PLANNED), 10)).hasSize(4);
        assertThat(aws.calls()).isEmpty();
    }

    @Test
    void theSameIdempotencyKeyAnswersWithTheSameRolloutAndRunsNothingTwice() throws Exception {
        start(true, "0s");
        Remediation first = settle(rollout("key-5"));
        Remediation again = rollout("key-5");
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.state()).isEqualTo(RemediationState.SUCCEEDED);
        assertThat(restarted()).containsExactly(WEB1, WEB2, WEB3);
        // and after a restart of the agent, from the audit log alone
        fx.close();
        start(true, "0s");
        Remediation restored = rollout("key-5");
        assertThat(restored.id()).isEqualTo(first.id());
        assertThat(restored.effective()).isTrue();
        assertThat(restored.rollout()).extracting(RolloutStep::state).containsExactly("succeeded", "succeeded", "succeeded", "skipped");
        assertThat(restarted()).containsExactly(WEB1, WEB2, WEB3);
    }

    @Test
    void anApprovalIsGivenOnceForTheWholeRollout() throws Exception {
        start(true, "0s");
        Remediation proposed = fx.service.propose(RemediationRequest.restartService("app", "nginx", false, "chat"), Trigger.CHAT, "chat");
        assertThat(proposed.state()).isEqualTo(RemediationState.PENDING);
        assertThat(proposed.rollout()).extracting(RolloutStep::state).containsExactly("waiting", "waiting", "waiting", "skipped");
        assertThat(aws.calls()).isEmpty();
        fx.service.approve(proposed.id(), "alice", "go");
        Remediation done = settle(proposed);
        assertThat(done.state()).isEqualTo(RemediationState.SUCCEEDED);
        assertThat(done.approvedBy()).isEqualTo("alice");
        assertThat(restarted()).containsExactly(WEB1, WEB2, WEB3);
        assertThat(fx.service.list(Optional.of(RemediationState.PENDING), 10)).isEmpty();

        Remediation other = fx.service.propose(RemediationRequest.restartService("app", "nginx", false, "again"), Trigger.CHAT, "chat");
        Remediation rejected = fx.service.reject(other.id(), "alice", "not now");
        assertThat(rejected.rollout()).extracting(RolloutStep::state).containsOnly("skipped");
        assertThat(restarted()).hasSize(3);
    }

    @Test
    void afterACrashMidRolloutTheLogSaysWhichHostsRanAndARetryRunsNoneAgain() throws Exception {
        start(true, "0s");
        Remediation first = settle(rollout("key-6"));
        fx.close();
        fx = null;
        // the agent died right after web-2 started: the log is all it leaves
        Path file;
        try (var files = Files.list(dir.resolve("logs"))) {
            file = files.filter(f -> f.getFileName().toString().startsWith("remediation-")).findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int cut = 0;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode r = Json.mapper().readTree(lines.get(i));
            if (r.path("event").asText().equals("started") && r.path("instance").asText().equals("web-2")) {
                cut = i + 1;
            }
        }
        Files.write(file, lines.subList(0, cut), StandardCharsets.UTF_8);
        int callsBefore = aws.calls("SendCommand").size();

        start(true, "0s");
        Remediation restored = fx.service.find(first.id()).orElseThrow();
        assertThat(restored.state()).isEqualTo(RemediationState.FAILED);
        assertThat(restored.rollout()).extracting(RolloutStep::state).containsExactly("succeeded", "failed", "skipped", "skipped");
        assertThat(restored.rollout().get(0).effective()).isTrue();
        assertThat(restored.rollout().get(1).detail()).startsWith("the agent stopped while this ran");
        assertThat(restored.rollout().get(2).detail()).startsWith("not run: the rollout ended before its turn");

        assertThat(restored.effective()).as("a failed rollout has no verdict").isNull();

        Remediation retry = rollout("key-6");
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(aws.calls("SendCommand")).hasSize(callsBefore);
        assertThat(fx.service.list(Optional.empty(), 10)).as("the rollout, web-1 and web-2; web-3 never existed").hasSize(3);
    }
}
