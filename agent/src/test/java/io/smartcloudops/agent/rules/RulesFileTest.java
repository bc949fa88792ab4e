package io.smartcloudops.agent.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.config.ConfigException;
import io.smartcloudops.agent.testing.RemediationFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFileTest {

    @TempDir
    Path dir;

    private RemediationFixture fx;
    private BiConsumer<String, Map<String, String>> check;

    @BeforeEach
    void setUp() throws Exception {
        fx = new RemediationFixture(dir, "remediation: {allowed_units: [nginx]}\n", Clock.systemUTC(), "web-1");
        check = fx.service::checkAction;
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private String error(String yaml) {
        try {
            RulesFile.parse("rules.yaml", yaml, check);
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + yaml);
    }

    @Test
    void theExampleShippedWithTheAgentLoads() throws Exception {
        Path example = Path.of("rules.example.yaml");
        List<Rule> rules = RulesFile.parse("rules.example.yaml", Files.readString(example), (a, p) -> { });
        assertThat(rules).extracting(Rule::name).contains("high-cpu-scale-up");
        Rule cpu = rules.stream().filter(r -> r.name().equals("high-cpu-scale-up")).findFirst().orElseThrow();
        assertThat(cpu.forDuration()).isEqualTo(Duration.ofMinutes(3));
        assertThat(cpu.condition().describe()).isEqualTo("cpu > 90");
        assertThat(cpu.action()).isEqualTo("scale_up");
    }

    @Test
    void defaultsAndSelectors() {
        List<Rule> rules = RulesFile.parse("rules.yaml", """
                rules:
                  - name: r1
                    when: cpu > 90 or (mem >= 95% and load1 > 8)
                    action: restart_service
                    params: {unit: nginx}
                    target: {hosts: [web-1, web-2], tags: {role: web}}
                """, check);
        Rule r = rules.getFirst();
        assertThat(r.forDuration()).isZero();
        assertThat(r.cooldown()).isEqualTo(Duration.ofMinutes(10));
        assertThat(r.maxPerHour()).isEqualTo(3);
        assertThat(r.hosts()).containsExactly("web-1", "web-2");
        assertThat(r.tags()).containsEntry("role", "web");
        assertThat(r.condition().describe()).isEqualTo("cpu > 90 or mem >= 95 and load1 > 8");
    }

    @Test
    void errorsNameTheRuleAndTheField() {
        assertThat(error("""
                rules:
                  - name: high-cpu
                    when: cpu > 90
                    for: 3 minutes
                    action: scale_up
                """)).startsWith("rules.yaml: rules[0].for").contains("3 minutes");
        assertThat(error("""
                rules:
                  - name: high-cpu
                    when: cpu >> 90
                    action: scale_up
                """)).startsWith("rules.yaml: rules[0] (high-cpu).when").contains("expected a number at character 6");
        assertThat(error("""
                rules:
                  - name: ok
                    when: cpu > 90
                    action: scale_up
                  - name: bad-unit
                    when: ram > 90
                    action: restart_service
                """)).startsWith("rules.yaml: rules[1] (bad-unit).when").contains("unknown metric", "cpu, mem");
        assertThat(error("""
                rules:
                  - name: bad-unit
                    when: cpu > 90
                    action: restart_service
                    params: {unit: "nginx; reboot"}
                """)).startsWith("rules.yaml: rules[0] (bad-unit).params.unit").contains("not a valid unit name");
        assertThat(error("""
                rules:
                  - name: r
                    when: cpu > 90
                    action: reboot
                """)).startsWith("rules.yaml: rules[0] (r).action").contains("restart_service, scale_up, scale_in, notify");
        assertThat(error("""
                rules:
                  - name: r
                    when: cpu > 90
                    action: scale_up
                    cooldwn: 5m
                """)).startsWith("rules.yaml: rules[0].cooldwn: unknown key");
        assertThat(error("""
                rules:
                  - {name: r, when: cpu > 1, action: scale_up}
                  - {name: r, when: cpu > 2, action: scale_up}
                """)).startsWith("rules.yaml: rules[1] (r).name").contains("already");
        assertThat(error("rules:\n  - {name: r, when: 'severity >= severe', action: scale_up}\n"))
                .contains("rules[0] (r).when").contains("severity");
    }

    @Test
    void aMissingFileNamesTheKey() {
        assertThatThrownBy(() -> RulesFile.load(dir.resolve("nope.yaml"), check))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("rules.path: file not found");
    }
}
