package io.smartcloudops.agent.notify;

import io.smartcloudops.agent.testing.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.audit.AuditLog;
import io.smartcloudops.agent.config.NotifyConfig;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.agent.oncall.Oncall;
import io.smartcloudops.agent.testing.MutableClock;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.alert.AlertSource;
import io.smartcloudops.api.alert.AlertState;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every channel at the wire level, against a local server: the exact payload each service expects (Slack Block
 * Kit, a Teams Adaptive Card, PagerDuty Events API v2, the signed webhook), retries with back-off on 5xx and
 * timeouts, no retry on a 4xx, and failures visible in the channel's status.
 */
class NotificationChannelsTest {

    private static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final EventBus bus = new EventBus();
    private Oncall oncall;
    private Notifier notifier;

    @AfterEach
    void close() {
        if (notifier != null) {
            notifier.close();
        }
        if (oncall != null) {
            oncall.close();
        }
    }

    private Notifier notifier(List<Channel> channels, int attempts, Duration timeout, int ratePerMinute) {
        Map<String, List<String>> all = Map.of("critical", channels.stream().map(Channel::name).toList());
        NotifyConfig config = new NotifyConfig(Map.of(), all, Map.of("*", channels.stream().map(Channel::name).toList()),
                Duration.ofHours(4), timeout, attempts, Duration.ofMillis(20), Duration.ofMillis(200), ratePerMinute, 100);
        oncall = new Oncall(dir.resolve("logs"), 0, new AuditLog(dir.resolve("logs"), clock, 0), bus, clock, Set::of);
        notifier = new Notifier(config, channels, oncall, dir.resolve("logs"), 0, clock, new PrometheusRegistry());
        notifier.subscribeTo(bus);
        return notifier;
    }

    private static Anomaly anomaly(Instant end) {
        return new Anomaly("an-mifb4l3k-3c8e1a07", "web-1", T0, T0.plusSeconds(15), end, 0.91, Severity.CRITICAL,
                List.of("cpu", "load1"), List.of(), "cpu 97.0% (baseline 12.0%), load1 2.50 (baseline 0.50)");
    }

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void slackGetsABlockKitMessageWhenAnAnomalyOpensAndWhenItEnds() throws Exception {
        try (ChannelServer slack = ChannelServer.slack()) {
            slack.ok(2);
            notifier(List.of(new SlackChannel("oncall", slack.url())), 3, Duration.ofSeconds(2), 60);
            bus.publish(anomaly(null));
            ChannelServer.Sent opened = slack.take();
            assertThat(opened.request().getMethod()).isEqualTo("POST");
            assertThat(opened.header("Content-Type")).startsWith("application/json");
            assertThat(opened.json()).isEqualTo(json("""
                    {"text": "[FIRING] cpu, load1 anomaly on web-1: cpu 97.0% (baseline 12.0%), load1 2.50 (baseline 0.50)",
                     "blocks": [
                       {"type": "header", "text": {"type": "plain_text", "text": "[FIRING] cpu, load1 anomaly on web-1"}},
                       {"type": "section", "text": {"type": "mrkdwn", "text": "cpu 97.0% (baseline 12.0%), load1 2.50 (baseline 0.50)"}},
                       {"type": "section", "fields": [
                         {"type": "mrkdwn", "text": "*Host*\\nweb-1"},
                         {"type": "mrkdwn", "text": "*Severity*\\ncritical"},
                         {"type": "mrkdwn", "text": "*Source*\\ndetector"},
                         {"type": "mrkdwn", "text": "*Since*\\n2026-05-04T10:00:00Z"},
                         {"type": "mrkdwn", "text": "*Metrics*\\ncpu, load1"},
                         {"type": "mrkdwn", "text": "*Score*\\n0.91"}]},
                       {"type": "context", "elements": [{"type": "mrkdwn", "text": "Smart Cloud Ops AI · anomaly an-mifb4l3k-3c8e1a07"}]}]}
                    """));
            bus.publish(anomaly(T0.plusSeconds(120)));
            JsonNode resolved = slack.take().json();
            assertThat(resolved.at("/blocks/0/text/text").asText()).isEqualTo("[RESOLVED] cpu, load1 anomaly on web-1");
            assertThat(resolved.at("/blocks/2/fields/3/text").asText()).isEqualTo("*Resolved*\n2026-05-04T10:02:00Z");
        }
    }

    @Test
    void slackTextFromAnAlertCannotFormLinksOrMentionsAndStaysWithinSlacksLimits() throws Exception {
        try (ChannelServer slack = ChannelServer.slack()) {
            slack.ok(1);
            notifier(List.of(new SlackChannel("oncall", slack.url())), 1, Duration.ofSeconds(2), 60);
            String hostile = "<!channel> <https://evil.example|click> & " + "x".repeat(5000);
            bus.publish(new Alert("al-0123456789abcdef", AlertSource.ALERTMANAGER, "c8e1f5a6b7d8e9f0", "HighCPU", "web-1",
                    AlertState.FIRING, "critical", hostile, Map.of("alertname", "HighCPU"), Map.of(), T0, null, T0, T0, null,
                    null, null));
            JsonNode m = slack.take().json();
            String section = m.at("/blocks/1/text/text").asText();
            assertThat(section).startsWith("&lt;!channel&gt; &lt;https://evil.example|click&gt; &amp; ").hasSizeLessThanOrEqualTo(3000);
            assertThat(m.at("/blocks/0/text/text").asText()).hasSizeLessThanOrEqualTo(150);
            assertThat(m.path("text").asText()).hasSizeLessThanOrEqualTo(3000);
        }
    }

    @Test
    void teamsGetsAnAdaptiveCardThroughItsWorkflowWebhook() throws Exception {
        try (ChannelServer teams = ChannelServer.teams()) {
            teams.ok(1);
            notifier(List.of(new TeamsChannel("ops-teams", teams.url())), 3, Duration.ofSeconds(2), 60);
            bus.publish(new Alert("al-0123456789abcdef", AlertSource.GRAFANA, "c8e1f5a6b7d8e9f0", "HighCPU", "web-1",
                    AlertState.FIRING, "critical", "CPU above 90%", Map.of("alertname", "HighCPU", "severity", "critical",
                    "instance", "web-1:9100"), Map.of(), T0, null, T0, T0, "https://grafana.example/alerting/1/view", null, null));
            assertThat(teams.take().json()).isEqualTo(json("""
                    {"type": "message",
                     "attachments": [{
                       "contentType": "application/vnd.microsoft.card.adaptive",
                       "contentUrl": null,
                       "content": {
                         "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                         "type": "AdaptiveCard",
                         "version": "1.4",
                         "body": [
                           {"type": "TextBlock", "size": "Large", "weight": "Bolder", "color": "Attention", "wrap": true,
                            "text": "[FIRING] HighCPU on web-1"},
                           {"type": "TextBlock", "wrap": true, "text": "CPU above 90%"},
                           {"type": "FactSet", "facts": [
                             {"title": "Host", "value": "web-1"},
                             {"title": "Severity", "value": "critical"},
                             {"title": "Source", "value": "grafana"},
                             {"title": "Since", "value": "2026-05-04T10:00:00Z"},
                             {"title": "Labels", "value": "instance=web-1:9100"}]}],
                         "actions": [{"type": "Action.OpenUrl", "title": "Open source", "url": "https://grafana.example/alerting/1/view"}]}}]}
                    """));
        }
    }

    @Test
    void pagerDutyTriggersAcknowledgesAndResolvesOneIncidentPerAnomaly() throws Exception {
        try (ChannelServer pd = ChannelServer.pagerDuty()) {
            pd.ok(3);
            notifier(List.of(new PagerDutyChannel("pager", pd.url(), "R0UT1NGKEY0123456789")), 3, Duration.ofSeconds(2), 60);
            bus.publish(anomaly(null));
            assertThat(pd.take().json()).isEqualTo(json("""
                    {"routing_key": "R0UT1NGKEY0123456789",
                     "event_action": "trigger",
                     "dedup_key": "an-mifb4l3k-3c8e1a07",
                     "payload": {
                       "summary": "cpu, load1 anomaly on web-1: cpu 97.0% (baseline 12.0%), load1 2.50 (baseline 0.50)",
                       "source": "web-1",
                       "severity": "critical",
                       "timestamp": "2026-05-04T10:00:00Z",
                       "class": "anomaly",
                       "custom_details": {"host": "web-1", "severity": "critical", "source": "detector",
                                          "since": "2026-05-04T10:00:00Z", "metrics": "cpu, load1", "score": "0.91"}},
                     "client": "Smart Cloud Ops AI"}
                    """));
            clock.advance(Duration.ofMinutes(1));
            oncall.acknowledge(io.smartcloudops.agent.oncall.FindingKind.ANOMALY, "an-mifb4l3k-3c8e1a07", "web-1", "alice", "on it");
            assertThat(pd.take().json()).isEqualTo(json("""
                    {"routing_key": "R0UT1NGKEY0123456789", "event_action": "acknowledge", "dedup_key": "an-mifb4l3k-3c8e1a07"}
                    """));
            clock.advance(Duration.ofHours(5));
            notifier.tick();
            bus.publish(anomaly(T0.plusSeconds(300)));
            assertThat(pd.take().json()).as("no repeat in between: the resolve is next").isEqualTo(json("""
                    {"routing_key": "R0UT1NGKEY0123456789", "event_action": "resolve", "dedup_key": "an-mifb4l3k-3c8e1a07"}
                    """));
        }
    }

    @Test
    void theWebhookBodyIsSignedWithHmacSha256OverTimestampAndBody() throws Exception {
        try (ChannelServer hook = ChannelServer.teams()) {
            hook.ok(1);
            notifier(List.of(new WebhookChannel("hook", hook.url(), "s3cret-signing-key")), 3, Duration.ofSeconds(2), 60);
            bus.publish(anomaly(null));
            ChannelServer.Sent sent = hook.take();
            String timestamp = sent.header(WebhookChannel.TIMESTAMP_HEADER);
            assertThat(timestamp).isEqualTo(Long.toString(T0.getEpochSecond()));
            String expected = "sha256=" + hmacSha256Hex("s3cret-signing-key", timestamp + "." + sent.body());
            assertThat(sent.header(WebhookChannel.SIGNATURE_HEADER)).isEqualTo(expected);
            assertThat(sent.json()).isEqualTo(json("""
                    {"version": 1, "event": "opened", "kind": "anomaly", "id": "an-mifb4l3k-3c8e1a07",
                     "title": "cpu, load1 anomaly on web-1", "host": "web-1", "severity": "critical",
                     "summary": "cpu 97.0% (baseline 12.0%), load1 2.50 (baseline 0.50)", "source": "detector",
                     "start": "2026-05-04T10:00:00Z", "details": {"Metrics": "cpu, load1", "Score": "0.91"},
                     "sent_at": "2026-05-04T10:00:00Z"}
                    """));
        }
    }

    /** An independent HMAC (javax.crypto directly) so the test does not trust the code under test. */
    private static String hmacSha256Hex(String key, String text) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilDelivered() throws Exception {
        try (ChannelServer slack = ChannelServer.slack()) {
            slack.answer(503, "upstream unavailable");
            slack.answer(429, "rate_limited", "Retry-After", "0");
            slack.ok(1);
            notifier(List.of(new SlackChannel("oncall", slack.url())), 5, Duration.ofSeconds(2), 60);
            bus.publish(anomaly(null));
            String first = slack.take().body();
            assertThat(slack.take().body()).isEqualTo(first);
            assertThat(slack.take().body()).isEqualTo(first);
            Map<String, Object> status = channelStatus();
            await(() -> ((Number) channelStatus().get("sent")).intValue() == 1);
            assertThat(channelStatus()).containsEntry("retries", 2L).containsEntry("failed", 0L).containsEntry("healthy", true);
            assertThat(status).containsEntry("name", "oncall");
        }
    }

    @Test
    void aTimeoutIsRetriedAndWhenEveryAttemptTimesOutTheChannelShowsIt() throws Exception {
        try (ChannelServer slack = ChannelServer.slack()) {
            slack.slow(2_000);
            slack.ok(1);
            notifier(List.of(new SlackChannel("oncall", slack.url())), 2, Duration.ofMillis(300), 60);
            bus.publish(anomaly(null));
            slack.take();
            slack.take();
            await(() -> ((Number) channelStatus().get("sent")).intValue() == 1);
            assertThat(channelStatus()).containsEntry("retries", 1L);

            slack.slow(2_000);
            slack.slow(2_000);
            bus.publish(anomaly(T0.plusSeconds(60)));
            slack.take();
            slack.take();
            await(() -> ((Number) channelStatus().get("failed")).intValue() == 1);
            assertThat(channelStatus()).containsEntry("healthy", false)
                    .hasEntrySatisfying("last_error", e -> assertThat((String) e).contains("timed out"));
        }
    }

    @Test
    void aClientErrorIsNotRetriedAndMarksTheChannelUnhealthy() throws Exception {
        try (ChannelServer slack = ChannelServer.slack()) {
            slack.answer(400, "invalid_payload");
            slack.ok(1);
            notifier(List.of(new SlackChannel("oncall", slack.url())), 5, Duration.ofSeconds(2), 60);
            bus.publish(anomaly(null));
            slack.take();
            await(() -> ((Number) channelStatus().get("failed")).intValue() == 1);
            assertThat(slack.nothingWithin(300)).as("a 400 is final: no second attempt").isTrue();
            assertThat(slack.requestCount()).isEqualTo(1);
            assertThat(channelStatus()).containsEntry("healthy", false).containsEntry("retries", 0L)
                    .containsEntry("last_error", "opened an-mifb4l3k-3c8e1a07: HTTP 400: invalid_payload");
            assertThat(notifier.status()).containsEntry("healthy", false);
        }
    }

    @Test
    void aHangingChannelBlocksNeitherThePublisherNorTheOtherChannels() throws Exception {
        try (ChannelServer dead = ChannelServer.slack(); ChannelServer alive = ChannelServer.teams()) {
            dead.slow(4_000);
            alive.ok(2);
            notifier(List.of(new SlackChannel("dead", dead.url()), new TeamsChannel("alive", alive.url())), 1,
                    Duration.ofSeconds(3), 60);
            bus.publish(anomaly(null));  // returns at once: delivery is on the channels' own threads
            bus.publish(anomaly(T0.plusSeconds(30)));
            assertThat(alive.take().json().at("/attachments/0/content/body/0/text").asText()).startsWith("[FIRING]");
            assertThat(alive.take().json().at("/attachments/0/content/body/0/text").asText()).startsWith("[RESOLVED]");
            assertThat(notifier.pending()).as("the dead channel is still busy with its first notice").isPositive();
        }
    }

    @Test
    void theRateLimitHoldsNoticesBackInTheQueueInsteadOfSendingThem() throws Exception {
        try (ChannelServer slack = ChannelServer.slack()) {
            slack.ok(3);
            notifier(List.of(new SlackChannel("oncall", slack.url())), 1, Duration.ofSeconds(2), 2);
            for (int i = 0; i < 3; i++) {
                bus.publish(new Anomaly("an-test-" + i, "web-" + i, T0, T0, null, 0.9, Severity.CRITICAL, List.of("cpu"),
                        List.of(), "cpu high"));
            }
            slack.take();
            slack.take();
            assertThat(slack.nothingWithin(500)).as("2 a minute: the third waits").isTrue();
            await(() -> ((Number) channelStatus().get("rate_limited")).intValue() == 1);
            assertThat(notifier.pending()).isEqualTo(1);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> channelStatus() {
        return ((List<Map<String, Object>>) notifier.status().get("channels")).getFirst();
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        Eventually.within("the channel's delivery", Duration.ofSeconds(10)).until(condition::getAsBoolean);
    }
}
