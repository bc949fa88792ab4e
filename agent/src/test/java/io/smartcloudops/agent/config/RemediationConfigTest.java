package io.smartcloudops.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemediationConfigTest {

    @TempDir
    Path dir;

    private AgentConfig load(String yaml, Map<String, String> env) throws Exception {
        Path f = dir.resolve("agent.yaml");
        Files.writeString(f, yaml);
        return new ConfigLoader(env).load(f, Map.of());
    }

    private String error(String yaml) {
        try {
            load(yaml, Map.of());
        } catch (ConfigException e) {
            return e.getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted: " + yaml);
    }

    @Test
    void safeDefaults() {
        AgentConfig c = AgentConfig.defaults();
        assertThat(c.remediation().enabled()).isFalse();
        assertThat(c.remediation().allowedUnits()).isEmpty();
        assertThat(c.remediation().restartCommand()).containsExactly("systemctl", "restart", "{unit}");
        assertThat(c.remediation().executor()).isEqualTo("local");
        assertThat(c.aws().maxAttempts()).isEqualTo(3);
        assertThat(c.rules().path()).isNull();
    }

    @Test
    void theShippedExampleLoadsAndEnvironmentOverridesWork() throws Exception {
        AgentConfig c = load(Files.readString(Path.of("agent.example.yaml")), Map.of(
                "SMARTCLOUDOPS_REMEDIATION_ENABLED", "true",
                "SMARTCLOUDOPS_SNS_TOPIC_ARN", "arn:aws:sns:eu-west-1:123456789012:ops",
                "SMARTCLOUDOPS_RESTART_DOCUMENT", "scops-restart-service",
                "SMARTCLOUDOPS_AUTOSCALING_GROUP", "scops-application",
                "SMARTCLOUDOPS_REMEDIATION_BREAKER_FAILURES", "5"));
        assertThat(c.remediation().enabled()).isTrue();
        assertThat(c.aws().snsTopicArn()).isEqualTo("arn:aws:sns:eu-west-1:123456789012:ops");
        assertThat(c.aws().ssmDocument()).isEqualTo("scops-restart-service");
        assertThat(c.remediation().autoScalingGroup()).isEqualTo("scops-application");
        assertThat(c.remediation().breaker().failures()).isEqualTo(5);
        assertThat(c.remediation().cooldown()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.remediation().allowedUnits()).contains("nginx");
    }

    @Test
    void badValuesNameTheirKey() {
        assertThat(error("remediation: {executor: ssh}")).startsWith("remediation.executor: must be local or aws");
        assertThat(error("remediation: {allowed_units: [nginx, 'rm -rf']}"))
                .startsWith("remediation.allowed_units[1]: 'rm -rf' is not a safe unit name");
        assertThat(error("remediation: {allowed_units: [redis], unit_pattern: 'ng.*'}"))
                .startsWith("remediation.allowed_units[0]: 'redis' does not match remediation.unit_pattern");
        assertThat(error("remediation: {restart_command: [systemctl, restart]}"))
                .startsWith("remediation.restart_command: must contain {unit}");
        assertThat(error("remediation: {restart_command: []}")).startsWith("remediation.restart_command: is required");
        assertThat(error("remediation: {max_per_hour: 0}")).startsWith("remediation.max_per_hour");
        assertThat(error("remediation: {breaker: {failures: 0}}")).startsWith("remediation.breaker.failures");
        assertThat(error("remediation: {cooldown: soon}")).startsWith("remediation.cooldown");
        assertThat(error("remediation: {targets: {web-1: {instance_id: web1}}}"))
                .startsWith("remediation.targets.web-1.instance_id: 'web1' is not an EC2 instance id");
        assertThat(error("aws: {region: Ireland}")).startsWith("aws.region");
        assertThat(error("aws: {endpoints: {ssm: 'ftp://x'}}")).startsWith("aws.endpoints.ssm");
        assertThat(error("aws: {sns_topic_arn: alerts}")).startsWith("aws.sns_topic_arn");
        assertThat(error("aws: {max_attempts: 50}")).startsWith("aws.max_attempts");
        assertThat(error("rules: {pth: rules.yaml}")).startsWith("rules.pth: unknown key");
    }
}
