package io.smartcloudops.agent.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.detect.ExpectedBand;
import io.smartcloudops.agent.detect.SpikeSeries;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.Metric;
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
            Eventually.within("web-4 scored with a band", Duration.ofSeconds(30))
                    .until(() -> agent.detector().orElseThrow().bands("web-4").containsKey(Metric.CPU));
            // the question is asked again until the band did not move while it was answered (the replay may still run)
            String[] answer = new String[1];
            ExpectedBand[] band = new ExpectedBand[1];
            Eventually.within("an answer while the band held", Duration.ofSeconds(30)).until(() -> {
                ExpectedBand before = agent.detector().orElseThrow().bands("web-4").get(Metric.CPU);
                answer[0] = client.query("what is normal cpu on web-4?").answer();
                band[0] = agent.detector().orElseThrow().bands("web-4").get(Metric.CPU);
                return before.equals(band[0]);
            });
            Matcher m = BAND.matcher(answer[0]);
            assertThat(m.matches()).as(answer[0]).isTrue();
            double expected = Double.parseDouble(m.group(1));
            assertThat(expected).as("the host's usual CPU (about 12 %)").isBetween(10.0, 14.0);
            assertThat(Double.parseDouble(m.group(2))).isLessThan(expected);
            assertThat(Double.parseDouble(m.group(3))).isGreaterThan(expected);
            assertThat(List.of(m.group(1), m.group(2), m.group(3))).as("the detector's band, the one smartcloudops_band_* exports")
                    .containsExactly(pct(band[0].expected()), pct(band[0].lower()), pct(band[0].upper()));
            assertThat(client.metrics()).contains("smartcloudops_band_upper{host=\"web-4\",metric=\"cpu\"}");
            assertThat(client.query("is 99% cpu normal for web-4?").answer()).as("far above a band around 12 %")
                    .contains("99.0% would be outside it (above ");
            Eventually.within("the band /series/band gives the console", Duration.ofSeconds(30))
                    .until(() -> !client.band("web-4", "cpu", "10m").segments().isEmpty());
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
            assertThat(answer).matches("(?s)web-3 cpu: the detector is still learning web-3 \\(\\d+ more samples, about \\d+ (?:min|h|s)\\),"
                    + " so it has no band yet; usually about \\d+\\.\\d% \\(median of the last hour\\), now \\d+\\.\\d%\\.\\n.*");
        }
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static DetectorState state(AgentClient client, String host) {
        return client.status().hosts().stream().filter(h -> h.host().equals(host)).findFirst()
                .map(HostStatus::detectorState).orElse(null);
    }
}
