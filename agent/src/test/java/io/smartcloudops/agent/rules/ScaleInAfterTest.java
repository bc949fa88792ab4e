package io.smartcloudops.agent.rules;

import static io.smartcloudops.agent.testing.FakeAws.AUTOSCALING_NS;
import static io.smartcloudops.agent.testing.FakeAws.queryResponse;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.agent.collect.SamplesCollected;
import io.smartcloudops.agent.remediate.Submission;
import io.smartcloudops.agent.testing.FakeAws;
import io.smartcloudops.agent.testing.FakeAws.Reply;
import io.smartcloudops.agent.testing.MutableClock;
import io.smartcloudops.agent.testing.RemediationFixture;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.RemediationState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scale_up's way back, against Auto Scaling's wire protocol on loopback: {@code scale_in_after} returns the group to
 * the desired capacity it had before the rule's scale_up once the rule stayed resolved that long, never lower; it
 * compares first and leaves a group someone else resized alone, auditing the skip; {@code scale_in} by hand passes
 * the same gates.
 */
class ScaleInAfterTest {

    private static final String HOST = "web-2";
    private static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final AtomicInteger desired = new AtomicInteger(2);
    private FakeAws aws;
    private RemediationFixture fx;
    private RuleEngine engine;

    @BeforeEach
    void start() throws Exception {
        aws = new FakeAws();
        aws.on("DescribeAutoScalingGroups", c -> Reply.xml(FakeAws.group("asg-web", desired.get(), 5, desired.get())));
        aws.on("SetDesiredCapacity", c -> {
            desired.set(Integer.parseInt(c.form().get("DesiredCapacity")));
            return Reply.xml(queryResponse("SetDesiredCapacity", AUTOSCALING_NS, null));
        });
        fx = new RemediationFixture(dir, """
                remediation:
                  enabled: true
                  executor: aws
                  verification_delay: 0s
                  cooldown: 0s
                  max_per_hour: 100
                  targets:
                    web-2: {auto_scaling_group: asg-web}
                aws:
                  region: eu-west-1
                  endpoints: {autoscaling: "%s"}
                  max_attempts: 1
                """.formatted(aws.endpoint()), clock, "agent-host");
        engine = new RuleEngine(RulesFile.parse("rules.yaml", """
                rules:
                  - name: busy-web
                    when: cpu > 90
                    action: scale_up
                    scale_in_after: 30m
                    cooldown: 0s
                """, fx.service::checkAction), fx.service, clock, Duration.ofMinutes(5), fx.registry);
        fx.bus.subscribe(SamplesCollected.class, engine::onSamples);
    }

    @AfterEach
    void stop() {
        fx.close();
        aws.close();
    }

    private void cpuAt(Duration after, double cpu) throws InterruptedException {
        clock.set(T0.plus(after));
        fx.bus.publish(new SamplesCollected(List.of(new HostSample(HOST, clock.instant(), Map.of(Metric.CPU, cpu))), false));
        for (Remediation r : fx.service.list(Optional.empty(), 100)) {
            fx.service.await(r.id(), Duration.ofSeconds(10), true);
        }
    }

    private List<Remediation> scaleIns() {
        return fx.service.list(Optional.empty(), 100).stream().filter(r -> r.action().key().equals("scale_in")).toList();
    }

    @Test
    void theGroupGoesBackToItsEarlierCapacityOnceTheRuleStayedResolvedThatLong() throws Exception {
        cpuAt(Duration.ZERO, 95);
        assertThat(desired.get()).isEqualTo(3);
        cpuAt(Duration.ofMinutes(1), 96);
        assertThat(desired.get()).as("scaled up once more while firing").isEqualTo(4);
        cpuAt(Duration.ofMinutes(2), 40);
        assertThat(engine.state("busy-web", HOST)).isEqualTo(RuleState.INACTIVE);
        cpuAt(Duration.ofMinutes(31), 40);
        assertThat(scaleIns()).as("29 minutes resolved: not yet").isEmpty();
        cpuAt(Duration.ofMinutes(32), 40);
        assertThat(scaleIns()).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(RemediationState.SUCCEEDED);
            assertThat(r.params()).containsEntry("to", "2").containsEntry("expected", "4");
            assertThat(r.rule()).isEqualTo("busy-web");
            assertThat(r.detail()).startsWith("Auto Scaling group asg-web: desired capacity 4 -> 2");
        });
        assertThat(desired.get()).as("the capacity before the rule's first scale_up").isEqualTo(2);
        cpuAt(Duration.ofMinutes(90), 40);
        assertThat(scaleIns()).as("once").hasSize(1);
    }

    @Test
    void firingAgainBeforeTheDelayKeepsTheCapacity() throws Exception {
        cpuAt(Duration.ZERO, 95);
        cpuAt(Duration.ofMinutes(1), 40);
        cpuAt(Duration.ofMinutes(20), 95);
        assertThat(desired.get()).isEqualTo(4);
        cpuAt(Duration.ofMinutes(21), 40);
        cpuAt(Duration.ofMinutes(45), 40);
        assertThat(scaleIns()).isEmpty();
        cpuAt(Duration.ofMinutes(52), 40);
        assertThat(desired.get()).as("both scale-ups undone, back to where the first started").isEqualTo(2);
    }

    @Test
    void aGroupSomeoneElseResizedIsLeftAloneAndTheSkipIsAudited() throws Exception {
        cpuAt(Duration.ZERO, 95);
        cpuAt(Duration.ofMinutes(1), 40);
        desired.set(5);  // an operator scaled by hand meanwhile
        cpuAt(Duration.ofMinutes(40), 40);
        assertThat(scaleIns()).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(RemediationState.REFUSED);
            assertThat(r.detail()).contains("has desired capacity 5, not the 3 expected").contains("nothing changed");
        });
        assertThat(desired.get()).isEqualTo(5);
        assertThat(aws.calls("SetDesiredCapacity")).hasSize(1);
        List<AuditRecord> audit = fx.audit.read(LocalDate.MIN, LocalDate.MAX);
        assertThat(audit).filteredOn(r -> r.action() == io.smartcloudops.api.remediation.ActionType.SCALE_IN
                        && r.event() == io.smartcloudops.api.audit.AuditEvent.FINISHED)
                .singleElement().satisfies(r -> assertThat(r.result()).isEqualTo(io.smartcloudops.api.audit.AuditResult.REFUSED));
    }

    @Test
    void scaleInByHandLowersByOneAndNeverBelowTheMinimum() throws Exception {
        desired.set(3);
        Remediation r = fx.service.submit(Submission.byOperator(new RemediationRequest("scale_in", HOST, Map.of(), false,
                "load is over"), "alice", "k1"));
        r = fx.service.await(r.id(), Duration.ofSeconds(10), true);
        assertThat(r.state()).isEqualTo(RemediationState.SUCCEEDED);
        assertThat(desired.get()).isEqualTo(2);
        Remediation low = fx.service.submit(Submission.byOperator(new RemediationRequest("scale_in", HOST,
                Map.of("to", "0"), false, "all of it"), "alice", "k2"));
        low = fx.service.await(low.id(), Duration.ofSeconds(10), true);
        assertThat(desired.get()).as("MinSize is 1").isEqualTo(1);
        Remediation none = fx.service.submit(Submission.byOperator(new RemediationRequest("scale_in", HOST, Map.of(), false,
                "again"), "alice", "k3"));
        none = fx.service.await(none.id(), Duration.ofSeconds(10), true);
        assertThat(none.state()).isEqualTo(RemediationState.REFUSED);
        assertThat(none.detail()).contains("nothing to scale in");
    }
}
