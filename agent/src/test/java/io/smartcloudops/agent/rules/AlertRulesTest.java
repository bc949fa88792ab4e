package io.smartcloudops.agent.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.agent.config.ConfigException;
import io.smartcloudops.agent.collect.SamplesCollected;
import io.smartcloudops.agent.testing.MutableClock;
import io.smartcloudops.agent.testing.RecordingCommand;
import io.smartcloudops.agent.testing.RemediationFixture;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.alert.AlertSource;
import io.smartcloudops.api.alert.AlertState;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules that act on alerts ({@code alert(HighCPU)}, {@code alert(severity=critical)}), the recovery condition
 * {@code clear_when} that ends the flapping between 89 % and 91 %, and silences that stop a rule from acting
 * while it keeps firing.
 */
class AlertRulesTest {

    private static final String HOST = "web-1";
    private static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final AtomicReference<String> silence = new AtomicReference<>();
    private RemediationFixture fx;
    private RuleEngine engine;
    private RecordingCommand systemctl;

    private void start(String rulesYaml) throws Exception {
        systemctl = new RecordingCommand(dir, "systemctl");
        fx = new RemediationFixture(dir, """
                remediation:
                  enabled: true
                  allowed_units: [nginx]
                  restart_command: [%s, restart, "{unit}"]
                  verify_command: []
                  verification_delay: 0s
                  cooldown: 0s
                """.formatted(systemctl.path()), clock, HOST);
        engine = new RuleEngine(RulesFile.parse("rules.yaml", rulesYaml, fx.service::checkAction), fx.service, clock,
                Duration.ofMinutes(5), fx.registry, (rule, host, metrics, alerts) -> Optional.ofNullable(silence.get()));
        fx.bus.subscribe(SamplesCollected.class, engine::onSamples);
        fx.bus.subscribe(Anomaly.class, engine::onAnomaly);
        fx.bus.subscribe(Alert.class, engine::onAlert);
    }

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private static Alert alert(String id, String name, String severity, AlertState state) {
        return new Alert(id, AlertSource.ALERTMANAGER, "fp" + id, name, HOST, state, severity, name,
                Map.of("alertname", name, "severity", severity, "instance", HOST + ":9100"), Map.of(), T0,
                state == AlertState.RESOLVED ? T0.plusSeconds(60) : null, T0, T0, null, null, null);
    }

    private void cpuAt(Duration after, double cpu) {
        clock.set(T0.plus(after));
        fx.bus.publish(new SamplesCollected(List.of(new HostSample(HOST, clock.instant(), Map.of(Metric.CPU, cpu))), false));
    }

    private List<Remediation> remediations() {
        return fx.service.list(Optional.empty(), 100).reversed();
    }

    @Test
    void anAlertByNameFiresTheRuleOnItsHostAndItsResolveResolvesIt() throws Exception {
        start("""
                rules:
                  - name: restart-on-high-cpu
                    when: alert(HighCPU)
                    action: restart_service
                    params: {unit: nginx}
                """);
        fx.bus.publish(alert("al-1", "DiskFull", "warning", AlertState.FIRING));
        assertThat(engine.state("restart-on-high-cpu", HOST)).isEqualTo(RuleState.INACTIVE);
        fx.bus.publish(alert("al-2", "HighCPU", "critical", AlertState.FIRING));
        assertThat(engine.state("restart-on-high-cpu", HOST)).isEqualTo(RuleState.FIRING);
        Remediation r = fx.service.await(remediations().getLast().id(), Duration.ofSeconds(10), false);
        assertThat(r.state()).isEqualTo(RemediationState.SUCCEEDED);
        assertThat(r.reason()).contains("alert(HighCPU)");
        assertThat(systemctl.calls()).containsExactly(List.of("restart", "nginx"));
        fx.bus.publish(alert("al-2", "HighCPU", "critical", AlertState.FIRING));  // the same alert again: no second action
        assertThat(remediations()).hasSize(1);
        fx.bus.publish(alert("al-2", "HighCPU", "critical", AlertState.RESOLVED));
        assertThat(engine.state("restart-on-high-cpu", HOST)).isEqualTo(RuleState.INACTIVE);
    }

    @Test
    void anAlertByLabelAndTogetherWithMetrics() throws Exception {
        start("""
                rules:
                  - name: critical-and-busy
                    when: alert(severity=critical) and cpu > 80
                    action: restart_service
                    params: {unit: nginx}
                    dry_run: true
                """);
        cpuAt(Duration.ZERO, 95);
        fx.bus.publish(alert("al-1", "Anything", "warning", AlertState.FIRING));
        assertThat(engine.state("critical-and-busy", HOST)).isEqualTo(RuleState.INACTIVE);
        fx.bus.publish(alert("al-2", "Anything", "critical", AlertState.FIRING));
        assertThat(engine.state("critical-and-busy", HOST)).isEqualTo(RuleState.FIRING);
        assertThat(remediations()).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(RemediationState.PLANNED));
    }

    @Test
    void clearWhenEndsTheFlappingBetween89And91() throws Exception {
        start("""
                rules:
                  - name: hot
                    when: cpu > 90
                    clear_when: cpu < 75
                    action: restart_service
                    params: {unit: nginx}
                    dry_run: true
                    cooldown: 0s
                    max_per_hour: 100
                """);
        cpuAt(Duration.ZERO, 91);
        assertThat(engine.state("hot", HOST)).isEqualTo(RuleState.FIRING);
        for (int i = 1; i <= 10; i++) {
            cpuAt(Duration.ofSeconds(10L * i), i % 2 == 0 ? 91 : 89);
            assertThat(engine.state("hot", HOST)).as("between the thresholds it keeps firing").isEqualTo(RuleState.FIRING);
        }
        assertThat(remediations()).as("acts while above 90 only, never re-fires").hasSize(6);
        cpuAt(Duration.ofSeconds(200), 74);
        assertThat(engine.state("hot", HOST)).isEqualTo(RuleState.INACTIVE);
        assertThat(engine.status().toString()).contains("clear_when=cpu < 75");
    }

    @Test
    void aClearWhenThatDoesNotParseIsRefusedNamingTheField() {
        assertThatThrownBy(() -> RulesFile.parse("rules.yaml", """
                rules:
                  - name: hot
                    when: cpu > 90
                    clear_when: cpu <<< 75
                    action: notify
                    params: {message: hot}
                """, (a, p) -> { })).isInstanceOf(ConfigException.class).hasMessageStartingWith("rules.yaml: rules[0] (hot).clear_when");
        assertThatThrownBy(() -> RulesFile.parse("rules.yaml", """
                rules:
                  - name: hot
                    when: alert()
                    action: notify
                    params: {message: hot}
                """, (a, p) -> { })).isInstanceOf(ConfigException.class).hasMessageContaining("when")
                .hasMessageContaining("alert name");
    }

    @Test
    void whileASilenceHoldsTheRuleFiresButDoesNotAct() throws Exception {
        start("""
                rules:
                  - name: restart-on-high-cpu
                    when: alert(HighCPU)
                    action: restart_service
                    params: {unit: nginx}
                """);
        silence.set("sil-0123456789abcdef until 2026-05-04T11:00:00Z");
        fx.bus.publish(alert("al-2", "HighCPU", "critical", AlertState.FIRING));
        assertThat(engine.state("restart-on-high-cpu", HOST)).isEqualTo(RuleState.FIRING);
        assertThat(remediations()).isEmpty();
        assertThat(engine.status().toString()).contains("last_error=silenced by sil-0123456789abcdef");
        silence.set(null);
        clock.advance(Duration.ofMinutes(1));
        fx.bus.publish(alert("al-2", "HighCPU", "critical", AlertState.FIRING));
        assertThat(remediations()).as("acts once the silence is over, if still firing").hasSize(1);
    }

    @Test
    void alertConditionsParseAndDescribe() {
        assertThat(ConditionParser.parse("alert(HighCPU)").describe()).isEqualTo("alert(HighCPU)");
        assertThat(ConditionParser.parse("alert( severity = critical )").describe()).isEqualTo("alert(severity=critical)");
        assertThat(ConditionParser.parse("alert(HighCPU) or cpu > 95").describe()).isEqualTo("alert(HighCPU) or cpu > 95");
        assertThatThrownBy(() -> ConditionParser.parse("alert(sev-erity=x)")).hasMessageContaining("label name");
        assertThatThrownBy(() -> ConditionParser.parse("alert HighCPU")).hasMessageContaining("expected '('");
    }
}
