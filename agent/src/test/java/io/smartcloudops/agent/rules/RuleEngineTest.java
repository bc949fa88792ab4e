package io.smartcloudops.agent.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.agent.collect.SamplesCollected;
import io.smartcloudops.agent.remediate.RemediationException;
import io.smartcloudops.agent.remediate.Submission;
import io.smartcloudops.agent.testing.MutableClock;
import io.smartcloudops.agent.testing.RecordingCommand;
import io.smartcloudops.agent.testing.RemediationFixture;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.remediation.ActionType;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleEngineTest {

    private static final String HOST = "web-1";
    private static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private RemediationFixture fx;
    private RuleEngine engine;
    private RecordingCommand systemctl;

    private void start(String rulesYaml, String remediationYaml) throws Exception {
        systemctl = new RecordingCommand(dir, "systemctl");
        fx = new RemediationFixture(dir, """
                remediation:
                  enabled: true
                  allowed_units: [nginx]
                  restart_command: [%s, restart, "{unit}"]
                  verify_command: []
                  verification_delay: 0s
                %s
                """.formatted(systemctl.path(), remediationYaml), clock, HOST);
        List<Rule> rules = RulesFile.parse("rules.yaml", rulesYaml, fx.service::checkAction);
        engine = new RuleEngine(rules, fx.service, clock, Duration.ofMinutes(5), fx.registry);
        fx.bus.subscribe(SamplesCollected.class, engine::onSamples);
        fx.bus.subscribe(Anomaly.class, engine::onAnomaly);
    }

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private void cpuAt(Duration after, double cpu) {
        clock.set(T0.plus(after));
        fx.bus.publish(new SamplesCollected(List.of(new HostSample(HOST, clock.instant(), Map.of(Metric.CPU, cpu))), false));
    }

    private List<Remediation> remediations() {
        return fx.service.list(Optional.empty(), 100).reversed();
    }

    private Remediation awaitLast() throws InterruptedException {
        return fx.service.await(remediations().getLast().id(), Duration.ofSeconds(10), true);
    }

    private double ruleStateMetric(String rule) {
        return fx.registry.scrape().stream().filter(s -> s.getMetadata().getName().equals("smartcloudops_rule_state"))
                .flatMap(s -> ((GaugeSnapshot) s).getDataPoints().stream())
                .filter(d -> d.getLabels().get("rule").equals(rule)).findFirst().orElseThrow().getValue();
    }

    @Test
    void cpuAbove90For3MinutesFiresOnceRespectsCooldownAndResolves() throws Exception {
        start("""
                rules:
                  - name: high-cpu
                    when: cpu > 90
                    for: 3m
                    keep_firing_for: 1m
                    action: restart_service
                    params: {unit: nginx}
                    cooldown: 10m
                """, """
                  cooldown: 1m
                  breaker: {failures: 10}
                """);

        cpuAt(Duration.ZERO, 90.1);
        assertThat(engine.state("high-cpu", HOST)).isEqualTo(RuleState.PENDING);
        assertThat(ruleStateMetric("high-cpu")).isEqualTo(1.0);
        cpuAt(Duration.ofMinutes(2).plusSeconds(59), 90.1);
        assertThat(engine.state("high-cpu", HOST)).isEqualTo(RuleState.PENDING);
        assertThat(remediations()).isEmpty();

        cpuAt(Duration.ofMinutes(3), 90.1);
        assertThat(engine.state("high-cpu", HOST)).isEqualTo(RuleState.FIRING);
        assertThat(ruleStateMetric("high-cpu")).isEqualTo(2.0);
        Remediation first = awaitLast();
        assertThat(first.state()).isEqualTo(RemediationState.SUCCEEDED);
        assertThat(first.trigger().key()).isEqualTo("rule");
        assertThat(first.actor()).isEqualTo("rule:high-cpu");
        assertThat(first.rule()).isEqualTo("high-cpu");
        // Verified against the rule's own condition: CPU is still above 90, so it did not help.
        assertThat(first.effective()).isFalse();
        assertThat(systemctl.calls()).containsExactly(List.of("restart", "nginx"));

        // Still firing, within the rule's 10m cooldown: nothing more runs.
        for (int s = 0; s <= 120; s += 20) {
            cpuAt(Duration.ofMinutes(3).plusSeconds(s), 97);
        }
        assertThat(remediations()).hasSize(1);

        // CPU drops after 5m: keep_firing_for holds the rule firing for one more minute, then it resolves.
        cpuAt(Duration.ofMinutes(5).plusSeconds(30), 50);
        assertThat(engine.state("high-cpu", HOST)).isEqualTo(RuleState.FIRING);
        cpuAt(Duration.ofMinutes(5).plusSeconds(59), 50);
        assertThat(engine.state("high-cpu", HOST)).isEqualTo(RuleState.FIRING);
        cpuAt(Duration.ofMinutes(6), 50);
        assertThat(engine.state("high-cpu", HOST)).isEqualTo(RuleState.INACTIVE);
        assertThat(ruleStateMetric("high-cpu")).isEqualTo(0.0);

        // Fires again 3 minutes later, but the rule's cooldown (since 3m) runs until 13m.
        cpuAt(Duration.ofMinutes(7), 95);
        cpuAt(Duration.ofMinutes(10), 95);
        assertThat(engine.state("high-cpu", HOST)).isEqualTo(RuleState.FIRING);
        cpuAt(Duration.ofMinutes(12).plusSeconds(59), 95);
        assertThat(remediations()).hasSize(1);
        cpuAt(Duration.ofMinutes(13), 95);
        assertThat(remediations()).hasSize(2);
        awaitLast();
        assertThat(systemctl.calls()).hasSize(2);
    }

    /** The agent stopped (even kill -9) and started again: the rules go on from what the audit log says they did. */
    private void restart(String rulesYaml) throws Exception {
        String yaml = java.nio.file.Files.readString(dir.resolve("agent.yaml"));
        fx.close();
        fx = new RemediationFixture(dir, yaml, clock, HOST);
        List<Rule> rules = RulesFile.parse("rules.yaml", rulesYaml, fx.service::checkAction);
        engine = new RuleEngine(rules, fx.service, clock, Duration.ofMinutes(5), fx.registry);
        fx.bus.subscribe(SamplesCollected.class, engine::onSamples);
    }

    @Test
    void aRestartDoesNotActAgainWithinTheRulesCooldownNorProposeTwice() throws Exception {
        String rules = """
                rules:
                  - name: high-cpu
                    when: cpu > 90
                    for: 1m
                    action: restart_service
                    params: {unit: nginx}
                    cooldown: 10m
                  - name: ask-first
                    when: cpu > 90
                    for: 1m
                    action: restart_service
                    params: {unit: nginx}
                    cooldown: 1m
                    requires_approval: true
                """;
        start(rules, """
                  cooldown: 1m
                  breaker: {failures: 10}
                """);
        cpuAt(Duration.ZERO, 95);
        cpuAt(Duration.ofMinutes(1), 95);
        awaitLast();
        assertThat(remediations()).extracting(Remediation::rule).containsExactlyInAnyOrder("high-cpu", "ask-first");
        assertThat(systemctl.calls()).hasSize(1);

        restart(rules);
        // Firing again at once after the restart (for: 1m holds again from the first sample), still within
        // high-cpu's cooldown, and ask-first's proposal still waits for a person.
        cpuAt(Duration.ofMinutes(3), 95);
        cpuAt(Duration.ofMinutes(4), 95);
        cpuAt(Duration.ofMinutes(10), 95);
        assertThat(engine.state("high-cpu", HOST)).isEqualTo(RuleState.FIRING);
        assertThat(remediations()).hasSize(2);
        assertThat(fx.service.list(Optional.of(RemediationState.PENDING), 10)).hasSize(1);
        assertThat(systemctl.calls()).hasSize(1);

        cpuAt(Duration.ofMinutes(11), 95);  // high-cpu's cooldown since 1m is over: it acts again
        awaitLast();
        assertThat(remediations()).filteredOn(r -> "high-cpu".equals(r.rule())).hasSize(2);
        assertThat(fx.service.list(Optional.of(RemediationState.PENDING), 10)).hasSize(1);
        assertThat(systemctl.calls()).hasSize(2);
    }

    @Test
    void keepFiringForBridgesAFlap() throws Exception {
        start("""
                rules:
                  - name: flappy
                    when: cpu > 90
                    for: 1m
                    keep_firing_for: 2m
                    action: restart_service
                    params: {unit: nginx}
                    dry_run: true
                """, "");
        cpuAt(Duration.ZERO, 95);
        cpuAt(Duration.ofMinutes(1), 95);
        assertThat(engine.state("flappy", HOST)).isEqualTo(RuleState.FIRING);
        cpuAt(Duration.ofMinutes(2), 10);
        cpuAt(Duration.ofMinutes(2).plusSeconds(30), 95);
        cpuAt(Duration.ofMinutes(3), 10);
        assertThat(engine.state("flappy", HOST)).isEqualTo(RuleState.FIRING);
        assertThat(remediations()).hasSize(1); // one firing episode, one action (a dry run)
        assertThat(remediations().getFirst().state()).isEqualTo(RemediationState.PLANNED);
        assertThat(systemctl.calls()).isEmpty();
        cpuAt(Duration.ofMinutes(5), 10);
        assertThat(engine.state("flappy", HOST)).isEqualTo(RuleState.INACTIVE);
    }

    @Test
    void anomaliesFromTheDetectorDriveSeverityConditions() throws Exception {
        start("""
                rules:
                  - name: cpu-anomaly
                    when: severity(cpu) >= high and cpu > 50
                    action: restart_service
                    params: {unit: nginx}
                    requires_approval: true
                """, "");
        cpuAt(Duration.ZERO, 80);
        fx.bus.publish(anomaly("a1", Severity.MEDIUM, null));
        assertThat(engine.state("cpu-anomaly", HOST)).isEqualTo(RuleState.INACTIVE);

        fx.bus.publish(anomaly("a1", Severity.HIGH, null));
        assertThat(engine.state("cpu-anomaly", HOST)).isEqualTo(RuleState.FIRING);
        Remediation pending = remediations().getLast();
        assertThat(pending.state()).isEqualTo(RemediationState.PENDING);
        assertThat(systemctl.calls()).isEmpty(); // requires_approval: nothing runs until a person says so
        // Still firing after the rule's cooldown: the undecided proposal is not proposed a second time.
        clock.advance(Duration.ofMinutes(11));
        fx.bus.publish(anomaly("a1", Severity.HIGH, null));
        assertThat(remediations()).hasSize(1);

        Remediation approved = fx.service.approve(pending.id(), "alice", "looked at it");
        assertThat(approved.approvedBy()).isEqualTo("alice");
        assertThat(fx.service.await(pending.id(), Duration.ofSeconds(10), false).state()).isEqualTo(RemediationState.SUCCEEDED);
        assertThat(systemctl.calls()).hasSize(1);

        clock.advance(Duration.ofSeconds(10));
        fx.bus.publish(anomaly("a1", Severity.HIGH, clock.instant()));
        assertThat(engine.state("cpu-anomaly", HOST)).isEqualTo(RuleState.INACTIVE);

        List<AuditRecord> log = fx.audit.read(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-01"));
        assertThat(log).extracting(AuditRecord::event).startsWith(AuditEvent.PROPOSED, AuditEvent.APPROVED, AuditEvent.STARTED, AuditEvent.FINISHED);
        assertThat(log.getFirst().actor()).isEqualTo("rule:cpu-anomaly");
        assertThat(log.get(1).actor()).isEqualTo("alice");
    }

    @Test
    void anAnomalyTheDetectorNeverClosesStopsCountingAfterTheHold() throws Exception {
        start("""
                rules:
                  - name: any-anomaly
                    when: severity >= high
                    action: restart_service
                    params: {unit: nginx}
                    dry_run: true
                """, "");
        fx.bus.publish(anomaly("a9", Severity.CRITICAL, null));
        assertThat(engine.state("any-anomaly", HOST)).isEqualTo(RuleState.FIRING);
        cpuAt(Duration.ofMinutes(4), 10);
        assertThat(engine.state("any-anomaly", HOST)).isEqualTo(RuleState.FIRING);
        cpuAt(Duration.ofMinutes(6), 10);
        assertThat(engine.state("any-anomaly", HOST)).isEqualTo(RuleState.INACTIVE);
    }

    @Test
    void repeatedFailuresOpenTheBreakerAndTheRuleStopsActing() throws Exception {
        start("""
                rules:
                  - name: high-cpu
                    when: cpu > 90
                    action: restart_service
                    params: {unit: nginx}
                    cooldown: 0s
                    max_per_hour: 10
                """, """
                  cooldown: 0s
                  max_per_hour: 10
                  breaker: {failures: 2, window: 1h, open_for: 30m}
                """);
        systemctl.exitWith(1);
        cpuAt(Duration.ZERO, 95);
        assertThat(awaitLast().state()).isEqualTo(RemediationState.FAILED);
        cpuAt(Duration.ofSeconds(30), 95);
        assertThat(awaitLast().state()).isEqualTo(RemediationState.FAILED);
        assertThat(systemctl.calls()).hasSize(2);

        cpuAt(Duration.ofMinutes(1), 95);
        cpuAt(Duration.ofMinutes(2), 95);
        assertThat(systemctl.calls()).hasSize(2); // the breaker holds the rule back
        assertThat(fx.service.status().get("breakers_open")).isEqualTo(List.of(HOST));
        List<AuditRecord> log = fx.audit.read(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-01"));
        assertThat(log).anySatisfy(r -> {
            assertThat(r.event()).isEqualTo(AuditEvent.BREAKER_OPENED);
            assertThat(r.instance()).isEqualTo(HOST);
        });
        assertThat(log).filteredOn(r -> r.event() == AuditEvent.REFUSED).first()
                .satisfies(r -> assertThat(r.detail()).contains("circuit breaker for web-1 is open"));

        // After open_for the rule acts again.
        cpuAt(Duration.ofMinutes(31), 95);
        awaitLast();
        assertThat(systemctl.calls()).hasSize(3);
    }

    @Test
    void aNotifyRuleActsOnAWatchedHostThatIsNoRemediationTargetWhileRestartStillNeedsATarget() throws Exception {
        systemctl = new RecordingCommand(dir, "systemctl");
        fx = new RemediationFixture(dir, """
                remediation:
                  enabled: true
                  allowed_units: [nginx]
                  restart_command: [%s, restart, "{unit}"]
                  verify_command: []
                aws:
                  sns_topic_arn: arn:aws:sns:eu-west-1:123456789012:ops
                """.formatted(systemctl.path()), clock, "agent-box", List.of(HOST));
        List<Rule> rules = RulesFile.parse("rules.yaml", """
                rules:
                  - name: critical-anomaly-notify
                    when: severity >= critical
                    action: notify
                    params: {subject: Critical anomaly, message: The agent detected a critical anomaly.}
                    cooldown: 30m
                    dry_run: true
                  - name: restart-on-anomaly
                    when: severity >= critical
                    action: restart_service
                    params: {unit: nginx}
                """, fx.service::checkAction);
        engine = new RuleEngine(rules, fx.service, clock, Duration.ofMinutes(5), fx.registry);
        fx.bus.subscribe(Anomaly.class, engine::onAnomaly);

        fx.bus.publish(anomaly("a1", Severity.CRITICAL, null));

        assertThat(engine.state("critical-anomaly-notify", HOST)).isEqualTo(RuleState.FIRING);
        assertThat(remediations()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo(ActionType.NOTIFY);
            assertThat(r.target()).isEqualTo(HOST);
            assertThat(r.dryRun()).isTrue();
            assertThat(r.state()).isEqualTo(RemediationState.PLANNED);
        });
        List<AuditRecord> log = fx.audit.read(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-01"));
        assertThat(log).filteredOn(r -> r.rule() != null && r.rule().equals("critical-anomaly-notify"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.instance()).isEqualTo(HOST));
        // web-1 is watched, not a target: restarting it stays refused, named in the rule's status and audited.
        assertThat(systemctl.calls()).isEmpty();
        assertThat(engine.status().toString()).contains("target 'web-1' is not a remediation target");
        assertThat(log).filteredOn(r -> "restart-on-anomaly".equals(r.rule())).singleElement().satisfies(r -> {
            assertThat(r.event()).isEqualTo(AuditEvent.REFUSED);
            assertThat(r.action()).isEqualTo(ActionType.RESTART_SERVICE);
            assertThat(r.instance()).isEqualTo(HOST);
            assertThat(r.actor()).isEqualTo("rule:restart-on-anomaly");
            assertThat(r.params()).containsEntry("unit", "nginx");
            assertThat(r.detail()).contains("target 'web-1' is not a remediation target");
        });
        assertThatThrownBy(() -> fx.service.submit(Submission.byOperator(new RemediationRequest("scale_up", HOST, Map.of(), true, "x"),
                "operator", null))).isInstanceOf(RemediationException.NotFound.class);
        // A host the agent has never seen is no subject for a notification either.
        assertThatThrownBy(() -> fx.service.submit(Submission.byOperator(new RemediationRequest("notify", "db-9",
                Map.of("message", "hi"), true, "x"), "operator", null))).isInstanceOf(RemediationException.NotFound.class)
                .hasMessageContaining("neither a remediation target nor a host the agent watches");
    }

    private Anomaly anomaly(String id, Severity severity, Instant end) {
        return new Anomaly(id, HOST, clock.instant(), clock.instant(), end, 0.9, severity, List.of("cpu"), List.of(),
                "cpu 97% (baseline 12%)");
    }
}
