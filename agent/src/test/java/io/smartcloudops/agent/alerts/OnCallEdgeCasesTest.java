package io.smartcloudops.agent.alerts;

import static io.smartcloudops.agent.alerts.AlertPayloads.alertmanager;
import static io.smartcloudops.agent.alerts.AlertPayloads.grafana;
import static io.smartcloudops.agent.alerts.AlertPayloads.highCpu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.notify.ChannelServer;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.MutableClock;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.alert.AlertState;
import io.smartcloudops.api.alert.WebhookReceipt;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.oncall.Silence;
import io.smartcloudops.api.oncall.SilenceRequest;
import io.smartcloudops.api.remediation.Remediation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts as an on-call engineer meets them, through a real agent with a rule on {@code alert(HighCPU)} and a Slack
 * channel on a local server: an Alertmanager group of 30, a flapping alert, a host the agent collects nothing for, a
 * Grafana payload with several alerts, a resolve that arrives before its trigger.
 */
class OnCallEdgeCasesTest {

    private static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");

    @TempDir
    Path dir;

    /**
     * web-1 is the one remediation target (restarted through SSM, in dry run: remediation is not enabled); no host's
     * metrics are collected (the source is this machine).
     */
    private Agent start(ChannelServer slack, MutableClock clock) throws Exception {
        Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - name: restart-on-high-cpu
                    when: alert(HighCPU)
                    action: restart_service
                    params: {unit: nginx}
                    cooldown: 30m
                """);
        var config = TestAgents.config(dir, """
                source: {spec: local}
                remediation:
                  allowed_units: [nginx]
                  executor: aws
                  targets:
                    web-1: {instance_id: i-0123456789abcdef0}
                aws: {region: eu-west-1, ssm_document: smartcloudops-restart-service}
                rules: {path: %s}
                notify:
                  channels:
                    oncall: {type: slack, url_env: SLACK_URL}
                  alerts: {"*": [oncall]}
                  attempts: 1
                  rate_per_minute: 600
                """.formatted(dir.resolve("rules.yaml")));
        return Agent.start(config, Map.of("SLACK_URL", slack.url()), clock);
    }

    private static WebhookReceipt post(AgentClient hook, String path, Map<String, Object> payload) {
        return hook.post(path, payload, Map.of(), WebhookReceipt.class);
    }

    /** The headlines the channel received next, {@code n} of them, in order. */
    private static List<String> headlines(ChannelServer slack, int n) throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(slack.take().json().at("/blocks/0/text/text").asText());
        }
        return out;
    }

    @Test
    void anAlertmanagerGroupOf30IsListedNotifiedOnceEachAndActedOnWhereATargetIs() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (ChannelServer slack = ChannelServer.slack()) {
            slack.ok(60);
            try (Agent agent = start(slack, clock); AgentClient hook = TestAgents.webhook(agent);
                 AgentClient viewer = TestAgents.viewer(agent)) {
                List<Map<String, Object>> group = IntStream.rangeClosed(1, 30)
                        .mapToObj(i -> highCpu("firing", "web-" + i + ":9100", T0.minusSeconds(120), null)).toList();
                assertThat(post(hook, "/webhooks/alertmanager", alertmanager("firing", group)))
                        .isEqualTo(new WebhookReceipt(30, 30, 0, 0));

                List<Alert> firing = viewer.alerts("firing", null, null).alerts();
                assertThat(firing).hasSize(30).extracting(Alert::host)
                        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 30).mapToObj(i -> "web-" + i).toList());
                assertThat(headlines(slack, 30)).as("one notification per alert")
                        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 30)
                                .mapToObj(i -> "[FIRING] HighCPU on web-" + i).toList());

                // the rule acts where it can (web-1, a target; dry run until remediation is enabled), nowhere else
                Eventually.within("the rule's one action", Duration.ofSeconds(10))
                        .until(() -> viewer.remediations(null, 50).remediations().size() == 1);
                Remediation only = viewer.remediations(null, 50).remediations().getFirst();
                assertThat(only.target()).isEqualTo("web-1");
                assertThat(only.dryRun()).isTrue();
                assertThat(only.reason()).contains("alert(HighCPU)");

                // the same group resent by Alertmanager (group_interval) changes nothing and tells nobody again
                assertThat(post(hook, "/webhooks/alertmanager", alertmanager("firing", group)))
                        .isEqualTo(new WebhookReceipt(30, 0, 0, 30));
                clock.advance(Duration.ofMinutes(3));
                List<Map<String, Object>> resolved = IntStream.rangeClosed(1, 30)
                        .mapToObj(i -> highCpu("resolved", "web-" + i + ":9100", T0.minusSeconds(120), T0.plusSeconds(60))).toList();
                assertThat(post(hook, "/webhooks/alertmanager", alertmanager("resolved", resolved)))
                        .isEqualTo(new WebhookReceipt(30, 0, 30, 0));
                assertThat(headlines(slack, 30)).as("the resolves, one each, and no repeat of a trigger")
                        .allMatch(h -> h.startsWith("[RESOLVED] HighCPU on web-"));
                assertThat(slack.nothingWithin(300)).isTrue();
                assertThat(slack.requestCount()).isEqualTo(60);
                assertThat(viewer.alerts("firing", null, null).alerts()).isEmpty();
                assertThat(viewer.remediations(null, 50).remediations()).hasSize(1);
            }
        }
    }

    /**
     * Alertmanager's {@code max_alerts} (20 in monitoring/alertmanager) cuts a group of 30 grouped by alertname alone to 20:
     * the 10 left out never reach the agent, which says so in its status and metrics instead of looking complete.
     */
    @Test
    void alertsTheSenderLeftOutOfAGroupAreCountedAndShownNotSilentlyMissing() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (ChannelServer slack = ChannelServer.slack()) {
            slack.ok(20);
            try (Agent agent = start(slack, clock); AgentClient hook = TestAgents.webhook(agent);
                 AgentClient viewer = TestAgents.viewer(agent)) {
                Map<String, Object> payload = alertmanager("firing", IntStream.rangeClosed(1, 20)
                        .mapToObj(i -> highCpu("firing", "web-" + i + ":9100", T0.minusSeconds(120), null)).toList());
                payload.put("truncatedAlerts", 10);
                assertThat(post(hook, "/webhooks/alertmanager", payload)).isEqualTo(new WebhookReceipt(20, 20, 0, 0));
                assertThat(viewer.alerts("firing", null, null).alerts()).hasSize(20);
                assertThat(viewer.status().components().get("alerts")).asString().contains("truncated_by_sender={alertmanager=10}");
                assertThat(viewer.getText("/metrics", Map.of()))
                        .contains("smartcloudops_alerts_truncated_total{source=\"alertmanager\"} 10.0");

                payload.put("truncatedAlerts", "ten");
                assertThatThrownBy(() -> post(hook, "/webhooks/alertmanager", payload))
                        .isInstanceOfSatisfying(AgentApiException.class, e -> {
                            assertThat(e.status()).isEqualTo(400);
                            assertThat(e.error().detail()).startsWith("truncatedAlerts");
                        });
            }
        }
    }

    @Test
    void aFlappingAlertIsOneAlertPerFiringWithItsOwnResolveAndTheRuleActsOncePerCooldown() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (ChannelServer slack = ChannelServer.slack()) {
            slack.ok(10);
            try (Agent agent = start(slack, clock); AgentClient hook = TestAgents.webhook(agent);
                 AgentClient viewer = TestAgents.viewer(agent)) {
                for (int flap = 0; flap < 5; flap++) {
                    Instant started = clock.instant();
                    post(hook, "/webhooks/alertmanager", alertmanager("firing", List.of(highCpu("firing", "web-1:9100", started, null))));
                    assertThat(viewer.alerts("firing", "web-1", null).alerts()).as("flap %d", flap).hasSize(1);
                    clock.advance(Duration.ofMinutes(1));
                    post(hook, "/webhooks/alertmanager", alertmanager("resolved",
                            List.of(highCpu("resolved", "web-1:9100", started, clock.instant()))));
                    assertThat(viewer.alerts("firing", "web-1", null).alerts()).isEmpty();
                    clock.advance(Duration.ofMinutes(1));
                }
                List<Alert> history = viewer.alerts(null, "web-1", null).alerts();
                assertThat(history).hasSize(5).allSatisfy(a -> assertThat(a.state()).isEqualTo(AlertState.RESOLVED));
                assertThat(history).extracting(Alert::fingerprint).containsOnly(AlertPayloads.fingerprint("web-1:9100"));
                assertThat(headlines(slack, 10)).containsExactly(
                        "[FIRING] HighCPU on web-1", "[RESOLVED] HighCPU on web-1",
                        "[FIRING] HighCPU on web-1", "[RESOLVED] HighCPU on web-1",
                        "[FIRING] HighCPU on web-1", "[RESOLVED] HighCPU on web-1",
                        "[FIRING] HighCPU on web-1", "[RESOLVED] HighCPU on web-1",
                        "[FIRING] HighCPU on web-1", "[RESOLVED] HighCPU on web-1");
                // 10 minutes of flapping inside the rule's 30 m cooldown: one action, not five restarts
                assertThat(viewer.remediations(null, 50).remediations()).hasSize(1);
            }
        }
    }

    @Test
    void anAlertForAHostTheAgentDoesNotKnowIsShownListedAnsweredAndNotified() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (ChannelServer slack = ChannelServer.slack()) {
            slack.ok(2);
            try (Agent agent = start(slack, clock); AgentClient hook = TestAgents.webhook(agent);
                 AgentClient viewer = TestAgents.viewer(agent)) {
                Map<String, Object> noHost = AlertPayloads.alert("firing", Map.of("alertname", "BackupLate", "severity", "warning"),
                        Map.of("summary", "nightly backup is 3 h late"), T0.minusSeconds(30), null, "00000000000b4c00");
                post(hook, "/webhooks/alertmanager", alertmanager("firing",
                        List.of(highCpu("firing", "web-9:9100", T0.minusSeconds(60), null), noHost)));

                assertThat(viewer.alerts("firing", "web-9", null).alerts()).singleElement()
                        .satisfies(a -> assertThat(a.name()).isEqualTo("HighCPU"));
                assertThat(viewer.alerts("firing", null, null).alerts()).extracting(Alert::name)
                        .containsExactlyInAnyOrder("HighCPU", "BackupLate");
                assertThat(viewer.alerts("firing", null, null).alerts()).filteredOn(a -> a.name().equals("BackupLate"))
                        .singleElement().satisfies(a -> assertThat(a.host()).as("no instance label: no host").isNull());
                assertThat(headlines(slack, 2)).containsExactlyInAnyOrder("[FIRING] HighCPU on web-9", "[FIRING] BackupLate");

                String why = viewer.query("Why is web-9 alerting?").answer();
                assertThat(why).startsWith("1 alert is firing on web-9:").contains("HighCPU");
                assertThat(viewer.query("What alerts are firing?").answer()).startsWith("2 alerts are firing:")
                        .contains("\"HighCPU\" on web-9", "\"BackupLate\"");
                // the rule fires there but has no target to act on: nothing is recorded, nothing runs
                assertThat(agent.rules().state("restart-on-high-cpu", "web-9").key()).isEqualTo("firing");
                assertThat(viewer.remediations(null, 50).remediations()).isEmpty();
                assertThat(viewer.status().components().get("alerts").toString()).contains("web-9");
            }
        }
    }

    @Test
    void aGrafanaPayloadWithSeveralAlertsTakesEachOnceAndTellsOnlyWhatFires() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (ChannelServer slack = ChannelServer.slack()) {
            slack.ok(3);
            try (Agent agent = start(slack, clock); AgentClient hook = TestAgents.webhook(agent);
                 AgentClient viewer = TestAgents.viewer(agent)) {
                Map<String, Object> web1 = highCpu("firing", "web-1:9100", T0.minusSeconds(90), null);
                Map<String, Object> web2 = highCpu("firing", "web-2:9100", T0.minusSeconds(90), null);
                Map<String, Object> db1Over = AlertPayloads.alert("resolved", Map.of("alertname", "DiskFull", "instance", "db-1:9100"),
                        Map.of(), T0.minus(Duration.ofHours(2)), T0.minus(Duration.ofHours(1)), "00000000000d1500");
                // Grafana repeats an alert inside one payload when two rules' groups overlap: taken once
                assertThat(post(hook, "/webhooks/grafana", grafana("firing", List.of(web1, web2, web1, db1Over))))
                        .isEqualTo(new WebhookReceipt(4, 3, 0, 1));
                assertThat(viewer.alerts(null, null, null).alerts()).hasSize(3);
                assertThat(headlines(slack, 2)).as("an alert that arrives resolved opens nothing")
                        .containsExactlyInAnyOrder("[FIRING] HighCPU on web-1", "[FIRING] HighCPU on web-2");

                clock.advance(Duration.ofMinutes(2));
                Map<String, Object> web2Over = highCpu("resolved", "web-2:9100", T0.minusSeconds(90), clock.instant());
                assertThat(post(hook, "/webhooks/grafana", grafana("firing", List.of(web1, web2Over))))
                        .isEqualTo(new WebhookReceipt(2, 0, 1, 1));
                assertThat(headlines(slack, 1)).containsExactly("[RESOLVED] HighCPU on web-2");
                assertThat(viewer.alerts("firing", null, null).alerts()).extracting(Alert::host).containsExactly("web-1");
                assertThat(slack.nothingWithin(300)).isTrue();
            }
        }
    }

    /**
     * A silence that matches nothing (a mistyped host, a label no alert carries) is accepted, since one may be set ahead of
     * time, but the answer, the list and the chat say it matches nothing now; it holds back nothing.
     */
    @Test
    void aSilenceThatMatchesNothingSaysSoAndHoldsNothingBack() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (ChannelServer slack = ChannelServer.slack()) {
            slack.ok(2);
            try (Agent agent = start(slack, clock); AgentClient hook = TestAgents.webhook(agent);
                 AgentClient op = TestAgents.operator(agent)) {
                post(hook, "/webhooks/alertmanager", alertmanager("firing", List.of(highCpu("firing", "web-1:9100", T0.minusSeconds(60), null))));
                assertThat(headlines(slack, 1)).containsExactly("[FIRING] HighCPU on web-1");

                Silence typo = op.silence(SilenceRequest.host("web-l", "1h", "kernel upgrade"));
                assertThat(typo.matching()).as("web-l, not web-1").isZero();
                assertThat(op.silence(SilenceRequest.host("web-1", "1h", "kernel upgrade")).matching()).isEqualTo(1);
                assertThat(op.silence(new SilenceRequest(null, null, null, Map.of("alertname", "HihgCPU"), "1h", "noisy"))
                        .matching()).isZero();
                assertThat(op.silence(new SilenceRequest(null, null, "restart-on-high-cpu", Map.of(), "1h", "no restarts today"))
                        .matching()).as("a rule's silence holds its actions, not findings: not counted").isNull();
                assertThat(op.silences(null).silences()).extracting(Silence::matching).containsExactlyInAnyOrder(0, 1, 0, null);
                assertThat(op.query("What is snoozed?").answer())
                        .contains("\"host=web-l\" until 11:00 UTC, by operator: \"kernel upgrade\"; it matches nothing now")
                        .contains("\"alertname=HihgCPU\"").doesNotContain("\"host=web-1\" until 11:00 UTC, by operator: \"kernel upgrade\"; it");

                // it holds nothing back: web-2's alert goes out while the silences on web-l and HihgCPU hold
                post(hook, "/webhooks/alertmanager", alertmanager("firing", List.of(highCpu("firing", "web-2:9100", T0, null))));
                assertThat(headlines(slack, 1)).containsExactly("[FIRING] HighCPU on web-2");
                assertThat(op.deleteSilence(typo.id()).matching()).as("no longer active: not counted").isNull();
            }
        }
    }

    @Test
    void aResolveThatArrivesBeforeItsTriggerIsKeptResolvedAndTellsNobody() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (ChannelServer slack = ChannelServer.slack()) {
            slack.ok(1);
            try (Agent agent = start(slack, clock); AgentClient hook = TestAgents.webhook(agent);
                 AgentClient viewer = TestAgents.viewer(agent)) {
                Instant started = T0.minus(Duration.ofMinutes(5));
                assertThat(post(hook, "/webhooks/alertmanager", alertmanager("resolved",
                        List.of(highCpu("resolved", "web-1:9100", started, T0.minusSeconds(60))))))
                        .isEqualTo(new WebhookReceipt(1, 1, 0, 0));
                // the trigger, delayed by a retry, comes after its resolve
                assertThat(post(hook, "/webhooks/alertmanager", alertmanager("firing",
                        List.of(highCpu("firing", "web-1:9100", started, null)))))
                        .isEqualTo(new WebhookReceipt(1, 0, 0, 1));
                assertThat(viewer.alerts(null, null, null).alerts()).singleElement().satisfies(a -> {
                    assertThat(a.state()).isEqualTo(AlertState.RESOLVED);
                    assertThat(a.endsAt()).isEqualTo(T0.minusSeconds(60));
                });
                assertThat(agent.rules().state("restart-on-high-cpu", "web-1").key()).isEqualTo("inactive");
                assertThat(viewer.remediations(null, 50).remediations()).isEmpty();
                assertThat(slack.nothingWithin(500)).as("neither a trigger nor a resolve for an alert nobody was told of").isTrue();

                // the next firing of the same alert (a new start) is a new alert, and is told
                clock.advance(Duration.ofMinutes(1));
                post(hook, "/webhooks/alertmanager", alertmanager("firing", List.of(highCpu("firing", "web-1:9100", clock.instant(), null))));
                assertThat(headlines(slack, 1)).containsExactly("[FIRING] HighCPU on web-1");
            }
        }
    }
}
