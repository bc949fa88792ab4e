package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.client.AgentEventListener;
import io.smartcloudops.api.client.EventSubscription;
import io.smartcloudops.api.events.EventTypes;
import io.smartcloudops.api.status.HostStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent end to end: a replayed host with one injected CPU spike yields exactly one anomaly record
 * (right host, severity and top metric) that /anomalies, /events, /metrics and the log file show, and
 * that a restarted agent still serves.
 */
class AnomalyLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void oneSpikeIsOneAnomalyEverywhereAndSurvivesARestart() throws Exception {
        // 100 learning rows, 60 normal, 12 at 97 % CPU, 120 normal; 5 s rows replayed at 125x (40 ms each: the
        // 4 s of learning leave time to see the host learning on a loaded machine, where 2 s did not)
        Path csv = SpikeSeries.write(dir.resolve("web-7.csv"), 292, 160, 12, 7);
        Map<String, String> replay = Map.of("source.spec", "replay:" + csv + "?speed=125", "source.interval", "100ms",
                "detect.min_samples", "100");
        Anomaly seen;
        try (Agent agent = TestAgents.start(dir, replay); AgentClient client = TestAgents.viewer(agent)) {
            List<Anomaly> events = new CopyOnWriteArrayList<>();
            try (EventSubscription sub = client.subscribe(new AgentEventListener() {
                @Override
                public void onEvent(String type, String json) {
                    if (type.equals(EventTypes.ANOMALY)) {
                        try {
                            events.add(Json.mapper().readValue(json, Anomaly.class));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            })) {
                // the store has a sample an instant before the detector does: wait for the detector's verdict
                Eventually.within("host appears", Duration.ofSeconds(30))
                        .until(() -> client.status().hosts().stream().anyMatch(h -> h.detector() != null));
                HostStatus learning = client.status().hosts().getFirst();
                assertThat(learning.host()).isEqualTo("web-7");
                assertThat(learning.detector()).isEqualTo("learning");

                Eventually.within("anomaly ends", Duration.ofSeconds(30)).until(() -> agent.detector().orElseThrow().store().size() > 0
                        && agent.detector().orElseThrow().store().query(1, null, null).getFirst().end() != null);
                List<Anomaly> listed = client.anomalies(null, null, null).anomalies();
                assertThat(listed).hasSize(1);
                seen = listed.getFirst();
                assertThat(seen.host()).isEqualTo("web-7");
                assertThat(seen.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(seen.metrics().getFirst()).isEqualTo("cpu");
                assertThat(seen.contributors().getFirst().value()).isGreaterThan(90);
                assertThat(seen.contributors().getFirst().baseline()).isBetween(10.0, 14.0);
                assertThat(seen.summary()).startsWith("cpu 9").contains("(expected ");
                assertThat(seen.start()).isBeforeOrEqualTo(seen.timestamp());
                assertThat(seen.end()).isAfter(seen.timestamp());
                assertThat(seen.score()).isBetween(0.5, 1.0);

                Eventually.within("SSE anomaly with an end", Duration.ofSeconds(30))
                        .until(() -> events.stream().anyMatch(a -> a.end() != null));
                assertThat(events).extracting(Anomaly::id).containsOnly(seen.id());
                assertThat(events.getFirst().end()).isNull();

                HostStatus scoring = client.status().hosts().getFirst();
                assertThat(scoring.detector()).isEqualTo("scoring");
                assertThat(scoring.anomalyScore()).isBetween(0.0, 1.0);
                assertThat(client.status().components()).containsKey("detector");

                String metrics = client.metrics();
                assertThat(metrics).contains("smartcloudops_anomalies_total{severity=\"critical\"} 1.0")
                        .contains("smartcloudops_anomalies_total{severity=\"low\"} 0.0")
                        .contains("smartcloudops_anomaly_score{host=\"web-7\"}");

                assertThat(client.anomalies(5, "1h", "web-7").anomalies()).extracting(Anomaly::id).containsExactly(seen.id());
                assertThat(client.anomalies(null, null, null).anomalies()).hasSize(1);
                assertThatBadParameter(() -> client.anomalies(0, null, null), "limit");
                assertThatBadParameter(() -> client.anomalies(null, "yesterday-ish", null), "since");
                assertThatBadParameter(() -> client.anomalies(null, null, "no-such-host"), "host");
            }
        }
        List<String> lines;
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            List<Path> logs = files.filter(f -> f.getFileName().toString().startsWith("anomalies-")).toList();
            assertThat(logs).hasSize(1);
            lines = Files.readAllLines(logs.getFirst());
        }
        assertThat(lines).isNotEmpty().allMatch(l -> l.contains("\"id\":\"" + seen.id() + "\""));
        assertThat(lines.getLast()).contains("\"end\"");

        // a restarted agent (a quiet host now) serves the same record from the log
        Path quiet = SpikeSeries.write(dir.resolve("web-8.csv"), 20, -1, 0, 8);
        try (Agent again = TestAgents.start(dir, Map.of("source.spec", "replay:" + quiet + "?speed=500", "source.interval", "100ms"));
             AgentClient client = TestAgents.viewer(again)) {
            List<Anomaly> reloaded = client.anomalies(null, null, "web-7").anomalies();
            assertThat(reloaded).containsExactly(seen);
        }
    }

    private static void assertThatBadParameter(Runnable call, String name) {
        try {
            call.run();
            throw new AssertionError("expected 400 for " + name);
        } catch (AgentApiException e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.error().detail()).startsWith(name + ":");
        }
    }
}
