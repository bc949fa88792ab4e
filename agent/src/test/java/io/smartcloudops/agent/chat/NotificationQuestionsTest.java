package io.smartcloudops.agent.chat;

import static io.smartcloudops.agent.alerts.AlertPayloads.alertmanager;
import static io.smartcloudops.agent.alerts.AlertPayloads.highCpu;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.alerts.AlertPayloads;
import io.smartcloudops.agent.notify.ChannelServer;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.MutableClock;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.alert.WebhookReceipt;
import io.smartcloudops.api.chat.Fact;
import io.smartcloudops.api.chat.QueryResponse;
import io.smartcloudops.api.client.AgentClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Which notifications were sent?", "did anyone get paged about db-1?", "what went to slack today?": the offline chat
 * answers from the notification journal of a real agent whose Slack (a local stand-in) takes every notice and whose
 * PagerDuty refuses them: what, about which host, to which channel, when, delivered or failed. Asking changes nothing.
 */
class NotificationQuestionsTest {

    private static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void whatWasSentToWhichChannelWhenAndWhetherItArrived() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (ChannelServer slack = ChannelServer.slack(); ChannelServer pd = ChannelServer.pagerDuty()) {
            slack.ok(2);
            pd.answer(400, "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\"}");
            pd.answer(400, "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\"}");
            var config = TestAgents.config(dir, """
                    source: {spec: local}
                    notify:
                      channels:
                        oncall: {type: slack, url_env: SLACK_URL}
                        pd: {type: pagerduty, url_env: PD_URL, routing_key_env: PD_KEY}
                      alerts: {"*": [oncall, pd]}
                      attempts: 1
                      timeout: 20s
                    """);
            try (Agent agent = Agent.start(config, Map.of("SLACK_URL", slack.url(), "PD_URL", pd.url(),
                    "PD_KEY", "R0UT1NGKEY0123456789012345678901"), clock);
                 AgentClient hook = TestAgents.webhook(agent); AgentClient op = TestAgents.operator(agent)) {
                assertThat(op.query("which notifications were sent today?").answer())
                        .isEqualTo("No notification was sent today (since 00:00 UTC). Channels: oncall (slack), pd (pagerduty).");

                hook.post("/webhooks/alertmanager", alertmanager("firing", List.of(
                        highCpu("firing", "web-1:9100", T0.minus(Duration.ofMinutes(5)), null),
                        AlertPayloads.alert("firing", Map.of("alertname", "DiskFull", "instance", "db-1:9100", "severity", "warning"),
                                Map.of("summary", "Disk 97% full"), T0.minusSeconds(60), null, "0000000000000aaa"))),
                        Map.of(), WebhookReceipt.class);
                LocalDate today = LocalDate.of(2026, 5, 4);
                Eventually.within("four deliveries journalled", Duration.ofSeconds(20))
                        .until(() -> agent.notifier().deliveries(today, today).size() == 4);
                List<String> journal = journalLines();

                QueryResponse all = op.query("which notifications were sent today?");
                assertThat(all.answer()).startsWith("4 notifications today (since 00:00 UTC), 2 failed, newest first:")
                        .contains("10:00 UTC to oncall (slack): \"[FIRING] HighCPU on web-1\", delivered.")
                        .contains("10:00 UTC to oncall (slack): \"[FIRING] DiskFull on db-1\", delivered.")
                        .contains("10:00 UTC to pd (pagerduty): \"[FIRING] HighCPU on web-1\", failed: \"")
                        .contains("HTTP 400");
                assertThat(all.data()).extracting(Fact::tool).containsExactly("notifications");

                String paged = op.query("did anyone get paged about db-1").answer();
                assertThat(paged).startsWith("2 notifications about db-1 over the last 24 hours, 1 failed, newest first:")
                        .contains("DiskFull").doesNotContain("HighCPU");

                String toSlack = op.query("what went to slack today").answer();
                assertThat(toSlack).startsWith("2 notifications to slack today (since 00:00 UTC), all delivered, newest first:")
                        .doesNotContain("pagerduty");

                String failed = op.query("did any notifications fail?").answer();
                assertThat(failed).startsWith("2 notifications failed over the last 24 hours, newest first:")
                        .doesNotContain("(slack)");

                assertThat(op.query("what went to slack yesterday").answer())
                        .startsWith("No notification was sent to slack yesterday");
                assertThat(journalLines()).as("questions only read").isEqualTo(journal);
                assertThat(op.remediations(null, 50).remediations()).as("nothing proposed").isEmpty();
            }
        }
    }

    private List<String> journalLines() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("notifications-")).sorted()
                    .flatMap(f -> {
                        try {
                            return Files.readAllLines(f).stream();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        }
    }
}
