package io.smartcloudops.agent.audit;

import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.api.client.LogQuery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.cli.CliRunner;
import io.smartcloudops.agent.testing.FakeAws;
import io.smartcloudops.agent.testing.FakeAws.Reply;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.TargetOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain's head is published where the agent's host cannot rewrite it: in /metrics (Prometheus keeps its
 * history) and in a periodic SNS message; {@code audit verify --expect-head} checks a published head against
 * the log, and with {@code SMARTCLOUDOPS_AUDIT_HMAC_KEY} every record is sealed with the key.
 */
class AuditAnchorTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef-test-key";
    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:audit-anchor";

    @TempDir
    Path dir;

    private FakeAws aws;

    @BeforeEach
    void credentials() throws Exception {
        // the agent's AWS clients use the SDK's default chain; these are only ever sent to 127.0.0.1
        System.setProperty("aws.accessKeyId", "AKIDTESTONLY");
        System.setProperty("aws.secretAccessKey", "test-secret-key-not-real");
        aws = new FakeAws();
        aws.on("Publish", FakeAws.always(Reply.xml(FakeAws.queryResponse("Publish", FakeAws.SNS_NS, "<MessageId>m-1</MessageId>"))));
    }

    @AfterEach
    void clear() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        aws.close();
    }

    private Agent start() throws Exception {
        var config = TestAgents.config(dir, """
                remediation:
                  allowed_units: [nginx]
                logs:
                  anchor_topic_arn: %s
                  anchor_interval: 200ms
                aws:
                  region: eu-west-1
                  endpoints: {sns: "%s"}
                """.formatted(TOPIC, aws.endpoint()));
        return Agent.start(config, Map.of(AuditKey.VARIABLE, KEY), Clock.systemUTC());
    }

    private static AuditRecord dryRun(Agent agent, AgentClient operator) {
        String host = operator.remediationOptions().targets().stream().filter(TargetOptions::local).findFirst().orElseThrow().name();
        operator.remediate(RemediationRequest.restartService(host, "nginx", true, "anchor test"), null);
        return operator.logs(LogQuery.since("1h").limit(1)).records().getFirst();
    }

    @Test
    void theHeadIsInMetricsAndInAnSnsMessageAndVerifyChecksItWithTheKey() throws Exception {
        String head;
        String earlier;
        try (Agent agent = start(); AgentClient operator = TestAgents.operator(agent)) {
            earlier = dryRun(agent, operator).hash();
            AuditRecord last = dryRun(agent, operator);
            head = last.hash();
            assertThat(head).startsWith("hmac-sha256:");
            assertThat(operator.metrics()).contains("smartcloudops_audit_head_info{hash=\"" + head + "\"} 1.0")
                    .contains("smartcloudops_audit_hmac_enabled 1.0");

            String anchor = head;
            Eventually.within("the head published to SNS", java.time.Duration.ofSeconds(10))
                    .until(() -> FakeAws.values(aws.calls("Publish"), "Message").stream().anyMatch(m -> m.contains(anchor)));
            FakeAws.Call publish = aws.calls("Publish").getLast();
            assertThat(publish.form()).containsEntry("TopicArn", TOPIC);
            assertThat(publish.form().get("Message")).contains(head).doesNotContain(KEY);
            int published = aws.calls("Publish").size();
            Thread.sleep(600); // three intervals without a new record
            assertThat(aws.calls("Publish")).as("an unchanged head is not published again").hasSize(published);
        }

        Path logs = dir.resolve("logs");
        CliRunner.Result ok = CliRunner.run(Map.of(AuditKey.VARIABLE, KEY), "audit", "verify", "--logs-dir", logs.toString(),
                "--expect-head", earlier);
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("OK: 2 record(s)", "2 sealed with the HMAC key", "expected head found at");

        CliRunner.Result noKey = CliRunner.run(Map.of(), "audit", "verify", "--logs-dir", logs.toString());
        assertThat(noKey.exit()).isEqualTo(1);
        assertThat(noKey.out()).contains("NOT VERIFIED", AuditKey.VARIABLE);

        Path file;
        try (var files = Files.list(logs)) {
            file = files.filter(f -> f.getFileName().toString().startsWith("remediation-")).findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Files.write(file, lines.subList(0, 1), StandardCharsets.UTF_8);
        CliRunner.Result cut = CliRunner.run(Map.of(AuditKey.VARIABLE, KEY), "audit", "verify", "--logs-dir", logs.toString(),
                "--expect-head", head);
        assertThat(cut.exit()).as("the newest record was cut off").isEqualTo(1);
        assertThat(cut.out()).contains("BROKEN", "expected head " + head);
    }

    @Test
    void anAgentStartedWithoutTheKeyOfAKeyedLogRefusesActionsAndSaysWhichKeyNotWhichDirectory() throws Exception {
        try (Agent agent = start(); AgentClient operator = TestAgents.operator(agent)) {
            dryRun(agent, operator);
        }
        var config = TestAgents.config(dir, "remediation: {allowed_units: [nginx]}\n");
        try (Agent agent = Agent.start(config, Map.of(), Clock.systemUTC()); AgentClient operator = TestAgents.operator(agent)) {
            String host = operator.remediationOptions().targets().stream().filter(TargetOptions::local).findFirst().orElseThrow().name();
            assertThatThrownBy(() -> operator.remediate(RemediationRequest.restartService(host, "nginx", true, "no key"), null))
                    .isInstanceOfSatisfying(AgentApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.error().detail()).contains(AuditKey.VARIABLE, "nothing was run")
                                .as("the directory is fine: the key is missing").doesNotContain("logs.dir");
                    });
            assertThat(operator.logs(LogQuery.since("1h").limit(10)).records()).as("nothing recorded").hasSize(1);
        }
    }
}
