package io.smartcloudops.agent.oncall;

import static io.smartcloudops.agent.alerts.AlertPayloads.alertmanager;
import static io.smartcloudops.agent.alerts.AlertPayloads.highCpu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.config.AgentConfig;
import io.smartcloudops.agent.testing.MutableClock;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.alert.WebhookReceipt;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.oncall.Silence;
import io.smartcloudops.api.oncall.SilenceRequest;
import io.smartcloudops.api.oncall.SilenceState;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snooze and acknowledge through the REST API of a real agent, with a Slack channel on a local server: what a
 * silence matches is still recorded (flagged {@code silenced}) but not notified until the silence is over;
 * an acknowledgement stops the repeats; both show who and when, are audited, and survive a restart.
 */
class SilenceAndAcknowledgeTest {

    private static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);

    private Agent start(MockWebServer slack) throws Exception {
        Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - name: cpu-high
                    when: cpu > 90
                    action: notify
                    params: {message: CPU above 90}
                """);
        AgentConfig config = TestAgents.config(dir, """
                source:
                  spec: local
                rules:
                  path: %s
                notify:
                  channels:
                    oncall: {type: slack, url_env: SLACK_URL}
                  anomalies: {critical: [oncall]}
                  alerts: {"*": [oncall]}
                  repeat_interval: 30m
                  backoff: 10ms
                  max_backoff: 50ms
                """.formatted(dir.resolve("rules.yaml")));
        return Agent.start(config, Map.of("SLACK_URL", slack.url("/services/T0/B0/x").toString()), clock);
    }

    private static MockWebServer slack() throws IOException {
        MockWebServer s = new MockWebServer();
        s.start(InetAddress.getLoopbackAddress(), 0);
        for (int i = 0; i < 20; i++) {
            s.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        }
        return s;
    }

    private static String headline(RecordedRequest r) throws IOException {
        return io.smartcloudops.api.Json.mapper().readTree(r.getBody().utf8()).at("/blocks/0/text/text").asText();
    }

    @Test
    void aSilencedHostsAlertIsRecordedFlaggedAndAnnouncedOnlyOnceTheSilenceIsOver() throws Exception {
        try (MockWebServer slack = slack(); Agent agent = start(slack); AgentClient op = TestAgents.operator(agent);
             AgentClient hook = TestAgents.webhook(agent)) {
            Silence s = op.silence(SilenceRequest.host("web-1", "1h", "kernel upgrade"));
            assertThat(s.id()).matches("sil-[0-9a-f]{16}");
            assertThat(s.createdBy()).isEqualTo("operator");
            assertThat(s.createdAt()).isEqualTo(T0);
            assertThat(s.endsAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
            assertThat(s.state()).isEqualTo(SilenceState.ACTIVE);

            hook.post("/webhooks/alertmanager", alertmanager("firing", List.of(highCpu("firing", "web-1:9100", T0, null))),
                    Map.of(), WebhookReceipt.class);
            hook.post("/webhooks/alertmanager", alertmanager("firing", List.of(highCpu("firing", "web-2:9100", T0, null))),
                    Map.of(), WebhookReceipt.class);
            List<Alert> alerts = op.alerts("firing", null, null).alerts();
            assertThat(alerts).filteredOn(a -> a.host().equals("web-1")).singleElement()
                    .satisfies(a -> assertThat(a.silenced()).isEqualTo(s.id()));
            assertThat(alerts).filteredOn(a -> a.host().equals("web-2")).singleElement()
                    .satisfies(a -> assertThat(a.silenced()).isNull());
            assertThat(headline(slack.takeRequest(5, TimeUnit.SECONDS))).isEqualTo("[FIRING] HighCPU on web-2");
            assertThat(slack.takeRequest(300, TimeUnit.MILLISECONDS)).as("web-1 is snoozed").isNull();

            clock.advance(Duration.ofMinutes(10));
            Silence ended = op.deleteSilence(s.id());
            assertThat(ended.state()).isEqualTo(SilenceState.DELETED);
            assertThat(ended.deletedBy()).isEqualTo("operator");
            assertThat(headline(slack.takeRequest(5, TimeUnit.SECONDS))).as("still firing once the snooze is over")
                    .isEqualTo("[FIRING] HighCPU on web-1");
            assertThat(op.silences("active").silences()).isEmpty();
            assertThat(op.silences("deleted").silences()).extracting(Silence::id).containsExactly(s.id());
            assertThat(audit(agent)).extracting(AuditRecord::event)
                    .containsSubsequence(AuditEvent.SILENCE_CREATED, AuditEvent.SILENCE_DELETED);
        }
    }

    @Test
    void aSilenceRunsOutByItselfAndThatIsAudited() throws Exception {
        try (MockWebServer slack = slack(); Agent agent = start(slack); AgentClient op = TestAgents.operator(agent)) {
            Silence s = op.silence(new SilenceRequest(null, "cpu", null, null, "15m", "load test"));
            clock.advance(Duration.ofMinutes(16));
            agent.oncall().silences().expire();
            assertThat(op.silences("expired").silences()).singleElement().satisfies(x -> {
                assertThat(x.id()).isEqualTo(s.id());
                assertThat(x.state()).isEqualTo(SilenceState.EXPIRED);
            });
            agent.oncall().silences().expire();
            assertThat(audit(agent)).filteredOn(r -> r.event() == AuditEvent.SILENCE_EXPIRED).singleElement()
                    .satisfies(r -> {
                        assertThat(r.requestId()).isEqualTo(s.id());
                        assertThat(r.timestamp()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
                    });
        }
    }

    @Test
    void acknowledgingStopsRepeatsAndShowsWhoAndWhenAndSurvivesARestart() throws Exception {
        String alertId;
        try (MockWebServer slack = slack()) {
            try (Agent agent = start(slack); AgentClient op = TestAgents.operator(agent); AgentClient hook = TestAgents.webhook(agent)) {
                hook.post("/webhooks/grafana", alertmanager("firing", List.of(highCpu("firing", "web-1:9100", T0, null))),
                        Map.of(), WebhookReceipt.class);
                assertThat(headline(slack.takeRequest(5, TimeUnit.SECONDS))).isEqualTo("[FIRING] HighCPU on web-1");
                clock.advance(Duration.ofMinutes(31));
                agent.notifier().tick();
                assertThat(headline(slack.takeRequest(5, TimeUnit.SECONDS))).isEqualTo("[STILL FIRING] HighCPU on web-1");

                alertId = op.alerts("firing", null, null).alerts().getFirst().id();
                Alert acked = op.acknowledgeAlert(alertId, "looking into it");
                assertThat(acked.acknowledged().by()).isEqualTo("operator");
                assertThat(acked.acknowledged().at()).isEqualTo(clock.instant());
                assertThat(acked.acknowledged().note()).isEqualTo("looking into it");
                clock.advance(Duration.ofMinutes(31));
                agent.notifier().tick();
                assertThat(slack.takeRequest(300, TimeUnit.MILLISECONDS)).as("no repeat while acknowledged").isNull();
                assertThat(op.acknowledgeAlert(alertId, "me too").acknowledged().note()).as("the first stays")
                        .isEqualTo("looking into it");
                assertThat(op.metrics()).contains("smartcloudops_notifications_total{channel=\"oncall\",result=\"sent\"} 2.0")
                        .contains("smartcloudops_notification_channel_healthy{channel=\"oncall\"} 1.0")
                        .contains("smartcloudops_alerts_firing{source=\"grafana\"} 1.0");
                assertThat(audit(agent)).filteredOn(r -> r.event() == AuditEvent.ACKNOWLEDGED).singleElement()
                        .satisfies(r -> {
                            assertThat(r.action()).as("an on-call record, not a remediation").isNull();
                            assertThat(r.params()).containsEntry("kind", "alert");
                            assertThat(r.actor()).isEqualTo("operator");
                            assertThat(r.requestId()).isEqualTo(alertId);
                            assertThat(r.instance()).isEqualTo("web-1");
                        });
            }
            try (Agent agent = start(slack); AgentClient viewer = TestAgents.viewer(agent)) {
                assertThat(viewer.alerts(null, null, null).alerts()).singleElement()
                        .satisfies(a -> assertThat(a.acknowledged().by()).isEqualTo("operator"));
            }
        }
    }

    @Test
    void anAnomalyCanBeAcknowledgedAndTheMarkShowsInAnomalies() throws Exception {
        try (MockWebServer slack = slack(); Agent agent = start(slack); AgentClient op = TestAgents.operator(agent)) {
            Anomaly a = new Anomaly("an-mifb4l3k-3c8e1a07", "web-1", T0, T0, null, 0.9, Severity.CRITICAL, List.of("cpu"),
                    List.of(), "cpu 97.0% (baseline 12.0%)");
            agent.detector().orElseThrow().store().put(a);
            Anomaly acked = op.acknowledgeAnomaly(a.id(), null);
            assertThat(acked.acknowledged().by()).isEqualTo("operator");
            assertThat(op.anomalies(null, null, null).anomalies()).singleElement()
                    .satisfies(x -> assertThat(x.acknowledged().at()).isEqualTo(T0));
            assertThat(op.unacknowledgeAnomaly(a.id()).acknowledged()).isNull();
            assertThat(audit(agent)).extracting(AuditRecord::event)
                    .containsSubsequence(AuditEvent.ACKNOWLEDGED, AuditEvent.UNACKNOWLEDGED);
            assertThatThrownBy(() -> op.acknowledgeAnomaly("an-nope-00000000", null))
                    .isInstanceOfSatisfying(AgentApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        }
    }

    @Test
    void badSilencesAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
        try (MockWebServer slack = slack(); Agent agent = start(slack); AgentClient op = TestAgents.operator(agent);
             AgentClient viewer = TestAgents.viewer(agent)) {
            long auditBefore = audit(agent).size();
            Map<Object, String> cases = Map.of(
                    Map.of("duration", "1h", "reason", "x"), "body: give at least one of host",
                    Map.of("host", "web-1", "duration", "31d", "reason", "x"), "duration: must be between 1m and 30d",
                    Map.of("host", "web-1", "duration", "soon", "reason", "x"), "duration:",
                    Map.of("host", "web-1", "duration", "1h"), "reason: required",
                    Map.of("metric", "temperature", "duration", "1h", "reason", "x"), "metric: unknown metric",
                    Map.of("rule", "no-such-rule", "duration", "1h", "reason", "x"), "rule: no rule of that name (rules: cpu-high)",
                    Map.of("host", "web-1; reboot", "duration", "1h", "reason", "x"), "host: not a host name",
                    Map.of("host", "web-1", "duration", "1h", "reason", "x", "until", "tomorrow"), "until: unknown field",
                    Map.of("host", "web-1", "duration", "1h", "reason", "line\u0007bell"), "reason: contains control characters");
            cases.forEach((body, detail) -> assertThatThrownBy(() -> op.post("/silences", body, Map.of(), Silence.class))
                    .as(detail).isInstanceOfSatisfying(AgentApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.error().detail()).startsWith(detail);
                    }));
            assertThatThrownBy(() -> viewer.silence(SilenceRequest.host("web-1", "1h", "x")))
                    .isInstanceOfSatisfying(AgentApiException.class, e -> assertThat(e.status()).isEqualTo(403));
            assertThatThrownBy(() -> op.deleteSilence("sil-0000000000000000"))
                    .isInstanceOfSatisfying(AgentApiException.class, e -> assertThat(e.status()).isEqualTo(404));
            assertThat(op.silences("all").silences()).isEmpty();
            assertThat(audit(agent)).hasSize((int) auditBefore);
            Silence ok = op.silence(new SilenceRequest(null, null, "cpu-high", Map.of(), "4h", "noisy during the migration"));
            assertThat(ok.rule()).isEqualTo("cpu-high");
        }
    }

    private static List<AuditRecord> audit(Agent agent) {
        return agent.auditLog().read(java.time.LocalDate.MIN, java.time.LocalDate.MAX);
    }
}
