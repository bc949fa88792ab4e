package io.smartcloudops.agent.notify;

import static io.smartcloudops.agent.alerts.AlertPayloads.alertmanager;
import static io.smartcloudops.agent.alerts.AlertPayloads.highCpu;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.audit.AuditLog;
import io.smartcloudops.agent.config.NotifyConfig;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.agent.oncall.Oncall;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.MutableClock;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.alert.WebhookReceipt;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.api.client.AgentClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which channels were told about what is kept on disk ({@code logs/notifications-*.jsonl}): after a restart an alert
 * opened before it is not announced again, its resolve still goes out, a resolve the agent was still sending when it
 * stopped goes out at the next start, and an anomaly the restarted detector can no longer follow is resolved.
 */
class NotificationsSurviveRestartTest {

    private static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");

    @TempDir
    Path dir;

    private Agent start(ChannelServer slack, MutableClock clock) throws Exception {
        var config = TestAgents.config(dir, """
                source: {spec: local}
                notify:
                  channels:
                    oncall: {type: slack, url_env: SLACK_URL}
                  alerts: {"*": [oncall]}
                  attempts: 1
                  timeout: 20s
                """);
        return Agent.start(config, Map.of("SLACK_URL", slack.url()), clock);
    }

    private static WebhookReceipt post(AgentClient hook, String status, Instant started, Instant ended, String description) {
        Map<String, Object> alert = highCpu(status, "web-1:9100", started, ended);
        @SuppressWarnings("unchecked")
        Map<String, String> annotations = (Map<String, String>) alert.get("annotations");
        annotations.put("description", description);
        return hook.post("/webhooks/alertmanager", alertmanager(status, List.of(alert)), Map.of(), WebhookReceipt.class);
    }

    @Test
    void afterARestartAnAlertOpenedBeforeIsNotOpenedAgainAndItsResolveGoesOut() throws Exception {
        MutableClock clock = new MutableClock(T0);
        Instant started = T0.minus(Duration.ofMinutes(3));
        try (ChannelServer slack = ChannelServer.slack()) {
            slack.ok(2);
            try (Agent agent = start(slack, clock); AgentClient hook = TestAgents.webhook(agent)) {
                post(hook, "firing", started, null, "5m average");
                assertThat(slack.take().json().at("/blocks/0/text/text").asText()).isEqualTo("[FIRING] HighCPU on web-1");
            }

            clock.advance(Duration.ofMinutes(10));
            try (Agent agent = start(slack, clock); AgentClient hook = TestAgents.webhook(agent)) {
                assertThat(agent.notifier().status()).containsEntry("open_subjects", 1);
                WebhookReceipt changed = post(hook, "firing", started, null, "5m average, still rising");
                assertThat(changed.updated()).as("a changed alert is published again").isEqualTo(1);
                clock.advance(Duration.ofHours(1));
                agent.notifier().tick();
                assertThat(slack.nothingWithin(300)).as("opened before the restart, and the repeat is 4 h after the last")
                        .isTrue();

                post(hook, "resolved", started, clock.instant().minusSeconds(30), "5m average, still rising");
                assertThat(slack.take().json().at("/blocks/0/text/text").asText()).isEqualTo("[RESOLVED] HighCPU on web-1");
                Eventually.within("the resolve paid off", Duration.ofSeconds(30))
                        .until(() -> agent.notifier().status().get("resolves_owed").equals(0));
                assertThat(agent.notifier().status()).containsEntry("open_subjects", 0);
            }

            try (Agent agent = start(slack, clock)) {
                assertThat(agent.notifier().status()).containsEntry("open_subjects", 0).containsEntry("resolves_owed", 0);
                assertThat(slack.nothingWithin(300)).as("nothing is owed any more").isTrue();
            }
            assertThat(slack.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void aResolveStillBeingSentWhenTheAgentStopsIsSentAtTheNextStart() throws Exception {
        MutableClock clock = new MutableClock(T0);
        Instant started = T0.minus(Duration.ofMinutes(3));
        try (ChannelServer slack = ChannelServer.slack()) {
            slack.ok(1);
            slack.slow(30_000);  // the resolve hangs: the agent stops before Slack answers
            try (Agent agent = start(slack, clock); AgentClient hook = TestAgents.webhook(agent)) {
                post(hook, "firing", started, null, "5m average");
                slack.take();
                post(hook, "resolved", started, T0, "5m average");
                assertThat(slack.take().json().at("/blocks/0/text/text").asText()).startsWith("[RESOLVED]");
                assertThat(agent.notifier().status()).containsEntry("resolves_owed", 1);
            }
            slack.ok(1);
            try (Agent agent = start(slack, clock)) {
                assertThat(slack.take().json().at("/blocks/0/text/text").asText()).isEqualTo("[RESOLVED] HighCPU on web-1");
                Eventually.within("the resolve paid off", Duration.ofSeconds(30))
                        .until(() -> agent.notifier().status().get("resolves_owed").equals(0));
            }
            try (Agent agent = start(slack, clock)) {
                assertThat(slack.nothingWithin(300)).as("sent once, not at every start").isTrue();
            }
        }
    }

    // ---- the notifier alone, over the same directory ----

    private final EventBus bus = new EventBus();
    private final List<Oncall> oncalls = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void closeOncall() {
        oncalls.forEach(Oncall::close);
    }

    private Notifier notifier(MutableClock clock, String url, int retentionDays) {
        NotifyConfig config = new NotifyConfig(Map.of(), Map.of("critical", List.of("oncall")), Map.of("*", List.of("oncall")),
                Duration.ofHours(4), Duration.ofSeconds(2), 1, Duration.ofMillis(20), Duration.ofMillis(200), 60, 100);
        Oncall oncall = new Oncall(dir.resolve("logs"), 0, new AuditLog(dir.resolve("logs"), clock, 0), new EventBus(), clock,
                Set::of);
        oncalls.add(oncall);
        Notifier n = new Notifier(config, List.of(new SlackChannel("oncall", url)), oncall, dir.resolve("logs"),
                retentionDays, clock, new PrometheusRegistry());
        n.subscribeTo(bus);
        return n;
    }

    private static Anomaly anomaly(String id, Instant end) {
        return new Anomaly(id, "web-1", T0, T0.plusSeconds(15), end, 0.91, Severity.CRITICAL, List.of("cpu"), List.of(),
                "cpu 97.0% (baseline 12.0%)");
    }

    @Test
    void anAnomalyOpenWhenTheAgentStoppedIsResolvedAtTheNextStart() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (ChannelServer slack = ChannelServer.slack()) {
            slack.ok(2);
            try (Notifier before = notifier(clock, slack.url(), 0)) {
                before.recover(id -> Optional.empty(), id -> Optional.empty());
                bus.publish(anomaly("an-open-at-stop", null));
                slack.take();
            }
            clock.advance(Duration.ofMinutes(5));
            // the detector reloads an incident it can no longer follow as ended at its last row
            Anomaly reloaded = anomaly("an-open-at-stop", T0.plusSeconds(15));
            try (Notifier after = notifier(clock, slack.url(), 0)) {
                assertThat(after.recover(id -> Optional.empty(), id -> Optional.of(reloaded).filter(a -> a.id().equals(id))))
                        .isEqualTo(new Notifier.Recovered(0, 1));
                var resolved = slack.take().json();
                assertThat(resolved.at("/blocks/0/text/text").asText()).isEqualTo("[RESOLVED] cpu anomaly on web-1");
                assertThat(resolved.at("/blocks/2/fields/3/text").asText()).isEqualTo("*Resolved*\n2026-05-04T10:00:15Z");
            }
        }
    }

    @Test
    void aSubjectStillOpenIsCarriedIntoEachNewDaySoPruningOldFilesDoesNotForgetIt() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (ChannelServer slack = ChannelServer.slack()) {
            slack.ok(3);
            try (Notifier n = notifier(clock, slack.url(), 1)) {
                n.recover(id -> Optional.empty(), id -> Optional.empty());
                bus.publish(anomaly("an-long-lived", null));
                slack.take();
                clock.advance(Duration.ofDays(3));
                bus.publish(anomaly("an-three-days-later", null));
                slack.take();
            }
            try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
                assertThat(files.map(p -> p.getFileName().toString()).filter(f -> f.startsWith("notifications-")))
                        .as("the first day's file is past the retention").containsExactly("notifications-2026-05-07.jsonl");
            }
            try (Notifier n = notifier(clock, slack.url(), 1)) {
                assertThat(n.recover(id -> Optional.empty(), id -> Optional.empty()))
                        .as("both anomalies were open; the detector holds neither any more")
                        .isEqualTo(new Notifier.Recovered(0, 2));
                assertThat(Stream.of(slack.take(), slack.take()).map(s -> s.json().at("/blocks/0/text/text").asText()))
                        .containsOnly("[RESOLVED] cpu anomaly on web-1");
            }
        }
    }
}
