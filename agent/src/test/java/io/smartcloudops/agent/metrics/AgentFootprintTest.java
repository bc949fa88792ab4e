package io.smartcloudops.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.TestAgents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator sees what the agent costs its host, in /status (the console) and in /metrics (Prometheus). */
class AgentFootprintTest {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void statusAndMetricsShowTheAgentsOwnMemoryCpuAndStore() throws Exception {
        String csv = Path.of("src/test/resources/replay/web-1.csv").toAbsolutePath().toString();
        try (Agent agent = TestAgents.start(dir, Map.of("source.spec", "replay:" + csv + "?speed=1000000", "source.interval", "200ms"));
             var viewer = TestAgents.viewer(agent)) {
            Eventually.within("20 samples of web-1", Duration.ofSeconds(10)).until(() -> agent.store().sampleCount("web-1") >= 20);
            Map<String, Object> own = (Map<String, Object>) viewer.status().components().get("agent");
            assertThat(((Number) own.get("heap_used_bytes")).longValue()).isPositive();
            assertThat(((Number) own.get("heap_max_bytes")).longValue()).isGreaterThanOrEqualTo(((Number) own.get("heap_used_bytes")).longValue());
            assertThat(((Number) own.get("cpu_seconds_total")).doubleValue()).isPositive();
            assertThat(((Number) own.get("threads")).intValue()).isPositive();
            if (Path.of("/proc/self/status").toFile().exists()) {
                assertThat(((Number) own.get("resident_bytes")).longValue()).as("RSS at least the heap in use")
                        .isGreaterThan(((Number) own.get("heap_used_bytes")).longValue() / 2);
            }
            Map<String, Object> store = (Map<String, Object>) viewer.status().components().get("store");
            assertThat(((Number) store.get("samples")).longValue()).isGreaterThanOrEqualTo(20);
            assertThat(((Number) store.get("bytes")).longValue()).isPositive();
            assertThat(store).containsEntry("corrupt_blocks_dropped", 0).containsEntry("retention", "1d");

            Eventually.within("jvm_* in /metrics (registered in the background)", Duration.ofSeconds(10))
                    .until(() -> viewer.metrics().contains("jvm_gc_collection_seconds_sum"));
            String metrics = viewer.metrics();
            assertThat(metrics).contains("process_resident_memory_bytes", "process_cpu_seconds_total", "jvm_memory_used_bytes{area=\"heap\"}",
                    "jvm_gc_collection_seconds_sum", "smartcloudops_store_bytes ", "smartcloudops_store_samples ",
                    "smartcloudops_store_corrupt_blocks_total 0");
        }
    }

    @Test
    void aHealthySourceShowsZeroFailedCollectionsNotNone() throws Exception {
        // The recording rule smartcloudops:source_collections_errors:ratio5m divides errors by all collections:
        // with no error series at all it answers nothing instead of 0.
        String csv = Path.of("src/test/resources/replay/web-1.csv").toAbsolutePath().toString();
        try (Agent agent = TestAgents.start(dir, Map.of("source.spec", "replay:" + csv + "?speed=1000000", "source.interval", "200ms"));
             var viewer = TestAgents.viewer(agent)) {
            Eventually.within("a collection", Duration.ofSeconds(10)).until(() -> agent.store().sampleCount("web-1") >= 1);
            assertThat(viewer.metrics().lines().filter(l -> l.startsWith("smartcloudops_source_collections_total{")))
                    .anyMatch(l -> l.contains("result=\"ok\"") && !l.endsWith(" 0.0") && !l.endsWith(" 0"))
                    .anyMatch(l -> l.contains("result=\"error\"") && (l.endsWith(" 0.0") || l.endsWith(" 0")));
        }
    }
}
