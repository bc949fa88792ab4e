package io.smartcloudops.agent.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.detect.SpikeSeries;
import io.smartcloudops.agent.detect.VerdictPattern;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Verdict;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.client.AgentClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent that keeps no detector state ({@code detect.state_dir none}; the same happens when a saved state is refused
 * after an upgrade of the detector's settings, or is damaged) learns every host again after a restart and no longer
 * remembers the anomalies an operator marked. The verdict's audit record keeps the pattern it acts on, so the host that
 * learned again still stays quiet when the pattern marked as a false alarm comes back.
 */
class VerdictAfterLearningAgainTest {

    @TempDir
    Path dir;

    @Test
    void aHostThatLearnsAgainStaysQuietOnThePatternMarkedFalse() throws Exception {
        Path csv = SpikeSeries.write(dir.resolve("web-7.csv"), 292, 160, 12, 7);
        Map<String, String> replay = Map.of("source.spec", "replay:" + csv + "?speed=250", "source.interval", "100ms",
                "detect.min_samples", "100", "detect.state_dir", "none");
        Anomaly marked;
        try (Agent agent = TestAgents.start(dir, replay); AgentClient operator = TestAgents.operator(agent)) {
            await(() -> agent.detector().orElseThrow().store().size() > 0
                    && agent.detector().orElseThrow().store().query(1, null, null).getFirst().end() != null, "the CPU saturation ends");
            Anomaly a = operator.anomalies(null, null, "web-7").anomalies().getFirst();
            marked = operator.feedback(a.id(), Verdict.FALSE_ALARM, "load test, planned");
            AuditRecord r = agent.auditLog().read(LocalDate.MIN, LocalDate.MAX).stream()
                    .filter(x -> x.event() == AuditEvent.FEEDBACK).findFirst().orElseThrow();
            VerdictPattern pattern = VerdictPattern.parse(r.params().get("pattern"));
            assertThat(pattern.sides()).extracting(VerdictPattern.Side::metric).contains(Metric.CPU);
        }

        // restarted with nothing saved: web-7 learns from scratch, and the same saturation comes back
        try (Agent agent = TestAgents.start(dir, replay); AgentClient viewer = TestAgents.viewer(agent)) {
            assertThat(viewer.anomalies(null, null, "web-7").anomalies()).containsExactly(marked);
            await(() -> !agent.detector().orElseThrow().feedback("web-7").isEmpty(), "the verdict told to the host that learned again");
            assertThat(agent.detector().orElseThrow().feedback("web-7").getFirst().pattern()).isNotNull();
            await(() -> agent.store().sampleCount("web-7") >= 292, "the whole replay");
            List<Anomaly> after = viewer.anomalies(null, null, "web-7").anomalies();
            assertThat(after).as("no new anomaly for the pattern marked false").containsExactly(marked);
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        Eventually.within(what, Duration.ofSeconds(30)).until(condition::getAsBoolean);
    }
}
