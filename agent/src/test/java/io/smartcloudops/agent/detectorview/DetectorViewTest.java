package io.smartcloudops.agent.detectorview;

import io.smartcloudops.agent.testing.Eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.detect.SpikeSeries;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.series.BandHistory;
import io.smartcloudops.api.series.BandSegment;
import io.smartcloudops.api.status.DetectorState;
import io.smartcloudops.api.status.HostStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees of the detector through a real agent: /status tells each host's state (learning with the
 * time left, then scoring with each metric's season), /metrics has the expected value and band per host and
 * metric, and /series/band gives the band's history that the console draws.
 */
class DetectorViewTest {

    @TempDir
    Path dir;

    @Test
    void aLearningHostSaysHowLongItStillLearns() throws Exception {
        Path csv = SpikeSeries.write(dir.resolve("web-3.csv"), 40, -1, 0, 3);
        try (Agent agent = TestAgents.start(dir, Map.of("source.spec", "replay:" + csv + "?speed=250",
                "source.interval", "100ms", "detect.min_samples", "1000"));
             AgentClient client = TestAgents.viewer(agent)) {
            await(() -> state(client, "web-3") != null && state(client, "web-3").learningSamplesLeft() < 1000, "learning progress");
            DetectorState s = state(client, "web-3");
            assertThat(s.phase()).isEqualTo("learning");
            assertThat(s.labels()).containsExactly("learning");
            assertThat(s.learningSamplesLeft()).isBetween(960, 999);
            assertThat(s.learningSecondsLeft()).isPositive();
            assertThat(s.metrics()).isEmpty();
            assertThat(client.band("web-3", "cpu", "1h").segments()).as("no band while learning").isEmpty();
            assertThat(client.metrics()).doesNotContain("smartcloudops_band_expected{");
        }
    }

    @Test
    void aScoringHostShowsItsStateAndTheBandOfEveryMetric() throws Exception {
        Path csv = SpikeSeries.write(dir.resolve("web-4.csv"), 200, -1, 0, 4);
        try (Agent agent = TestAgents.start(dir, Map.of("source.spec", "replay:" + csv + "?speed=250",
                "source.interval", "100ms", "detect.min_samples", "100"));
             AgentClient client = TestAgents.viewer(agent)) {
            await(() -> state(client, "web-4") != null && state(client, "web-4").phase().equals("scoring")
                    && !client.band("web-4", "cpu", "10m").segments().isEmpty(), "scoring with a band");
            DetectorState s = state(client, "web-4");
            assertThat(s.labels()).first().isEqualTo("scoring");
            assertThat(s.learningSamplesLeft()).isZero();
            assertThat(s.learningSecondsLeft()).isZero();
            assertThat(s.metrics()).extracting(DetectorState.MetricState::metric)
                    .containsExactly("cpu", "mem", "disk", "disk_io", "net_in", "net_out", "load1");
            assertThat(s.metrics()).allMatch(m -> m.season().equals("none") && !m.levelJustShifted());

            BandHistory band = client.band("web-4", "cpu", "10m");
            assertThat(band.host()).isEqualTo("web-4");
            assertThat(band.unit()).isEqualTo("%");
            BandSegment seg = band.segments().getLast();
            assertThat(seg.from()).isBeforeOrEqualTo(seg.to());
            assertThat(seg.lower()).isLessThan(seg.expected());
            assertThat(seg.upper()).isGreaterThan(seg.expected());
            assertThat(seg.expected()).as("the host's usual CPU (about 12 %)").isBetween(10.0, 14.0);
            assertThat(seg.basis()).isEqualTo("none");

            String metrics = client.metrics();
            double expected = gauge(metrics, "smartcloudops_band_expected", "web-4", "cpu");
            double lower = gauge(metrics, "smartcloudops_band_lower", "web-4", "cpu");
            double upper = gauge(metrics, "smartcloudops_band_upper", "web-4", "cpu");
            assertThat(lower).isLessThan(expected);
            assertThat(upper).isGreaterThan(expected);
            assertThat(expected).as("the latest band: the host's usual CPU too").isBetween(10.0, 14.0);
            assertThat(gauge(metrics, "smartcloudops_band_upper", "web-4", "net_in")).isGreaterThan(10_000);

            assertBad(() -> client.band("nobody", "cpu", null), "host");
            assertBad(() -> client.band("web-4", "gpu", null), "metric");
            assertBad(() -> client.band("web-4", "cpu", "last tuesday"), "since");
        }
    }

    private static DetectorState state(AgentClient client, String host) {
        return client.status().hosts().stream().filter(h -> h.host().equals(host)).findFirst()
                .map(HostStatus::detectorState).orElse(null);
    }

    private static double gauge(String exposition, String name, String host, String metric) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{host=\"" + host + "\",metric=\"" + metric + "\"} (\\S+)$").matcher(exposition);
        assertThat(m.find()).as(name + " for " + host + " " + metric + " in\n" + exposition).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static void assertBad(Runnable call, String parameter) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AgentApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.error().detail()).startsWith(parameter + ":");
        });
    }

    private static void await(BooleanSupplier condition, String what) {
        Eventually.within(what, Duration.ofSeconds(30)).until(condition::getAsBoolean);
    }
}
