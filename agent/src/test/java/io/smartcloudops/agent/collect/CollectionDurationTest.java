package io.smartcloudops.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.TestAgents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent says when it cannot keep up: every collection is timed, and one longer than the interval counts. */
class CollectionDurationTest {

    @TempDir
    Path dir;

    @Test
    void collectionsAreTimedAndOverrunsCounted() throws Exception {
        String csv = Path.of("src/test/resources/replay/web-1.csv").toAbsolutePath().toString();
        try (Agent agent = TestAgents.start(dir, Map.of("source.spec", "replay:" + csv + "?speed=1000&loop=true",
                "source.interval", "100ms", "detect.enabled", "false"));
             var viewer = TestAgents.viewer(agent)) {
            Eventually.within("three timed collections", Duration.ofSeconds(10))
                    .until(() -> count(viewer.metrics(), "smartcloudops_collection_duration_seconds_count") >= 3);
            assertThat(count(viewer.metrics(), "smartcloudops_collection_overruns_total")).isZero();

            // a subscriber slower than the interval (as scoring too many hosts would be)
            agent.bus().subscribe(SamplesCollected.class, batch -> {
                try {
                    Thread.sleep(150); // the subject: a subscriber slower than the 100 ms interval
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Eventually.within("two overruns counted", Duration.ofSeconds(10))
                    .until(() -> count(viewer.metrics(), "smartcloudops_collection_overruns_total") >= 2);
        }
    }

    private static double count(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(metrics);
        if (!m.find()) {
            throw new AssertionError(name + " missing from /metrics");
        }
        return Double.parseDouble(m.group(1));
    }
}
