package io.smartcloudops.agent.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.detect.SpikeSeries;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.status.DetectorState;
import io.smartcloudops.api.status.HostStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "What is normal cpu on web-4?" through a real agent: the detector's expected value and band (the one
 * {@code /series/band} gives the console) once it scores the host, "still learning" with the time left before that.
 */
class DetectorBandQuestionsTest {

    private static final Pattern BAND = Pattern.compile("^web-4 cpu: the detector expects about (\\d+\\.\\d)%, normal between "
            + "(\\d+\\.\\d)% and (\\d+\\.\\d)% \\(from its recent level\\); now (\\d+\\.\\d)%, (inside|outside) the band\\.$");

    @TempDir
    Path dir;

    @Test
    void aScoredHostIsAnsweredWithTheBandTheConsoleDraws() throws Exception {
        Path csv = SpikeSeries.write(dir.resolve("web-4.csv"), 200, -1, 0, 4);
        try (Agent agent = TestAgents.start(dir, Map.of("source.spec", "replay:" + csv + "?speed=250",
                "source.interval", "100ms", "detect.min_samples", "100"));
             AgentClient client = TestAgents.viewer(agent)) {
            // the replay's 200 rows are all in: the band no longer moves between the question and /series/band
            Eventually.within("the replay scored to its end", Duration.ofSeconds(30)).until(() -> {
                DetectorState s = state(client, "web-4");
                return s != null && s.phase().equals("scoring") && client.status().hosts().stream()
                        .anyMatch(h -> h.host().equals("web-4") && h.samples() >= 200);
            });
            String answer = client.query("what is normal cpu on web-4?").answer();
            Matcher m = BAND.matcher(answer);
            assertThat(m.matches()).as(answer).isTrue();
            double expected = Double.parseDouble(m.group(1));
            assertThat(expected).as("the host's usual CPU (about 12 %)").isBetween(10.0, 14.0);
            assertThat(Double.parseDouble(m.group(2))).isLessThan(expected);
            assertThat(Double.parseDouble(m.group(3))).isGreaterThan(expected);
            String metrics = client.metrics();
            assertThat(List.of(m.group(1), m.group(2), m.group(3))).as("the band /metrics exports (smartcloudops_band_*)")
                    .containsExactly(pct(gauge(metrics, "smartcloudops_band_expected")), pct(gauge(metrics, "smartcloudops_band_lower")),
                            pct(gauge(metrics, "smartcloudops_band_upper")));
            assertThat(client.band("web-4", "cpu", "10m").segments()).as("and the console draws").isNotEmpty();
        }
    }

    @Test
    void aLearningHostSaysSoAndFallsBackToTheMedian() throws Exception {
        Path csv = SpikeSeries.write(dir.resolve("web-3.csv"), 40, -1, 0, 3);
        try (Agent agent = TestAgents.start(dir, Map.of("source.spec", "replay:" + csv + "?speed=250",
                "source.interval", "100ms", "detect.min_samples", "1000"));
             AgentClient client = TestAgents.viewer(agent)) {
            Eventually.within("three samples of web-3 scored as learning", Duration.ofSeconds(30)).until(() -> {
                DetectorState s = state(client, "web-3");
                return s != null && s.learningSamplesLeft() <= 997;
            });
            String answer = client.query("whats normal cpu for web-3").answer();
            assertThat(answer).matches("(?s)web-3 cpu: the detector is still learning web-3 \\(\\d+ samples, about \\d+ (?:min|h|s) left\\),"
                    + " so it has no band yet; usually about \\d+\\.\\d% \\(median of the last hour\\), now \\d+\\.\\d%\\.\\n.*");
        }
    }

    private static double gauge(String exposition, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{host=\"web-4\",metric=\"cpu\"} (\\S+)$").matcher(exposition);
        assertThat(m.find()).as(name + " in\n" + exposition).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static DetectorState state(AgentClient client, String host) {
        return client.status().hosts().stream().filter(h -> h.host().equals(host)).findFirst()
                .map(HostStatus::detectorState).orElse(null);
    }
}
