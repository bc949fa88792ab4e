package io.smartcloudops.agent.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.store.SeriesStore;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.status.SourceStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cached {@code /status} document: one build per change, never older than 250 ms, fresh after any event. */
class StatusDocumentTest {

    @TempDir
    Path dir;

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void oneBuildServesManyRequestsUntilSomethingChanges() throws Exception {
        Clock clock = Clock.systemUTC();
        StatusService status = new StatusService("test", clock,
                () -> new SourceStatus("replay:x", "replay", true, null, NOW, NOW, 0, 5), new SeriesStore(clock,
                Duration.ofHours(1), Duration.ofSeconds(5), 100));
        AtomicInteger builds = new AtomicInteger();
        AtomicInteger value = new AtomicInteger(1);
        status.component("probe", () -> Map.of("builds", builds.incrementAndGet(), "value", value.get()));

        byte[] first = status.json();
        for (int i = 0; i < 100; i++) {
            assertThat(status.json()).isSameAs(first);
        }
        assertThat(builds).hasValue(1);

        value.set(2);
        status.changed();
        assertThat(new String(status.json(), StandardCharsets.UTF_8)).contains("\"value\":2");
        assertThat(builds).hasValue(2);

        value.set(3);  // a change nobody announced is visible once the document is 250 ms old
        Thread.sleep(StatusService.MAX_AGE_NANOS / 1_000_000 + 50); // the subject: the document ages
        assertThat(new String(status.json(), StandardCharsets.UTF_8)).contains("\"value\":3");
        assertThat(builds).hasValue(3);
    }

    @Test
    void anyEventOnTheAgentsBusMakesTheNextStatusFresh() throws Exception {
        try (Agent agent = TestAgents.start(dir, Map.of("source.interval", "1h"));
             var viewer = TestAgents.viewer(agent)) {
            AtomicInteger value = new AtomicInteger(1);
            agent.status().component("probe", () -> Map.of("value", value.get()));
            assertThat(viewer.status().components().get("probe")).isEqualTo(Map.of("value", 1));
            value.set(2);
            agent.bus().publish("something happened");
            assertThat(viewer.status().components().get("probe")).isEqualTo(Map.of("value", 2));
        }
    }
}
