package io.smartcloudops.agent.chat.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.status.AgentStatus;
import io.smartcloudops.api.status.DetectorState;
import io.smartcloudops.api.status.HostStatus;
import io.smartcloudops.api.status.SourceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Is web-2 still learning?", "which hosts have a season?": the detector's state per host from /status, in words. */
class DetectorAnswersTest {

    private static final Instant NOW = Instant.parse("2026-12-07T15:30:00Z");

    private final AgentStatus status = new AgentStatus("test", NOW, 60, new SourceStatus("local", "local", true, null, NOW, NOW, 0, 5),
            List.of(new HostStatus("web-2", NOW, Map.of(), "learning", null, 40,
                            new DetectorState("learning", 80, 400, List.of("learning"), List.of())),
                    new HostStatus("web-1", NOW, Map.of(), "scoring", 0.1, 9000,
                            new DetectorState("scoring", 0, 0, List.of("scoring", "daily season found", "level just shifted"),
                                    List.of(new DetectorState.MetricState("cpu", "daily", NOW, true),
                                            new DetectorState.MetricState("mem", "none", null, false),
                                            new DetectorState.MetricState("net_in", "weekly", null, false))))),
            Map.of());

    @Test
    void everyHostSaysWhetherItLearnsAndWhichSeasonsAndShiftsWereFound() {
        assertThat(new DetectorAnswers().state(status, null)).isEqualTo("""
                Detector, per host:
                - web-1: scoring, daily season found for cpu, weekly season found for net_in, level just shifted for cpu \
                (taken as the new normal).
                - web-2: still learning, 80 samples (about 6 min) before it is scored; nothing is flagged until then.""");
    }

    @Test
    void oneHostOrOneNotSeen() {
        assertThat(new DetectorAnswers().state(status, "web-2")).startsWith("Detector on web-2: still learning, 80 samples");
        assertThat(new DetectorAnswers().state(status, "db-1")).isEqualTo("The detector has not seen db-1 yet: no sample of it was scored.");
    }

    @Test
    void whatIsNormalIsTheDetectorsBandOnceItScoresAndTheMedianWhileItLearns() {
        var band = new io.smartcloudops.agent.chat.tools.ToolOutput.Band(12.0, 5.0, 30.0, "12.0%", "5.0%", "30.0%", "daily", NOW);
        var web1 = new io.smartcloudops.agent.chat.tools.ToolOutput.HostValue("web-1", "cpu", 97.0, "97.0%", 14.0, "14.0%", NOW, band);
        var web2 = new io.smartcloudops.agent.chat.tools.ToolOutput.HostValue("web-2", "cpu", 25.0, "25.0%", 20.0, "20.0%", NOW, null);
        String answer = new DetectorAnswers().usual(List.of(new io.smartcloudops.agent.chat.tools.ToolOutput.MetricValues(
                List.of(web1, web2), null)), status);
        assertThat(answer).startsWith("""
                web-1 cpu: the detector expects about 12.0%, normal between 5.0% and 30.0% (following its daily season); \
                now 97.0%, outside the band.
                web-2 cpu: the detector is still learning web-2 (80 more samples, about 6 min), so it has no band yet; \
                usually about 20.0% (median of the last hour), now 25.0%.
                The band the detector expects""");
        String scoredOnly = new DetectorAnswers().usual(List.of(new io.smartcloudops.agent.chat.tools.ToolOutput.MetricValues(
                List.of(web1), null)), status);
        assertThat(scoredOnly).as("no pointer to the band when the answer is the band").doesNotContain("\n");
        assertThat(new DetectorAnswers().usual(List.of(new io.smartcloudops.agent.chat.tools.ToolOutput.MetricValues(
                List.of(web1), null)), status, 80.0)).as("is 80% cpu normal for web-1?")
                .endsWith("now 97.0%, outside the band. 80.0% would be outside it (above 30.0%).");
        assertThat(new DetectorAnswers().usual(List.of(new io.smartcloudops.agent.chat.tools.ToolOutput.MetricValues(
                List.of(web1), null)), status, 20.0)).endsWith(" 20.0% would be inside it.");
        assertThat(new DetectorAnswers().usual(List.of(new io.smartcloudops.agent.chat.tools.ToolOutput.MetricValues(
                List.of(web2), null)), status, 80.0)).contains("now 25.0%; 80.0% is above that median.");
    }

    @Test
    void theQuestionsReadAsTheDetectorsState() {
        QuestionParser parser = PhrasingCorpus.parser();
        assertThat(parser.parse("is web-2 still learning?", List.of())).isEqualTo(new Intent.DetectorState("web-2"));
        assertThat(parser.parse("which hosts have a season", List.of())).isEqualTo(new Intent.DetectorState(null));
        assertThat(parser.parse("any level shifts on db1", List.of())).isEqualTo(new Intent.DetectorState("db-1"));
        assertThat(parser.parse("cpu cycles on web-1", List.of())).as("a figure, not a season")
                .isEqualTo(new Intent.CurrentMetrics(List.of("web-1"), List.of(io.smartcloudops.api.Metric.CPU)));
        assertThat(parser.parse("is web still learning?", List.of())).as("two hosts fit 'web': asked, not guessed")
                .isEqualTo(new Intent.Ambiguous("web", List.of("web-1", "web-2")));
        // an anomaly asked about is not the detector's state, nor is "higher than usual" a question about the usual
        assertThat(parser.parse("anything unusual on web-1?", List.of())).isInstanceOf(Intent.Anomalies.class);
        assertThat(parser.parse("is cpu on web-1 higher than usual?", List.of())).isNotInstanceOf(Intent.Usual.class);
        assertThat(parser.parse("is 80% cpu normal for web-2", List.of()))
                .isEqualTo(new Intent.Usual("web-2", List.of(io.smartcloudops.api.Metric.CPU), 80.0));
        assertThat(parser.parse("whats normal cpu for web-1", List.of()))
                .isEqualTo(new Intent.Usual("web-1", List.of(io.smartcloudops.api.Metric.CPU)));
    }
}
