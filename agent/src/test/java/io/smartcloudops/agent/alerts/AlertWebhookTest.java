package io.smartcloudops.agent.alerts;

import static io.smartcloudops.agent.alerts.AlertPayloads.alertmanager;
import static io.smartcloudops.agent.alerts.AlertPayloads.grafana;
import static io.smartcloudops.agent.alerts.AlertPayloads.highCpu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.MutableClock;
import io.smartcloudops.agent.testing.NodeExporterProcess;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.alert.AlertList;
import io.smartcloudops.api.alert.AlertSource;
import io.smartcloudops.api.alert.AlertState;
import io.smartcloudops.api.alert.WebhookReceipt;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.oncall.Silence;
import io.smartcloudops.api.oncall.SilenceRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two webhooks end to end through a real agent: Alertmanager's and Grafana's payloads become alerts listed
 * by {@code GET /alerts}, mapped to hosts, deduplicated, resolved, kept on disk and reloaded; the webhook token
 * may post them and do nothing else.
 */
class AlertWebhookTest {

    private static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");

    @TempDir
    Path dir;

    private Agent start(MutableClock clock) throws Exception {
        return TestAgents.start(TestAgents.config(dir, """
                source:
                  spec: local
                remediation:
                  targets:
                    web-2:
                      instance_id: i-0abc12345def67890
                """), clock);
    }

    @Test
    void anAlertmanagerAlertIsListedWithItsHostAndResolvesByPayload() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (Agent agent = start(clock); AgentClient hook = TestAgents.webhook(agent); AgentClient viewer = TestAgents.viewer(agent)) {
            Instant started = T0.minus(Duration.ofMinutes(3));
            WebhookReceipt r = hook.post("/webhooks/alertmanager", alertmanager("firing",
                    List.of(highCpu("firing", "web-1:9100", started, null))), Map.of(), WebhookReceipt.class);
            assertThat(r).isEqualTo(new WebhookReceipt(1, 1, 0, 0));

            AlertList firing = viewer.alerts("firing", "web-1", null);
            assertThat(firing.alerts()).singleElement().satisfies(a -> {
                assertThat(a.source()).isEqualTo(AlertSource.ALERTMANAGER);
                assertThat(a.name()).isEqualTo("HighCPU");
                assertThat(a.host()).as("instance label, port stripped").isEqualTo("web-1");
                assertThat(a.severity()).isEqualTo("critical");
                assertThat(a.summary()).isEqualTo("CPU above 90% on web-1:9100");
                assertThat(a.labels()).containsEntry("job", "node");
                assertThat(a.annotations()).containsEntry("description", "5m average");
                assertThat(a.startsAt()).isEqualTo(started);
                assertThat(a.endsAt()).isNull();
                assertThat(a.receivedAt()).isEqualTo(T0);
                assertThat(a.fingerprint()).isEqualTo(AlertPayloads.fingerprint("web-1:9100"));
                assertThat(a.generatorUrl()).startsWith("http://prometheus.example:9090/");
            });

            clock.advance(Duration.ofMinutes(5));
            Instant ended = clock.instant().minusSeconds(30);
            r = hook.post("/webhooks/alertmanager", alertmanager("resolved",
                    List.of(highCpu("resolved", "web-1:9100", started, ended))), Map.of(), WebhookReceipt.class);
            assertThat(r).isEqualTo(new WebhookReceipt(1, 0, 1, 0));
            assertThat(viewer.alerts("firing", null, null).alerts()).isEmpty();
            Alert resolved = viewer.alerts("resolved", null, null).alerts().getFirst();
            assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
            assertThat(resolved.endsAt()).isEqualTo(ended);
            assertThat(resolved.id()).isEqualTo(firing.alerts().getFirst().id());
        }
    }

    /**
     * With a {@code prometheus:} or {@code node-exporter:} source the agent names hosts {@code host:port}, as Prometheus's
     * {@code instance}: an alert about such a host is about that host (its charts, rules and silences), not about a
     * port-less name the agent has never seen.
     */
    @Test
    void anAlertAboutACollectedHostPortKeepsThePortAndMeetsTheHostsSilence() throws Exception {
        try (NodeExporterProcess exporter = NodeExporterProcess.start(dir)) {
            String host = exporter.instance();
            var config = TestAgents.config(dir, Map.of("source.spec", "node-exporter:" + exporter.url(), "detect.model", ""));
            try (Agent agent = TestAgents.start(config, java.time.Clock.systemUTC());
                 AgentClient hook = TestAgents.webhook(agent); AgentClient viewer = TestAgents.viewer(agent);
                 AgentClient operator = TestAgents.operator(agent)) {
                Eventually.within("the exporter's host to be collected", Duration.ofSeconds(30)).ignoreExceptions()
                        .until(() -> viewer.status().hosts().stream().anyMatch(h -> h.host().equals(host)));
                hook.post("/webhooks/alertmanager", alertmanager("firing",
                        List.of(highCpu("firing", host, Instant.now().minusSeconds(60), null))), Map.of(), WebhookReceipt.class);

                assertThat(viewer.alerts("firing", null, null).alerts()).singleElement()
                        .satisfies(a -> assertThat(a.host()).as("the collected host's name").isEqualTo(host));
                Silence snooze = operator.silence(SilenceRequest.host(host, "1h", "kernel upgrade"));
                assertThat(snooze.matching()).as("the firing alert about the snoozed host").isEqualTo(1);
            }
        }
    }

    @Test
    void aReplayedPayloadIsStoredOnceAndALateFiringNoticeDoesNotReopen() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (Agent agent = start(clock); AgentClient hook = TestAgents.webhook(agent); AgentClient viewer = TestAgents.viewer(agent)) {
            Map<String, Object> payload = alertmanager("firing", List.of(highCpu("firing", "web-1:9100", T0.minusSeconds(60), null)));
            hook.post("/webhooks/alertmanager", payload, Map.of(), WebhookReceipt.class);
            WebhookReceipt again = hook.post("/webhooks/alertmanager", payload, Map.of(), WebhookReceipt.class);
            assertThat(again).isEqualTo(new WebhookReceipt(1, 0, 0, 1));
            assertThat(lines("alerts-")).as("one line on disk for the replayed payload").hasSize(1);

            hook.post("/webhooks/alertmanager", alertmanager("resolved", List.of(highCpu("resolved", "web-1:9100",
                    T0.minusSeconds(60), T0))), Map.of(), WebhookReceipt.class);
            WebhookReceipt late = hook.post("/webhooks/alertmanager", payload, Map.of(), WebhookReceipt.class);
            assertThat(late.unchanged()).as("a retried firing notice after the resolve").isEqualTo(1);
            assertThat(viewer.alerts(null, null, null).alerts()).singleElement()
                    .satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.RESOLVED));
            assertThat(lines("alerts-")).hasSize(2);
        }
    }

    @Test
    void anEndsAtThatHasPassedResolvesAndTheTargetNamesApply() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (Agent agent = start(clock); AgentClient hook = TestAgents.webhook(agent); AgentClient viewer = TestAgents.viewer(agent)) {
            // a sender that says "firing" but gives an end that is already over
            hook.post("/webhooks/alertmanager", alertmanager("firing", List.of(highCpu("firing", "i-0abc12345def67890:9100",
                    T0.minusSeconds(600), T0.minusSeconds(5)))), Map.of(), WebhookReceipt.class);
            Alert a = viewer.alerts(null, null, null).alerts().getFirst();
            assertThat(a.host()).as("the target whose instance_id this is").isEqualTo("web-2");
            assertThat(a.state()).isEqualTo(AlertState.RESOLVED);
            assertThat(a.endsAt()).isEqualTo(T0.minusSeconds(5));
        }
    }

    @Test
    void grafanaPayloadsAreReadTooAndStateAndSinceFilter() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (Agent agent = start(clock); AgentClient hook = TestAgents.webhook(agent); AgentClient viewer = TestAgents.viewer(agent)) {
            Map<String, Object> old = AlertPayloads.alert("resolved", Map.of("alertname", "DiskFull", "instance", "db-1"),
                    Map.of("description", "disk above 95%"), T0.minus(Duration.ofHours(5)), T0.minus(Duration.ofHours(4)),
                    "bc97ff14869b13e3");
            Map<String, Object> now = AlertPayloads.alert("firing", Map.of("alertname", "HighMemory", "instance", "[fd00::5]:9100"),
                    Map.of(), T0.minusSeconds(10), null, "c6eadffa33fcdf37");
            WebhookReceipt r = hook.post("/webhooks/grafana", grafana("firing", List.of(old, now)), Map.of(), WebhookReceipt.class);
            assertThat(r).isEqualTo(new WebhookReceipt(2, 2, 0, 0));
            List<Alert> all = viewer.alerts(null, null, null).alerts();
            assertThat(all).extracting(Alert::name).containsExactly("HighMemory", "DiskFull");
            assertThat(all).allSatisfy(a -> assertThat(a.source()).isEqualTo(AlertSource.GRAFANA));
            assertThat(all.getFirst().host()).as("IPv6 in brackets, port stripped").isEqualTo("fd00::5");
            assertThat(all.getFirst().summary()).as("no annotation: the name").isEqualTo("HighMemory");
            assertThat(all.get(1).summary()).isEqualTo("disk above 95%");
            assertThat(viewer.alerts(null, null, "1h").alerts()).extracting(Alert::name).containsExactly("HighMemory");
            assertThat(viewer.alerts("resolved", null, null).alerts()).extracting(Alert::name).containsExactly("DiskFull");
        }
    }

    @Test
    void theWebhookTokenMayPostAlertsAndNothingElseAndNoOtherTokenMayPostThem() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (Agent agent = start(clock); AgentClient hook = TestAgents.webhook(agent);
             AgentClient operator = TestAgents.operator(agent); AgentClient viewer = TestAgents.viewer(agent)) {
            Map<String, Object> payload = alertmanager("firing", List.of(highCpu("firing", "web-1:9100", T0, null)));
            for (AgentClient other : List.of(operator, viewer)) {
                assertThatThrownBy(() -> other.post("/webhooks/alertmanager", payload, Map.of(), WebhookReceipt.class))
                        .isInstanceOfSatisfying(AgentApiException.class, e -> {
                            assertThat(e.status()).isEqualTo(403);
                            assertThat(e.error().detail()).contains("webhook role");
                        });
            }
            for (String path : List.of("/alerts", "/status", "/anomalies", "/logs", "/silences", "/remediations")) {
                assertThatThrownBy(() -> hook.get(path, Map.of(), Map.class)).as(path)
                        .isInstanceOfSatisfying(AgentApiException.class, e -> assertThat(e.status()).isEqualTo(403));
            }
            assertThatThrownBy(() -> hook.post("/silences", Map.of("host", "web-1", "duration", "1h", "reason", "x"),
                    Map.of(), Map.class)).isInstanceOfSatisfying(AgentApiException.class, e -> assertThat(e.status()).isEqualTo(403));
            assertThat(hook.post("/webhooks/grafana", grafana("firing", List.of(highCpu("firing", "web-1:9100", T0, null))),
                    Map.of(), WebhookReceipt.class).created()).isEqualTo(1);
            assertThatThrownBy(hook::whoami).isInstanceOfSatisfying(AgentApiException.class,
                    e -> assertThat(e.status()).isEqualTo(403));
        }
    }

    @Test
    void alertsAreKeptOnDiskAndReloadedAtStart() throws Exception {
        MutableClock clock = new MutableClock(T0);
        String id;
        try (Agent agent = start(clock); AgentClient hook = TestAgents.webhook(agent)) {
            hook.post("/webhooks/alertmanager", alertmanager("firing", List.of(highCpu("firing", "web-1:9100", T0, null))),
                    Map.of(), WebhookReceipt.class);
            id = agent.alerts().firing().getFirst().id();
        }
        clock.advance(Duration.ofHours(2));
        try (Agent agent = start(clock); AgentClient viewer = TestAgents.viewer(agent)) {
            assertThat(viewer.alerts("firing", null, null).alerts()).extracting(Alert::id).containsExactly(id);
        }
    }

    @Test
    void newAndChangedAlertsAreSentOnEventsAndAReplayIsNot() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (Agent agent = start(clock); AgentClient hook = TestAgents.webhook(agent); AgentClient viewer = TestAgents.viewer(agent)) {
            java.util.concurrent.BlockingQueue<String> events = new java.util.concurrent.LinkedBlockingQueue<>();
            java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(1);
            try (var sub = viewer.subscribe(new io.smartcloudops.api.client.AgentEventListener() {
                @Override
                public void onEvent(String type, String json) {
                    if (type.equals(io.smartcloudops.api.events.EventTypes.ALERT)) {
                        events.add(json);
                    }
                }

                @Override
                public void onConnected() {
                    connected.countDown();
                }
            })) {
                assertThat(connected.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                Map<String, Object> payload = alertmanager("firing", List.of(highCpu("firing", "web-1:9100", T0, null)));
                hook.post("/webhooks/alertmanager", payload, Map.of(), WebhookReceipt.class);
                String first = events.poll(10, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(first).as("the alert on /events").contains("\"name\":\"HighCPU\"").contains("\"state\":\"firing\"");
                hook.post("/webhooks/alertmanager", payload, Map.of(), WebhookReceipt.class);
                hook.post("/webhooks/alertmanager", alertmanager("resolved", List.of(highCpu("resolved", "web-1:9100", T0, T0))),
                        Map.of(), WebhookReceipt.class);
                String next = events.poll(10, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(next).as("the replay sent nothing: the next event is the resolve").contains("\"state\":\"resolved\"");
            }
        }
    }

    private List<String> lines(String prefix) throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .flatMap(f -> {
                        try {
                            return Files.readAllLines(f).stream();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).filter(l -> !l.isBlank()).toList();
        }
    }
}
